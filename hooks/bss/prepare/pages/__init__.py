"""From checked content to pages: the link registry (links.py), the Jinja2 renderer of page specs
(render.py, templates/), the pages that are not one content type's (catalogue, results, site_pages),
QR codes, icons and the translation report. Entry point: ``Renderer(strings, links).render(spec)``."""
