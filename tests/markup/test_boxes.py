"""§11 ``[[quoteblock]]``, §12 alignment (``center``, ``indent``, ``rtl``), §19 the ``[[WMG:..]]`` box."""

from __future__ import annotations

import pytest

from .golden import codes, html, only, text, warnings, wiki_links

# ------------------------------------------------------------------------------------------ §11 quoteblock


def test_quoteblock_is_a_blockquote_with_full_markup() -> None:
    soup = html("[[quoteblock]]\nquoted ''text''\n* item\n[[/quoteblock]]\nafter")
    quote = only(soup, "blockquote")
    assert only(quote, "em").get_text() == "text"
    assert text(only(quote, "li")) == "item"
    assert "after" not in text(quote)


def test_unclosed_quoteblock_closes_at_the_end_with_a_warning() -> None:
    source = "[[quoteblock]]\nquoted"
    assert text(only(html(source), "blockquote")) == "quoted"
    assert "unclosed-block" in codes(source)


def test_orphan_quoteblock_closer_is_dropped_with_a_warning() -> None:
    source = "text\n[[/quoteblock]]"
    soup = html(source)
    assert soup.find("blockquote") is None
    assert text(soup) == "text"
    assert "orphan-close" in codes(source)


# ------------------------------------------------------------------------------------------ §12 alignment


def test_center_example() -> None:
    soup = html("[[center:'''The End''']]")
    box = only(soup, "div", class_="tvt-center")
    assert only(box, "strong").get_text() == "The End"


def test_center_inline_is_a_span() -> None:
    soup = html("text [[center:mid]] text")
    assert text(only(soup, "span", class_="tvt-center")) == "mid"
    assert text(soup) == "text mid text"


def test_center_spans_lines_with_breaks() -> None:
    box = only(html("[[center:line1\\\\\nline2]]"), "div", class_="tvt-center")
    assert box.find("br") is not None
    assert text(box) == "line1 line2"


@pytest.mark.parametrize(
    ("amount", "css"), [("20", "padding-left:20px"), ("2em", "padding-left:2em"), ("1.5em", "padding-left:1.5em")]
)
def test_indent_box(amount: str, css: str) -> None:
    soup = html(f"[[indent:{amount}:Text goes here]]")
    box = only(soup, class_="tvt-indentbox")
    assert box["style"] == css
    assert text(box) == "Text goes here"


@pytest.mark.parametrize("amount", ["foo", "20;color:red", "-5", "99999"])
def test_indent_box_with_bad_amount_is_literal_and_warned(amount: str) -> None:
    source = f"[[indent:{amount}:x]]"
    soup = html(source)
    assert soup.find(class_="tvt-indentbox") is None
    assert text(soup) == source
    assert warnings(source)


def test_rtl_box() -> None:
    soup = html("[[rtl:שלום עולם.]]")
    box = only(soup, class_="tvt-rtl")
    assert box["dir"] == "rtl"
    assert text(box) == "שלום עולם."


def test_boxes_nest_and_hold_any_inline_markup() -> None:
    soup = html("[[center:[[rtl:HeroicSacrifice [[spoiler:x]]]]]]")
    center = only(soup, class_="tvt-center")
    rtl = only(center, class_="tvt-rtl")
    assert wiki_links(rtl) == [("/Main/HeroicSacrifice/", "Heroic Sacrifice")]
    assert rtl.find("span", class_="spoiler") is not None


def test_unclosed_center_is_literal_and_warned() -> None:
    source = "[[center:never closed"
    soup = html(source)
    assert soup.find(class_="tvt-center") is None
    assert text(soup) == source
    assert warnings(source)


# -------------------------------------------------------------------------------------------- §19 WMG box


PANTHEON_HEADER = (
    "[[WMG:[[center: [- ''Pantheon/TropePantheons'' '''House Index'''\\\\\n"
    "'''Ambiguity''' | Pantheon/BeastsAndFauna | Pantheon/{{Weapons}}]]-]]]"
)


def test_pantheon_header_box() -> None:
    soup = html(PANTHEON_HEADER)
    box = only(soup, "div", class_="tvt-wmg")
    center = only(box, class_="tvt-center")
    small = only(center, "small")
    assert wiki_links(small) == [
        ("/Pantheon/TropePantheons/", "Trope Pantheons"),
        ("/Pantheon/BeastsAndFauna/", "Beasts And Fauna"),
        ("/Pantheon/Weapons/", "Weapons"),
    ]
    assert only(small, "em").get_text() == "Trope Pantheons"
    assert [s.get_text() for s in small.find_all("strong")] == ["House Index", "Ambiguity"]
    assert small.find("br") is not None
    assert text(box) == "Trope Pantheons House Index Ambiguity | Beasts And Fauna | Weapons"


def test_pantheon_header_misnesting_is_tolerated_without_warnings() -> None:
    assert warnings(PANTHEON_HEADER) == []


def test_wmg_box_alone_is_a_div() -> None:
    assert text(only(html("[[WMG:a box]]"), "div", class_="tvt-wmg")) == "a box"
