"""Folder titles written over several lines: ``[[folder:Season 1`` on one line, ``(2005)]]`` on a later one.

TV Tropes reads that as one folder whose title keeps its line breaks (real Recap pages date their season folders
this way). The block pass reads one logical line at a time, so such a title is joined into one line first, its
line ends becoming forced breaks. The look-ahead is bounded, so the pass stays linear.
"""

from __future__ import annotations

import re

from .brackets import index_brackets
from .source import LogicalLine, join_with_breaks

MAX_TITLE_LINES = 12
"""A folder title may run over at most this many lines (blank lines included); a longer one stays as written."""

_FOLDER_OPEN = re.compile(r"\[\[[ \t]*folder:", re.IGNORECASE)
_BLOCK_TAG = re.compile(r"\[\[[ \t]*/?(?:folder|index|quoteblock)\b", re.IGNORECASE)


def join_folder_titles(lines: list[LogicalLine]) -> list[LogicalLine]:
    """``lines`` with every folder title that closes on a later line joined into the line that opens it."""
    out: list[LogicalLine] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        opener = _unclosed_folder(line.text) if _FOLDER_OPEN.search(line.text) else -1
        joined = _joined_title(lines, index, opener) if opener >= 0 else None
        if joined is None:
            out.append(line)
            index += 1
        else:
            out.append(joined[0])
            index += joined[1]
    return out


def _unclosed_folder(text: str) -> int:
    """Offset of the last ``[[folder:`` of ``text`` if its brackets are not closed on the line, else -1."""
    brackets = index_brackets(text)
    last = -1
    for match in _FOLDER_OPEN.finditer(text):
        token = brackets.first_at_or_after(match.start())
        if token < len(brackets.positions) and brackets.positions[token] == match.start():
            last = match.start() if brackets.partner[token] < 0 else -1
    return last


def _joined_title(lines: list[LogicalLine], first: int, opener: int) -> tuple[LogicalLine, int] | None:
    """The opening line joined with the lines up to the one whose ``]]`` closes the title, and how many lines
    that is; None if no line within :data:`MAX_TITLE_LINES` closes it, or another block tag comes first."""
    for last in range(first + 1, min(len(lines), first + MAX_TITLE_LINES)):
        text = lines[last].text
        if "]]" in text:
            joined = join_with_breaks(lines[first : last + 1])
            brackets = index_brackets(joined.text)
            token = brackets.first_at_or_after(opener)
            if brackets.partner[token] >= 0:
                return joined, last - first + 1
        if _BLOCK_TAG.search(text):
            return None
    return None
