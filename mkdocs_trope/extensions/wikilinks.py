"""Wiki links for Python-Markdown: resolves ``trope:`` links and reads trope link syntax in Markdown pages.

Two parts share one resolver:

* a tree processor (after inline processing, before MkDocs rewrites relative links) that turns every
  ``<a href="trope:Namespace/Page">`` into a real link or a red link, whoever wrote it: the trope converter, or
  an author writing ``[text](trope:Film/Foo)`` by hand;
* inline processors that read ``[[Target display text]]``, ``{{free links}}`` and (opt-in) bare WikiWords in
  ordinary Markdown. Being inline processors, they never touch code spans or code blocks.

Usage without MkDocs::

    markdown.markdown(text, extensions=["mkdocs_trope.extensions.wikilinks"],
                      extension_configs={"mkdocs_trope.extensions.wikilinks": {"url_pattern": "/wiki/{name}/"}})
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from typing import Any

from markdown import Extension, Markdown
from markdown.inlinepatterns import InlineProcessor
from markdown.treeprocessors import Treeprocessor

from ..markup.inline import ANCHOR_NAME, parse_free_link, parse_page_target, parse_place
from ..markup.render import AUTO_TITLE_FLAG, WIKI_SCHEME
from ..markup.urls import ALLOWED_SCHEMES, is_image_url, safe_url, split_scheme
from ..names import PageName, alnum_run_end, as_spaced, free_link_target, is_namespace_token, wikiword_end
from .resolver import Resolver, UrlPatternResolver

TREEPROCESSOR_PRIORITY = 15
"""After Python-Markdown's inline processor (20), before MkDocs' relative-link rewriting (0)."""

LINK_PRIORITY = 175
"""After code spans (190) and backslash escapes (180), before Markdown's own reference links (170)."""

WIKIWORD_PRIORITY = 74
"""After links, HTML and entities, so a WikiWord inside any of them is never touched."""

_POTHOLE_SCAN_LIMIT = 2000
_URL_SCAN_LIMIT = 300


class WikiLinkExtension(Extension):
    """Register with ``markdown.Markdown(extensions=[WikiLinkExtension(...)])`` or by entry-point name."""

    def __init__(self, resolver: Resolver | None = None, **kwargs: Any) -> None:
        self.config = {
            "url_pattern": ["/{namespace}/{name}/", "URL for a page when no resolver is given"],
            "html_class": ["twikilink", "CSS class of wiki links"],
            "missing_class": ["redlink", "CSS class added to links to pages that do not exist"],
            "markdown_links": [True, "Read [[Target text]] and {{free links}} in Markdown text"],
            "wikiwords": [False, "Also link bare CamelCase WikiWords in Markdown text (off: prose has them)"],
        }
        super().__init__(**kwargs)
        self._resolver = resolver
        """Object with ``resolve(PageName) -> Resolution``; by default a :class:`UrlPatternResolver`.

        Not a config entry: Python-Markdown coerces config values whose default is None to booleans.
        """
        self.numbered = 0
        self.converted_text = False
        """Set by a host while it renders text the trope converter wrote. Its literal text is fully escaped and its
        links are already ``trope:`` links, so only the tree processor is registered: the readers of link syntax
        would find nothing, at the cost of a pattern search on every text node of the page."""

    @property
    def resolver(self) -> Resolver:
        if self._resolver is None:
            self._resolver = UrlPatternResolver(self.getConfig("url_pattern"))
        return self._resolver

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Python-Markdown's API
        md.registerExtension(self)
        md.treeprocessors.register(WikiLinkTreeprocessor(md, self), "trope_wikilinks", TREEPROCESSOR_PRIORITY)
        if self.converted_text:
            return
        if self.getConfig("markdown_links"):
            md.inlinePatterns.register(PotholeProcessor(r"\[\[", md, self), "trope_pothole", LINK_PRIORITY)
            md.inlinePatterns.register(
                FreeLinkProcessor(r"(?<![A-Za-z0-9_])(?:([A-Z][A-Za-z0-9]+)([/.]))?\{\{", md, self),
                "trope_freelink",
                LINK_PRIORITY - 0.5,
            )
        if self.getConfig("wikiwords"):
            pattern = r"(?<![A-Za-z0-9_/.])[A-Z][A-Za-z0-9]*"
            md.inlinePatterns.register(WikiWordProcessor(pattern, md, self), "trope_wikiword", WIKIWORD_PRIORITY)

    def reset(self) -> None:
        self.numbered = 0

    def link_element(self, target: PageName, *, auto: bool, anchor: str = "") -> etree.Element:
        flag = AUTO_TITLE_FLAG if auto else ""
        place = f"#{anchor}" if anchor else ""
        return etree.Element("a", {"href": f"{WIKI_SCHEME}{target}{place}{flag}"})


