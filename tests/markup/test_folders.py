"""§14 Folders ``[[folder:..]]..[[/folder]]`` and ``[[foldercontrol]]`` (decisions A18, A19)."""

from __future__ import annotations

from .golden import codes, html, only, text, warnings, wiki_links


def test_spec_example() -> None:
    soup = html("[[folder:Film]]\n* ''Film/{{Alien}}'': Ripley.\n[[/folder]]")
    folder = only(soup, "details", class_="folder")
    assert text(only(folder, "summary")) == "Film"
    item = only(folder, "li")
    assert wiki_links(only(item, "em")) == [("/Film/Alien/", "Alien")]
    assert text(item) == "Alien: Ripley."


def test_folders_start_closed() -> None:
    assert not only(html("[[folder:F]]\nx\n[[/folder]]"), "details").has_attr("open")


def test_title_holds_inline_markup_slashes_and_punctuation() -> None:
    soup = html("[[folder:Lucifer (''Shin Megami Tensei'') / Satan: the \"Morning Star\"!]]\nx\n[[/folder]]")
    summary = only(soup, "summary")
    assert only(summary, "em").get_text() == "Shin Megami Tensei"
    assert text(summary) == 'Lucifer (Shin Megami Tensei) / Satan: the "Morning Star"!'


def test_title_with_links_and_spoiler() -> None:
    soup = html("[[folder:Film/TheMatrix and [[spoiler:secret]]]]\nx\n[[/folder]]")
    summary = only(soup, "summary")
    assert wiki_links(summary) == [("/Film/TheMatrix/", "The Matrix")]
    assert text(only(summary, "span", class_="spoiler")) == "secret"
    assert codes("[[folder:Film/TheMatrix and [[spoiler:secret]]]]\nx\n[[/folder]]") == []


def test_inline_folder_on_one_line() -> None:
    soup = html("[[folder:A]]text[[/folder]]")
    folder = only(soup, "details")
    assert text(only(folder, "summary")) == "A"
    assert text(only(folder, "p")) == "text"


def test_blank_lines_inside_do_not_make_empty_paragraphs() -> None:
    soup = html("[[folder:T]]\n\n\ntext\n\n\n[[/folder]]")
    folder = only(soup, "details")
    assert [text(p) for p in folder.find_all("p")] == ["text"]


def test_nested_folders_by_depth_counting() -> None:
    soup = html("[[folder:Outer]]\n[[folder:Inner]]\nx\n[[/folder]]\ny\n[[/folder]]\nz")
    outer = soup.find("details")
    inner = only(outer, "details")
    assert text(inner.find("summary")) == "Inner"
    assert text(inner.find("p")) == "x"
    assert [text(p) for p in outer.find_all("p", recursive=False)] == ["y"]
    assert text(soup.find_all("p", recursive=False)[-1]) == "z"


def test_unclosed_folder_closes_at_end_of_page_with_warning() -> None:
    source = "[[folder:Unclosed]]\nbody\nmore"
    soup = html(source)
    assert text(only(soup, "details")).endswith("body more")
    found = warnings(source)
    assert [(d.code, d.line) for d in found] == [("unclosed-block", 1)]


def test_orphan_closer_is_dropped_with_warning() -> None:
    source = "before\n[[/folder]]\nafter"
    soup = html(source)
    assert soup.find("details") is None
    assert text(soup) == "before after"
    assert [(d.code, d.line) for d in warnings(source)] == [("orphan-close", 2)]


def test_all_block_content_inside_folders() -> None:
    soup = html(
        "[[folder:F]]\n!Head\n* list\n\n->quote\n||a||b||\n----\n"
        "[[quoteright:100:https://example.org/a.png]]\n[[/folder]]"
    )
    folder = only(soup, "details")
    for name in ("h2", "ul", "table", "hr", "figure"):
        assert folder.find(name) is not None, name
    assert folder.find("div", class_="indent") is not None


def test_folder_tag_names_are_case_insensitive() -> None:
    soup = html("[[Folder:T]]\nx\n[[/FOLDER]]")
    assert text(only(only(soup, "details"), "summary")) == "T"


def test_folder_tags_with_leading_whitespace() -> None:
    assert html("  [[folder:T]]\nx\n  [[/folder]]").find("details") is not None


def test_misnested_index_inside_folder_is_closed_with_the_folder() -> None:
    source = "[[folder:T]]\n[[index]]\n* A\n[[/folder]]\nafter"
    soup = html(source)
    assert text(only(soup, "details").find("li")) == "A"
    assert "after" not in text(soup.find("details"))
    assert "misnested-block" in codes(source)


def test_folder_tag_inside_a_paragraph_line_is_split_out() -> None:
    soup = html("text before [[folder:T]]\ninside\n[[/folder]] text after")
    folder = only(soup, "details")
    assert text(folder.find("p")) == "inside"
    assert "text before" in text(soup)
    assert "text after" in text(soup)
    assert "text after" not in text(folder)


def test_folder_control() -> None:
    soup = html("[[foldercontrol]]\n[[folder:A]]\nx\n[[/folder]]")
    control = only(soup, class_="foldercontrol")
    assert control.find("button") is not None
    assert control.find_next("details") is not None


def test_folder_tag_nested_in_a_bracket_construct_is_not_a_block_tag() -> None:
    source = "[[spoiler:[[folder:X]]]]"
    soup = html(source)
    assert soup.find("details") is None
    assert "[[folder:X]]" in text(soup)
    assert warnings(source)
