"""The inline scanner: one logical line of trope text in, a tuple of inline nodes out.

The order follows the spec's §1 step 6: bracket constructs (innermost first, depth-matched), then bare URLs, free
links and WikiWords in the text between them, then the delimiter constructs (``@@``, ``[-..-]``, emphasis) paired
over the resulting sequence so they may wrap links and bracket constructs. Every step is a forward scan or a
regex without nested quantifiers, so the whole pass is linear in the length of the line.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from ..names import (
    PageName,
    alnum_run_end,
    as_spaced,
    at_word_start,
    free_link_target,
    is_namespace_token,
    is_page_token,
    wikiword_end,
)
from .brackets import BracketIndex, index_brackets
from .diagnostics import DiagnosticSink, Severity
from .nodes import Box, Break, Image, Inline, Note, Styled, Text, UrlLink, WikiLink
from .source import BREAK, LITERAL, Literal, LogicalLine
from .urls import (
    URL_PREFIX,
    image_source,
    is_image_url,
    is_relative_image,
    looks_like_url,
    refused_scheme,
    safe_url,
    split_scheme,
)

MAX_DEPTH = 48
"""Bracket constructs nested deeper than this render as literal text (no real page comes close)."""

KNOWN_STYLES = frozenset({"evil"})
"""Named text styles with their own CSS; other ``[[name:..]]`` names still render, with a warning."""

_STYLED = {"spoiler": "spoiler", "ac": "asscaps", "strike": "strike", "superscript": "sup", "subscript": "sub"}
_BOXES = {"center": "center", "rtl": "rtl", "wmg": "wmg"}
_FIGURES = {
    "quoteright": "quoteright",
    "quoteleft": "quoteleft",
    "caption-width-right": "caption-right",
    "caption-width-left": "caption-left",
}
_PAIRED_TAGS = frozenset({"note", "/note", "/labelnote", "/folder", "index", "/index", "foldercontrol"})
_PAIRED_TAGS |= frozenset({"quoteblock", "/quoteblock"})
_STYLE_NAME = re.compile(r"[A-Za-z][A-Za-z0-9-]{0,40}\Z")
_WIDTH = re.compile(r"[0-9]{1,4}\Z")
_INDENT_AMOUNT = re.compile(r"[0-9]{1,3}(?:\.[0-9]{1,2})?(?:px|em|rem|%)?\Z")
_LINK_START = re.compile(
    r"[A-Zhfm{](?:(?<![A-Za-z0-9_].)(?:"  # one character class first: the regex engine skips to those in C
    r"(?<=h)ttps?://|(?<=H)(?i:ttps?)://|(?<=f)tp://|(?<=F)(?i:tp)://|(?<=m)ailto:|(?<=M)(?i:ailto):"
    r"|(?<=[A-Z])(?P<word>[A-Za-z0-9]*(?:[A-Z][a-z0-9]|[a-z0-9][A-Z])[A-Za-z0-9]*)"  # the rest of a WikiWord
    r"|(?<=[A-Z])[A-Za-z0-9]+[/.](?=[A-Z]|\{\{))"  # a namespace prefix
    r"|(?<=\{)\{)"
)
"""Where a link may start: a URL scheme or a WikiWord or namespace at the start of a word, or ``{{``. Ordinary
capitalised words are rejected here, at C speed; the backtracking inside a WikiWord candidate is bounded by that one
word, since a candidate can only start where a word starts. Each branch checks the first character, already
consumed by the leading class, by looking behind."""
_URL_STOP = frozenset(" \t<>[]\"'()`|^{}" + LITERAL + BREAK)
_FREE_LINK_WORD_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 _-")
"""What the words (and the hidden part) of a ``{{free link}}`` may hold."""
_FREE_LINK_CHARS = _FREE_LINK_WORD_CHARS | frozenset("/.|")
_FREE_LINK_MAX = 200
_DELIMITER = re.compile(r"''+|@@|\[softreturn\]|\[-+|\[\++|-(?<!--)(?:-*\]|-+)|\+(?<!\+\+)\+*\]")
"""Emphasis, code, small/big text marks and dashes. A run of hyphens or pluses is taken whole from its first
character (the look-behind refuses to start inside a run, so a long run costs one pass), and only when it can mean
something: ``--``, ``-]`` or ``+]``; a lone hyphen is no match at all."""
_MAY_HOLD_MARKUP = re.compile("[][{}'@&+" + LITERAL + BREAK + "-](?:(?<=-)-|(?<=\\+)\\]|(?<![-+]))")
"""Characters without which a stretch of text holds no inline markup but links (checked separately)."""
_BRACE_RUN = re.compile(r"\{+")
_NAMESPACE_SEPARATOR = re.compile(r"[/.](?:[A-Z]|\{\{)")
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_EM_DASH = "\u2014"
_SIZED_KINDS = frozenset({"open-small", "open-big", "close-small", "close-big"})


@dataclass
class _Raw:
    """Text still to be scanned for links and delimiters; ``offset`` locates it in the line."""

    text: str
    offset: int


@dataclass
class _Tag:
    """A paired tag token (``[[note]]``, ``[[/labelnote]]`` ...) waiting to be matched with its partner."""

    name: str
    offset: int
    label: tuple[Inline, ...] = ()


@dataclass
class _Delim:
    """An emphasis-like delimiter: ``kind`` is quote (``size`` apostrophes), code, open-/close-small or -big."""

    kind: str
    text: str
    offset: int
    size: int = 0


@dataclass
class _NoteGroup:
    kind: str
    label: tuple[Inline, ...]
    body: list[_Piece]


_Piece = _Raw | _Tag | _NoteGroup | Inline


@dataclass
class _LineState:
    line: LogicalLine
    brackets: BracketIndex
    autoclosed: dict[str, int] = field(default_factory=dict)
    open_notes: dict[str, list[int]] = field(default_factory=dict)
    """Offsets of notes closed automatically at the end of their container, waiting for a late closer."""


class InlineParser:
    """Parses logical lines into inline nodes; shared by every line of one page (numbered links count up)."""

    def __init__(self, sink: DiagnosticSink) -> None:
        self.sink = sink
        self.numbered_links = 0
        self.links: list[WikiLink] = []
        self._state: _LineState | None = None
        self._delimiter_count = 0
        """Delimiters seen so far; lets a region with none skip the pairing passes."""

    # --------------------------------------------------------------------------------------------- entry

    def parse(self, line: LogicalLine, *, links: bool = True) -> tuple[Inline, ...]:
        """Parse a whole logical line."""
        self._state = _LineState(line, index_brackets(line.text))
        try:
            nodes = tuple(self._region(0, len(line.text), 0, links))
            for name, offsets in self._state.open_notes.items():
                for offset in offsets:
                    self._warn(
                        offset,
                        f"'[[{name}]]' is never closed; it ends at the end of its container",
                        f"add [[/{name}]] where the hidden text ends",
                        code="unclosed-note",
                    )
            return nodes
        finally:
            self._state = None

    # ------------------------------------------------------------------------------------------ helpers

    @property
    def _line(self) -> LogicalLine:
        assert self._state is not None
        return self._state.line

    def _warn(
        self, offset: int, message: str, hint: str = "", severity: Severity = Severity.WARNING, code: str = "markup"
    ) -> None:
        position = (0, 0) if self.sink.saturated(code) else self._line.position(offset)
        self.sink.add(position, message, hint, severity, code)

    def _literal_nodes(self, start: int, end: int) -> list[Inline]:
        """The exact source text of ``[start, end)`` as literal nodes (sentinels expanded)."""
        out: list[Inline] = []
        text = self._line.text
        cursor = start
        while cursor < end:
            stop = _next_sentinel(text, cursor, end)
            if cursor < stop:
                out.append(Text(text[cursor:stop]))
            if stop < end:
                out.extend(self._sentinel(stop, links=False))
            cursor = stop + 1
        return out

    def _sentinel(self, offset: int, *, links: bool) -> list[Inline]:
        if self._line.text[offset] == BREAK:
            return [Break()]
        literal = self._line.literals.get(offset, Literal(""))
        if literal.kind == "code":
            return [Styled("code", (Text(literal.text),))]
        if literal.kind == "ptitle" and links:
            return [self._ptitle(literal, offset)]
        if literal.kind == "ptitle":
            return [Text(literal.text)]
        return [Text(literal.text)] if literal.text else []

    def _ptitle(self, literal: Literal, offset: int) -> Inline:
        name = "".join(ch for ch in literal.text if ch.isascii() and ch.isalnum())
        if not name:
            return Text(literal.text)
        self._warn(
            offset,
            "legacy punctuated title '[=~...~=]'",
            "link the page by its WikiWord and give it a custom title instead",
            Severity.INFO,
            "legacy",
        )
        return self._wikilink(PageName(None, name[0].upper() + name[1:]), (Text(literal.text),), offset)

    def _wikilink(
        self, target: PageName, children: tuple[Inline, ...], offset: int, *, auto: bool = False
    ) -> WikiLink:
        link = WikiLink(target, children, self._line.position(offset)[0], auto)
        self.links.append(link)
        return link

    # ------------------------------------------------------------------------------- phase A: brackets

    def _region(self, start: int, end: int, depth: int, links: bool) -> list[Inline]:
        text = self._line.text[start:end]
        if not _MAY_HOLD_MARKUP.search(text) and not (links and _LINK_START.search(text)):
            return [Text(text)] if text else []  # plain text: most display texts and much prose
        pieces = self._bracket_pieces(start, end, depth, links)
        return self._finish(self._group_notes(pieces, end), links)

    def _bracket_pieces(self, start: int, end: int, depth: int, links: bool) -> list[_Piece]:
        assert self._state is not None
        brackets = self._state.brackets
        pieces: list[_Piece] = []
        cursor = start
        token = brackets.first_at_or_after(start)
        while token < len(brackets.positions) and brackets.positions[token] < end:
            position = brackets.positions[token]
            partner = brackets.partner[token]
            if brackets.is_open[token] and partner >= 0 and brackets.positions[partner] + 2 <= end:
                self._raw_pieces(cursor, position, pieces)
                close = brackets.positions[partner]
                pieces.extend(self._construct(position + 2, close, depth + 1, links))
                cursor = close + 2
                token = partner + 1
                continue
            # An unmatched bracket stays inside the surrounding text (shown as written, diagnosed here), so a page
            # of a million stray brackets is one piece of text, not a million.
            if brackets.is_open[token]:
                hint = "close it with ']]' or write it as [=[[=]"
                self._warn(position, "'[[' is never closed", hint, code="unclosed-bracket")
            else:
                self._warn(position, "']]' closes nothing", "remove it or write it as [=]]=]", code="orphan-bracket")
            token += 1
        self._raw_pieces(cursor, end, pieces)
        return pieces

    def _raw_pieces(self, start: int, end: int, pieces: list[_Piece]) -> None:
        """Split plain text at sentinels: escapes and breaks become nodes, the rest stays raw."""
        text = self._line.text
        cursor = start
        while cursor < end:
            stop = _next_sentinel(text, cursor, end)
            if cursor < stop:
                pieces.append(_Raw(text[cursor:stop], cursor))
            if stop < end:
                pieces.extend(self._sentinel(stop, links=True))
            cursor = stop + 1

    def _construct(self, start: int, end: int, depth: int, links: bool) -> list[_Piece]:
        """One matched ``[[...]]`` (content is ``[start, end)``): dispatch on its form."""
        text = self._line.text
        content = text[start:end]
        if depth > MAX_DEPTH:
            if depth == MAX_DEPTH + 1:
                self._warn(start - 2, f"bracket constructs nested more than {MAX_DEPTH} deep", "simplify the line")
            return [Text("[["), *self._literal_nodes(start, end), Text("]]")]
        lowered = content.strip().lower()
        if lowered in _PAIRED_TAGS:
            return [_Tag(lowered, start - 2)]
        name, colon, _rest = content.partition(":")
        if colon and _STYLE_NAME.match(name) and not looks_like_url(content):  # [[javascript:..]] is a link
            return self._named(name.lower(), start, start + len(name) + 1, end, depth, links)
        return self._pothole(start, end, depth, links)

    def _named(self, name: str, start: int, body: int, end: int, depth: int, links: bool) -> list[_Piece]:
        if name in _STYLED:
            return [Styled(_STYLED[name], tuple(self._region(body, end, depth, links)))]
        if name in _BOXES:
            return [Box(_BOXES[name], tuple(self._region(body, end, depth, links)))]
        if name == "labelnote":
            text = self._line.text
            label_start, label_end = body, end
            while label_start < label_end and text[label_start] in " \t":  # the label is trimmed
                label_start += 1
            while label_end > label_start and text[label_end - 1] in " \t":
                label_end -= 1
            label = tuple(self._region(label_start, label_end, depth, links=False))
            return [_Tag("labelnote", start - 2, label)]
        if name in _FIGURES or name == "indent":
            return self._boxed_with_argument(name, start, body, end, depth, links)
        if name == "hottip":
            return self._hottip(start, body, end, depth, links)
        if name == "redirect":
            return self._inline_redirect(start, body, end)
        if name == "folder":
            self._warn(start - 2, "'[[folder:..]]' must start its own line", "put the folder tag on a line by itself")
            return [Text("[["), *self._literal_nodes(start, end), Text("]]")]
        if name not in KNOWN_STYLES:
            self._warn(
                start - 2,
                f"unknown construct '[[{name}:...]]'; its text is shown as a plain styled span",
                "check the spelling, or escape the brackets with [=[[=] if they are text",
                code="unknown-construct",
            )
        return [Styled("style", tuple(self._region(body, end, depth, links)), name)]

    def _boxed_with_argument(
        self, name: str, start: int, body: int, end: int, depth: int, links: bool
    ) -> list[_Piece]:
        text = self._line.text
        argument, colon, _ = text[body:end].partition(":")
        argument = argument.strip()
        valid = _INDENT_AMOUNT.match(argument) if name == "indent" else _WIDTH.match(argument)
        if not colon or not valid or (name != "indent" and not 0 < int(argument) <= 2000):
            expected = "a length such as 20 or 2em" if name == "indent" else "a width in pixels (1-2000)"
            self._warn(
                start - 2,
                f"'[[{name}:...]]' needs {expected} before the second ':'",
                f"write [[{name}:348:...]]" if name != "indent" else "write [[indent:20:text]]",
            )
            return [Text("[["), *self._literal_nodes(start, end), Text("]]")]  # shown exactly as written
        content_start = body + text[body:end].index(":") + 1
        kind = "indentbox" if name == "indent" else _FIGURES[name]
        lone = text[content_start:end].strip()
        if name.startswith("quote") and is_relative_image(lone):  # [[quoteright:150:images/x.png]]
            return [Box(kind, (Image(lone),), argument)]
        return [Box(kind, tuple(self._region(content_start, end, depth, links)), argument)]

    def _hottip(self, start: int, body: int, end: int, depth: int, links: bool) -> list[_Piece]:
        text = self._line.text
        label_text, colon, _ = text[body:end].partition(":")
        self._warn(start - 2, "legacy '[[hottip:..]]'", "use [[labelnote:label]]text[[/labelnote]]", Severity.INFO)
        if not colon:
            return [Note("hottip", (Text("*"),), tuple(self._region(body, end, depth, links)))]
        content_start = body + len(label_text) + 1
        label = tuple(self._region(body, body + len(label_text), depth, links=False)) or (Text("*"),)
        return [Note("hottip", label, tuple(self._region(content_start, end, depth, links)))]

    def _inline_redirect(self, start: int, body: int, end: int) -> list[_Piece]:
        target = parse_page_target(self._line.text[body:end].strip())
        if target is None:
            self._warn(start - 2, "'[[redirect:..]]' needs a page name", "write [[redirect:Namespace/PageName]]")
            return [Text("[["), *self._literal_nodes(start, end), Text("]]")]
        self._warn(start - 2, "'[[redirect:..]]' only works as the first line of a page", "move it to the top")
        return [Text("\u2192 "), self._wikilink(target, (Text(str(target)),), start)]

    def _pothole(self, start: int, end: int, depth: int, links: bool) -> list[_Piece]:
        text = self._line.text
        split = _target_end(text, start, end)
        target_text = text[start:split]
        target = self._link_target(target_text, start)
        if target is None:
            hint = "a pothole is [[Target display text]] with a WikiWord, Namespace/Page, {{free link}} or URL"
            if "/" in target_text and not target_text.startswith(("{{", "http")):
                hint = "after a namespace the page must be a WikiWord: write Namespace/{{Word}}"
            if not refused_scheme(target_text):  # a refused scheme was reported as such by _link_target
                self._warn(start - 2, f"'[[{target_text}' is not a link target; shown as text", hint, code="bad-link")
            if "[[" in target_text or "]]" in target_text:
                return [Text("[["), *self._region(start, end, depth, links), Text("]]")]
            # The would-be target is shown exactly as written; what follows it keeps its markup.
            rest = self._region(split, end, depth, links)
            return [Text("[["), *self._literal_nodes(start, split), *rest, Text("]]")]
        display_start = split
        while display_start < end and text[display_start] in " \t":
            display_start += 1
        if display_start >= end:
            self.numbered_links += 1
            children: tuple[Inline, ...] = (Text(f"[{self.numbered_links}]"),)
        else:
            children = self._display(display_start, end, depth)
        if not links:
            self._warn(start - 2, "a link inside a link's display text shows only its text", "remove the inner link")
            return list(children)
        if isinstance(target, str):
            return [UrlLink(target, children)]
        return [self._wikilink(target, children, start)]

    def _display(self, start: int, end: int, depth: int) -> tuple[Inline, ...]:
        """A pothole's display text: formatted, never autolinked; a lone image URL makes a linked image."""
        raw = self._line.text[start:end].strip()
        url = image_source(raw)
        if url:
            return (self._image(url, raw, start),)
        return tuple(self._region(start, end, depth, links=False))

    def _link_target(self, target_text: str, offset: int) -> PageName | str | None:
        """A pothole target: a page name, an allowed absolute/relative URL, or None (not a target)."""
        if LITERAL in target_text or BREAK in target_text:
            return None
        scheme = split_scheme(target_text)
        if scheme is not None:
            url = safe_url(target_text)
            if url is None and refused_scheme(target_text):
                self._warn(
                    offset,
                    f"link scheme '{scheme}:' is not allowed; shown as text",
                    "link only to http:, https:, ftp: or mailto: addresses; write [=...=] around text to show",
                    code="unsafe-url",
                )
            return url
        if target_text.startswith(("./", "../")) or (target_text.startswith("/") and not target_text.startswith("//")):
            return safe_url(target_text)
        return parse_page_target(target_text)

    # ---------------------------------------------------------------------------------- paired tags

    def _group_notes(self, pieces: list[_Piece], region_end: int) -> list[_Piece]:
        """Match ``[[note]]``/``[[labelnote:..]]`` with their closers inside one region (spec A11, A18)."""
        if not any(isinstance(piece, _Tag) for piece in pieces):
            return pieces
        root: list[_Piece] = []
        stack: list[tuple[_Tag, list[_Piece]]] = []
        current = root
        for piece in pieces:
            if not isinstance(piece, _Tag):
                current.append(piece)
                continue
            if piece.name in ("note", "labelnote") and len(stack) >= MAX_DEPTH:
                current.append(Text(f"[[{piece.name}]]"))
            elif piece.name in ("note", "labelnote"):
                stack.append((piece, current))
                current = []
            elif piece.name in ("/note", "/labelnote") and stack and stack[-1][0].name == piece.name[1:]:
                opener, parent = stack.pop()
                parent.append(_NoteGroup(opener.name, opener.label, current))
                current = parent
            elif piece.name in ("/note", "/labelnote"):
                self._orphan_closer(piece)
            else:
                self._warn(
                    piece.offset,
                    f"'[[{piece.name}]]' belongs on a line of its own",
                    "put it on its own line",
                )
                current.append(Text(f"[[{piece.name}]]"))
        while stack:
            opener, parent = stack.pop()
            assert self._state is not None
            self._state.open_notes.setdefault(opener.name, []).append(opener.offset)
            parent.append(_NoteGroup(opener.name, opener.label, current))
            current = parent
        return root

    def _orphan_closer(self, tag: _Tag) -> None:
        assert self._state is not None
        name = tag.name[1:]
        pending = self._state.open_notes.get(name)
        if pending:
            opened = self._line.position(pending.pop(0))
            self._warn(
                tag.offset,
                f"'[[/{name}]]' closes a '[[{name}]]' (line {opened[0]}, column {opened[1]}) that sits inside "
                "brackets closed before it; the note ends where those brackets end",
                "move the closing tag inside the caption or brackets that contain the opening tag",
                code="misnested-note",
            )
        else:
            self._warn(tag.offset, f"'[[/{name}]]' closes nothing; removed", f"remove it or add [[{name}]] before it")

    # ------------------------------------------------------------------- phases B-D on a piece list

    def _finish(self, pieces: list[_Piece], links: bool) -> list[Inline]:
        flat: list[Inline | _Delim | str] = []
        before = self._delimiter_count
        for piece in pieces:
            if isinstance(piece, _Raw):
                first = _LINK_START.search(piece.text) if links else None
                if first is None:
                    flat.extend(self._delimiters(piece))
                    continue
                for part in self._links(piece, first):
                    if isinstance(part, _Raw):
                        flat.extend(self._delimiters(part))
                    else:
                        flat.append(part)
            elif isinstance(piece, _NoteGroup):
                body = tuple(self._finish(piece.body, links))
                label = piece.label or (Text("note"),)
                flat.append(Note("labelnote" if piece.label else "note", label, body))
            elif isinstance(piece, _Tag):  # pragma: no cover - grouped above
                flat.append(Text(f"[[{piece.name}]]"))
            else:
                flat.append(piece)
        if self._delimiter_count == before:  # nothing to pair: skip the pairing passes entirely
            return _merge_text(flat)
        return _merge_text(self._pair(flat))

    # ------------------------------------------------------------------------------- phase B: links

    def _links(self, raw: _Raw, match: re.Match[str] | None) -> Iterator[_Raw | Inline]:
        """Links in ``raw`` and the text between them; ``match`` is the first place a link may start."""
        text = raw.text
        cursor = 0
        while match is not None:
            word = match.group() if match.lastgroup == "word" else None
            if word is not None and not _NAMESPACE_SEPARATOR.match(text, match.end()):
                found = self._plain_wikiword(word, text, match.start(), raw.offset)  # the common case, fast
            else:
                found = self._link_at(text, match.start(), raw.offset)
            if found is None:
                search_from = match.start() + 1
                if text.startswith("{{", match.start()):  # only the last two of a run of braces can open one
                    search_from = max(search_from, _BRACE_RUN.match(text, match.start()).end() - 2)
                match = _LINK_START.search(text, search_from)
                continue
            node, end = found
            if cursor < match.start():
                yield _Raw(text[cursor : match.start()], raw.offset + cursor)
            yield node
            cursor = end
            match = _LINK_START.search(text, end)
        if cursor < len(text):
            yield _Raw(text[cursor:], raw.offset + cursor)

    def _plain_wikiword(self, word: str, text: str, start: int, offset: int) -> tuple[Inline, int] | None:
        if not at_word_start(text, start):
            return None
        link = self._wikilink(PageName(None, word), (Text(as_spaced(word)),), offset + start, auto=True)
        return link, start + len(word)

    def _link_at(self, text: str, start: int, offset: int) -> tuple[Inline, int] | None:
        ch = text[start]
        if ch == "{":
            return self._free_link(text, start, None, offset)
        if URL_PREFIX.match(text, start):
            return self._bare_url(text, start, offset)
        if not at_word_start(text, start):
            return None
        word_end = alnum_run_end(text, start)
        if word_end + 1 < len(text) and text[word_end] in "/." and is_namespace_token(text[start:word_end]):
            namespace, separator = text[start:word_end], text[word_end]
            after = word_end + 1
            if text.startswith("{{", after):
                found = self._free_link(text, after, namespace, offset, dotted=separator == ".")
                if found is not None:
                    return found
            page_end = wikiword_end(text, after)
            if page_end > 0:
                page = text[after:page_end]
                display = as_spaced(page) if separator == "/" else f"{namespace}.{as_spaced(page)}"
                target = PageName(namespace, page)
                return self._wikilink(target, (Text(display),), offset + start, auto=True), page_end
        end = wikiword_end(text, start)
        if end < 0:
            return None
        word = text[start:end]
        return self._wikilink(PageName(None, word), (Text(as_spaced(word)),), offset + start, auto=True), end

    def _free_link(
        self, text: str, start: int, namespace: str | None, offset: int, *, dotted: bool = False
    ) -> tuple[Inline, int] | None:
        """``{{..}}`` at ``start`` (``namespace`` written before it, if any), or None if it is not a free link.

        A ``{{..}}`` that is not a free link is warned about only when met on its own (``namespace`` None): the
        scan meets every ``{{`` again after a failed ``Namespace/{{..}}``, and one warning per braces is enough.
        """
        limit = min(len(text), start + 2 + _FREE_LINK_MAX)
        index = start + 2
        while index < limit and text[index] in _FREE_LINK_CHARS:
            index += 1
        if not text.startswith("}}", index):
            close = text.find("}}", index, limit + 2)
            if namespace is None and close < 0:
                self._bad_free_link(offset + start, f"has no '}}}}' within {_FREE_LINK_MAX} characters")
            elif namespace is None and text.find("{{", start + 2, close) < 0:
                self._bad_free_link(offset + start, "may hold only letters, digits, spaces, '-' and '_'")
            return None
        content = text[start + 2 : index]
        parsed = parse_free_link(content)
        if parsed is None:
            if namespace is None:
                self._bad_free_link(offset + start, "must start with a letter and name one page")
            return None
        inner_namespace, words, hidden = parsed
        if namespace and inner_namespace:
            return None
        if inner_namespace:
            dotted = content[len(inner_namespace)] == "."
        namespace = namespace or inner_namespace
        suffix_end = alnum_run_end(text, index + 2)
        shown = words + text[index + 2 : suffix_end]
        if dotted and namespace:
            shown = f"{namespace}.{shown}"
        target = PageName(namespace, free_link_target(words, hidden))
        auto = not hidden and suffix_end == index + 2 and not dotted
        return self._wikilink(target, (Text(shown),), offset + start, auto=auto), suffix_end

    def _bad_free_link(self, offset: int, problem: str) -> None:
        self._warn(
            offset,
            f"'{{{{...}}}}' {problem}; shown as text",
            "page names have no punctuation: use a pothole [[PageName any text]] instead",
            code="bad-free-link",
        )

    def _bare_url(self, text: str, start: int, offset: int) -> tuple[Inline, int] | None:
        end = start
        while end < len(text) and text[end] not in _URL_STOP:
            end += 1
        while end > start and text[end - 1] in ",.?!;:":
            end -= 1
        written = text[start:end]
        url = safe_url(written)
        if url is None or len(written) <= len(split_scheme(written) or "") + 3:
            return None
        if is_image_url(written):
            return self._image(url, written, offset + start), end
        return UrlLink(url, (Text(written),)), end

    def _image(self, url: str, written: str, offset: int) -> Image:
        """An image; an upper-case extension still works, with a warning (spec decision A13)."""
        path = written.split("?", 1)[0].split("#", 1)[0]
        extension = path[path.rfind(".") :]
        if extension != extension.lower():
            self._warn(
                offset,
                f"image extension '{extension}' is not lower case",
                f"write '{extension.lower()}': TV Tropes asks for lower-case image extensions",
                code="image-extension-case",
            )
        return Image(url)

    # -------------------------------------------------------------------------- phase C: delimiters

    def _delimiters(self, raw: _Raw) -> list[Inline | _Delim | str]:
        text = raw.text
        if not _may_hold_delimiters(text):
            return [text]
        out: list[Inline | _Delim | str] = []
        cursor = 0
        for match in _DELIMITER.finditer(text):
            token = match.group()
            start = match.start()
            if token[0] != "'" and _next_to_stray_bracket(token, text, start, match.end()):  # quotes: most tokens
                continue
            delim = _classify_delimiter(token, text, match.end(), raw.offset + start)
            if delim is None:
                continue
            self._delimiter_count += 1
            if cursor < start:
                out.append(text[cursor:start])
            out.extend(delim)
            cursor = match.end()
        if cursor < len(text):
            out.append(text[cursor:])
        return out

    def _pair(self, items: list[Inline | _Delim | str]) -> list[Inline | str]:
        """Pair delimiters: code, then small/big (stack, may wrap to the end), then 5-, 3-, 2-quote emphasis."""
        kinds: set[str] = set()
        longest_quote = 0
        for item in items:
            if type(item) is _Delim:
                kinds.add(item.kind)
                if item.kind == "quote":
                    longest_quote = max(longest_quote, item.size)
        if not kinds:
            return items  # type: ignore[return-value]
        if "code" in kinds:
            items = self._pair_symmetric(items, "code", lambda children: Styled("code", children), code=True)
        if kinds & _SIZED_KINDS:
            items = self._pair_sized(items)
        for size, style in ((5, "strongem"), (3, "strong"), (2, "em")):
            if longest_quote >= size:
                items = self._pair_quotes(items, size, style)
        return [_delim_text(item) if type(item) is _Delim else item for item in items]

    def _paired(self, items: list) -> tuple[Inline, ...]:
        """The finished children of a construct whose delimiters were just paired around ``items``."""
        return tuple(_merge_text(self._pair(items)))

    def _pair_quotes(self, items: list, size: int, style: str) -> list:
        """One PmWiki emphasis pass: the leftmost ``size`` quotes pair with the next ``size`` quotes.

        Runs of apostrophes are consumed from their left, as the regex ``'{size}(.*?)'{size}`` would; what is
        left of a run stays for the following, smaller passes, so ``''Foo'''s`` gives italic Foo then ``'s``.
        """
        candidates = [
            index
            for index, item in enumerate(items)
            if type(item) is _Delim and item.kind == "quote" and item.size >= size
        ]
        if not candidates:
            return items
        items = list(items)
        out: list = []
        cursor = 0
        position = 0
        while position < len(candidates):
            index = candidates[position]
            item = items[index]
            if item.size >= 2 * size:  # pairs inside one run enclose nothing: consume them at once
                reduced = item.size % (2 * size)
                items[index] = _quote(reduced, item.offset + item.size - reduced) if reduced else ""
                if reduced < size:
                    position += 1
                continue
            if position + 1 >= len(candidates):
                break  # no closer after this opener: it stays for the smaller passes
            closer = candidates[position + 1]
            rest = item.size - size
            out.extend(items[cursor:index])
            content = ([_quote(rest, item.offset + size)] if rest else []) + items[index + 1 : closer]
            out.append(Styled(style, self._paired(content)))
            remainder = items[closer].size - size
            if remainder:
                items[closer] = _quote(remainder, items[closer].offset + size)
                cursor = closer
                position += 1
            else:
                cursor = closer + 1
                position += 2
        out.extend(items[cursor:])
        return out

    def _pair_symmetric(
        self, items: list, kind: str, build: Callable[[tuple[Inline, ...]], Inline], *, code: bool = False
    ) -> list:
        """Pair consecutive ``kind`` delimiters (non-greedy, like PmWiki's regexes); recurse into others.

        In ``code`` the ``--`` stays two hyphens: the em dash is typography, not for code (spec decision A9).
        """
        positions = [i for i, item in enumerate(items) if isinstance(item, _Delim) and item.kind == kind]
        if len(positions) % 2:
            unpaired = items[positions[-1]]
            self._warn(
                unpaired.offset,
                f"'{unpaired.text}' is not closed on its line; shown as text",
                f"close it with '{unpaired.text}' on the same line, or write it as [={unpaired.text}=]",
                code="unclosed-code",
            )
            items = list(items)
            items[positions.pop()] = unpaired.text  # text from now on: inner passes must not warn again
        if len(positions) < 2:
            return items
        out: list = []
        cursor = 0
        for first, second in zip(positions[0::2], positions[1::2], strict=False):
            out.extend(items[cursor:first])
            inner = items[first + 1 : second]
            if code:
                inner = [item.text if type(item) is _Delim and item.kind == "dash" else item for item in inner]
            out.append(_Wrapped(build, inner))
            cursor = second + 1
        out.extend(items[cursor:])
        return [item.resolve(self) if isinstance(item, _Wrapped) else item for item in out]

    def _pair_sized(self, items: list) -> list:
        """``[-..-]``/``[+..+]`` with matching sizes, via a stack; an unclosed opener wraps to the end."""
        if not any(isinstance(item, _Delim) and item.kind in ("open-small", "open-big") for item in items):
            return [self._closer_text(item) for item in items]
        root: list = []
        stack: list[tuple[_Delim, list]] = []
        current = root
        for item in items:
            if isinstance(item, _Delim) and item.kind in ("open-small", "open-big") and len(stack) >= MAX_DEPTH:
                current.append(item.text)
            elif isinstance(item, _Delim) and item.kind in ("open-small", "open-big"):
                stack.append((item, current))
                current = []
            elif isinstance(item, _Delim) and item.kind in ("close-small", "close-big"):
                kind = "open-" + item.kind[6:]
                match = next((k for k in range(len(stack) - 1, -1, -1) if _same(stack[k][0], kind, item.size)), -1)
                if match < 0:
                    current.append(self._closer_text(item))
                    continue
                while len(stack) > match:
                    opener, parent = stack.pop()
                    parent.append(_Wrapped(_size_builder(opener), current).resolve(self))
                    current = parent
            else:
                current.append(item)
        while stack:
            opener, parent = stack.pop()
            self._warn(
                opener.offset,
                f"'{opener.text}' is not closed before the end of its container; closed there",
                f"add '{'-' * opener.size if opener.kind == 'open-small' else '+' * opener.size}]'",
                Severity.INFO,
                "unclosed-size",
            )
            assert self._state is not None
            self._state.autoclosed[opener.kind] = self._state.autoclosed.get(opener.kind, 0) + 1
            parent.append(_Wrapped(_size_builder(opener), current).resolve(self))
            current = parent
        return root

    def _closer_text(self, item: object) -> object:
        """An unmatched ``-]``: dropped if it closes a span auto-closed inside a bracket construct (A11)."""
        if not (isinstance(item, _Delim) and item.kind in ("close-small", "close-big")):
            return item
        assert self._state is not None
        opener_kind = "open-" + item.kind[6:]
        if self._state.autoclosed.get(opener_kind, 0) > 0:
            self._state.autoclosed[opener_kind] -= 1
            return ""
        return item.text


