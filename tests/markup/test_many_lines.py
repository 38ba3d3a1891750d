"""Pages of many short lines: the pre-pass makes plain lines in one step and joins continued lines piece by piece.

Why: a page of hundreds of thousands of tiny paragraphs or ``x\\`` continued lines cost a search, a builder and a
join per line. The shortcuts must give exactly the lines the line-by-line path gives (compared with it disabled,
on random text dense in what the scanner stops at), and the work they save is counted, not timed.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mkdocs_trope.markup import source
from mkdocs_trope.markup.diagnostics import DiagnosticSink

PIECES = ["\n", "\n\n", "a", " ", "\t", "\\", "\\\\", "%%c", "%", "[=x=]", "[=", "=]", "[@y@]", "[@", "[[@/T",
          source.LITERAL, source.BREAK, "b\\\n", "''"]


def _lines(text: str) -> list[tuple[str, dict[int, Any], list[tuple[int, int, int]]]]:
    sink = DiagnosticSink()
    lines = source.logical_lines(text, sink)
    return [(line.text, dict(line.literals), list(line.anchors)) for line in lines]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40).map("".join))
def test_shortcuts_give_the_lines_of_the_line_by_line_path(text: str) -> None:
    fast = _lines(text)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(source, "_plain_lines", lambda text, pos, line_no, stops, lines: (pos, line_no))
        patch.setattr(source, "_join_own_backslashes", lambda pending, line: False)
        slow = _lines(text)
    assert fast == slow


class _CountingPattern:
    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self.calls = 0

    def search(self, text: str, pos: int = 0) -> re.Match[str] | None:
        self.calls += 1
        return self.pattern.search(text, pos)


@pytest.mark.parametrize("page", ["a\n\n" * 20_000, "plain words here\n" * 40_000])
def test_plain_lines_cost_a_bounded_number_of_searches(page: str, monkeypatch: pytest.MonkeyPatch) -> None:
    counters = {key: _CountingPattern(pattern) for key, pattern in source._SPECIALS.items()}
    monkeypatch.setattr(source, "_SPECIALS", counters)
    lines = source.scan(page, DiagnosticSink())
    assert len(lines) == page.count("\n") + 1
    assert sum(counter.calls for counter in counters.values()) < 10


def test_continued_lines_never_reexamine_the_joined_text(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = []
    original = source._Joined.trailing_backslashes
    monkeypatch.setattr(source._Joined, "trailing_backslashes", lambda self: calls.append(1) or original(self))
    for page in ("x\\\n" * 20_000, "x\\\\\n" * 20_000):
        (line,) = source.logical_lines(page, DiagnosticSink())
        assert line.text in ("x " * 20_000, ("x" + source.BREAK) * 20_000)
    assert len(calls) == 2  # once per page, for its last line (no backslash): not once per joined line
