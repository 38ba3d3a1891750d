"""§9 Lists: ``*``/``+`` bullets, ``#`` numbers, depth by repetition, continuation and nesting."""

from __future__ import annotations

import pytest
from bs4 import Tag

from mkdocs_trope.markup import convert

from .golden import html, only, text, wiki_links


def shape(element: Tag) -> list:
    """A list as nested Python lists: ``("ul", [("item text", [sublists...]), ...])``."""
    items = []
    for li in element.find_all("li", recursive=False):
        own = "".join(
            " " if isinstance(child, Tag) and child.name == "br" else child.get_text()
            for child in li.children
            if not (isinstance(child, Tag) and child.name in ("ul", "ol"))
        )
        items.append((" ".join(own.split()), [shape(sub) for sub in li.find_all(["ul", "ol"], recursive=False)]))
    return [element.name, items]


def top_lists(trope: str) -> list:
    return [shape(element) for element in html(trope).find_all(["ul", "ol"], recursive=False)]


def test_spec_example() -> None:
    source = "* Trope:\n** In ''Film/{{Foo}}'', Alice does it.\\\\\nAnd more.\n# step one\n## sub-step"
    assert top_lists(source) == [
        ["ul", [("Trope:", [["ul", [("In Foo, Alice does it. And more.", [])]]])]],
        ["ol", [("step one", [["ol", [("sub-step", [])]]])]],
    ]
    soup = html(source)
    item = soup.find("ul").find("ul").find("li")
    assert wiki_links(only(item, "em")) == [("/Film/Foo/", "Foo")]
    assert item.find("br") is not None


@pytest.mark.parametrize("marker", ["*", "+"])
def test_bullets(marker: str) -> None:
    assert top_lists(f"{marker} a\n{marker} b") == [["ul", [("a", []), ("b", [])]]]


def test_numbered() -> None:
    assert top_lists("# a\n# b") == [["ol", [("a", []), ("b", [])]]]


@pytest.mark.parametrize("source", ["*1\n* 2", "*1\n*  2", "* 1\n*2"])
def test_space_after_marker_is_optional(source: str) -> None:
    assert top_lists(source) == [["ul", [("1", []), ("2", [])]]]


def test_depth_is_the_number_of_markers() -> None:
    assert top_lists("* a\n** b\n*** c\n* d") == [["ul", [("a", [["ul", [("b", [["ul", [("c", [])]]])]]]), ("d", [])]]]


def test_depth_jump_creates_intermediate_levels() -> None:
    lists = top_lists("*a\n***c")
    assert lists == [["ul", [("a", [["ul", [("", [["ul", [("c", [])]]])]]])]]]


def test_list_starting_deep() -> None:
    lists = top_lists("** deep start")
    assert lists == [["ul", [("", [["ul", [("deep start", [])]]])]]]


def test_any_depth_is_accepted() -> None:
    soup = html("* 1\n** 2\n*** 3\n**** 4\n***** 5")
    assert len(soup.find_all("ul")) == 5
    assert text(soup) == "1 2 3 4 5"


def test_very_deep_nesting_is_clamped_with_a_note() -> None:
    source = "*" * 30 + " deep"
    soup = html(source)
    assert "deep" in text(soup)
    assert "deep-nesting" in [d.code for d in convert(source).diagnostics]


def test_plain_line_ends_the_list() -> None:
    soup = html("* a\nplain\n* b")
    assert [el.name for el in soup.find_all(["ul", "p"], recursive=False)] == ["ul", "p", "ul"]


@pytest.mark.parametrize("joiner", ["\\\\\n", "\\\n"])
def test_item_continues_only_through_backslashes(joiner: str) -> None:
    lists = top_lists(f"* first{joiner}second\n* next")
    assert lists == [["ul", [("first second", []), ("next", [])]]]


def test_indent_under_item_is_inside_the_item() -> None:
    soup = html("*1\n-->2")
    item = only(soup, "li")
    assert text(only(item, "span", class_="indent")) == "2"
    assert item.contents[0].strip() == "1"


def test_changing_marker_type_at_same_depth_starts_another_list() -> None:
    assert top_lists("* a\n# b") == [["ul", [("a", [])]], ["ol", [("b", [])]]]


def test_changing_marker_type_at_a_nested_depth() -> None:
    assert top_lists("* a\n** b\n*# c") == [["ul", [("a", [["ul", [("b", [])]], ["ol", [("c", [])]]])]]]
    assert top_lists("* a\n** b\n*# c\n* d") == [["ul", [("a", [["ul", [("b", [])]], ["ol", [("c", [])]]]), ("d", [])]]]


def test_list_with_a_nested_type_change_keeps_inline_markup() -> None:
    soup = html("* ''a'' HeroicSacrifice\n** [[FooBar b]]\n*# c \\\\\nd\n-->q")
    assert only(soup, "em").get_text() == "a"
    assert wiki_links(soup) == [("/Main/HeroicSacrifice/", "Heroic Sacrifice"), ("/Main/FooBar/", "b")]
    ordered = only(soup, "ol")
    assert ordered.find("br") is not None
    assert text(only(ordered, "span", class_="indent")) == "q"


def test_star_and_plus_at_same_depth_are_one_list() -> None:
    assert top_lists("* a\n+ b\n++ c") == [["ul", [("a", []), ("b", [["ul", [("c", [])]]])]]]


def test_comment_line_between_items_does_not_end_the_list() -> None:
    assert top_lists("* a\n%% * commented out example\n* b") == [["ul", [("a", []), ("b", [])]]]


def test_blank_line_ends_the_list() -> None:
    assert top_lists("* a\n\n* b") == [["ul", [("a", [])]], ["ul", [("b", [])]]]


def test_numbered_sublists() -> None:
    assert top_lists("#a\n#b\n##c\n#d") == [["ol", [("a", []), ("b", [["ol", [("c", [])]]]), ("d", [])]]]


def test_subpage_navigation_lists() -> None:
    soup = html("* InterspeciesRomance/AnimeAndManga\n** InterspeciesRomance/DungeonsAndDragons")
    assert wiki_links(soup) == [
        ("/InterspeciesRomance/AnimeAndManga/", "Anime And Manga"),
        ("/InterspeciesRomance/DungeonsAndDragons/", "Dungeons And Dragons"),
    ]


def test_outline_reports_items_depths_and_targets() -> None:
    result = convert("* InterspeciesRomance/AnimeAndManga\n** InterspeciesRomance/DungeonsAndDragons\n\n* Other")
    assert [(item.depth, item.line, [str(t) for t in item.targets], item.list_index) for item in result.outline] == [
        (1, 1, ["InterspeciesRomance/AnimeAndManga"], 0),
        (2, 2, ["InterspeciesRomance/DungeonsAndDragons"], 0),
        (1, 4, [], 1),
    ]


def test_work_page_trope_item() -> None:
    soup = html("* HeroicSacrifice: Alice gives her life. [[spoiler:Or does she?]]")
    item = only(soup, "li")
    assert wiki_links(item) == [("/Main/HeroicSacrifice/", "Heroic Sacrifice")]
    assert only(item, "span", class_="spoiler").get_text() == "Or does she?"


def test_list_markers_inside_text_are_literal() -> None:
    soup = html("a * b # c + d")
    assert soup.find(["ul", "ol"]) is None
    assert text(soup) == "a * b # c + d"


def test_marker_without_content_keeps_the_list_structure() -> None:
    soup = html("* a\n*\n* c")
    assert [text(li) for li in soup.find_all("li")] == ["a", "", "c"]
