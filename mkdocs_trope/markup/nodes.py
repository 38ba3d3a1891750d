"""The document tree: typed, immutable nodes that remember their source line.

Inline nodes describe text-level constructs; block nodes describe lines and containers. The renderer is the only
consumer that turns them into Markdown; the outline and link collectors walk the same tree.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..names import PageName

# ---------------------------------------------------------------------------------------------- inline nodes


@dataclass(frozen=True)
class Text:
    """Literal text, shown exactly as written (the renderer escapes it)."""

    text: str


@dataclass(frozen=True)
class Break:
    """A forced line break (``\\\\`` at the end of a physical line)."""


@dataclass(frozen=True)
class Image:
    url: str


@dataclass(frozen=True)
class WikiLink:
    """A link to a wiki page. ``auto`` means the display text was derived from the name (custom titles apply)."""

    target: PageName
    children: tuple[Inline, ...]
    line: int
    auto: bool = False


@dataclass(frozen=True)
class UrlLink:
    url: str
    children: tuple[Inline, ...]


@dataclass(frozen=True)
class Styled:
    """A construct rendered as one HTML element around inline content (emphasis, spoiler, small text ...)."""

    style: str
    children: tuple[Inline, ...]
    argument: str = ""


@dataclass(frozen=True)
class Note:
    """``[[note]]``, ``[[labelnote:..]]`` or ``[[hottip:..]]``: a clickable label revealing hidden text."""

    kind: str
    label: tuple[Inline, ...]
    body: tuple[Inline, ...]


@dataclass(frozen=True)
class Box:
    """A block-looking wrapper written inline: center, indent, rtl, WMG, quoteright/left and captions."""

    kind: str
    children: tuple[Inline, ...]
    argument: str = ""


@dataclass(frozen=True)
class Anchor:
    """``[[#name]]``: marks a place in the page that links can point at; shows nothing.

    ``name`` holds only ASCII letters, digits, ``-`` and ``_`` (checked by the parser), so it is a safe HTML id.
    """

    name: str


@dataclass(frozen=True)
class PlaceLink:
    """A link to an :class:`Anchor`: in this page (``target`` None, ``[[#name text]]``) or in another page
    (``[[Page#name text]]``, ``{{Page#name}}``). The page part resolves exactly like a :class:`WikiLink`'s."""

    target: PageName | None
    anchor: str
    children: tuple[Inline, ...]
    line: int
    auto: bool = False


@dataclass(frozen=True)
class Colored:
    """``[[color:NAME:text]]`` with a colour from the allow-list (a CSS colour keyword or ``#rgb``/``#rrggbb``)."""

    color: str
    children: tuple[Inline, ...]


Inline = Text | Break | Image | WikiLink | UrlLink | Styled | Note | Box | Anchor | PlaceLink | Colored

# ----------------------------------------------------------------------------------------------- block nodes


@dataclass(frozen=True)
class Heading:
    level: int
    content: tuple[Inline, ...]
    line: int


@dataclass(frozen=True)
class Rule:
    line: int


@dataclass(frozen=True)
class Paragraph:
    """Consecutive text lines; each later line starts after a hard break (spec decision A2)."""

    lines: tuple[tuple[Inline, ...], ...]
    line: int


@dataclass(frozen=True)
class Indent:
    """Lines written with ``->``; ``depth`` counts the hyphens relative to the enclosing container."""

    depth: int
    content: tuple[Inline, ...]
    line: int


@dataclass
class ListItem:
    content: tuple[Inline, ...]
    line: int
    indents: list[Indent] = field(default_factory=list)
    sublists: list[ListBlock] = field(default_factory=list)
    targets: tuple[PageName, ...] = ()
    """Pages the item's own text links to, in order (what subpage navigation reads)."""


@dataclass
class ListBlock:
    ordered: bool
    items: list[ListItem] = field(default_factory=list)


@dataclass(frozen=True)
class TableCell:
    content: tuple[Inline, ...]
    header: bool = False
    align: str = ""
    colspan: int = 1


@dataclass(frozen=True)
class Table:
    attributes: tuple[tuple[str, str], ...]
    caption: tuple[Inline, ...] | None
    rows: tuple[tuple[TableCell, ...], ...]
    line: int


@dataclass
class Container:
    """A paired block tag: folder, quoteblock or index (index renders transparently)."""

    kind: str
    title: tuple[Inline, ...]
    line: int
    children: list[Block] = field(default_factory=list)


@dataclass(frozen=True)
class FolderControl:
    line: int


@dataclass(frozen=True)
class Redirect:
    target: PageName
    line: int


Block = Heading | Rule | Paragraph | Indent | ListBlock | Table | Container | FolderControl | Redirect
