"""§10 Indented text and quotes ``->``, ``-->``, ``--->`` (and the ``:`` prefix of §20)."""

from __future__ import annotations

import pytest
from bs4 import Tag

from .golden import html, only, text


def depth_of(element: Tag) -> int:
    return len(element.find_parents("div", class_="indent")) + (1 if "indent" in element.get("class", []) else 0)


def innermost(soup: Tag) -> Tag:
    divs = soup.find_all("div", class_="indent")
    return max(divs, key=depth_of)


@pytest.mark.parametrize(("marker", "depth"), [("->", 1), ("-->", 2), ("--->", 3), ("----->", 5)])
def test_hyphens_count_the_depth(marker: str, depth: int) -> None:
    soup = html(f"{marker}quoted")
    deepest = innermost(soup)
    assert depth_of(deepest) == depth
    assert text(deepest) == "quoted"


def test_spec_example_page_quote() -> None:
    soup = html("->''\"Wake up.\"''\n-->-- '''Morpheus'''")
    outer = soup.find("div", class_="indent")
    assert only(outer, "em").get_text() == '"Wake up."'
    inner = only(outer, "div", class_="indent")
    assert only(inner, "strong").get_text() == "Morpheus"
    assert text(inner) == "— Morpheus"
    assert inner.find("em") is None


@pytest.mark.parametrize("source", ["-> spaced", "->spaced", "->   spaced"])
def test_space_after_arrow_is_optional(source: str) -> None:
    assert text(only(html(source), "div", class_="indent")) == "spaced"


@pytest.mark.parametrize(("source", "shown"), [("-A", "-A"), ("---", "---"), ("A->B", "A->B"), ("a --> b", "a --> b")])
def test_not_indents(source: str, shown: str) -> None:
    soup = html(source)
    assert soup.find("div", class_="indent") is None
    assert text(soup) == shown


def test_double_hyphen_word_is_not_an_indent() -> None:
    soup = html("--A")
    assert soup.find("div", class_="indent") is None
    assert text(soup).endswith("A")


def test_multi_line_quote_with_forced_breaks() -> None:
    soup = html("->line one\\\\\nline two\\\\\nline three")
    quote = only(soup, "div", class_="indent")
    assert len(quote.find_all("br")) == 2
    assert text(quote) == "line one line two line three"


def test_leading_space_before_marker_is_ignored() -> None:
    soup = html(" ---> '''Name:''' value")
    deepest = innermost(soup)
    assert depth_of(deepest) == 3
    assert only(deepest, "strong").get_text() == "Name:"


def test_consecutive_indent_lines_share_one_block() -> None:
    soup = html("->a\n->b\n\npara")
    quote = only(soup, "div", class_="indent")
    assert text(quote) == "a b"
    assert text(soup.find_all("p")[-1]) == "para"
    assert soup.find_all("p")[-1].find_parent("div") is None


def test_depth_goes_down_and_up_again() -> None:
    soup = html("->a\n--->c\n->d")
    outer = soup.find("div", class_="indent")
    assert text(innermost(soup)) == "c"
    assert [text(p) for p in outer.find_all("p", recursive=False)] == ["a", "d"]


def test_indent_content_is_inline_parsed() -> None:
    soup = html("->HeroicSacrifice [[spoiler:x]] ''y''")
    quote = only(soup, "div", class_="indent")
    assert quote.find("a", class_="twikilink") is not None
    assert quote.find("span", class_="spoiler") is not None
    assert quote.find("em") is not None


def test_indent_under_list_item_nests_in_the_item() -> None:
    soup = html("* item\n--->deep\n** sub")
    item = soup.find("li")
    spans = item.find_all("span", class_="indent")
    assert spans and text(spans[-1]) == "deep"
    assert text(only(item, "ul")) == "sub"


def test_indent_after_list_in_folder() -> None:
    soup = html("[[folder:F]]\n* a\n-->b\n[[/folder]]")
    item = only(only(soup, "details"), "li")
    assert text(item.find("span", class_="indent")) == "b"


def test_indent_ends_a_paragraph() -> None:
    soup = html("para\n->quote\nafter")
    assert [el.name for el in soup.find_all(["p", "div"], recursive=False)] == ["p", "div", "p"]


def test_colon_prefix_is_an_indent_without_a_term() -> None:
    soup = html("::And not like this[=:=]")
    deepest = innermost(soup)
    assert depth_of(deepest) == 2
    assert text(deepest) == "And not like this:"


def test_empty_indent_loses_nothing() -> None:
    soup = html("->\ntext")
    assert "text" in text(soup)