class WikiLinkTreeprocessor(Treeprocessor):
    """Resolve ``trope:`` links: real URL and class for existing pages, a marked red link for missing ones."""

    def __init__(self, md: Markdown, extension: WikiLinkExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, root: etree.Element) -> None:
        resolver = self.extension.resolver
        html_class = self.extension.getConfig("html_class")
        missing_class = self.extension.getConfig("missing_class")
        for element in list(root.iter("a")):
            href = element.get("href", "")
            if not href.startswith(WIKI_SCHEME):
                continue
            spec = href[len(WIKI_SCHEME) :]
            auto = spec.endswith(AUTO_TITLE_FLAG)
            if auto:
                spec = spec[: -len(AUTO_TITLE_FLAG)]
            spec, _, anchor = spec.partition("#")
            target = PageName.parse(spec)
            resolution = resolver.resolve(target)
            classes = html_class
            if resolution.url:
                # A place in the page (``Page#name``): the page resolves as without it; a name that could not be
                # an anchor (hand-written Markdown) is dropped rather than written into the URL.
                place = f"#{anchor}" if ANCHOR_NAME.match(anchor) else ""
                element.set("href", resolution.url + place)
            else:  # nowhere to go: a marked span (MkDocs requires every <a> to have an href)
                element.attrib.pop("href", None)
                element.tag = "span"
            if not resolution.exists:
                classes = f"{html_class} {missing_class}"
                shown = resolution.resolved or target
                where = " here yet" if resolution.url else " yet"
                element.set("title", f"The page {shown.qualified()} does not exist{where}")
            if auto and resolution.title and len(element) == 0:
                element.text = resolution.title
            _name_linked_image(element, resolution.title or as_spaced((resolution.resolved or target).name))
            existing = element.get("class")
            element.set("class", f"{classes} {existing}" if existing else classes)


def _name_linked_image(link: etree.Element, page_title: str) -> None:
    """A link whose only content is an image is named by its image's ``alt``: the linked page's title says where it
    goes (an image written without alt text would leave the link without an accessible name)."""
    if len(link) != 1 or link[0].tag != "img" or link[0].get("alt"):
        return
    if not (link.text or "").strip() and not (link[0].tail or "").strip():
        link[0].set("alt", page_title)


class _WikiInlineProcessor(InlineProcessor):
    """Shared by the three link readers: they report to their extension and never run inside a link."""

    ANCESTOR_EXCLUDES = ("a",)
    """Never a link inside a link: a pothole's display text is not re-scanned for links (spec §5.4)."""

    def __init__(self, pattern: str, md: Markdown, extension: WikiLinkExtension) -> None:
        super().__init__(pattern, md)
        self.extension = extension


class PotholeProcessor(_WikiInlineProcessor):
    """``[[Target display text]]`` and ``[[Target]]`` (numbered) in Markdown text."""

    def handleMatch(self, m: re.Match[str], data: str) -> tuple[etree.Element | None, int | None, int | None]:  # type: ignore[override]  # noqa: N802
        close = _matching_close(data, m.end())
        if close < 0:
            return None, None, None
        content = data[m.end() : close]
        name, colon, _ = content.partition(":")
        if colon and name.lower() not in ALLOWED_SCHEMES and " " not in name:
            return None, None, None  # a named construct (quoteright, spoiler ...): not a link
        target_text, _, display = content.strip().partition(" ")
        display = display.strip()
        element = self._element(target_text)
        if element is None:
            return None, None, None
        if not display:
            self.extension.numbered += 1
            element.text = f"[{self.extension.numbered}]"
        elif is_image_url(display):
            etree.SubElement(element, "img", {"src": safe_url(display) or "", "alt": ""})
        else:
            element.text = display
        return element, m.start(0), close + 2

    def _element(self, target_text: str) -> etree.Element | None:
        if split_scheme(target_text) is not None:
            url = safe_url(target_text)
            return etree.Element("a", {"href": url}) if url else None
        if "#" in target_text:  # [[Page#heading]], [[#name]]
            place = parse_place(target_text)
            if place is None:
                return None
            page, anchor = place
            if page is None:
                return etree.Element("a", {"href": f"#{anchor}"})
            return self.extension.link_element(page, auto=False, anchor=anchor)
        target = parse_page_target(target_text)
        return self.extension.link_element(target, auto=False) if target else None


