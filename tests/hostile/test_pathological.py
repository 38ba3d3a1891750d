"""Pathological inputs: each converts and renders without exception, keeps its text, and is reported by line.

Why: a page is user input, and one broken page must not break (or hang) a build, nor silently lose the page.
These are the shapes that break naive parsers: half a million unclosed openers, orphan closers and quote runs,
thousands of nested constructs, a huge line, a list thousands of levels deep. Speed is measured, not asserted:
``bench/pathological.py`` times these same inputs and checks that the cost grows linearly.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from bs4 import BeautifulSoup

from mkdocs_trope import render_html
from mkdocs_trope.markup import Conversion, convert


def _visible(html: str) -> str:
    return "".join(BeautifulSoup(html, "html.parser").get_text("").split())


def _plain_line(length: int) -> str:
    words = ("the", "hero", "finds", "a", "strange", "old", "map", "and", "sails", "north")
    out, size = [], 0
    while size < length:
        out.append(words[len(out) % len(words)])
        size += len(out[-1]) + 1
    return " ".join(out)[:length]


LITERAL = [
    ("[[ x500k", "[[" * 500_000, "'[[' is never closed"),
    ("]] x500k", "]]" * 500_000, "']]' closes nothing"),
    ("{{ x500k", "{{" * 500_000, None),
    ("[= x500k", "[=" * 500_000, None),
    ("[[a x250k", "[[a " * 250_000, "'[[' is never closed"),
    ("2000 nested [[spoiler:", "[[spoiler:" * 2000 + "x", "'[[' is never closed"),
    ("200k-char line", _plain_line(200_000), None),
]
"""Inputs that are all literal text: every visible character must come out, and each problem is reported."""


@pytest.mark.parametrize(("name", "text", "message"), LITERAL, ids=[case[0] for case in LITERAL])
def test_literal_pathological_input_keeps_every_character(name: str, text: str, message: str | None) -> None:
    result = convert(text)
    _check_diagnostics(result)
    if message is not None:
        assert any(message in diagnostic.message for diagnostic in result.diagnostics)
    assert _visible(render_html(text)) == "".join(text.split())


def _check_diagnostics(result: Conversion) -> None:
    for diagnostic in result.diagnostics:
        assert diagnostic.line >= 1 and diagnostic.column >= 1, diagnostic
        assert diagnostic.message and diagnostic.format("p").startswith(f"p:{diagnostic.line}:{diagnostic.column}:")
    assert len(result.diagnostics) < 5000, "one problem repeated must not flood the report"


STRUCTURED: list[tuple[str, Callable[[], str], Callable[[str, Conversion], None]]] = []


def _case(name: str, make: Callable[[], str]):
    def register(check: Callable[[str, Conversion], None]) -> Callable[[str, Conversion], None]:
        STRUCTURED.append((name, make, check))
        return check

    return register


@_case("'' x500k", lambda: "''" * 500_000)
def _quotes(html: str, result: Conversion) -> None:
    assert "'" not in html or html.count("'") < 4  # pairs of '' are (empty) emphasis, as in PmWiki


@_case("''' x300k", lambda: "'''" * 300_000)
def _triple_quotes(html: str, result: Conversion) -> None:
    assert html.count("'") < 4


@_case("2000 nested [[note]] (closed)", lambda: "[[note]]" * 2000 + "x" + "[[/note]]" * 2000)
def _notes(html: str, result: Conversion) -> None:
    assert "x" in _visible(html)
    assert result.diagnostics and result.diagnostics[0].line == 1


@_case("2000 nested [[note]] (unclosed)", lambda: "[[note]]" * 2000 + "x")
def _unclosed_notes(html: str, result: Conversion) -> None:
    assert "x" in _visible(html)
    assert any("never closed" in diagnostic.message for diagnostic in result.diagnostics)


@_case("5000 unclosed [[folder:x]] lines", lambda: "[[folder:x]]\n" * 5000 + "end")
def _folders(html: str, result: Conversion) -> None:
    assert _visible(html).replace("[[folder:x]]", "x") == "x" * 5000 + "end"  # deep ones may stay literal
    lines = {diagnostic.line for diagnostic in result.diagnostics}
    assert {1, 2, 100} <= lines  # each folder is reported where it opens (past the limit, a summary line)


@_case("5000-level list", lambda: "\n".join("*" * depth + f" item{depth}" for depth in range(1, 5001)))
def _deep_list(html: str, result: Conversion) -> None:
    assert _visible(html) == "".join(f"item{depth}" for depth in range(1, 5001))
    assert any(diagnostic.line == 5000 or "more problems" in diagnostic.message for diagnostic in result.diagnostics)
    assert all(diagnostic.line >= 9 for diagnostic in result.diagnostics)  # levels up to eight are fine


@pytest.mark.parametrize(("name", "make", "check"), STRUCTURED, ids=[case[0] for case in STRUCTURED])
def test_structured_pathological_input(name: str, make: Callable[[], str], check) -> None:
    text = make()
    result = convert(text)
    _check_diagnostics(result)
    check(render_html(text), result)
