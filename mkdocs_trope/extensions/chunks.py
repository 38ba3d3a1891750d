"""Keep Python-Markdown's inline pass linear (and quick) on huge paragraphs of converted trope text.

Why: Python-Markdown rebuilds an element's whole text string after every inline match (each escape, entity, tag
and link), and looks each new child up by position in its parent. Both make one paragraph cost O(matches x
length): a 1 MB line of ``[[`` (a million escapes once converted) took tens of minutes to render, so one broken
page could stall a whole site build. Here, before the inline pass, any text longer than :data:`CHUNK` characters is
cut at safe points into wrapper elements, each processed on its own; right after the pass the wrappers are
unwrapped. Runs of escapes and character references are taken as one match each (:class:`EscapeRunProcessor`).
The output is byte-for-byte what Python-Markdown would have produced, only in linear time.

A safe point never falls inside an escape (``\\[``), a character reference, a tag, a Python-Markdown placeholder,
a Markdown link or image (``[text](url)`` and nested ``![](src)``) or ``*``-emphasis. That is every inline
construct that spans more than one character in the converter's output, whose literal text is fully escaped (see
:mod:`mkdocs_trope.markup.escape`). The content of one link or one emphasis is never cut, so a single huge link
text still costs Python-Markdown quadratic time. Hand-written Markdown may use constructs that span further
(``_``-emphasis, code spans), so hosts switch the split off for such pages (:attr:`ChunkExtension.enabled`).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from functools import cache
from typing import Any

from markdown import Extension, Markdown
from markdown.inlinepatterns import InlineProcessor
from markdown.treeprocessors import Treeprocessor
from markdown.util import ETX, STX, AtomicString

CHUNK = 2000
"""Characters per piece. Small enough to bound the quadratic term, large enough that real paragraphs are untouched."""

WRAPPER = "trope-chunk"
SIBLINGS = 64
"""Children per wrapper when an element has more: the inline pass looks each tail's element up among its
siblings, which is quadratic in their number."""
SPLIT_PRIORITY = 20.5
"""Just before Python-Markdown's inline pass (20)."""
JOIN_PRIORITY = 19.5
"""Just after it: later tree processors (wiki links at 15, toc, attr_list ...) see an ordinary tree."""

RUN_PRIORITY = 185
"""Before Python-Markdown's backslash escapes (180), after code spans (190)."""
_RUN = r"(?<!\\)(?:\\[^\n]|&(?:\#[0-9]+|\#x[0-9a-fA-F]+|[a-zA-Z0-9]+);){2,}"
"""Never starting right after a backslash: that backslash either begins an escape (the run starts there) or is
the second half of one (``\\\\*``), where a run must not start."""
_RUN_PART = re.compile(r"\\([^\n])|(&[^;&]*+;)")
_TEXT_TOKEN = r"(?:\\[\s\S]|&#?[A-Za-z0-9]{1,32};|[^\\&<\[!*\x02]|&|!(?!\[))"
_BRACKET = re.compile(r"\\[\s\S]|[\[\]]")


@cache
def _token(size: int) -> re.Pattern[str]:
    """One token per match: a run of up to ``size`` text tokens, a tag, a placeholder, a link start, any character."""
    return re.compile(rf"({_TEXT_TOKEN}{{1,{size}}})|<[^<>]*>|\x02[^\x02\x03]*\x03|(!?\[)|(\*+)|[\s\S]")


def split_points(text: str, size: int = CHUNK) -> list[int]:
    """Offsets where ``text`` may be cut into pieces of about ``size`` characters (empty: leave it whole)."""
    token = _token(size)
    points: list[int] = []
    emphasis: list[str] = []
    """Open ``*``/``**``/``***`` runs: the converter nests them properly, so a run equal to the top closes it."""
    piece_start = position = 0
    while position < len(text):
        match = token.match(text, position)
        assert match is not None  # the last alternative matches any character
        end = match.end()
        inside = bool(emphasis)
        if match.group(2):
            link = _link_end(text, position + len(match.group(2)) - 1, size)
            end = link if link > 0 else end
        elif match.group(3):
            if emphasis and emphasis[-1] == match.group(3):
                emphasis.pop()
            else:
                emphasis.append(match.group(3))
        if end - piece_start > size and position > piece_start and not inside:
            points.append(position)
            piece_start = position
        position = end
    return points


def _link_end(text: str, bracket: int, size: int) -> int:
    """End of the Markdown link whose ``[`` is at ``bracket`` (after its ``(...)``), or -1 if it is none.

    The search is bounded, so text full of ``[`` that open no link stays linear; the converter writes every
    literal bracket escaped, so in its output an unescaped ``[`` always opens a link.
    """
    depth = 0
    for match in _BRACKET.finditer(text, bracket, bracket + 64 * size):
        if match.group() == "[":
            depth += 1
        elif match.group() == "]":
            depth -= 1
            if depth == 0:
                after = match.end()
                close = text.find(")", after, after + 64 * size) if text.startswith("(", after) else -1
                return close + 1 if close >= 0 else -1
    return -1


