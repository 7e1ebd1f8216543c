"""The home page's case-study cards: different pictures where the data allow, the same cards every build."""
from __future__ import annotations

import datetime
import random
from types import SimpleNamespace

from bss.prepare.content.load import load_content
from bss.prepare.pages import home
from bss.prepare.pages.home import featured_cases, picture
from helpers import ROOT


def case(id, service_type, start=None, photo=None):
    photos = (SimpleNamespace(src=photo),) if photo else ()
    return SimpleNamespace(id=id, service_type=service_type, start=start and datetime.date(*start), photos=photos)


def ids(cases):
    return [c.id for c in cases]


def test_the_shipped_home_page_shows_no_picture_twice():
    shown = home.pages(load_content(ROOT))[0].context["cases"]
    assert len(shown) == home.CASES_SHOWN
    assert len({picture(c) for c in shown}) == len(shown), [(c.id, c.service_type) for c in shown]


def test_two_recent_services_of_one_type_do_not_show_one_picture_twice():
    cases = [case("day-a", "centru-de-zi", (2023, 12, 1)), case("day-b", "centru-de-zi", (2023, 5, 20)),
             case("laundry", "spalatorie-sociala", (2023, 4, 1)), case("barnahus", "centru-barnahus", (2022, 5, 20))]
    assert ids(featured_cases(cases, 3)) == ["day-a", "laundry", "barnahus"]


def test_a_case_studys_own_photo_comes_first_and_differs_from_an_illustration():
    cases = [case("day-a", "centru-de-zi", (2024, 1, 1)), case("day-b", "centru-de-zi", (2020, 1, 1), photo="b.jpg"),
             case("team", "echipa-mobila", (2023, 1, 1))]
    assert ids(featured_cases(cases, 3)) == ["day-b", "team", "day-a"]  # the photo, then two new types


def test_two_photos_of_one_type_are_two_pictures_before_its_illustration():
    cases = [case("p1", "echipa-mobila", (2021, 1, 1), photo="1.jpg"), case("p2", "echipa-mobila", (2020, 1, 1), photo="2.jpg"),
             case("i1", "echipa-mobila", (2024, 1, 1)), case("i2", "echipa-mobila", (2025, 1, 1))]
    chosen = featured_cases(cases, 3)
    assert ids(chosen) == ["p1", "p2", "i2"]
    assert len({picture(c) for c in chosen}) == 3


def test_when_the_data_allow_no_difference_the_cards_are_still_shown():
    cases = [case(f"team-{i}", "echipa-mobila", (2020, 1, i + 1)) for i in range(5)]
    assert ids(featured_cases(cases, 3)) == ["team-4", "team-3", "team-2"]
    assert ids(featured_cases(cases[:2], 3)) == ["team-1", "team-0"]


def test_the_same_data_give_the_same_cards_whatever_the_reading_order():
    cases = [case(f"c{i}", t, (2020 + i % 3, 1, 1) if i % 4 else None, photo="x.jpg" if i == 7 else None)
             for i, t in enumerate(["centru-de-zi", "echipa-mobila", "centru-de-zi", "respiro", "echipa-mobila",
                                    "cantina-sociala", "respiro", "centru-de-zi", "spalatorie-sociala"])]
    expected = ids(featured_cases(cases, 3))
    for seed in range(5):
        random.Random(seed).shuffle(cases)
        assert ids(featured_cases(cases, 3)) == expected
    assert len({picture(c) for c in featured_cases(cases, 3)}) == 3
