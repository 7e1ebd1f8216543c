"""Which built pages become which PDFs: the whole guide and each chapter's handout, in every
language (``bss.finish.pdfs`` makes them, after the engine built the pages)."""
from __future__ import annotations

from typing import Callable

from bss.pdf_document import Document
from bss.prepare.content.guide import ordered


def documents(site, directory_urls: bool = True) -> list[Document]:
    """The whole guide and each chapter's handout, in each language of the site."""
    content, links, out = site.content, site.links, []
    strings = content.strings
    for lang in content.settings.languages:

        def built(kind: str, id: str = "", lang: str = lang) -> str:
            return _built(links.url(kind, id, lang, directory_urls))

        def link(key: str, lang: str = lang) -> Callable[[str], str]:
            return lambda size: strings.t(key, lang, size=size)

        # The funding line of every page's footer: the EU emblem beside the statement, the very
        # partial every page of the site and the certificate show (one drawing of the emblem).
        funding = site.renderer.render_html("partials/eu-funding.html", eu={"statement": strings.t("eu.statement", lang)})
        common = {"lang": lang, "locale": strings.locale(lang), "site_name": content.settings.site_names.get(lang, ""),
                  "funding": funding, "public": links.site_url + "/"}
        whole = built("guide-whole")
        out.append(Document(whole, f"{whole.rpartition('/')[0]}/ghid-{lang}.pdf", title=strings.t("guide.whole", lang),
                            address=links.site_url + links.url("guide", "", lang), link=link("pdf.whole_link"),
                            linked_from=(built("guide"), whole), **common))
        for chapter in ordered(content):
            handout = built("handout", chapter.id)
            out.append(Document(handout, f"{handout.rpartition('/')[0]}/{chapter.id}-{lang}.pdf",
                                title=chapter.title.get(lang)[0], address=links.short_url(chapter.id, "", lang),
                                link=link("pdf.chapter_link"), linked_from=(built("chapter", chapter.id), handout),
                                **common))
    return out


def _built(url: str) -> str:
    """The HTML file of a published address (``/en/ghid/`` -> ``en/ghid/index.html``)."""
    path = url.split("#")[0].lstrip("/")
    return path + "index.html" if path.endswith("/") or not path else path
