"""The ``trope`` MkDocs plugin: thin glue between MkDocs events and the converter, extensions and nav builder.

Per build: ``on_files`` makes ``.trope`` files pages, builds the page index, converts every trope page (cached
across ``mkdocs serve`` rebuilds by path, mtime, size and options) and produces the navigation. While pages
render, the wiki-link extension resolves links through the site resolver. Diagnostics are logged once per
conversion, with ``path:line:column``, through MkDocs' logger so ``--strict`` counts warnings.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from . import __version__
from .config import TropeConfig
from .extensions.images import ImageDirectiveExtension
from .extensions.wikilinks import WikiLinkExtension
from .files import TropeFile, is_trope_path
from .markup import CONVERTER_VERSION, Conversion, ConvertOptions, Severity, convert
from .markup.escape import escape_markdown
from .markup.source import decode
from .names import PageName
from .nav import SubpageTree, build_tree, generated_nav, merge_subpages, subpage_bar
from .pages import PageIndex, SiteResolver, report_to, title_for

log = get_plugin_logger(__name__)

ASSET_DIR = "assets/mkdocs-trope"
ASSETS = ("trope.css", "trope.js")


@dataclass(frozen=True)
class _Converted:
    key: tuple[Any, ...]
    result: Conversion
    markdown: str
    title: str | None


class TropePlugin(BasePlugin[TropeConfig]):
    """Publish ``.trope`` pages; see :class:`~mkdocs_trope.config.TropeConfig` for the options."""

    def __init__(self) -> None:
        self._cache: dict[str, _Converted] = {}
        self.conversion_seconds = 0.0
        """Time spent converting in the last build (for benchmarks)."""
        self.conversions = 0
        self.tree: SubpageTree | None = None

    # ------------------------------------------------------------------------------------- lifecycle

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """Defined so MkDocs keeps this instance (and its conversion cache) across ``serve`` rebuilds."""

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self._validate(config)
        self.conversion_seconds = 0.0
        self.conversions = 0
        self._options = ConvertOptions(heading_shift=self.config.heading_shift)
        self._options_key = json.dumps(
            [CONVERTER_VERSION, __version__, self.config.heading_shift, self.config.page_heading,
             sorted(self.config.titles.items())],
            default=str,
        )
        self.resolver = SiteResolver(
            PageIndex(),
            {},
            report_to(log),
            self.config.missing_pages,
            self.config.case_mismatch,
            self.config.missing_page_url,
        )
        self.links = WikiLinkExtension(resolver=self.resolver, wikiwords=self.config.wikiwords_in_markdown)
        config.markdown_extensions.extend([self.links, ImageDirectiveExtension()])
        if "md_in_html" not in config.markdown_extensions:
            config.markdown_extensions.append("md_in_html")
        config.extra_css.append(f"{ASSET_DIR}/trope.css")
        config.extra_javascript.append(f"{ASSET_DIR}/trope.js")
        return config

    def _validate(self, config: MkDocsConfig) -> None:
        url = self.config.missing_page_url
        if url is not None:
            try:
                url.format(namespace="Main", name="Page")
            except (KeyError, IndexError, ValueError) as error:
                raise PluginError(
                    f"trope: missing_page_url {url!r} may only use {{namespace}} and {{name}} ({error})"
                ) from error
        bad_titles = [key for key, value in self.config.titles.items() if not isinstance(value, str)]
        if bad_titles:
            raise PluginError(f"trope: titles must map page names to text; check {', '.join(map(str, bad_titles))}")
        if not -5 <= self.config.heading_shift <= 5:
            raise PluginError("trope: heading_shift must be between -5 and 5")

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
        self.resolver.index = index
        self._live = {file.src_uri for file in files if isinstance(file, TropeFile)}
        trope_files = [file for file in files if isinstance(file, TropeFile)]
        converted = {file.src_uri: self._convert(file) for file in trope_files}
        self._cache = {uri: entry for uri, entry in self._cache.items() if uri in self._live}
        self.resolver.titles = self._titles(index, converted)
        self._redirects = {uri: c.result.redirect for uri, c in converted.items() if c.result.redirect}
        outlines = {uri: c.result.outline for uri, c in converted.items()}
        pages = [file for file in files if file.src_uri in index.names]
        self.tree = build_tree(
            pages, index, outlines, lambda f: self._nav_title(f, index), report_to(log), self.config.missing_pages
        )
        if config.nav is None and self.config.nav:
            wiki = set(index.names)
            loose = [f for f in files.documentation_pages() if f.src_uri not in wiki or "/" not in f.src_uri]
            loose = [f for f in loose if f.src_uri not in self.tree.nodes or "/" not in f.src_uri]
            roots = [root for root in self.tree.roots if "/" in root.file.src_uri]
            self.tree.roots = roots
            config.nav = generated_nav(self.tree, loose, index)
        elif config.nav is not None and self.config.nav_subpages:
            config.nav = merge_subpages(config.nav, self.tree)
        self._mark_section_indexes()
        return files

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

    def _titles(self, index: PageIndex, converted: dict[str, _Converted]) -> dict[str, str]:
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

    def _convert(self, file: TropeFile) -> _Converted:
        data = file.read_source_bytes()
        stat_key = (len(data), hash(data)) if file.abs_src_path is None else _stat_key(file.abs_src_path)
        key = (stat_key, self._options_key)
        cached = self._cache.get(file.src_uri)
        if cached is not None and cached.key == key:
            return cached
        started = time.perf_counter()
        text, problem = decode(data)
        result = convert(text, page=file.src_uri, options=self._options)
        own_title = _front_matter_title(result.front_matter)
        self.conversion_seconds += time.perf_counter() - started
        self.conversions += 1
        if problem:
            log.warning(f"{file.src_uri}: {problem}")
        for diagnostic in result.diagnostics:
            message = diagnostic.format(f"docs/{file.src_uri}" if not file.src_dir else file.src_uri)
            if diagnostic.severity is Severity.INFO:
                log.info(message)
            else:
                log.warning(message)
        entry = _Converted(key, result, result.markdown, own_title)
        self._cache[file.src_uri] = entry
        return entry

    def _markdown_for(self, file: TropeFile) -> str:
        """What MkDocs reads as the page's Markdown: front matter with the title, the heading, the body."""
        entry = self._convert(file)
        result = entry.result
        name = self.resolver.index.names.get(file.src_uri) or PageName(None, file.name)
        title = entry.title or title_for(name, self.resolver.titles)
        body = result.markdown[len(result.front_matter) :]
        front = result.front_matter or f"---\ntitle: {json.dumps(title)}\n---\n"
        heading = f"# {escape_markdown(title)}\n\n" if self.config.page_heading else ""
        return f"{front}{heading}{body}"

    # ----------------------------------------------------------------------------------------- pages

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        self.resolver.current = page.file
        self.links.wikiwords_enabled = not isinstance(page.file, TropeFile)
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

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        target = getattr(self, "_redirects", {}).get(page.file.src_uri)
        if target is None:
            return output
        file, _ = self.resolver.index.find(target, self.resolver.index.names.get(page.file.src_uri))
        if file is None:
            return output
        url = file.url_relative_to(page.file)
        meta = f'<meta http-equiv="refresh" content="0; url={url}">'
        return output.replace("<head>", f"<head>\n{meta}", 1)


def _stat_key(path: str) -> tuple[int, int]:
    stat = Path(path).stat()
    return (stat.st_mtime_ns, stat.st_size)


def _front_matter_title(front_matter: str) -> str | None:
    if not front_matter:
        return None
    try:
        data = yaml.safe_load(front_matter.strip().strip("-").strip(".")) or {}
    except yaml.YAMLError:
        return None
    title = data.get("title") if isinstance(data, dict) else None
    return str(title) if title else None
