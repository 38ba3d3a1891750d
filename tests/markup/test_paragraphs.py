"""§2 Paragraphs, line breaks and whitespace (decisions A2, A3)."""

from __future__ import annotations

import pytest

from .golden import html, text


def test_blank_line_separates_paragraphs() -> None:
    soup = html("First paragraph.\n\nSecond paragraph.")
    assert [text(p) for p in soup.find_all("p")] == ["First paragraph.", "Second paragraph."]


def test_spec_example_forced_break_continues_block() -> None:
    soup = html("First paragraph.\n\nSecond line one\\\\\ncontinues here.")
    paragraphs = soup.find_all("p")
    assert len(paragraphs) == 2
    assert text(paragraphs[0]) == "First paragraph."
    second = paragraphs[1]
    assert second.find("br") is not None
    assert [s.strip() for s in second.strings] == ["Second line one", "continues here."]


def test_single_newline_is_a_hard_break_inside_one_paragraph() -> None:
    """Decision A2: consecutive text lines stay one paragraph, separated by a line break."""
    soup = html("line one\nline two")
    paragraph = soup.find("p")
    assert len(soup.find_all("p")) == 1
    assert len(paragraph.find_all("br")) == 1
    assert text(paragraph) == "line one line two"


@pytest.mark.parametrize(
    ("source", "breaks"),
    [
        ("a\\\\\nb", 1),  # \\ : one forced break
        ("a\\\\\\\nb", 2),  # \\\ : two breaks
        ("a\\\\\\\\\nb", 3),  # n backslashes give n-1 breaks
    ],
)
def test_trailing_backslashes_give_n_minus_one_breaks(source: str, breaks: int) -> None:
    soup = html(source)
    paragraph = soup.find("p")
    assert len(soup.find_all("p")) == 1
    assert len(paragraph.find_all("br")) == breaks
    assert text(paragraph) == "a b" or text(paragraph) == "ab"
    assert "\\" not in paragraph.get_text()


def test_single_trailing_backslash_joins_with_a_space() -> None:
    soup = html("first half\\\nsecond half")
    paragraph = soup.find("p")
    assert paragraph.find("br") is None
    assert paragraph.get_text() == "first half second half"


def test_backslash_join_lets_a_bracket_construct_span_physical_lines() -> None:
    soup = html("[[spoiler:hidden\\\\\nstill hidden]] after")
    spoiler = soup.find("span", class_="spoiler")
    assert spoiler is not None
    assert spoiler.find("br") is not None
    assert text(spoiler) == "hidden still hidden"
    assert "after" not in spoiler.get_text()


@pytest.mark.parametrize("source", ["a \\\\ b", "a\\\\b", "\\\\ leading"])
def test_double_backslash_not_at_line_end_is_literal(source: str) -> None:
    soup = html(source)
    assert soup.find("br") is None
    assert text(soup) == source


@pytest.mark.parametrize("source", ["   indented text", "\tindented text", " \t indented text"])
def test_leading_whitespace_is_insignificant(source: str) -> None:
    """Decision A3: no preformatted blocks from indentation."""
    soup = html(source)
    assert soup.find(["pre", "code"]) is None
    assert text(soup.find("p")) == "indented text"


@pytest.mark.parametrize(
    ("source", "tag"),
    [
        (" ---> quote", "div"),
        ("  * item", "ul"),
        ("\t!Heading", "h2"),
        (" ||a||b||", "table"),
        ("   ----", "hr"),
    ],
)
def test_leading_whitespace_does_not_hide_block_markers(source: str, tag: str) -> None:
    assert html(source).find(tag) is not None


def test_comment_only_line_is_not_a_paragraph_break() -> None:
    soup = html("line one\n%% a comment\nline two")
    assert len(soup.find_all("p")) == 1
    assert text(soup) == "line one line two"


def test_comment_only_line_inside_paragraph_leaves_no_empty_line() -> None:
    soup = html("line one\n%% a comment\nline two")
    assert len(soup.find("p").find_all("br")) == 1


def test_blank_lines_produce_no_empty_paragraphs() -> None:
    soup = html("\n\n\none\n\n\n\ntwo\n\n\n")
    assert [text(p) for p in soup.find_all("p")] == ["one", "two"]