@dataclass
class _Wrapped:
    build: Callable[[tuple[Inline, ...]], Inline]
    items: list

    def resolve(self, parser: InlineParser) -> Inline:
        return self.build(parser._paired(self.items))


def _next_sentinel(text: str, start: int, end: int) -> int:
    """Offset of the first escape or break sentinel in ``text[start:end]``, or ``end``.

    One search for either: two ``find`` calls would each run to the end of a line made of the other sentinel (a
    long run of ``\\\\`` breaks), once per sentinel met.
    """
    found = _SENTINEL.search(text, start, end)
    return end if found is None else found.start()


_SENTINEL = re.compile("[" + LITERAL + BREAK + "]")


def _same(opener: _Delim, kind: str, size: int) -> bool:
    return opener.kind == kind and opener.size == size


def _size_builder(opener: _Delim) -> Callable[[tuple[Inline, ...]], Inline]:
    style = "small" if opener.kind == "open-small" else "big"
    return lambda children: Styled(style, children, str(opener.size))


def _classify_delimiter(token: str, text: str, end: int, offset: int) -> list[_Delim | str] | None:
    first = token[0]
    if first == "'":
        return [_quote(len(token), offset)]
    if token == "@@":
        return [_Delim("code", token, offset)]
    if token == "[softreturn]":  # a line break, mostly inside table cells (spec decision A21)
        return [Break()]
    if first == "[":
        kind = "open-small" if token[1] == "-" else "open-big"
        return [_Delim(kind, token, offset, len(token) - 1)]
    if token.endswith("]"):
        kind = "close-small" if first == "-" else "close-big"
        return [_Delim(kind, token, offset, len(token) - 1)]
    if first == "+":
        return None
    if token == "--" and not text.startswith(">", end):
        return [_Delim("dash", token, offset)]
    return None


