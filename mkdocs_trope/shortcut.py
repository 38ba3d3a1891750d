"""Render a trope page's HTML straight from its document tree where that is exactly what Python-Markdown gives.

MkDocs renders a page with ``page.render()``; as mkdocs-jupyter does for notebooks, the plugin replaces that method
on its own pages. The replacement sets ``content``, ``toc``, the title taken from a leading ``<h1>``, the anchors
the page holds and the links to anchors it makes, as MkDocs' own render would, and every other plugin's
``on_page_content`` and ``on_post_page`` still run. It only does so when the result is known to be the same:

* the Markdown MkDocs hands to the renderer is the Markdown the converter made (no plugin changed it), and
* every Markdown extension of the site is known to leave converted text alone (:data:`NEUTRAL_EXTENSIONS`).

Otherwise, and for any page whose tree the HTML renderer cannot render exactly, MkDocs' own render runs.
"""

from __future__ import annotations

import logging
import posixpath
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

import markdown
from markdown.extensions import Extension
from markdown.extensions.admonition import AdmonitionExtension
from markdown.extensions.attr_list import AttrListExtension
from markdown.extensions.fenced_code import FencedCodeExtension
from markdown.extensions.md_in_html import MarkdownInHtmlExtension
from markdown.extensions.tables import TableExtension
from markdown.extensions.toc import TocExtension, TocTreeprocessor
from markdown.util import AMP_SUBSTITUTE
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page, _RelativePathTreeprocessor
from mkdocs.structure.toc import get_toc
from mkdocs.utils import get_relative_url
from mkdocs.utils.meta import get_data

from .exact import Finisher, TocSettings
from .extensions.chunks import ChunkExtension
from .extensions.images import ImageDirectiveExtension
from .extensions.linear_html import LinearHtmlExtension
from .extensions.wikilinks import WikiLinkExtension
from .markup.html import HtmlDocument, NotExactError

NEUTRAL_EXTENSIONS: dict[type[Extension], str] = {
    TocExtension: "ids, permalinks and page.toc are made here with the site's own toc settings",
    MarkdownInHtmlExtension: "the HTML islands of converted text are rendered here as md_in_html renders them",
    TableExtension: "reads rows of '|' cells; converted text writes '|' as a character reference",
    FencedCodeExtension: "reads ``` and ~~~ fences; converted text escapes '`' and writes '~' as a reference",
    AttrListExtension: "reads '{: ...}' lists; converted text escapes every brace",
    AdmonitionExtension: "reads '!!!' lines; converted text escapes every '!'",
    WikiLinkExtension: "only resolves trope: links on converted text; resolved here through the same resolver",
    ImageDirectiveExtension: "reads the page-image lines the converter writes; rendered here as it renders them",
    ChunkExtension: "changes how Python-Markdown works through long paragraphs, never what it outputs",
    LinearHtmlExtension: "md_in_html in linear time, with the same output",
}
"""Markdown extensions known to leave converted trope text as plain Python-Markdown (+ the above) renders it.

Exact classes only: a subclass may act differently. Any other extension (``def_list``, ``smarty``, ``nl2br``,
``meta``, ``abbr`` with a glossary, ``pymdownx`` ...) makes every trope page go through Python-Markdown.
"""

_TOC_MARKERS = ("", "[TOC]")
"""Markers converted text can never hold alone in a paragraph (brackets are escaped)."""


@dataclass
class SiteCheck:
    """Whether the site's Markdown setup allows the shortcut, and the settings it needs."""

    blocker: str | None
    """Why the shortcut cannot be used on this site (None: it can)."""
    toc: TocSettings | None = None


def check_site(config: MkDocsConfig) -> SiteCheck:
    """Build the site's Markdown converter once and see what every extension is."""
    md = markdown.Markdown(extensions=config.markdown_extensions, extension_configs=config.mdx_configs or {})
    for entry in config.markdown_extensions:
        extension = entry if isinstance(entry, Extension) else md.build_extension(entry, {})
        if type(extension) not in NEUTRAL_EXTENSIONS:
            return SiteCheck(f"Markdown extension {entry if isinstance(entry, str) else type(entry).__name__}")
    processor = md.treeprocessors["toc"] if "toc" in md.treeprocessors else None  # noqa: SIM401 - no get()
    if not isinstance(processor, TocTreeprocessor):
        return SiteCheck(None)
    if processor.marker not in _TOC_MARKERS:
        return SiteCheck(f"toc marker {processor.marker!r}")
    settings = TocSettings.of(processor)
    if settings.permalink_leading or (settings.permalink is not False and settings.permalink_class != "headerlink"):
        return SiteCheck("toc permalink placement")  # MkDocs would read the permalink into the page title
    return SiteCheck(None, settings)


@dataclass
class Prepared:
    """What MkDocs was handed for a page, kept from reading it to rendering it."""

    source: str
    """The page's whole Markdown as MkDocs read it (front matter included)."""
    document: HtmlDocument | None
    heading: str | None


