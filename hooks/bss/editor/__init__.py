"""The browser editor (Decap CMS): its configuration generated from the collections' declarations
and JSON Schemas (config.py, fields.py), the YAML it writes (yaml_writer.py), the backend that checks
and saves (backend.py; its protocol's actions, one function each, in actions.py; request.py,
save_check.py), the local server (http_server.py), the pinned Decap package (package.py) and the
admin page published with the site (admin.py, templates/).
Entry points: ``EditorServer(root)`` (``make edit``), ``add_editor(site_dir, config_file, ...)``,
``Backend(root).handle(request)`` (one request of the protocol, as the server hands it on)."""