def _next_to_stray_bracket(token: str, text: str, start: int, end: int) -> bool:
    """``[[-`` and ``-]]`` in plain text are an unmatched ``[[``/``]]`` next to a hyphen, not small-text marks."""
    if token[0] == "[":
        return start > 0 and text[start - 1] == "["
    return token[-1] == "]" and text.startswith("]", end)


def _may_hold_delimiters(text: str) -> bool:
    """Cheap substring tests (in C) that rule out most plain text before the delimiter regex runs."""
    return "''" in text or "@@" in text or "[" in text or "--" in text or "]" in text


def _quote(size: int, offset: int) -> _Delim:
    return _Delim("quote", "'" * size, offset, size)


def _delim_text(item: _Delim) -> str:
    if item.kind == "dash":
        return _EM_DASH
    return "'" * item.size if item.kind == "quote" else item.text


def _merge_text(items: list) -> list[Inline]:
    """Finish phase D: decode entities in raw text and join it with adjacent literal text into single ``Text`` nodes
    (empty ones dropped). ``Text`` nodes are literal already (shown exactly as written), so they are not decoded."""
    out: list[Inline] = []
    texts: list[str] = []
    raw: list[str] = []
    for item in items:
        if isinstance(item, str):
            raw.append(item)
            continue
        if raw:
            texts.append(_decode_entities("".join(raw)))
            raw = []
        if type(item) is Text:
            texts.append(item.text)
            continue
        if texts and (joined := "".join(texts)):
            out.append(Text(joined))
        texts = []
        out.append(item)
    if raw:
        texts.append(_decode_entities("".join(raw)))
    if texts and (joined := "".join(texts)):
        out.append(Text(joined))
    return out


