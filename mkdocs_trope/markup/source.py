"""The pre-pass: normalise text, protect escapes, strip comments and join backslash-continued lines.

The result is a list of *logical lines*. Escapes (``[=..=]``, ``[@..@]``, ``[=~..~=]``) are replaced by one
sentinel character each, so later passes cannot read markup inside them, and their text is kept aside. Escapes
and ``%%`` comments are found in one left-to-right scan (whichever starts first wins), as the spec's §1 requires.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from .diagnostics import Diagnostic, DiagnosticSink, Severity

LITERAL = "\ue000"
"""Stands for one protected literal (an escape) in a logical line."""

BREAK = "\ue001"
"""Stands for one forced line break (``\\\\`` at the end of a physical line)."""

SENTINELS = frozenset((LITERAL, BREAK))

_CONTROL_CHARS = frozenset(chr(c) for c in range(32)) - {"\t", "\n"} | {"\x7f"}
_CONTROL = re.compile("[" + "".join(sorted(_CONTROL_CHARS - {"\r"})).replace("\\", "\\\\") + "]")


@dataclass(frozen=True)
class Literal:
    """Protected text: ``kind`` is ``escape`` (``[=..=]``), ``code`` (``[@..@]``) or ``ptitle`` (``[=~..~=]``)."""

    text: str
    kind: str = "escape"


@dataclass
class LogicalLine:
    """One logical line: physical lines joined by trailing backslashes, with escapes replaced by sentinels."""

    text: str
    literals: dict[int, Literal] = field(default_factory=dict)
    anchors: list[tuple[int, int, int]] = field(default_factory=list)
    """(offset in ``text``, source line, source column) at each point where the mapping jumps."""
    _positions: list[int] | None = field(default=None, init=False, repr=False, compare=False)
    """The literals' offsets in order, once a slice has needed them."""

    @property
    def line(self) -> int:
        return self.anchors[0][1] if self.anchors else 1

    def position(self, offset: int) -> tuple[int, int]:
        """Source (line, column), 1-based, of a character offset in ``text``."""
        if not self.anchors:
            return (1, offset + 1)
        if len(self.anchors) == 1:
            start, line, column = self.anchors[0]
            return (line, column + max(offset - start, 0))
        index = bisect.bisect_right(self.anchors, (offset, 1 << 62, 0)) - 1
        start, line, column = self.anchors[max(index, 0)]
        return (line, column + max(offset - start, 0))

    def stripped(self) -> LogicalLine:
        """The line without leading and trailing blanks (positions kept)."""
        return self.stripped_slice(0, len(self.text))

    def stripped_slice(self, start: int, end: int) -> LogicalLine:
        """``slice(start, end)`` without its leading and trailing blanks, in one step (every list item needs it)."""
        text = self.text
        while start < end and text[start] in " \t":
            start += 1
        while end > start and text[end - 1] in " \t":
            end -= 1
        return self if start == 0 and end == len(text) else self.slice(start, end)

    def slice(self, start: int, end: int) -> LogicalLine:
        """A sub-line sharing literal and position information (used when block tags split a line).

        Only the literals and anchors inside the slice are visited (found by bisection), so cutting a line into
        many pieces (a table row of 100,000 cells, each holding an escape) costs the pieces, not pieces x line.
        """
        literals: dict[int, Literal] = {}
        if self.literals:
            if self._positions is None:
                self._positions = sorted(self.literals)
            positions = self._positions
            inside = positions[bisect.bisect_left(positions, start) : bisect.bisect_left(positions, end)]
            literals = {pos - start: self.literals[pos] for pos in inside}
        first = self.position(start)
        anchors = [(0, first[0], first[1])]
        if len(self.anchors) > 1:  # the first anchor is at offset 0, so a lone one never falls inside
            low = bisect.bisect_right(self.anchors, (start, 1 << 62, 0))
            high = bisect.bisect_left(self.anchors, (end, -1, 0))
            anchors += [(pos - start, ln, col) for pos, ln, col in self.anchors[low:high]]
        return LogicalLine(self.text[start:end], literals, anchors)


