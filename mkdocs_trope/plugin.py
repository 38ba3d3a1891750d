"""The ``trope`` MkDocs plugin: thin glue between MkDocs events and the converter, extensions and nav builder.

Per build: ``on_files`` makes ``.trope`` files pages, builds the page index, converts every trope page (cached
across ``mkdocs serve`` rebuilds by path, file stat and options) and produces the navigation. While pages
render, the wiki-link extension resolves links through the site resolver. Diagnostics are logged once per
conversion, with ``path:line:column``, through MkDocs' logger so ``--strict`` counts warnings.
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from . import __version__
from .config import TropeConfig
from .conversions import ConversionCache, Converted, Sketch
from .extensions.chunks import ChunkExtension
from .extensions.images import ImageDirectiveExtension
from .extensions.wikilinks import WikiLinkExtension
from .files import TropeFile, is_trope_path
from .markup import CONVERTER_VERSION, ConvertOptions, Severity
from .markup.escape import escape_markdown
from .names import PageName
from .nav import SubpageTree, build_tree, generated_nav, merge_subpages, subpage_bar
from .pages import PageIndex, SiteResolver, report_to, title_for
from .shortcut import Prepared, Shortcut

log = get_plugin_logger(__name__)

LONG_PARAGRAPH = 20_000
"""Characters in one Markdown line from which splitting paragraphs for the inline pass is worth its cost."""

ASSET_DIR = "assets/mkdocs-trope"
ASSETS = ("trope.css", "trope.js")


class TropePlugin(BasePlugin[TropeConfig]):
    """Publish ``.trope`` pages; see :class:`~mkdocs_trope.config.TropeConfig` for the options."""

    def __init__(self) -> None:
        self.cache = ConversionCache()
        self.tree: SubpageTree | None = None
        self._parallel = False

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
        settings_key = json.dumps([CONVERTER_VERSION, __version__, self.config.heading_shift], default=str)
        self.cache.start_build(ConvertOptions(heading_shift=self.config.heading_shift), settings_key, self._report)
        docs = Path(config.docs_dir)
        base = Path(config.config_file_path).resolve().parent if config.config_file_path else Path.cwd()
        self._docs_prefix = docs.relative_to(base).as_posix() if docs.is_relative_to(base) else docs.as_posix()
        self.resolver = SiteResolver(
            PageIndex(),
            {},
            report_to(log),
            self.config.missing_pages,
            self.config.case_mismatch,
            self.config.missing_page_url,
        )
        self.links = WikiLinkExtension(resolver=self.resolver, wikiwords=self.config.wikiwords_in_markdown)
        self.chunks = ChunkExtension()
        self.shortcut = Shortcut(self.links, log)
        config.markdown_extensions.extend([self.links, ImageDirectiveExtension(), self.chunks])
        if "md_in_html" not in config.markdown_extensions:
            config.markdown_extensions.append("md_in_html")
        config.extra_css.append(f"{ASSET_DIR}/trope.css")
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
        index = PageIndex.build(files)
        trope_files = [file for file in files if isinstance(file, TropeFile)]
        sketches = self.cache.prepare(trope_files, background=self._parallel)
        if self.cache.in_background:
            log.debug(f"converting {self.cache.in_background} trope pages in a worker process")
        if config.strict:  # a strict build's verdict must not depend on what an earlier serve rebuild reported
            for file in trope_files:
                reused = self.cache.entry(file.src_uri) if file.src_uri in self.cache.reused else None
                if reused is not None:
                    self._report(file, reused, warnings_only=True)
        self.resolver.use(index, self._titles(index, sketches))
        outlines = {uri: sketch.outline for uri, sketch in sketches.items()}
        pages = [file for file in files if file.src_uri in index.names]
        self.tree = build_tree(
            pages, index, outlines, lambda f: self._nav_title(f, index), report_to(log), self.config.missing_pages
        )
        self._set_navigation(config, files, index)
        self._mark_section_indexes()
        return files

    def _set_navigation(self, config: MkDocsConfig, files: Files, index: PageIndex) -> None:
        """Generate the nav (no ``nav`` in mkdocs.yml) or hang subpages under an explicit one."""
        assert self.tree is not None
        if config.nav is None and self.config.nav:
            # Pages at the top of docs/ (the home page ...) and pages outside the wiki's namespaces lead the nav.
            loose = [f for f in files.documentation_pages() if "/" not in f.src_uri or f.src_uri not in index.names]
            self.tree.roots = [root for root in self.tree.roots if "/" in root.file.src_uri]
            config.nav = generated_nav(self.tree, loose, index)
        elif config.nav is not None and self.config.nav_subpages:
            config.nav = merge_subpages(config.nav, self.tree)

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
        """Log a page's problems once, when it is converted, as ``path:line:column: ...``.

        Under ``--strict`` an unchanged page's warnings are logged again on every ``serve`` rebuild
        (``warnings_only``): otherwise the first unrelated edit would let the build pass with them still there.
        """
        path = f"{self._docs_prefix}/{file.src_uri}"
        if entry.decode_problem:
            log.warning(entry.decode_problem.diagnostic().format(path))
        for diagnostic in entry.diagnostics:
            message = diagnostic.format(path)
            if diagnostic.severity is Severity.INFO:
                if not warnings_only:
                    log.info(message)
            else:
                log.warning(message)

    def _markdown_for(self, file: TropeFile) -> str:
        """What MkDocs reads as the page's Markdown: the page's front matter, its title as ``# heading``, the body.

        MkDocs takes a page's title from its first ``#`` heading, so generated front matter (parsed with PyYAML
        for every page) is only needed when ``page_heading`` is off.
        """
        entry = self.cache.read(file)
        assert entry.body is not None  # read() always returns the whole conversion
        name = self.resolver.index.names.get(file.src_uri) or PageName(None, file.name)
        title = entry.title or title_for(name, self.resolver.titles)
        if not self.config.page_heading:
            markdown = (entry.front_matter or f"---\ntitle: {json.dumps(title)}\n---\n") + entry.body
        else:
            markdown = f"{entry.front_matter}# {escape_markdown(title)}\n\n{entry.body}"
        heading = title if self.config.page_heading else None
        self.shortcut.prepared[file.src_uri] = Prepared(markdown, entry.html, heading)
        return markdown

    # ----------------------------------------------------------------------------------------- pages

    def on_pre_page(self, page: Page, *, config: MkDocsConfig, files: Files) -> Page:
        if isinstance(page.file, TropeFile):
            self.shortcut.install(page)
        return page

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        self.resolver.current = page.file
        self.links.converted_text = isinstance(page.file, TropeFile)
        # The split is safe for converted text only, and only pays off where a paragraph is long enough for
        # Python-Markdown's quadratic inline pass to matter; on ordinary pages it would cost about 5%.
        self.chunks.enabled = isinstance(page.file, TropeFile) and _longest_line(markdown) > LONG_PARAGRAPH
        return markdown

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        if not self.config.subpage_bar or self.tree is None:
            return html
        bar = subpage_bar(self.tree, page.file, lambda target: target.url_relative_to(page.file))
        if not bar:
            return html
        heading_end = html.find("</h1>")
        if heading_end < 0:
            return bar + html
        return html[: heading_end + 5] + "\n" + bar + html[heading_end + 5 :]

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        self.cache.finish()
        fallbacks = sum(self.shortcut.fallbacks.values())
        log.debug(f"{self.shortcut.exact} trope pages rendered straight to HTML, {fallbacks} by Python-Markdown")
        for reason, count in self.shortcut.fallbacks.most_common():
            log.debug(f"  {count} by Python-Markdown: {reason}")

    def on_build_error(self, *, error: Exception) -> None:
        self.cache.finish()

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        converted = self.cache.entry(page.file.src_uri) if isinstance(page.file, TropeFile) else None
        target = converted.redirect if converted else None
        if target is None:
            return output
        file, _ = self.resolver.index.find(target, self.resolver.index.names.get(page.file.src_uri))
        if file is None:
            return output
        url = file.url_relative_to(page.file)
        meta = f'<meta http-equiv="refresh" content="0; url={url}">'
        return output.replace("<head>", f"<head>\n{meta}", 1)


def _longest_line(text: str) -> int:
    return max(map(len, text.split("\n")), default=0)
