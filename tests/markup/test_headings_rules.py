"""§7 headings ``!`` (decision A8: shifted by one) and §8 horizontal rules ``----``."""

from __future__ import annotations

import pytest

from .golden import html, only, text, wiki_links


@pytest.mark.parametrize(
    ("source", "tag"),
    [("!One", "h2"), ("!!Two", "h3"), ("!!!Three", "h4"), ("!!!!Four", "h5"), ("!!!!!Five", "h6")],
)
def test_heading_levels_are_shifted_by_one(source: str, tag: str) -> None:
    soup = html(source)
    assert text(only(soup, tag)) == source.lstrip("!")


@pytest.mark.parametrize(("source", "tag"), [("!One", "h1"), ("!!Two", "h2"), ("!!!Three", "h3")])
def test_heading_shift_is_configurable(source: str, tag: str) -> None:
    assert text(only(html(source, heading_shift=0), tag)) == source.lstrip("!")


def test_spec_example() -> None:
    assert text(only(html("!!Examples:"), "h3")) == "Examples:"


@pytest.mark.parametrize("source", ["!!Examples:", "!! Examples:", "!!   Examples:"])
def test_space_after_marks_is_optional(source: str) -> None:
    assert text(only(html(source), "h3")) == "Examples:"


def test_heading_content_is_inline_parsed() -> None:
    soup = html("!Heading with HeroicSacrifice and ''emphasis'' [[spoiler:x]]")
    heading = only(soup, "h2")
    assert wiki_links(heading) == [("/Main/HeroicSacrifice/", "Heroic Sacrifice")]
    assert only(heading, "em").get_text() == "emphasis"
    assert heading.find("span", class_="spoiler") is not None


@pytest.mark.parametrize("source", ["hey! you", "Wow!", "a !b"])
def test_exclamation_not_at_line_start_is_text(source: str) -> None:
    soup = html(source)
    assert soup.find(["h1", "h2", "h3", "h4", "h5", "h6"]) is None
    assert text(soup) == source


def test_pantheon_single_bang_sections() -> None:
    soup = html("!Greater Gods\ntext\n!Intermediate Gods")
    assert [text(h) for h in soup.find_all("h2")] == ["Greater Gods", "Intermediate Gods"]


def test_heading_ends_paragraph_and_list() -> None:
    soup = html("para\n!Heading\n* item\n!Next\nmore")
    body = [el.name for el in soup.find_all(["p", "h2", "ul"], recursive=False)]
    assert body == ["p", "h2", "ul", "h2", "p"]
    assert text(soup.find("p")) == "para"


def test_heading_inside_folder() -> None:
    soup = html("[[folder:F]]\n!!Inside\n[[/folder]]")
    assert text(only(only(soup, "details"), "h3")) == "Inside"


def test_deepest_level_is_h6() -> None:
    soup = html("!!!!!!Six")
    assert text(only(soup, "h6")).endswith("Six")


# ----------------------------------------------------------------------------------------------- §8 rules


@pytest.mark.parametrize("source", ["----", "-----", "------------"])
def test_four_or_more_hyphens_make_a_rule(source: str) -> None:
    soup = html(f"a\n{source}\nb")
    assert soup.find("hr") is not None
    assert [text(p) for p in soup.find_all("p")] == ["a", "b"]


@pytest.mark.parametrize("source", ["---", "a ----", "-- x"])
def test_not_a_rule(source: str) -> None:
    assert html(source).find("hr") is None


def test_rule_spec_example() -> None:
    soup = html("Description.\n----\n!!Examples:")
    assert [el.name for el in soup.find_all(["p", "hr", "h3"])] == ["p", "hr", "h3"]


def test_text_after_the_hyphens_becomes_a_paragraph_after_the_rule() -> None:
    soup = html("----Stinger text")
    assert [el.name for el in soup.find_all(["hr", "p"])] == ["hr", "p"]
    assert text(soup.find("p")) == "Stinger text"


def test_indent_marker_is_not_a_rule() -> None:
    soup = html("---->deep quote")
    assert soup.find("hr") is None
    assert soup.find("div", class_="indent") is not None


def test_rule_inside_folder() -> None:
    assert only(html("[[folder:F]]\n----\n[[/folder]]"), "details").find("hr") is not None
