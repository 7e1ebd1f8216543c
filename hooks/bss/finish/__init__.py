"""Finish: over the rendered HTML and the built site/ folder, after the engine rendered the pages.

Entry points:
- ``finish_page(html, page, short, ...)`` (page.py), per page: the body sanitised, its ids and the
  theme's copies (title, description, table of contents) made safe, the short links marked. The
  Content-Security-Policy of each HTML file is ``bss.csp.with_policy`` (shared: prepare's
  redirect pages carry it too).
- ``finish_site(site_dir, SiteFiles(...), ...)`` (folder.py), once per site: the extra files
  written, each language's 404 page, ``_headers`` (headers.py), the editor's files (a step the
  caller hands over), the search index (search.py).

Imports neither prepare nor the editor: what it needs from them arrives as plain data
(``SiteFiles``: the files, the 404 pages' sources, the site's base path; the short-link map).
"""
from bss.finish.folder import SiteFiles, finish_site
from bss.finish.pdfs import Missing as PdfsMissing
from bss.finish.pdfs import make_pdfs, pdf_step
from bss.finish.page import finish_page

__all__ = ["PdfsMissing", "SiteFiles", "finish_page", "finish_site", "make_pdfs", "pdf_step"]
