"""Encodings and odd files, through real site builds: whatever bytes a page holds, the build finishes.

Why: pages come from editors on every platform (BOMs, CRLF, old Mac CR), from copy-paste (NUL and other control
characters) and from tools that get encodings wrong. None of that may stop ``mkdocs build`` or lose the rest of
the page; what cannot be shown faithfully is reported with the file and the place.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ..sitebuild import build_site, visible_text

PAGE = "!Heading\nFirst line with HeroicSacrifice.\nSecond line ''italic''.\n\n* item one\n* item two\n"
TEXT = "Heading First line with Heroic Sacrifice. Second line italic. item one item two"


def _body_text(site, src: str = "Main/Page.trope") -> str:
    """The page's visible text without its title, all whitespace removed (elements add spaces at their edges)."""
    content = site.content(src)
    for heading in content.find_all("h1"):
        heading.decompose()
    return "".join(visible_text(content).split())


def _compact(text: str) -> str:
    return "".join(text.split())


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("utf8", PAGE.encode("utf-8")),
        ("utf8-bom", b"\xef\xbb\xbf" + PAGE.encode("utf-8")),
        ("crlf", PAGE.replace("\n", "\r\n").encode("utf-8")),
        ("lone-cr", PAGE.replace("\n", "\r").encode("utf-8")),
        ("bom-and-crlf", b"\xef\xbb\xbf" + PAGE.replace("\n", "\r\n").encode("utf-8")),
    ],
    ids=["utf8", "utf8-bom", "crlf", "lone-cr", "bom-and-crlf"],
)
def test_line_endings_and_bom_build_the_same_page(tmp_path: Path, name: str, data: bytes) -> None:
    site = build_site(tmp_path, {"Main/Page.trope": data})
    assert _body_text(site) == _compact(TEXT)
    content = site.content("Main/Page.trope")
    assert content.find("h2").get_text(strip=True) == "Heading"
    assert len(content.find_all("li")) == 2
    html = site.page_path("Main/Page.trope").read_text(encoding="utf-8")
    assert "\ufeff" not in html and "\r" not in html
    assert not [message for message in site.warnings() if "Main/Page.trope" in message]


def test_nul_and_control_characters_are_replaced_and_reported(tmp_path: Path) -> None:
    data = b"!Heading\nbefore\x00after and \x07bell\x1b[31m\n"
    site = build_site(tmp_path, {"Main/Page.trope": data})
    text = _body_text(site)
    assert "before\ufffdafter" in text and "\ufffdbell\ufffd[31m" in text
    html = site.page_path("Main/Page.trope").read_text(encoding="utf-8")
    assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f]", html)
    reported = [message for message in site.warnings() if "Main/Page.trope:2:7:" in message]
    assert reported and "control characters" in reported[0]


def test_invalid_utf8_builds_and_names_file_and_byte_offset(tmp_path: Path) -> None:
    data = b"!Heading\ncaf" + b"\xe9 latin-1 here, \xff\xfe there\n" + "and ok ünïcode".encode()
    site = build_site(tmp_path, {"Main/Page.trope": data, "Main/Other.trope": b"Fine page."})
    text = _body_text(site)
    assert _compact("caf\ufffd latin-1 here, \ufffd\ufffd there") in text and _compact("and ok ünïcode") in text
    offset = data.index(b"\xe9")
    warnings = [message for message in site.warnings() if "Main/Page.trope" in message]
    assert any(f"byte offset {offset}" in message and "UTF-8" in message for message in warnings), warnings
    assert _body_text(site, "Main/Other.trope") == "Finepage."


def test_empty_file_builds_an_empty_page(tmp_path: Path) -> None:
    site = build_site(tmp_path, {"Main/Empty.trope": b"", "Main/Blank.trope": b"\n\r\n  \n"})
    for src, title in (("Main/Empty.trope", "Empty"), ("Main/Blank.trope", "Blank")):
        content = site.content(src)
        assert content.find("h1").get_text(strip=True) == title
        assert _body_text(site, src) == ""
    assert not site.warnings()


def _twenty_megabytes() -> bytes:
    """20 MB of wiki text: mostly prose, with headings, a list, links, emphasis, a spoiler and a note per block."""
    prose = "The hero finds a strange old map, and the crew sails north before winter comes again. " * 6
    block = (
        (prose + "\n\n") * 6
        + "See HeroicSacrifice, ''Film/TheMatrix'' and {{Free Link}}s [[spoiler:with a twist]].\n\n"
        + "* one\n** two [[note]]a note[[/note]]\n\n"
    )
    section = "!!Section\n" + block * 20  # not thousands of headings: MkDocs' search indexes those in O(n²)
    count = 20_000_000 // len(section.encode()) + 1
    return (section * count).encode()


def test_twenty_megabyte_file_builds(tmp_path: Path) -> None:
    data = _twenty_megabytes()
    assert len(data) >= 20_000_000
    site = build_site(tmp_path, {"Main/Huge.trope": data, "Main/Small.trope": b"A small page."})
    html = site.page_path("Main/Huge.trope").read_text(encoding="utf-8")
    assert html.count("The hero finds a strange old map") == data.count(b"The hero finds a strange old map")
    assert html.count('class="spoiler"') == data.count(b"[[spoiler:")
    assert _body_text(site, "Main/Small.trope") == "Asmallpage."
    assert not [message for message in site.warnings() if "Huge" in message]


def test_invalid_utf8_offset_counts_the_bom_and_column_counts_characters() -> None:
    """The offset is the one a hex editor shows for the file; the column is the one a text editor shows."""
    from mkdocs_trope.markup.source import decode

    data = b"\xef\xbb\xbfab\n\xc3\xa9\xc3\xa9x\xff rest"
    text, problem = decode(data)
    assert problem is not None
    assert (problem.offset, problem.line, problem.column) == (data.index(b"\xff"), 2, 4)
    assert text == "ab\nééx\ufffd rest"
