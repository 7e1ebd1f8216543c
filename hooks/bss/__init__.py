"""The Better Social Services site core: YAML content -> validated models -> Markdown pages.

Knows nothing of MkDocs; the thin hook in ``hooks/site_hook.py`` is the only MkDocs-aware code.
"""
