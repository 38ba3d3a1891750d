"""The ``trope`` MkDocs plugin: thin glue between MkDocs events and the converter, extensions and nav builder.

Per build: ``on_files`` makes ``.trope`` files pages, builds the page index, converts every trope page (cached
across ``mkdocs serve`` rebuilds by path, file stat and options) and produces the navigation. While pages
render, the wiki-link extension resolves links through the site resolver. Diagnostics are logged once per
conversion, with ``path:line:column``, through MkDocs' logger so ``--strict`` counts warnings.
"""

from __future__ import annotations

import json
import logging
from importlib import resources
from pathlib import Path

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from . import __version__
from .config import TropeConfig
from .conversions import ConversionCache, Converted, Sketch
from .extensions.chunks import ChunkExtension
from .extensions.images import ImageDirectiveExtension
from .extensions.linear_html import LinearHtmlExtension
from .extensions.wikilinks import WikiLinkExtension
from .files import TropeFile, is_trope_path
from .index_pages import fill, namespace_indexes
from .markup import CONVERTER_VERSION, ConvertOptions, Severity
from .markup.escape import escape_markdown
from .markup.frontmatter import DEFAULT_KEYS
from .meta import html_text, page_meta, refresh_tag
from .names import PageName
from .nav import (
    NamespaceIndex,
    SubpageTree,
    build_tree,
    generated_nav,
    leave_out_of_nav,
    merge_subpages,
    namespace_groups,
    subpage_bar,
)
from .pages import PageIndex, SiteResolver, report_to, title_for
from .section_pages import merge_section_pages, use_material_indexes
from .shortcut import Prepared, Shortcut
from .wiki import WikiFeatures

log = get_plugin_logger(__name__)

LONG_PARAGRAPH = 20_000
"""Characters in one Markdown line from which splitting paragraphs for the inline pass is worth its cost."""

ASSET_DIR = "assets/mkdocs-trope"
ASSETS = ("trope.css", "trope.js", "trope-wiki.css")
LOG_LEVELS = {Severity.INFO: logging.INFO, Severity.WARNING: logging.WARNING, Severity.ERROR: logging.ERROR}


