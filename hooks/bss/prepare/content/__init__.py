"""One module per content type (its record class, its collection declaration, its pages), and
load.py, which loads every collection in order and checks what they refer to.
Entry point: ``bss.prepare.content.load.load_content(root, config)`` -> ``Content``."""