class FreeLinkProcessor(_WikiInlineProcessor):
    """``{{free link}}s``, ``Namespace/{{Word}}`` and ``{{Shown|Hidden}}`` in Markdown text."""

    def handleMatch(self, m: re.Match[str], data: str) -> tuple[etree.Element | None, int | None, int | None]:  # type: ignore[override]  # noqa: N802
        close = data.find("}}", m.end(), m.end() + 200)
        if close < 0:
            return None, None, None
        content, _, anchor = data[m.end() : close].partition("#")
        if anchor and not ANCHOR_NAME.match(anchor):
            return None, None, None
        parsed = parse_free_link(content)
        if parsed is None or (m.group(1) and parsed[0]):
            return None, None, None
        inner_namespace, words, hidden = parsed
        namespace = m.group(1) or inner_namespace
        suffix_end = close + 2 if anchor else alnum_run_end(data, close + 2)
        shown = words + data[close + 2 : suffix_end]
        if m.group(2) == ".":
            shown = f"{namespace}.{shown}"
        target = PageName(namespace, free_link_target(words, hidden))
        auto = not hidden and suffix_end == close + 2
        element = self.extension.link_element(target, auto=auto, anchor=anchor)
        element.text = shown
        return element, m.start(0), suffix_end


class WikiWordProcessor(_WikiInlineProcessor):
    """Bare ``WikiWord``, ``Namespace/WikiWord`` and ``Namespace.WikiWord`` in Markdown text (opt-in)."""

    def handleMatch(self, m: re.Match[str], data: str) -> tuple[etree.Element | None, int | None, int | None]:  # type: ignore[override]  # noqa: N802
        start, end = m.start(), m.end()
        if _in_bare_url(data, start):
            return None, None, None
        word = data[start:end]
        if end + 1 < len(data) and data[end] in "/." and is_namespace_token(word):
            page_end = wikiword_end(data, end + 1)
            if page_end > 0:
                page = data[end + 1 : page_end]
                element = self.extension.link_element(PageName(word, page), auto=True)
                element.text = as_spaced(page) if data[end] == "/" else f"{word}.{as_spaced(page)}"
                return element, start, page_end
        if wikiword_end(data, start) != end:
            return None, None, None
        element = self.extension.link_element(PageName(None, word), auto=True)
        element.text = as_spaced(word)
        return element, start, end


def _in_bare_url(data: str, start: int) -> bool:
    """True if ``start`` lies inside a URL written as plain text (``http://x.org/a-FooBar``): no WikiWords there.

    Looks back to the previous blank, at most :data:`_URL_SCAN_LIMIT` characters, so the check stays linear.
    """
    low = max(0, start - _URL_SCAN_LIMIT)
    token_start = max(data.rfind(" ", low, start), data.rfind("\n", low, start), data.rfind("\t", low, start)) + 1
    token_start = max(token_start, low)
    return "://" in data[token_start:start] or data.startswith(("www.", "mailto:"), token_start)


def _matching_close(data: str, start: int) -> int:
    """Index of the ``]]`` closing a ``[[`` whose content starts at ``start`` (depth-counted, bounded)."""
    depth = 1
    index = start
    limit = min(len(data), start + _POTHOLE_SCAN_LIMIT)
    while index < limit - 1:
        pair = data[index : index + 2]
        if pair == "[[":
            depth += 1
            index += 2
        elif pair == "]]":
            depth -= 1
            if depth == 0:
                return index
            index += 2
        else:
            index += 1
    return -1


def makeExtension(**kwargs: Any) -> WikiLinkExtension:  # noqa: N802 - Python-Markdown's API
    return WikiLinkExtension(**kwargs)