class TropePlugin(BasePlugin[TropeConfig]):
    """Publish ``.trope`` pages; see :class:`~mkdocs_trope.config.TropeConfig` for the options."""

    def __init__(self) -> None:
        self.cache = ConversionCache()
        self._index = PageIndex()
        self.tree: SubpageTree | None = None
        self.indexes: list[NamespaceIndex] = []
        self._parallel = False
        self._markdown_links: dict[str, set[PageName]] = {}

    @property
    def conversion_seconds(self) -> float:
        """Time spent converting in the last build (benchmarks read it)."""
        return self.cache.seconds

    # ------------------------------------------------------------------------------------- lifecycle

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """Defined so MkDocs keeps this instance (and its conversion cache) across ``serve`` rebuilds.

        A one-off ``build`` may convert in parallel; ``serve`` runs server threads, where forking is unsafe. Only
        ``serve`` builds again, so only ``serve`` keeps converted pages in memory between builds.
        """
        self._parallel = command == "build"
        self.cache.keeps_bodies = command == "serve"

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        options = ConvertOptions(
            heading_shift=self.config.heading_shift,
            front_matter_keys=DEFAULT_KEYS | frozenset(self.config.front_matter_keys),
        )
        settings_key = json.dumps([CONVERTER_VERSION, __version__, options.heading_shift, sorted(
            options.front_matter_keys)], default=str)
        self.cache.start_build(options, settings_key, self._report)
        docs = Path(config.docs_dir)
        base = Path(config.config_file_path).resolve().parent if config.config_file_path else Path.cwd()
        self._docs_prefix = docs.relative_to(base).as_posix() if docs.is_relative_to(base) else docs.as_posix()
        self.wiki = WikiFeatures(self.config)
        self.resolver = SiteResolver(
            PageIndex(),
            {},
            report_to(log, self._docs_prefix),
            self._missing_level,
            self.config.case_mismatch,
            self.config.missing_page_url,
        )
        self.links = WikiLinkExtension(resolver=self.resolver, wikiwords=self.config.wikiwords_in_markdown)
        self.chunks = ChunkExtension()
        self.shortcut = Shortcut(self.links, log)
        # MkDocs accepts Extension instances here, though its type says names only
        config.markdown_extensions.extend([self.links, ImageDirectiveExtension(), self.chunks])  # type: ignore[list-item]
        if "md_in_html" not in config.markdown_extensions:
            config.markdown_extensions.append("md_in_html")
        config.markdown_extensions.append(LinearHtmlExtension())  # type: ignore[arg-type]  # after md_in_html
        if self.config.section_pages and config.theme.name == "material":
            use_material_indexes(config.theme)
        config.extra_css.append(f"{ASSET_DIR}/trope.css")
        config.extra_css.append(f"{ASSET_DIR}/trope-wiki.css")
        config.extra_javascript.append(f"{ASSET_DIR}/trope.js")
        return config

    # ----------------------------------------------------------------------------------------- files

    @event_priority(50)
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        """Trope files become pages; index, titles and navigation are built from the whole file list."""
        replaced = []
        for file in list(files):
            if is_trope_path(file.src_uri) and not isinstance(file, TropeFile):
                files.remove(file)
                replaced.append(TropeFile.replacing(file, self._markdown_for))
        for file in replaced:
            files.append(file)
        self._add_assets(files, config)
        self.wiki.add_wanted_page(files, config)
        index = PageIndex.build(files)
        self._index = index  # conversions report as they finish, and some reports depend on which pages exist
        for message in index.duplicate_warnings(self._docs_prefix):
            log.warning(message)
        trope_files = [file for file in files if isinstance(file, TropeFile)]
        sketches = self.cache.prepare(trope_files, background=self._parallel)
        if self.cache.in_background:
            log.debug(f"converting {self.cache.in_background} trope pages in a worker process")
        if config.strict:  # a strict build's verdict must not depend on what an earlier serve rebuild reported
            for file in trope_files:
                reused = self.cache.entry(file.src_uri) if file.src_uri in self.cache.reused else None
                if reused is not None:
                    self._report(file, reused, warnings_only=True)
        titles = self._titles(index, sketches)
        aliases = self.wiki.start(index, titles, sketches, report_to(log))
        self.resolver.use(index, titles, aliases)
        self._markdown_links = {}
        outlines = {uri: sketch.outline for uri, sketch in sketches.items()}
        pages = [file for file in files if file.src_uri in index.names]
        self.tree = build_tree(
            pages, index, outlines, lambda f: self._nav_title(f, index), report_to(log, self._docs_prefix),
            self._missing_level, self.config.subpage_depth,
        )
        self.indexes = []
        self._set_navigation(config, files, index)
        self._mark_section_indexes()
        for namespace_index in self.indexes:
            fill(namespace_index, lambda target, page: target.url_relative_to(page))
        return files

    @property
    def _missing_level(self) -> str:
        """Red links one by one: at ``info`` they are summed up in one line, each shown at ``-v`` (debug)."""
        return "debug" if self.config.missing_pages == "info" else self.config.missing_pages

    def _set_navigation(self, config: MkDocsConfig, files: Files, index: PageIndex) -> None:
        """Generate the nav (no ``nav`` in mkdocs.yml) or hang subpages under an explicit one."""
        assert self.tree is not None
        if config.nav is None and self.config.nav:
            # Pages at the top of docs/ (the home page ...) and pages outside the wiki's namespaces lead the nav;
            # pages generated to stay out of it (Wanted Pages) stay out.
            loose = [
                f
                for f in files.documentation_pages()
                if ("/" not in f.src_uri or f.src_uri not in index.names) and not f.inclusion.is_not_in_nav()  # type: ignore[no-untyped-call]
            ]
            self.tree.roots = [root for root in self.tree.roots if "/" in root.file.src_uri]
            self.indexes = namespace_indexes(namespace_groups(self.tree, index), files, config)
            full = len(index.names) <= self.config.nav_full_limit
            config.nav = generated_nav(self.indexes, loose, full=full)
            if not full:
                leave_out_of_nav(self.indexes)
        elif config.nav is not None and self.config.nav_subpages:
            config.nav = merge_subpages(config.nav, self.tree)

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        if self.config.section_pages and config.theme.name == "readthedocs" and self.tree is not None:
            heads = {uri for uri, node in self.tree.nodes.items() if node.children}
            merge_section_pages(nav, heads | {index.file.src_uri for index in self.indexes})
        return nav

    def _add_assets(self, files: Files, config: MkDocsConfig) -> None:
        for name in ASSETS:
            path = f"{ASSET_DIR}/{name}"
            if files.get_file_from_path(path) is None:
                source = resources.files("mkdocs_trope") / "assets" / name
                files.append(File.generated(config, path, abs_src_path=str(source)))

    def _mark_section_indexes(self) -> None:
        """A page heading its own section counts as the section's index (Material ``navigation.indexes``)."""
        assert self.tree is not None
        for node in self.tree.nodes.values():
            file = node.file
            if node.children and isinstance(file, TropeFile) and file.name != "index":
                _ = file.dest_uri, file.url  # fix the URL before the name changes
                file.name = "index"

    def _titles(self, index: PageIndex, converted: dict[str, Sketch]) -> dict[str, str]:
        titles = {str(key): value for key, value in self.config.titles.items()}
        for uri, entry in converted.items():
            name = index.names.get(uri)
            if entry.title and name is not None:
                titles[name.qualified()] = entry.title
        return titles

    def _nav_title(self, file: File, index: PageIndex) -> str:
        name = index.names[file.src_uri]
        return title_for(name, self.resolver.titles)

    # ------------------------------------------------------------------------------------ conversion

    def _report(self, file: TropeFile, entry: Converted, *, warnings_only: bool = False) -> None:
        """Log a page's problems once, when it is converted, as ``path:line:column: ...`` at their severity's level.

        Under ``--strict`` an unchanged page's warnings are logged again on every ``serve`` rebuild
        (``warnings_only``): otherwise the first unrelated edit would let the build pass with them still there.
        """
        path = f"{self._docs_prefix}/{file.src_uri}"
        problems = [entry.decode_problem.diagnostic()] if entry.decode_problem else []
        problems += [found for page, found in entry.if_page_exists if self._index.find(page, None)[0] is not None]
        for diagnostic in [*problems, *entry.diagnostics]:
            if not (warnings_only and diagnostic.severity is Severity.INFO):
                log.log(LOG_LEVELS[diagnostic.severity], diagnostic.format(path, severity=False))

    def _markdown_for(self, file: TropeFile) -> str:
        """What MkDocs reads as the page's Markdown: the page's title as ``# heading``, then the body.

        The author's front matter never reaches MkDocs (:meth:`on_page_markdown` gives the page the checked
        values). Without a heading, a generated ``title`` keeps MkDocs from reading a first line such as
        ``Note: ...`` as metadata.
        """
        entry = self.cache.read(file)
        assert entry.body is not None  # read() always returns the whole conversion
        title = self._page_title(file, entry)
        if not self.config.page_heading:
            markdown = f"---\ntitle: {json.dumps(str(html_text(title)))}\n---\n{entry.body}"
        else:
            markdown = f"# {escape_markdown(title)}\n\n{entry.body}"
        heading = title if self.config.page_heading else None
        self.shortcut.prepared[file.src_uri] = Prepared(markdown, entry.html, heading)
        return markdown

    def _page_title(self, file: File, entry: Converted | None) -> str:
        name = self.resolver.index.names.get(file.src_uri) or PageName(None, file.name)
        return (entry.title if entry else None) or title_for(name, self.resolver.titles)

    # ----------------------------------------------------------------------------------------- pages

    def on_pre_page(self, page: Page, *, config: MkDocsConfig, files: Files) -> Page:
        if isinstance(page.file, TropeFile):
            self.shortcut.install(page)
        return page

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        if isinstance(page.file, TropeFile):
            entry = self.cache.entry(page.file.src_uri)
            page.meta = page_meta(entry.meta if entry else (), self._page_title(page.file, entry))
        self.resolver.current = page.file
        self.links.converted_text = isinstance(page.file, TropeFile)
        # Trope pages' links come from their conversion; Markdown pages' only from resolving them.
        self.resolver.recorded = None if isinstance(page.file, TropeFile) else self._markdown_links
        # The split is safe for converted text only, and only pays off where a paragraph is long enough for
        # Python-Markdown's quadratic inline pass to matter; on ordinary pages it would cost about 5%.
        self.chunks.enabled = isinstance(page.file, TropeFile) and _longest_line(markdown) > LONG_PARAGRAPH
        return markdown

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        self.resolver.recorded = None
        bar = self.wiki.head(page.file)
        if self.config.subpage_bar and self.tree is not None:
            bar += subpage_bar(self.tree, page.file, lambda target: target.url_relative_to(page.file))
        if not bar:
            return html
        heading_end = html.find("</h1>")
        if heading_end < 0:
            return bar + html
        return html[: heading_end + 5] + "\n" + bar + html[heading_end + 5 :]

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        """Every page has been read and rendered: the link graph is complete."""
        entries = [(file.src_uri, self.cache.entry(file.src_uri)) for file in files if isinstance(file, TropeFile)]
        self.wiki.gather([(uri, entry) for uri, entry in entries if entry is not None], self._markdown_links)
        summary = self.wiki.summary()
        if summary and self.config.missing_pages != "ignore":
            log.info(summary)
        return env

    @event_priority(-50)  # after the search plugin has indexed the page: related lists are not page text
    def on_page_context(
        self, context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext:
        foot = self.wiki.foot(page.file)
        if foot:
            page.content = (page.content or "") + foot
        return context

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        self.cache.finish()
        fallbacks = sum(self.shortcut.fallbacks.values())
        log.debug(f"{self.shortcut.exact} trope pages rendered straight to HTML, {fallbacks} by Python-Markdown")
        for reason, count in self.shortcut.fallbacks.most_common():
            log.debug(f"  {count} by Python-Markdown: {reason}")

    def on_build_error(self, *, error: Exception) -> None:
        self.cache.finish()

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        file = self.wiki.refresh_target(page.file)
        if file is None:
            return output
        meta = refresh_tag(file.url_relative_to(page.file))
        return output.replace("<head>", f"<head>\n{meta}", 1)


def _longest_line(text: str) -> int:
    return max(map(len, text.split("\n")), default=0)
