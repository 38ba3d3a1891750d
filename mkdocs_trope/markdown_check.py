"""What ``mkdocs-trope check`` reports in a Markdown page: only what this package's Markdown extensions read there.

A ``.md`` page is Markdown, not trope markup: the extensions read ``[[Target text]]`` potholes (wiki links) and
page-image directives (``[[quoteright:348:image]]`` at the start of a paragraph), and never anything inside code.
So the check looks at exactly those, outside fenced and indented code blocks and code spans, and reports what the
extensions would leave as text: a refused link scheme (an error, as in trope pages), a pothole whose target is not
a page name or URL, a page-image directive whose width is out of range.
"""

from __future__ import annotations

import re

from .extensions.images import MAX_WIDTH, parse_directive
from .extensions.wikilinks import _matching_close
from .markup import Diagnostic, Severity
from .markup.inline import parse_page_target
from .markup.urls import ALLOWED_SCHEMES, looks_like_url, refused_scheme, safe_url, split_scheme

_FENCE = re.compile(r" {0,3}(`{3,}|~{3,})")
_DIRECTIVE_NAMES = ("quoteright", "quoteleft", "caption-width-right", "caption-width-left")
_BACKTICKS = re.compile(r"`+")


def diagnose_markdown(text: str) -> list[Diagnostic]:
    """Problems in what the Markdown extensions read in ``text``, in source order."""
    masked = mask_code(text)
    line_starts = [0, *(index + 1 for index, char in enumerate(masked) if char == "\n")]
    found: list[Diagnostic] = []

    def position(offset: int) -> tuple[int, int]:
        low, high = 0, len(line_starts) - 1
        while low < high:  # the last line start at or before offset
            middle = (low + high + 1) // 2
            if line_starts[middle] <= offset:
                low = middle
            else:
                high = middle - 1
        return low + 1, offset - line_starts[low] + 1

    start = masked.find("[[")
    while start >= 0:
        close = _matching_close(masked, start + 2)
        if close < 0:
            start = masked.find("[[", start + 2)
            continue
        problem = _pothole_problem(masked[start + 2 : close], masked, start)
        if problem is not None:
            message, hint, severity, code = problem
            line, column = position(start)
            found.append(Diagnostic(line, column, message, hint, severity, code))
        start = masked.find("[[", close + 2)
    return found


def _pothole_problem(content: str, text: str, start: int) -> tuple[str, str, Severity, str] | None:
    """What the wiki-link and image extensions make of one ``[[content]]``, if it is a problem."""
    name, colon, rest = content.partition(":")
    if colon and name in _DIRECTIVE_NAMES:
        at_line_start = start == 0 or text[start - 1] == "\n"
        directive = f"[[{content}]]"
        if at_line_start and parse_directive(directive) is None:
            return (
                f"page-image directive '[[{name}:...]]' is not read; shown as text",
                f"write [[{name}:WIDTH:image]] with a width from 1 to {MAX_WIDTH}",
                Severity.WARNING,
                "bad-directive",
            )
        image = rest.partition(":")[2]
        if name.startswith("quote") and looks_like_url(image) and refused_scheme(image):
            return _refused(image)
        return None
    target = content.strip().partition(" ")[0]
    if looks_like_url(target) and refused_scheme(target):
        return _refused(target)
    if colon and name.lower() not in ALLOWED_SCHEMES and " " not in name:
        return None  # a trope construct (spoiler, note ...): Markdown pages do not read it
    if split_scheme(target) is not None:
        return None if safe_url(target) else _refused(target)
    if not target or parse_page_target(target) is not None:
        return None
    return (
        f"'[[{target}' is not a link target; shown as text",
        "a wiki link is [[Target display text]] with a WikiWord, Namespace/Page, {{free link}} or URL",
        Severity.WARNING,
        "bad-link",
    )


def _refused(url: str) -> tuple[str, str, Severity, str]:
    return (
        f"link scheme '{split_scheme(url)}:' is not allowed; shown as text",
        "link only to http:, https:, ftp: or mailto: addresses",
        Severity.ERROR,
        "unsafe-url",
    )


def mask_code(text: str) -> str:
    """``text`` with every character of code (fenced and indented blocks, code spans) replaced by a space.

    Line breaks stay, so positions in the result are positions in the page. Indented blocks are recognised as
    Markdown starts them: four spaces (or a tab) after a blank line, continuing until a line with less indent.
    """
    lines = text.split("\n")
    out: list[str] = []
    fence = ""
    in_indented = False
    previous_blank = True
    paragraph: list[str] = []

    def flush() -> None:
        if paragraph:
            out.extend(_mask_spans("\n".join(paragraph)).split("\n"))
            paragraph.clear()

    for line in lines:
        blank = not line.strip()
        if fence:
            out.append(" " * len(line))
            if line.strip().startswith(fence) and not line.strip().strip(fence[0]):
                fence = ""
            continue
        opening = _FENCE.match(line)
        if opening:
            flush()
            fence = opening.group(1)
            out.append(" " * len(line))
            continue
        indented = line.startswith(("    ", "\t"))
        if indented and (previous_blank or in_indented) and not blank:
            flush()
            in_indented = True
            out.append(" " * len(line))
        elif blank:
            flush()
            out.append(line)
        else:
            in_indented = False
            paragraph.append(line)
        previous_blank = blank
    flush()
    return "\n".join(out)


def _mask_spans(block: str) -> str:
    """Blank out code spans: a run of N backticks up to the next run of exactly N (CommonMark's rule)."""
    runs = [(match.start(), match.end()) for match in _BACKTICKS.finditer(block)]
    following: dict[int, list[int]] = {}
    for index, (begin, end) in enumerate(runs):
        following.setdefault(end - begin, []).append(index)
    taken: dict[int, int] = dict.fromkeys(following, 0)  # per run length, how many runs were passed already
    chars = list(block)
    index = 0
    while index < len(runs):
        begin, end = runs[index]
        size = end - begin
        same = following[size]
        while taken[size] < len(same) and same[taken[size]] <= index:
            taken[size] += 1
        if taken[size] == len(same):
            index += 1
            continue
        closing = same[taken[size]]
        for position in range(begin, runs[closing][1]):
            if chars[position] != "\n":
                chars[position] = " "
        index = closing + 1
    return "".join(chars)
