"""Finish an :class:`~mkdocs_trope.markup.html.HtmlDocument`: wiki links resolved, images given their attributes,
headings given ids, URLs rewritten.

Each step does what the Python-Markdown processor it stands in for does, with that processor's own settings:
the wiki-link tree processor (:class:`~mkdocs_trope.extensions.wikilinks.WikiLinkTreeprocessor`: same resolver,
classes, red links and custom titles, and the ``alt`` of a linked image), the image attribute processor
(:class:`~mkdocs_trope.extensions.images.ImageAttributeProcessor`: a page image's width and caption ``alt``, lazy
loading for every image but the first page image), the ``toc`` tree processor (its ``slugify``, ``separator``,
``baselevel``, ``toc_depth``, ``permalink`` and ``anchorlink`` settings, read off the site's own configured
instance, and its helpers for names, unique ids and nesting), and a ``rewrite`` callback for what MkDocs' link
tree processor does to every ``href`` and ``src``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from html import unescape
from typing import Any

from markdown.extensions.toc import TocTreeprocessor, nest_toc_tokens, strip_tags, unique

from .extensions.resolver import Resolver
from .markup.html import (
    AltPart,
    FigureSlot,
    HeadingSlot,
    HtmlDocument,
    ImageSlot,
    LinkSlot,
    NotExactError,
    Part,
    Stashed,
    UrlSlot,
    escape_text,
)
from .names import PageName, as_spaced

_AMP = re.compile(r"&(?!(?:\#[0-9]+|\#x[0-9a-f]+|[0-9a-z]+);)", re.I)
"""Python-Markdown's serializer escapes an ``&`` only where it does not start a character reference."""


def escape_cdata(text: str) -> str:
    """Text set on an element, serialized as Python-Markdown serializes it."""
    if "&" in text:
        text = _AMP.sub("&amp;", text)
    return text.replace("<", "&lt;").replace(">", "&gt;")


def escape_attribute(text: str) -> str:
    """An attribute value, serialized as Python-Markdown serializes it."""
    return escape_cdata(text).replace('"', "&quot;")


@dataclass(frozen=True)
class TocSettings:
    """What the site's ``toc`` tree processor would do to headings (None where the site has no ``toc``)."""

    slugify: Callable[[str, str], str]
    separator: str
    base_level: int
    toc_top: int
    toc_bottom: int
    permalink: bool | str
    permalink_class: str
    permalink_title: str
    permalink_leading: bool
    anchorlink: bool
    anchorlink_class: str

    @classmethod
    def of(cls, processor: TocTreeprocessor) -> TocSettings:
        return cls(
            processor.slugify,
            processor.sep,
            processor.base_level,
            processor.toc_top,
            processor.toc_bottom,
            processor.use_permalinks if processor.use_permalinks is not None else False,
            processor.permalink_class,
            processor.permalink_title,
            bool(processor.permalink_leading),
            bool(processor.use_anchors),
            processor.anchorlink_class,
        )


@dataclass
class FinishedPage:
    html: str
    toc_tokens: list[Any]
    """Nested as the ``toc`` extension nests them (what ``mkdocs.structure.toc.get_toc`` reads)."""
    title: str | None
    """The text of a leading ``<h1>``, as MkDocs takes a page's title from it."""
    anchor_ids: set[str] = field(default_factory=set)


