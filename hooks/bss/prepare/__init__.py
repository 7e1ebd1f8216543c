"""Prepare: YAML content -> validated records -> the Markdown pages, menu and extra files of every
language. Pure Python: no MkDocs.

    read/      reading and checking files (YAML documents, records, JSON Schemas, Markdown, images)
    content/   one module per content type, and load.py (``load_content``: every collection checked)
    pages/     page specs rendered through Jinja2 (render.py), links, catalogue, QR codes, icons, report
    site.py    ``check_site`` (everything checked, short of rendering) and ``build_site`` (a ``Site``)

Entry points: ``bss.prepare.site.build_site(root, config)`` -> ``Site``, and
``bss.prepare.site.check_site(root, config)``; both raise ``ContentError`` listing every problem.
"""
