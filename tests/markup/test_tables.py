"""§17 Tables (PmWiki simple tables): attribute lines, rows, headers, captions, alignment, spans (A21)."""

from __future__ import annotations

import pytest
from bs4 import Tag

from .golden import codes, html, only, text, warnings, wiki_links


def cells(table: Tag) -> list[list[tuple[str, str, str | None, str | None]]]:
    """Rows of (tag, text, align, colspan)."""
    return [
        [(cell.name, text(cell), cell.get("align"), cell.get("colspan")) for cell in row.find_all(["td", "th"])]
        for row in table.find_all("tr")
    ]


def test_spec_example() -> None:
    soup = html("||border=1\n||!Name||!Role||\n||Alice|| hero ||")
    table = only(soup, "table")
    assert table["border"] == "1"
    assert cells(table) == [
        [("th", "Name", None, None), ("th", "Role", None, None)],
        [("td", "Alice", None, None), ("td", "hero", "center", None)],
    ]


def test_trailing_bars_are_optional() -> None:
    assert cells(only(html("||a||b"), "table")) == [[("td", "a", None, None), ("td", "b", None, None)]]


@pytest.mark.parametrize(
    ("cell", "align"),
    [("|| both ||", "center"), ("|| leading||", "right"), ("||trailing ||", "left"), ("||none||", None)],
)
def test_alignment_by_spaces(cell: str, align: str | None) -> None:
    table = only(html(cell), "table")
    assert table.find("td").get("align") == align
    assert text(table.find("td")) == cell.strip("|").strip()


def test_empty_cell_extends_the_previous_cell() -> None:
    table = only(html("||a||||b||\n||a||||||b||"), "table")
    assert cells(table) == [
        [("td", "a", None, "2"), ("td", "b", None, None)],
        [("td", "a", None, "3"), ("td", "b", None, None)],
    ]


def test_whitespace_only_cell_is_a_no_break_space() -> None:
    table = only(html("|| ||x||"), "table")
    first = table.find("td")
    assert first.get_text() == "\u00a0"
    assert first.get("colspan") is None


def test_caption() -> None:
    soup = html("||!Table caption ''here''!||\n||a||b||")
    table = only(soup, "table")
    caption = only(soup, "figcaption")
    assert caption.find_parent("figure") is table.find_parent("figure")
    assert only(caption, "em").get_text() == "here"
    assert text(caption) == "Table caption here"
    assert cells(table) == [[("td", "a", None, None), ("td", "b", None, None)]]


@pytest.mark.parametrize(
    ("line", "attributes"),
    [
        ("||border=1 width=80%", {"border": "1", "width": "80%"}),
        ("||cellpadding=3 cellspacing=0 align=center", {"cellpadding": "3", "cellspacing": "0", "align": "center"}),
        ("||class=wide", {"class": ["tvt-table", "wide"]}),
        ("||border='2'", {"border": "2"}),
    ],
)
def test_whitelisted_attributes(line: str, attributes: dict) -> None:
    table = only(html(f"{line}\n||a||"), "table")
    for name, value in attributes.items():
        assert table[name] == value


@pytest.mark.parametrize(
    "line", ["||onclick=alert(1)", "||style=color:red", "||border=x", "||width=100px;x", "||bgcolor=red"]
)
def test_other_attributes_are_dropped_with_a_warning(line: str) -> None:
    source = f"{line}\n||a||"
    table = only(html(source), "table")
    assert set(table.attrs) <= {"class", "border", "width"}
    assert "onclick" not in table.attrs and "style" not in table.attrs
    assert "table-attribute" in codes(source)


def test_inline_markup_in_cells() -> None:
    soup = html("||HeroicSacrifice||''em'' [[spoiler:s]]||[[FooBar x]]||")
    table = only(soup, "table")
    assert wiki_links(table) == [("/Main/HeroicSacrifice/", "Heroic Sacrifice"), ("/Main/FooBar/", "x")]
    assert table.find("em") and table.find("span", class_="spoiler")


def test_escaped_bars_are_literal() -> None:
    table = only(html("||a||[=||=]||"), "table")
    assert [text(td) for td in table.find_all("td")] == ["a", "||"]


def test_entity_bar_is_literal() -> None:
    table = only(html("||a&#124;b||c||"), "table")
    assert [text(td) for td in table.find_all("td")] == ["a|b", "c"]


def test_softreturn_is_a_line_break() -> None:
    table = only(html("||line one[softreturn]line two||x||"), "table")
    first = table.find("td")
    assert first.find("br") is not None
    assert text(first) == "line one line two"


def test_softreturn_outside_tables() -> None:
    assert html("a[softreturn]b").find("br") is not None


def test_table_ends_at_first_non_table_line() -> None:
    soup = html("||a||b||\ntext after")
    assert [el.name for el in soup.find_all(["table", "p"], recursive=False)] == ["table", "p"]


def test_attribute_line_between_rows_starts_a_new_table() -> None:
    soup = html("||a||b||\n||border=2\n||c||d||")
    tables = soup.find_all("table")
    assert len(tables) == 2
    assert tables[1]["border"] == "2"


def test_leading_space_before_row() -> None:
    assert cells(only(html(" ||lead||x||"), "table"))[0][0][1] == "lead"


def test_header_cells_anywhere() -> None:
    table = only(html("||!H||a||\n||b||!H2||"), "table")
    assert [[c[0] for c in row] for row in cells(table)] == [["th", "td"], ["td", "th"]]


def test_one_cell_row_without_closing_bars_keeps_its_text() -> None:
    """PmWiki read ``||cell`` as an attribute line and lost the text; here it is a row, with a warning."""
    source = "||cell text"
    table = only(html(source), "table")
    assert text(table) == "cell text"
    assert warnings(source)


def test_an_attribute_line_with_other_text_is_a_row_and_warned() -> None:
    """Attributes and text on one line: the attributes are not applied rather than the text lost."""
    source = "||border=1 junk [[spoiler:more]]\n||a||"
    table = only(html(source), "table")
    assert "border" not in table.attrs
    assert "border=1 junk more" in text(table)
    assert "table-row" in codes(source)


def test_tables_inside_folders() -> None:
    soup = html("[[folder:F]]\n||a||b||\n[[/folder]]")
    assert only(soup, "details").find("table") is not None