class Shortcut:
    """Renders the plugin's pages, exactly or by falling back; counts both (benchmarks and the debug log read it)."""

    def __init__(self, links: WikiLinkExtension, log: logging.Logger | logging.LoggerAdapter[logging.Logger]) -> None:
        self.links = links
        self.log = log
        self.prepared: dict[str, Prepared] = {}
        self.site: SiteCheck | None = None
        self.rewriter: UrlRewriter | None = None
        self.exact = 0
        self.fallbacks: Counter[str] = Counter()

    def install(self, page: Page) -> None:
        """Replace ``page.render`` (MkDocs calls it after every plugin's ``on_page_markdown``)."""
        fallback = page.render

        def render(config: MkDocsConfig, files: Files) -> None:
            if not self._render(page, config, files):
                fallback(config, files)

        page.render = render  # type: ignore[method-assign]

    def _render(self, page: Page, config: MkDocsConfig, files: Files) -> bool:
        prepared = self.prepared.pop(page.file.src_uri, None)
        reason = self._blocker(page, prepared, config)
        if reason is None:
            assert prepared is not None and prepared.document is not None
            try:
                self._finish(page, prepared.document, prepared.heading, config, files)
            except NotExactError as problem:
                reason = f"not exact: {problem}"
            else:
                self.exact += 1
                return True
        self.fallbacks[reason] += 1
        self.log.debug(f"{page.file.src_uri}: rendered by Python-Markdown ({reason})")
        return False

    def _blocker(self, page: Page, prepared: Prepared | None, config: MkDocsConfig) -> str | None:
        if self.site is None:
            self.site = check_site(config)
            if self.site.blocker:
                self.log.debug(f"trope pages are rendered by Python-Markdown: {self.site.blocker}")
        if self.site.blocker:
            return self.site.blocker
        if prepared is None:
            return "not read through the converter"
        if prepared.document is None:
            return "not exact: tree"
        if page.markdown != get_data(prepared.source)[0]:
            return "Markdown changed after conversion"
        return None

    def _finish(
        self, page: Page, document: HtmlDocument, heading: str | None, config: MkDocsConfig, files: Files
    ) -> None:
        links = self.links
        if self.rewriter is None or self.rewriter.files is not files:
            self.rewriter = UrlRewriter(files, config)
        rewrite, relative = self.rewriter.for_page(page.file)
        finisher = Finisher(
            links.resolver,
            links.getConfig("html_class"),
            links.getConfig("missing_class"),
            self.site.toc if self.site else None,
            rewrite,
        )
        finished = finisher.finish(document, heading)
        page.content = finished.html
        page.toc = get_toc(finished.toc_tokens)
        page._title_from_render = finished.title
        page.present_anchor_ids = finished.anchor_ids
        if logging.getLogger("mkdocs.structure.pages").getEffectiveLevel() > logging.DEBUG:
            page.links_to_anchors = relative.links_to_anchors


class UrlRewriter:
    """MkDocs' rewriting of the URLs in a page (its link tree processor's ``path_to_url``), made cheap.

    A relative link to a file of the site, with no query, fragment or escape, is what almost every wiki link is:
    MkDocs finds the file (remembered here for the whole build, by folder and link) and writes the target's URL
    relative to the page, saying nothing. Every other URL goes to MkDocs' own ``path_to_url``, each time, so its
    warnings and its record of links to anchors are exactly MkDocs'.
    """

    def __init__(self, files: Files, config: MkDocsConfig) -> None:
        self.files = files
        self.config = config
        self._targets: dict[tuple[str, str], File | None] = {}

    def for_page(self, file: File) -> tuple[Callable[[str], str], _RelativePathTreeprocessor]:
        relative = _RelativePathTreeprocessor(file, self.files, self.config)
        folder = posixpath.dirname(file.src_uri)
        page_url = file.url
        known: dict[str, str] = {}

        def rewrite(url: str) -> str:
            result = known.get(url)
            if result is not None:
                return result
            target = self._target(folder, url) if _plain_relative(url) else None
            if target is None:
                return relative.path_to_url(url)
            result = known[url] = get_relative_url(target.url, page_url)
            return result

        return rewrite, relative

    def _target(self, folder: str, url: str) -> File | None:
        key = (folder, url)
        if key not in self._targets:
            file = self.files.get_file_from_path(posixpath.normpath(posixpath.join(folder, url).lstrip("/")))
            excluded = file is not None and file.inclusion.is_excluded()  # type: ignore[no-untyped-call]
            self._targets[key] = None if file is None or excluded else file
        return self._targets[key]


def _plain_relative(url: str) -> bool:
    """No scheme, not absolute, no query, fragment or percent-escape: the URL is a path as it stands."""
    return bool(url) and not url.startswith(("/", "\\")) and not any(mark in url for mark in ":?#%") and (
        AMP_SUBSTITUTE not in url
    )
