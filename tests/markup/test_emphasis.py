"""§6.1 Italic, bold, bold italic: PmWiki's leftmost non-greedy passes, 5 → 3 → 2 quotes, per logical line."""

from __future__ import annotations

import pytest

from .golden import html, only, text, wiki_links


@pytest.mark.parametrize(
    ("source", "path"),
    [
        ("''x''", ["em"]),
        ("'''x'''", ["strong"]),
        ("'''''x'''''", ["strong", "em"]),
    ],
)
def test_basic_forms(source: str, path: list[str]) -> None:
    soup = html(f"a {source} b")
    node = soup.find("p")
    for name in path:
        node = only(node, name)
    assert node.get_text() == "x"
    assert text(soup) == "a x b"


def test_spec_example() -> None:
    soup = html("''Film/{{Alien}}'' is '''very''' tense.")
    assert wiki_links(only(soup, "em")) == [("/Film/Alien/", "Alien")]
    assert only(soup, "strong").get_text() == "very"
    assert text(soup) == "Alien is very tense."


def test_bold_inside_italic() -> None:
    soup = html("''a '''b''' c''")
    em = only(soup, "em")
    assert only(em, "strong").get_text() == "b"
    assert text(em) == "a b c"


def test_italic_inside_bold() -> None:
    soup = html("'''a ''b'' c'''")
    strong = only(soup, "strong")
    assert only(strong, "em").get_text() == "b"
    assert text(strong) == "a b c"


@pytest.mark.parametrize("source", ["aa''bb", "don't", "it's 'quoted'", "a ''' b", "''"])
def test_unclosed_markers_stay_literal(source: str) -> None:
    soup = html(source)
    assert soup.find(["em", "strong"]) is None
    assert text(soup) == source


def test_alternating_styles_word_by_word() -> None:
    soup = html("''I would'' '''''always''''' ''win.''")
    p = soup.find("p")
    assert [e.get_text() for e in p.find_all("em", recursive=False)] == ["I would", "win."]
    strong = only(p, "strong")
    assert only(strong, "em").get_text() == "always"
    assert text(soup) == "I would always win."


def test_leftmost_non_greedy_italic_then_apostrophe_s() -> None:
    soup = html("''Foo'''s bar")
    assert only(soup, "em").get_text() == "Foo"
    assert soup.find("strong") is None
    assert text(soup) == "Foo's bar"


def test_four_quotes_follow_pmwiki() -> None:
    """Ambiguous in the spec; PmWiki's 3-quote pass takes the first ``'''`` and the next ``'''``."""
    soup = html("''''x''''")
    assert only(soup, "strong").get_text() == "'x"
    assert text(soup) == "'x'"


def test_emphasis_does_not_span_lines() -> None:
    soup = html("''a\nb''")
    assert soup.find("em") is None
    assert text(soup) == "''a b''"


def test_emphasis_spans_backslash_joined_lines() -> None:
    soup = html("''a\\\nb''")
    assert only(soup, "em").get_text() == "a b"
    soup = html("''a\\\\\nb''")
    em = only(soup, "em")
    assert em.find("br") is not None
    assert text(em) == "a b"


def test_emphasis_wraps_bracket_constructs() -> None:
    soup = html("'''''[[evil:\"Mwahaha\"]]'''''")
    strong = only(soup, "strong")
    em = only(strong, "em")
    assert only(em, "span", class_="tvt-evil").get_text() == '"Mwahaha"'


def test_emphasis_wraps_links_without_breaking_them() -> None:
    soup = html("'''HeroicSacrifice and [[FooBar a b]]'''")
    strong = only(soup, "strong")
    assert wiki_links(strong) == [("/Main/HeroicSacrifice/", "Heroic Sacrifice"), ("/Main/FooBar/", "a b")]


def test_emphasis_inside_spoiler_and_around_it() -> None:
    soup = html("''[[spoiler:a '''b''' c]]''")
    spoiler = only(only(soup, "em"), "span", class_="spoiler")
    assert only(spoiler, "strong").get_text() == "b"


def test_emphasis_does_not_cross_a_bracket_construct_boundary() -> None:
    soup = html("''a [[spoiler:b'' c]]")
    assert soup.find("em") is None
    assert text(soup) == "''a b'' c"


def test_several_italics_on_one_line_are_non_greedy() -> None:
    soup = html("''a'' b ''c''")
    assert [e.get_text() for e in soup.find_all("em")] == ["a", "c"]
    assert text(soup) == "a b c"


def test_emphasis_in_list_items_and_headings() -> None:
    soup = html("!''Title''\n* '''item'''")
    assert only(only(soup, "h2"), "em").get_text() == "Title"
    assert only(only(soup, "li"), "strong").get_text() == "item"


def test_no_underline_markup() -> None:
    assert html("__x__").find("u") is None
