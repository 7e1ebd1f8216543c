"""The Better Social Services site core: YAML content -> validated records -> Markdown pages ->
(the engine renders HTML) -> the finished site. Knows nothing of MkDocs nor of the live preview:
``hooks/site_hook.py`` connects the stages to MkDocs' events.

    prepare/   YAML -> validated records -> the Markdown pages, menu and extra files of every language
    finish/    over the rendered HTML and the built folder: sanitising, headers, 404 pages, search
    editor/    the browser editor (Decap CMS): its configuration, backend and local server
    *.py       what the stages share: problems, text, settings, sanitize, csp, addresses, ...

Entry points: ``bss.prepare.prepare(root, config)`` (and ``check``), ``bss.finish.finish_page``
and ``finish_site``, ``bss.editor.http_server.EditorServer``; ``python -m bss check [ROOT]``.
The import rules between the stages: tests/test_architecture.py.
"""