@dataclass
class Finisher:
    """Fills the slots of one page's document; make one per page (ids are unique within a page)."""

    resolver: Resolver
    html_class: str = "twikilink"
    missing_class: str = "redlink"
    toc: TocSettings | None = None
    rewrite: Callable[[str], str] | None = None
    """MkDocs' rewriting of a URL relative to the page (None: URLs stay as written)."""

    def finish(self, document: HtmlDocument, heading: str | None = None) -> FinishedPage:
        """The page's HTML; ``heading`` is the page heading (``# heading``) the Markdown starts with."""
        self._used_ids: set[str] = set()
        self._counters: dict[str, int] = {}
        self._tokens: list[Any] = []
        self._title: str | None = None
        self._figure: tuple[str, str] | None = None
        """Width and caption ``alt`` of the page-image figure being written."""
        self._linked_alt = ""
        """The ``alt`` the wiki-link processor gives an image that is a link's only content."""
        self._first_page_image = True
        out: list[str] = []
        if heading is not None:
            inner = escape_text(heading).strip()
            if not inner:
                raise NotExactError("empty page heading")
            self._heading(1, inner, out)
            if document.parts:
                out.append("\n")
        self._parts(document.parts, out)
        return FinishedPage("".join(out), nest_toc_tokens(self._tokens), self._title, self._used_ids)

    def _parts(self, parts: tuple[Part, ...], out: list[str]) -> None:
        rewrite = self.rewrite
        for part in parts:
            kind = type(part)
            if kind is str:
                out.append(part)  # type: ignore[arg-type]
            elif kind is LinkSlot:
                self._link(part, out)  # type: ignore[arg-type]
            elif kind is UrlSlot:
                url = part.url  # type: ignore[union-attr]
                out.append(escape_attribute(rewrite(url) if rewrite else url))
            elif kind is ImageSlot:
                self._image(part, out)  # type: ignore[arg-type]
            elif kind is FigureSlot:
                self._figure = (str(part.width), self._caption_alt(part.alt))  # type: ignore[union-attr]
                self._parts(part.parts, out)  # type: ignore[union-attr]
                self._figure = None
            elif kind is HeadingSlot:
                inner: list[str] = []
                self._parts(part.inner, inner)  # type: ignore[union-attr]
                self._heading(part.level, "".join(inner), out)  # type: ignore[union-attr]
            else:
                raise NotExactError(f"slot {kind.__name__}")

    def _link(self, link: LinkSlot, out: list[str]) -> None:
        target = PageName.parse(link.target)
        resolution = self.resolver.resolve(target)
        classes = self.html_class
        title = ""
        if not resolution.exists:
            classes = f"{self.html_class} {self.missing_class}"
            shown = resolution.resolved or target
            where = " here yet" if resolution.url else " yet"
            title = f' title="{escape_attribute(f"The page {shown.qualified()} does not exist{where}")}"'
        if resolution.url:
            url = self.rewrite(resolution.url) if self.rewrite else resolution.url
            out.append(f'<a class="{escape_attribute(classes)}" href="{escape_attribute(url)}"{title}>')
            closing = "</a>"
        else:
            out.append(f'<span class="{escape_attribute(classes)}"{title}>')
            closing = "</span>"
        if link.auto and resolution.title and link.plain:
            out.append(escape_cdata(resolution.title))
        elif _only_image(link.inner):
            self._linked_alt = resolution.title or as_spaced((resolution.resolved or target).name)
            self._parts(link.inner, out)
            self._linked_alt = ""
        else:
            self._parts(link.inner, out)
        out.append(closing)

    def _image(self, image: ImageSlot, out: list[str]) -> None:
        """What the image attribute processor (``extensions/images.py``) makes of the image, attributes sorted."""
        src = escape_attribute(self.rewrite(image.url) if self.rewrite else image.url)
        alt = escape_attribute(self._linked_alt)
        width = ""
        loading = ' loading="lazy"'
        if self._figure is not None:
            width = f' width="{self._figure[0]}"'
            alt = alt or self._figure[1]
            if self._first_page_image:
                loading = ""
                self._first_page_image = False
        out.append(f'<img alt="{alt}"{loading} src="{src}"{width} />')

    def _caption_alt(self, parts: tuple[AltPart, ...]) -> str:
        """A caption's text as the image attribute processor sets it: the tree's text without its raw HTML (each
        placeholder a blank), blanks collapsed, then serialized as an attribute."""
        text: list[str] = []
        self._alt_text(parts, text)
        return " ".join("".join(text).split()).replace('"', "&quot;")

    def _alt_text(self, parts: tuple[AltPart, ...], text: list[str]) -> None:
        for part in parts:
            kind = type(part)
            if kind is str:
                text.append(_tree_text(part))  # type: ignore[arg-type]
            elif kind is Stashed:
                text.append(" ")
            else:
                link: LinkSlot = part  # type: ignore[assignment]
                title = self.resolver.resolve(PageName.parse(link.target)).title
                if link.auto and title and link.plain:
                    text.append(_tree_text(escape_cdata(title)))
                else:
                    self._alt_text(link.inner, text)  # type: ignore[arg-type]

    def _heading(self, level: int, inner: str, out: list[str]) -> None:
        toc = self.toc
        if toc is not None:
            level = min(level + toc.base_level, 6)
        name = strip_tags(inner)
        if not out and level == 1:  # MkDocs takes the title from a leading <h1>
            self._title = name
        if toc is None:
            out.append(f"<h{level}>{inner}</h{level}>")
            return
        anchor = unique(toc.slugify(unescape(name), toc.separator), self._used_ids, self._counters)
        if toc.toc_top <= level <= toc.toc_bottom:
            self._tokens.append({"level": level, "id": anchor, "name": name, "html": inner, "data-toc-label": ""})
        href = self.rewrite(f"#{anchor}") if self.rewrite else f"#{anchor}"
        if toc.anchorlink:
            inner = f'<a class="{escape_attribute(toc.anchorlink_class)}" href="{escape_attribute(href)}">{inner}</a>'
        if toc.permalink is not False:
            text = "&para;" if toc.permalink is True else escape_cdata(str(toc.permalink))
            title = f' title="{escape_attribute(toc.permalink_title)}"' if toc.permalink_title else ""
            classes = escape_attribute(toc.permalink_class)
            link = f'<a class="{classes}" href="{escape_attribute(href)}"{title}>{text}</a>'
            inner = link + inner if toc.permalink_leading else inner + link
        out.append(f'<h{level} id="{escape_attribute(anchor)}">{inner}</h{level}>')


def _only_image(parts: tuple[Part, ...]) -> bool:
    """True if a link holds one image and blanks only: the wiki-link processor names such an image."""
    images = 0
    for part in parts:
        if type(part) is ImageSlot:
            images += 1
        elif type(part) is not str or part.strip():
            return False
    return images == 1


def _tree_text(text: str) -> str:
    """Text of a caption; STX marks raw HTML in :meth:`Finisher._caption_alt` (and in Python-Markdown's tree)."""
    if "\x02" in text:
        raise NotExactError("STX in a caption")
    return text