def _decode_entities(text: str) -> str:
    """``&amp;``, ``&#91;`` ... become the characters they name; the result is literal text (spec §6.8)."""
    if "&" not in text:
        return text
    return _ENTITY.sub(lambda m: html.unescape(m.group()), text)


def _target_end(text: str, start: int, end: int) -> int:
    """End of a pothole's target: the first blank outside ``{{...}}`` (``[[{{Dota 2}} text]]``)."""
    index = start
    stop = _TARGET_STOP
    while (found := stop.search(text, index, end)) is not None:
        index = found.start()
        if text[index] != "{":
            return index
        if text.startswith("{{", index):
            close = text.find("}}", index + 2, end)
            if close >= 0:
                index = close + 2
                continue
            stop = _BLANK  # no ``}}`` after this ``{{``, so none after any later one: braces are plain from here
        index += 1
    return end


_TARGET_STOP = re.compile("[ \t{" + BREAK + "]")
_BLANK = re.compile("[ \t" + BREAK + "]")


def parse_free_link(content: str) -> tuple[str | None, str, str] | None:
    """Split ``{{...}}`` content into (namespace, words, hidden) or return None if it is not a free link."""
    namespace: str | None = None
    for separator in ("/", "."):
        head, sep, tail = content.partition(separator)
        if sep and is_namespace_token(head):
            namespace, content = head, tail
            break
    words, _, hidden = content.partition("|")
    if not words or not words[0].isascii() or not words[0].isalpha():
        return None
    if not _FREE_LINK_WORD_CHARS.issuperset(words) or not _FREE_LINK_WORD_CHARS.issuperset(hidden):
        return None  # page names have no punctuation: {{Tom's Diner}} is text
    return namespace, words, hidden


def parse_page_target(text: str, *, lenient: bool = True) -> PageName | None:
    """A wiki target as written in a pothole or redirect: WikiWord, NS/WikiWord, NS.WikiWord or free link.

    ``lenient`` also accepts ``Namespace/Name`` where Name is capitalised but not a WikiWord
    (``VideoGame/Fallout3``): as an explicit link target it is unambiguous, and real pages rely on it.
    """
    if text.startswith("{{") and text.endswith("}}"):
        parsed = parse_free_link(text[2:-2])
        if parsed is None:
            return None
        namespace, words, hidden = parsed
        return PageName(namespace, free_link_target(words, hidden))
    for separator in ("/", "."):
        head, sep, tail = text.partition(separator)
        if sep and is_namespace_token(head):
            if tail.startswith("{{") and tail.endswith("}}"):
                parsed = parse_free_link(tail[2:-2])
                if parsed is None or parsed[0]:
                    return None
                return PageName(head, free_link_target(parsed[1], parsed[2]))
            if tail and (wikiword_end(tail, 0) == len(tail) or (lenient and is_page_token(tail))):
                return PageName(head, tail)
            return None
    if wikiword_end(text, 0) == len(text) and text:
        return PageName(None, text)
    return None
