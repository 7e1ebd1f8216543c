"""One PDF of the guide, as plain data: prepare says which pages become which PDFs
(``bss.prepare.pages.pdf_documents``), finish makes them (``bss.finish.pdfs``)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable


@dataclass(frozen=True)
class Document:
    """One PDF: made from the built page ``page``, written to ``pdf`` (both relative to the
    site's folder), linked from each page of ``linked_from`` with the words ``link(size)``."""
    page: str
    pdf: str
    lang: str
    locale: str  # for the size: 1.2 MB, 1,2 MB
    title: str
    site_name: str
    funding: str  # HTML: the EU emblem (inline SVG) beside the funding statement, for every page's footer
    address: str  # printed in every page's footer: the short link of what the PDF holds
    link: Callable[[str], str]
    linked_from: tuple[str, ...]
    public: str  # the site's public address: the PDF's links lead there, not to files of this machine
