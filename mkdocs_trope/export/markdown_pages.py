"""Hand-written ``.md`` pages of a wiki, made portable: what the plugin's wiki-link extension reads in them is written
out as the links it renders.

In a ``.md`` page the plugin reads ``[[Target display text]]`` and ``{{free links}}`` and lets links to
``Page.trope`` files reach the page. Here the same readers (the extension's own inline processors) find those
links, and each becomes the Markdown of :mod:`.portable`; a ``(Page.trope)`` link destination becomes
``(Page.md)``. Fenced code blocks and code spans are left alone, as Python-Markdown leaves them alone. Everything
else of the page is copied as written.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from ..extensions.wikilinks import _POTHOLE_SCAN_LIMIT, FreeLinkProcessor, PotholeProcessor, WikiLinkExtension
from ..markup.escape import escape_markdown
from ..markup.render import WIKI_SCHEME
from .portable import PAGE_SUFFIX, Resolve, wiki_link

_FENCE = re.compile(r" {0,3}(`{3,}|~{3,})")
_FREE_START = re.compile(r"(?<![A-Za-z0-9_])(?:([A-Z][A-Za-z0-9]+)([/.]))?\{\{")
_SPAN = re.compile(
    r"\\[\s\S]|`+|\[\[|(?<![A-Za-z0-9_])(?:[A-Z][A-Za-z0-9]+[/.])?\{\{|\]\(([^()\s<>]*)\.trope(#[^()\s<>]*)?\)"
)
"""What may start something to rewrite: an escape (skipped), a code span's backticks (skipped to their end), a
pothole, a free link, or a Markdown link to a ``.trope`` file."""
_REFERENCE = re.compile(r"( {0,3}\[[^\]\n]{1,999}\]:[ \t]*<?)([^\s<>]*)\.trope(#\S*)?(>?.*)")


def portable_page(text: str, resolve: Resolve) -> str:
    """A Markdown page with its wiki links resolved (see the module's docstring)."""
    extension = WikiLinkExtension()
    pothole = PotholeProcessor(r"\[\[", None, extension)  # type: ignore[arg-type]
    free = FreeLinkProcessor(_FREE_START.pattern, None, extension)  # type: ignore[arg-type]
    out: list[str] = []
    fence = ""
    for line in text.split("\n"):
        opening = _FENCE.match(line)
        if fence:
            if opening and opening.group(1)[0] == fence[0] and len(opening.group(1)) >= len(fence):
                fence = ""
            out.append(line)
        elif opening:
            fence = opening.group(1)
            out.append(line)
        elif (reference := _REFERENCE.fullmatch(line)) is not None:
            lead, path, anchor, rest = reference.groups()
            out.append(f"{lead}{path}{PAGE_SUFFIX}{anchor or ''}{rest}")
        else:
            out.append(_line(line, resolve, pothole, free))
    return "\n".join(out)


def _line(line: str, resolve: Resolve, pothole: PotholeProcessor, free: FreeLinkProcessor) -> str:
    out: list[str] = []
    done = position = 0
    next_close = -1
    """Where the next ``]]`` is: a ``[[`` farther from it than the reader looks cannot be a link. Checked first, so a
    line of ten thousand unclosed ``[[`` costs one search, not ten thousand bounded scans."""
    while (match := _SPAN.search(line, position)) is not None:
        token = match.group()
        position = match.end()
        if token.startswith("\\"):
            continue
        if token.startswith("`"):
            close = line.find(token, position)
            while close >= 0 and line.startswith("`", close + len(token)):  # a longer run does not close it
                close = line.find(token, close + len(token) + 1)
            position = close + len(token) if close >= 0 else position
            continue
        if token.startswith("]("):
            out.append(line[done : match.start()])
            out.append(f"]({match.group(1)}{PAGE_SUFFIX}{match.group(2) or ''})")
            done = position
            continue
        if token == "[[":
            if next_close < position:
                next_close = line.find("]]", position)
                next_close = len(line) + _POTHOLE_SCAN_LIMIT if next_close < 0 else next_close
            if next_close - position >= _POTHOLE_SCAN_LIMIT:
                continue
        processor: PotholeProcessor | FreeLinkProcessor = pothole if token == "[[" else free
        found = processor.compiled_re.match(line, match.start())
        element, start, end = processor.handleMatch(found, line) if found else (None, None, None)
        if element is None or start is None or end is None:
            continue
        out.append(line[done:start])
        out.append(_element_markdown(element, resolve))
        done = position = end
    out.append(line[done:])
    return "".join(out)


def _element_markdown(element: etree.Element, resolve: Resolve) -> str:
    """A link element of the wiki-link readers as portable Markdown."""
    text = escape_markdown(element.text or "")
    image = element.find("img")
    if image is not None:
        text = f"![]({image.get('src', '')})"
    href = element.get("href", "")
    if href.startswith(WIKI_SCHEME):
        return wiki_link(text, href[len(WIKI_SCHEME) :], resolve)
    return f"[{text}]({href})"
