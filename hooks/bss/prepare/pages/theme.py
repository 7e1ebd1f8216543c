"""What the theme's templates show besides a page's body, in the page's language, as plain data:
the footer, the header's search box, and the language menu's links."""
from __future__ import annotations

from bss.prepare.pages.links import Links


def theme_strings(site, lang: str, page_url: str | None, directory_urls: bool = True) -> dict:
    """The footer, and the header's search box (its form goes to the search page, addressed from
    the page at ``page_url``; None for a template that is not a page). ``site``: a prepared Site."""
    links, strings = site.links, site.content.strings
    search = None
    if page_url is not None:
        target = links.page_url(links.page("search"), lang, directory_urls)
        action = links.relative_url(target, page_url)
        search = {"action": action, **{key: strings.t(f"search.{key}", lang) for key in ("label", "placeholder", "submit")}}
    eu = {key: strings.t(f"eu.{key}", lang) for key in ("statement", "disclaimer")}
    return {"footer": strings.t("theme.footer", lang), "search": search, "eu": eu}


def point_alternates(links: Links, versions: dict[str, str] | None, alternates: list[dict] | None,
                     directory_urls: bool = True) -> None:
    """The language menu of a page whose address differs by language (``versions``: language ->
    page): static-i18n points each entry at the same path in the other language; point it at the
    page's own version there instead."""
    if not versions:
        return
    for alternate in alternates or []:
        if alternate["lang"] in versions:
            lang = alternate["lang"]
            alternate["link"] = links.page_url(versions[lang], lang, directory_urls).lstrip("/")