def _wrappers(text: str, size: int) -> list[etree.Element] | None:
    if len(text) <= size or isinstance(text, AtomicString):
        return None
    points = split_points(text, size)
    if not points:
        return None
    bounds = zip([0, *points], [*points, len(text)], strict=True)
    wrappers = []
    for start, end in bounds:
        wrapper = etree.Element(WRAPPER)
        wrapper.text = text[start:end]
        wrappers.append(wrapper)
    return wrappers


class SplitTreeprocessor(Treeprocessor):
    """Cuts long texts and tails into wrapper elements, each of which the inline pass then handles on its own."""

    def __init__(self, md: Markdown, extension: ChunkExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, root: etree.Element) -> None:
        for parent in list(root.iter()):
            children: list[etree.Element] = []
            changed = False
            if parent.text and (wrappers := _wrappers(parent.text, self.extension.size)):
                parent.text = None
                children.extend(wrappers)
                changed = True
            for child in parent:
                children.append(child)
                if child.tail and (wrappers := _wrappers(child.tail, self.extension.size)):
                    child.tail = None
                    children.extend(wrappers)
                    changed = True
            if len(children) > SIBLINGS and not changed:  # pieces of text stay direct children
                children = _groups(children)
                changed = True
            if changed:
                parent[:] = children


def _groups(children: list[etree.Element]) -> list[etree.Element]:
    """Children put in wrappers of :data:`SIBLINGS` each (their tails go along)."""
    groups = []
    for start in range(0, len(children), SIBLINGS):
        group = etree.Element(WRAPPER)
        group.extend(children[start:start + SIBLINGS])
        groups.append(group)
    return groups


class JoinTreeprocessor(Treeprocessor):
    """Unwraps the pieces: their text and children move back into the parent, in order.

    Text that lands on one element (the parent's text, or a child's tail) is collected and joined once, so a
    parent that gets a thousand pieces of text costs one join, not a thousand growing copies.
    """

    def run(self, root: etree.Element) -> None:
        for parent in list(root.iter()):
            while any(child.tag == WRAPPER for child in parent):  # twice where groups hold pieces of text
                self._unwrap(parent)

    @staticmethod
    def _unwrap(parent: etree.Element) -> None:
        children: list[etree.Element] = []
        texts: dict[int, list[str]] = {-1: [parent.text or ""]}
        """Text for the parent (-1) or for the tail of ``children[i]``."""
        for child in list(parent):
            if child.tag != WRAPPER:
                children.append(child)
                texts[len(children) - 1] = [child.tail or ""]
                continue
            texts[len(children) - 1].append(child.text or "")
            for grandchild in child:
                children.append(grandchild)
                texts[len(children) - 1] = [grandchild.tail or ""]
            texts[len(children) - 1].append(child.tail or "")
        parent.text = "".join(texts[-1]) or None
        for index, child in enumerate(children):
            child.tail = "".join(texts[index]) or None
        parent[:] = children


class EscapeRunProcessor(InlineProcessor):
    """A run of backslash escapes and character references as one inline match instead of one per character.

    Why: literal text made of markup characters (``[[[[...``, ``[=[=...``) converts to one escape or reference per
    character, and each match costs Python-Markdown a rebuild of the text it works on. The result is exactly what
    its own escape (180) and entity (80) processors would produce, token by token: the escape placeholder for an
    escapable character, a raw-HTML placeholder for a reference. The run stops at an escape Python-Markdown would
    leave alone. The converter writes no references inside link URLs (see :mod:`mkdocs_trope.markup.urls`), so
    taking them before the link processors changes nothing there.
    """

    def __init__(self, md: Markdown) -> None:
        super().__init__(_RUN, md)

    def handleMatch(  # type: ignore[override]  # noqa: N802 - Python-Markdown's API
        self, m: re.Match[str], data: str
    ) -> tuple[str | None, int | None, int | None]:
        parts: list[tuple[str, str]] = []
        end = m.start()
        for part in _RUN_PART.finditer(m.group()):
            char = part.group(1)
            if char is not None and char not in self.md.ESCAPED_CHARS:
                break
            parts.append(("escape", char) if char is not None else ("reference", part.group(2)))
            end = m.start() + part.end()
        if len(parts) < 2:
            return None, None, None
        stash = self.md.htmlStash.store
        text = "".join(f"{STX}{ord(value)}{ETX}" if kind == "escape" else stash(value) for kind, value in parts)
        return text, m.start(), end


class ChunkExtension(Extension):
    """Register for Markdown produced by the trope converter; set ``enabled`` False for hand-written pages."""

    def __init__(self, size: int = CHUNK, **kwargs: Any) -> None:
        self.config: dict[str, list[Any]] = {}
        super().__init__(**kwargs)
        self.size = size
        """Characters per piece (tests use small pieces to exercise the split on ordinary pages)."""
        self.enabled = True
        """Read when a ``Markdown`` instance is made (MkDocs makes one per page, after ``on_page_markdown``)."""

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Python-Markdown's API
        if not self.enabled:  # nothing registered: the escape-run pattern alone costs a scan of every text node
            return
        md.inlinePatterns.register(EscapeRunProcessor(md), "trope_escape_run", RUN_PRIORITY)
        md.treeprocessors.register(SplitTreeprocessor(md, self), "trope_chunk_split", SPLIT_PRIORITY)
        md.treeprocessors.register(JoinTreeprocessor(md), "trope_chunk_join", JOIN_PRIORITY)
