"""Depth-aware matching of ``[[`` and ``]]`` in one logical line (one pass, a stack, linear time).

Runs of brackets are split into pairs; in a run of odd length the *first* bracket is a single one. That keeps
``[[[Foo bar]]`` readable as ``[`` + a pothole, and lets ``-]]]`` close a small-text span and then a box, as the
Pantheon pages write it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_RUN = re.compile(r"\[+|\]+")


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
    for match in _RUN.finditer(text):
        start, end = match.span()
        opening = text[start] == "["
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
    return BracketIndex(positions, is_open, partner)
