"""Depth-aware matching of ``[[`` and ``]]`` in one logical line (one pass, a stack, linear time).

Runs of brackets are split into pairs; in a run of odd length the *first* bracket is a single one. That keeps
``[[[Foo bar]]`` readable as ``[`` + a pothole, and lets ``-]]]`` close a small-text span and then a box, as the
Pantheon pages write it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_OPEN_RUN = re.compile(r"\[+")
_CLOSE_RUN = re.compile(r"\]+")


@dataclass
class BracketIndex:
    """Opener/closer positions of one line and which ones pair up."""

    positions: list[int]
    is_open: list[bool]
    partner: list[int]
    """Index of the matching token, or -1 for an unmatched one."""

    def first_at_or_after(self, offset: int) -> int:
        lo, hi = 0, len(self.positions)
        while lo < hi:
            mid = (lo + hi) // 2
            if self.positions[mid] < offset:
                lo = mid + 1
            else:
                hi = mid
        return lo


def index_brackets(text: str) -> BracketIndex:
    if "[[" not in text and "]]" not in text:
        return BracketIndex([], [], [])
    positions: list[int] = []
    is_open: list[bool] = []
    partner: list[int] = []
    stack: list[int] = []
    next_open, next_close = text.find("["), text.find("]")
    while next_open >= 0 or next_close >= 0:  # run by run; str.find skips the text between runs in C
        opening = next_close < 0 or 0 <= next_open < next_close
        start = next_open if opening else next_close
        end = (_OPEN_RUN if opening else _CLOSE_RUN).match(text, start).end()  # type: ignore[union-attr]  # a run starts here
        for pair_start in range(start + (end - start) % 2, end - 1, 2):
            index = len(positions)
            positions.append(pair_start)
            is_open.append(opening)
            partner.append(-1)
            if opening:
                stack.append(index)
            elif stack:
                opener = stack.pop()
                partner[opener] = index
                partner[index] = opener
        if opening:
            next_open = text.find("[", end)
        else:
            next_close = text.find("]", end)
    return BracketIndex(positions, is_open, partner)