def normalise(text: str, sink: DiagnosticSink) -> str:
    """Line endings to ``\\n``, BOM dropped, control characters replaced (they could forge parser state)."""
    if text.startswith("\ufeff"):
        text = text[1:]
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    found = _CONTROL.search(text)
    if found is not None:
        first = found.start()
        line = text.count("\n", 0, first) + 1
        column = first - (text.rfind("\n", 0, first) + 1) + 1
        sink.add(
            (line, column),
            "control characters (such as NUL) in the page were replaced by U+FFFD",
            "remove them; they are invisible and not valid in HTML",
        )
        text = _CONTROL.sub("\ufffd", text)
    return text


class _LineBuilder:
    """Accumulates one physical output line while the scanner walks the source."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.literals: dict[int, Literal] = {}
        self.anchors: list[tuple[int, int, int]] = []
        self.had_comment = False

    def anchor(self, line: int, column: int) -> None:
        self.anchors.append((self.length, line, column))

    def text(self, chunk: str) -> None:
        self.parts.append(chunk)
        self.length += len(chunk)

    def literal(self, literal: Literal) -> None:
        self.literals[self.length] = literal
        self.text(LITERAL)

    def finish(self) -> LogicalLine:
        return LogicalLine("".join(self.parts), self.literals, self.anchors)


def scan(text: str, sink: DiagnosticSink) -> list[LogicalLine | None]:
    """Protect escapes and strip comments in one left-to-right scan.

    Returns physical lines (escapes may have merged several); ``None`` marks a line that held only a comment,
    which vanishes entirely instead of acting as a blank line (spec §3).
    """
    lines: list[LogicalLine | None] = []
    builder = _LineBuilder()
    line_no, line_start = 1, 0
    builder.anchor(1, 1)
    pos, length = 0, len(text)
    no_closer = {"=]": False, "@]": False}

    def finish_line() -> None:
        nonlocal builder
        logical = builder.finish()
        if builder.had_comment and not logical.text.strip():
            lines.append(None)
        else:
            lines.append(logical)
        builder = _LineBuilder()

    while pos < length:
        found = _SPECIALS[no_closer["=]"], no_closer["@]"]].search(text, pos)
        next_stop = found.start() if found else length
        if next_stop > pos:
            builder.text(text[pos:next_stop])
            pos = next_stop
            continue
        ch = text[pos]
        if ch == "\n":
            finish_line()
            pos += 1
            line_no, line_start = line_no + 1, pos
            pos, line_no = _plain_lines(text, pos, line_no, _WITHIN_LINE[no_closer["=]"], no_closer["@]"]], lines)
            line_start = pos
            builder.anchor(line_no, 1)
        elif ch in SENTINELS:
            builder.literal(Literal(ch))
            pos += 1
            builder.anchor(line_no, pos - line_start + 1)
        elif text.startswith("%%", pos):
            end = text.find("\n", pos)
            pos = length if end < 0 else end
            builder.had_comment = True
        else:  # "[=" or "[@"
            closer = "=]" if text[pos + 1] == "=" else "@]"
            close = -1 if no_closer[closer] else text.find(closer, pos + 2)
            if close < 0:
                no_closer[closer] = True
                sink.add(
                    (line_no, pos - line_start + 1),
                    f"'{text[pos:pos + 2]}' is never closed with '{closer}'; shown as text",
                    f"close it with '{closer}', or write it as [={text[pos:pos + 2]}=] if it is text",
                    code="unclosed-escape",
                )
                builder.text(text[pos : pos + 2])
                pos += 2
                continue
            body = text[pos + 2 : close]
            spanned = body.count("\n")
            builder.literal(_classify_escape(body, closer))
            if spanned > 2:
                sink.add(
                    (line_no, pos - line_start + 1),
                    f"escape '{text[pos:pos + 2]}' runs over {spanned + 1} lines before its '{closer}'",
                    f"close it with '{closer}' on the same line unless the text really spans lines",
                    Severity.INFO,
                    "escape-span",
                )
            if spanned:
                line_no += spanned
                line_start = text.rfind("\n", 0, close) + 1
            pos = close + 2
            builder.anchor(line_no, pos - line_start + 1)
    finish_line()
    return lines


_SPECIALS = {
    (no_equals, no_at): re.compile(
        "[\n%[" + LITERAL + BREAK + "](?:"  # one character class first: the regex engine skips to those in C
        + "|".join(
            ["(?<=[\n" + LITERAL + BREAK + "])", "(?<=%)%"]
            + ([] if no_equals else ["(?<=\\[)="])
            + ([] if no_at else ["(?<=\\[)(?!(?<=\\[\\[)@/)@"])  # [[@/Name text]] is a troper handle
        )
        + ")"
    )
    for no_equals in (False, True)
    for no_at in (False, True)
}
"""What the scanner must stop at: line ends, comments, escapes, and sentinel characters written in the source
(``[[@/`` opens a pothole to a troper's page, not a ``[@`` escape).
Once an escape opener is known to have no closer anywhere after it, it is no longer a stop: every later one is
plain text too, and a page of half a million of them is then scanned in one step."""


_WITHIN_LINE = {
    key: re.compile(pattern.pattern.replace("\n", "", 2)) for key, pattern in _SPECIALS.items()
}
"""The same stops but line ends: what ends a run of plain lines."""


def _plain_lines(
    text: str, pos: int, line_no: int, stops: re.Pattern[str], lines: list[LogicalLine | None]
) -> tuple[int, int]:
    """Whole lines from ``pos`` that hold nothing the scanner stops at, added in one step; the new (pos, line).

    Why: a page of many short lines (tiny paragraphs, continued lines) would otherwise cost a search, a builder and
    a join per line. The lines made here are the ones the scanner would make: the text, no literals, one anchor.
    Each call searches up to the next stop, and the scan goes on past it before the next call: linear.
    """
    found = stops.search(text, pos)
    last_end = text.rfind("\n", pos, found.start() if found else len(text))
    if last_end < pos:
        return pos, line_no
    for number, chunk in enumerate(text[pos:last_end].split("\n"), line_no):
        lines.append(LogicalLine(chunk, {}, [(0, number, 1)]))
    return last_end + 1, line_no + text.count("\n", pos, last_end + 1)


def _classify_escape(body: str, closer: str) -> Literal:
    if closer == "@]":
        return Literal(body, "code")
    if len(body) >= 2 and body.startswith("~") and body.endswith("~"):
        return Literal(body[1:-1], "ptitle")
    return Literal(body)


def join_continuations(lines: list[LogicalLine | None]) -> list[LogicalLine]:
    """Join lines that end in backslashes: ``\\`` joins with a space, ``\\\\`` with one break, n with n-1.

    Leading whitespace is insignificant (spec decision A3) and trailing whitespace invisible, so both go here.
    A logical line is built piece by piece (:class:`_Joined`), so a page of many continued lines costs the length
    of its text, not the length of each partial line again at every join.
    """
    result: list[LogicalLine] = []
    pending: _Joined | None = None
    for physical in lines:
        if physical is None:
            continue
        current = physical.stripped()
        if pending is None:
            if not current.text.endswith("\\"):  # the common case: no join at all
                result.append(current)
                continue
            pending = _Joined()
        if _join_own_backslashes(pending, current):
            continue
        pending.add(current)
        backslashes = pending.trailing_backslashes()
        if backslashes:
            pending.trim(backslashes)
            pending.append_text(" " if backslashes == 1 else BREAK * (backslashes - 1))
            continue
        result.append(pending.finish())
        pending = None
    if pending is not None:
        result.append(pending.finish())
    return result


def _join_own_backslashes(pending: _Joined, line: LogicalLine) -> bool:
    """Add a line that ends in backslashes after other text, joined, in one step (False: anything else).

    The usual continued line: its backslashes are its own, so the text before them is added directly, without
    cutting the joined pieces afterwards (see :meth:`_Joined.trailing_backslashes`).
    """
    body = line.text.rstrip("\\")
    if not body or len(body) == len(line.text):
        return False
    pending.add(line, body.rstrip(" \t"))
    backslashes = len(line.text) - len(body)
    pending.append_text(" " if backslashes == 1 else BREAK * (backslashes - 1))
    return True


class _Joined:
    """One logical line being joined from physical lines, kept as a list of pieces.

    Only its end is ever examined (trailing blanks, then backslashes) and only its end is ever cut, so each
    character is looked at a bounded number of times however many lines are joined.
    """

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.literals: dict[int, Literal] = {}
        self.anchors: list[tuple[int, int, int]] = []

    def add(self, line: LogicalLine, text: str | None = None) -> None:
        """Append ``line`` (or only ``text``, a start of its text that holds all its literals)."""
        offset = self.length
        if line.literals:
            self.literals.update({pos + offset: lit for pos, lit in line.literals.items()})
        self.anchors.extend((pos + offset, ln, col) for pos, ln, col in line.anchors)
        self.append_text(line.text if text is None else text)

    def append_text(self, text: str) -> None:
        if text:
            self.parts.append(text)
            self.length += len(text)

    def trailing_backslashes(self) -> int:
        """Backslashes ending the text once trailing blanks are ignored (the blanks are cut only if any are)."""
        blanks = backslashes = 0
        for part in reversed(self.parts):
            stripped = part.rstrip(" \t") if not backslashes else part
            if not backslashes:
                blanks += len(part) - len(stripped)
                if not stripped:
                    continue
            body = stripped.rstrip("\\")
            backslashes += len(stripped) - len(body)
            if body:
                break
        if backslashes:
            self._cut(blanks)
        return backslashes

    def trim(self, backslashes: int) -> None:
        """Cut ``backslashes`` backslashes from the end, then the blanks before them."""
        self._cut(backslashes)
        while self.parts:
            last = self.parts[-1]
            stripped = last.rstrip(" \t")
            self._cut(len(last) - len(stripped))
            if stripped:
                break

    def _cut(self, count: int) -> None:
        while count and self.parts:
            last = self.parts.pop()
            if len(last) > count:
                self.parts.append(last[: len(last) - count])
                self.length -= count
                return
            count -= len(last)
            self.length -= len(last)

    def finish(self) -> LogicalLine:
        return LogicalLine("".join(self.parts), self.literals, self.anchors)


def logical_lines(text: str, sink: DiagnosticSink) -> list[LogicalLine]:
    """The whole pre-pass: normalised text in, logical lines out."""
    return join_continuations(scan(normalise(text, sink), sink))


@dataclass(frozen=True)
class DecodeProblem:
    """Where a page stops being UTF-8: the first bad byte, by offset and by 1-based line and column."""

    offset: int
    byte: int
    line: int
    column: int

    def __str__(self) -> str:
        return (
            f"invalid UTF-8 at byte offset {self.offset} (byte 0x{self.byte:02x}); "
            "undecodable bytes are shown as U+FFFD — save the file as UTF-8"
        )

    def diagnostic(self) -> Diagnostic:
        """The problem as an error diagnostic: the one form both builds and ``mkdocs-trope check`` report."""
        message = f"invalid UTF-8 at byte offset {self.offset} (byte 0x{self.byte:02x})"
        hint = "save the file as UTF-8 (undecodable bytes are shown as U+FFFD)"
        return Diagnostic(self.line, self.column, message, hint, Severity.ERROR, "invalid-utf8")


def decode(data: bytes) -> tuple[str, DecodeProblem | None]:
    """Bytes of a page → text, and where it was not valid UTF-8.

    Invalid bytes never stop a build: they are decoded as U+FFFD and the first bad byte's place is reported.
    """
    bom = 3 if data.startswith(b"\xef\xbb\xbf") else 0
    data = data[bom:]
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as error:
        start = error.start
        line = data.count(b"\n", 0, start) + 1
        line_start = data.rfind(b"\n", 0, start) + 1
        column = len(data[line_start:start].decode("utf-8", errors="replace")) + 1  # characters, as editors count
        return data.decode("utf-8", errors="replace"), DecodeProblem(bom + start, data[start], line, column)


def join_with_breaks(lines: list[LogicalLine]) -> LogicalLine:
    """Several logical lines as one, each line end kept as a forced break (positions and escapes kept)."""
    joined = _Joined()
    for number, line in enumerate(lines):
        if number:
            joined.append_text(BREAK)
        joined.add(line)
    return joined.finish()
