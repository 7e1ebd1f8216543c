"""Pictures for case studies that have no photo of their own: an illustration of the service type,
drawn at build time (a tinted field, two soft shapes and the type's icon from the icon set the
theme ships). Nothing is fetched from elsewhere; each type's is one SVG file of a few hundred bytes,
which every card of that type refers to (inline, the same SVG on each of 2,000 cards made the
catalogue 69 KB gzip; issue 26). It says only what the card's text already says, the type of
service, so it is decorative (empty alt)."""
from __future__ import annotations

import re
import zlib
from dataclasses import dataclass

from bss.prepare.pages import icons

# The icon of each service type (data/service-types.yml); a type not listed gets the default.
ICONS = {
    "casa-comunitara": "material/home-group", "locuinta-protejata": "material/home-account",
    "echipa-mobila": "material/van-utility", "respiro": "material/weather-sunny",
    "asistenta-parentala-profesionista": "material/home-heart", "ingrijire-la-domiciliu": "material/human-cane",
    "centru-de-zi": "material/account-group", "centru-de-reabilitare": "material/heart-pulse",
    "orientare-profesionala": "material/briefcase", "spalatorie-sociala": "material/washing-machine",
    "cantina-sociala": "material/silverware-fork-knife", "centru-de-plasament-temporar": "material/shield-home",
    "centru-barnahus": "material/human-child", "interventie-timpurie": "material/baby-face-outline",
    "igiena-si-ingrijire": "material/hand-wash", "asistenta-psihopedagogica": "material/puzzle",
    "dizabilitati-senzoriale": "material/ear-hearing", "protectia-copilului": "material/shield-home",
    "activitati-socio-educationale": "material/palette", "centru-de-plasament-adulti": "material/home-account",
}
DEFAULT_ICON = "material/hand-heart"
# (field, shapes, icon): light fields, icons dark enough to read against them (contrast over 7:1).
TINTS = (("#e3edf5", "#cadcea", "#1d4f73"), ("#e6f2e8", "#cbe3d0", "#1f5a2e"), ("#f7ecdf", "#ecd6bd", "#6b3d0f"),
         ("#eee8f5", "#dbcfea", "#4b2a6b"), ("#f6e6ea", "#ebcbd3", "#7a1f3a"), ("#e1f0f0", "#c3e0e0", "#16545a"))
FOLDER = "assets/illustrations"  # under docs/, as if written there: MkDocs publishes it like a photo
_PATH = re.compile(r'\sd="([^"]+)"')


@dataclass(frozen=True)
class Illustration:
    field: str
    shapes: str
    ink: str
    path: str  # the icon's SVG path, in a 24 x 24 box


def illustration(service_type: str) -> Illustration:
    """The picture of a service type: the same type, the same picture, in every build."""
    field, shapes, ink = TINTS[zlib.crc32(service_type.encode()) % len(TINTS)]
    name = ICONS.get(service_type, DEFAULT_ICON)
    match = _PATH.search(icons.svg(name if icons.exists(name) else DEFAULT_ICON))
    return Illustration(field, shapes, ink, match.group(1) if match else "")


def file(service_type: str) -> str:
    """Where the picture of a service type is published (a source path, from docs/)."""
    return f"{FOLDER}/{service_type}.svg"


def files(service_types, renderer) -> dict[str, str]:
    """The SVG file of each service type, by source path (``renderer`` draws it from its template)."""
    return {file(t): renderer.render_html("illustration.svg", art=illustration(t)) for t in service_types}
