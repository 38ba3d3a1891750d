"""``mkdocs-trope export``: the wiki as a plain Markdown site that MkDocs without the plugin, or Zensical, builds.

The plugin itself does the work it does for a build: it turns ``.trope`` files into pages, indexes them, converts
them (in a worker process on a large wiki), titles them and generates the navigation. Only the last step differs:
instead of rendering, each page's Markdown is made portable (:mod:`.portable`) and written out, and the nav goes
into the exported site's ``mkdocs.yml`` (:mod:`.siteconfig`).

Layout: ``OUT_DIR/mkdocs.yml`` and ``OUT_DIR/docs/``; MkDocs wants the docs next to its config, not around it.

A second export into the same directory is incremental: conversions are kept in ``OUT_DIR/.mkdocs-trope-export``
and reused while a page's file and the settings are unchanged, and a file is only written when its content
changed, so a site generator watching the output sees just the pages an edit affected.
"""

from __future__ import annotations

import hashlib
import io
import json
import logging
import pickle
import posixpath
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files, get_files
from mkdocs.utils.yaml import yaml_load

from .. import __version__
from ..conversions import Converted
from ..files import TropeFile
from ..index_pages import index_markdown
from ..markup.frontmatter import split_front_matter
from ..meta import refresh_tag
from ..nav import subpage_bar
from ..plugin import ASSET_DIR, ASSETS, TropePlugin
from .markdown_pages import portable_page
from .portable import markdown_index_list, page_path, portable_bar, portable_markdown, source_path
from .siteconfig import dump, output_config, plugin_options

DOCS_NAME = "docs"
CONFIG_NAME = "mkdocs.yml"
STATE_DIR = ".mkdocs-trope-export"
STATE_VERSION = 1

log = logging.getLogger("mkdocs.plugins.mkdocs_trope.export")


class ExportError(Exception):
    """The export cannot start (a missing docs folder, an output folder inside the docs ...)."""


@dataclass
class ExportResult:
    out_dir: Path
    pages: int = 0
    converted: int = 0
    """Trope pages converted in this run; the others' conversions were kept from the last export."""
    in_workers: int = 0
    """Of those, pages converted by the worker processes of the plugin's pool (a large wiki's first export)."""
    files: int = 0
    written: list[str] = field(default_factory=list)
    """Paths (relative to ``out_dir``) whose content changed and was written in this run."""
    removed: list[str] = field(default_factory=list)


@dataclass
class Progress:
    """``exporting: 120/4000 pages`` on one line of a terminal; silent when the stream is not one."""

    total: int
    stream: IO[str] = field(default_factory=lambda: sys.stderr)
    done: int = 0

    def __post_init__(self) -> None:
        self.shown = self.stream.isatty() and self.total > 0
        self.step = max(1, self.total // 200)

    def advance(self) -> None:
        self.done += 1
        if self.shown and (self.done % self.step == 0 or self.done == self.total):
            self.stream.write(f"\rexporting: {self.done}/{self.total} pages")
            self.stream.flush()

    def close(self) -> None:
        if self.shown:
            self.stream.write("\n")
            self.stream.flush()


def export(
    docs_dir: str | Path, out_dir: str | Path, *, config_file: str | Path | None = None, progress: IO[str] | None = None
) -> ExportResult:
    """Export the wiki in ``docs_dir`` to ``out_dir`` with the plugin options of ``config_file`` (if given)."""
    docs = Path(docs_dir).resolve()
    out = Path(out_dir).resolve()
    if not docs.is_dir():
        raise ExportError(f"{docs_dir}: no such directory")
    if out == docs or out.is_relative_to(docs) or docs.is_relative_to(out / DOCS_NAME):
        raise ExportError(f"{out_dir}: the output must be outside the docs folder {docs_dir}")
    source = Path(config_file).resolve() if config_file else None
    raw = _raw_config(source)
    plugin, config = _plugin(raw, source, docs)
    # The Wanted Pages list is made while a build renders every page; an export renders none, so links to it are
    # red links in the exported site rather than links to an empty page.
    plugin.config.wanted_pages = False
    state = _State(out / STATE_DIR)
    plugin.cache.restore(state.conversions())
    files = config.plugins.on_files(get_files(config), config=config)
    result = ExportResult(out)
    writer = _Writer(out, state.written())
    pages = [file for file in files if isinstance(file, TropeFile)]
    site_key = _site_key(plugin, config)
    unchanged = plugin.cache.reused if site_key == state.site_key() else set()
    meter = Progress(len(pages), progress if progress is not None else sys.stderr)
    _write_pages(plugin, pages, unchanged, writer, meter)
    result.files = _write_other_files(plugin, files, {page_path(page.src_uri) for page in pages}, writer)
    result.files += _write_index_pages(plugin, writer)
    site = output_config(
        raw,
        nav=config.nav,
        assets=tuple(f"{ASSET_DIR}/{name}" for name in ASSETS),
        source_dir=source.parent if source else docs.parent,
        out_dir=out,
        docs_name=DOCS_NAME,
    )
    writer.write(CONFIG_NAME, dump(site).encode())
    result.removed = writer.remove_stale()
    result.pages, result.converted, result.written = len(pages), plugin.cache.count, writer.changed
    result.in_workers = plugin.cache.in_background
    state.save(plugin.cache.snapshot(), writer.paths, site_key)
    return result


def _write_pages(
    plugin: TropePlugin, pages: list[TropeFile], unchanged: set[str], writer: _Writer, meter: Progress
) -> None:
    """Each page's portable Markdown, skipping pages whose source, and the site around them, are as last time."""
    try:
        for page in pages:
            relative = f"{DOCS_NAME}/{page_path(page.src_uri)}"
            if not (page.src_uri in unchanged and writer.keep(relative)):
                writer.write(relative, _page(plugin, page).encode())
            meter.advance()
    finally:
        meter.close()
        plugin.cache.finish()


def _write_other_files(plugin: TropePlugin, files: Files, taken: set[str], writer: _Writer) -> int:
    """Markdown pages with their wiki links resolved, every other file (the plugin's assets too) as it is."""
    count = 0
    for file in files:
        excluded = file.inclusion.is_excluded()  # type: ignore[no-untyped-call]
        if isinstance(file, TropeFile) or excluded or file.abs_src_path is None:
            continue
        if file.src_uri in taken:
            log.warning(f"{file.src_uri}: left out; the trope page of the same name is exported there")
            continue
        count += 1
        source = Path(file.abs_src_path)
        if file.is_documentation_page() and file.src_uri.endswith(".md"):
            plugin.resolver.current = file
            text = source.read_text(encoding="utf-8-sig")
            page = portable_page(text, plugin.resolver.resolve)
            if page != text:
                writer.write(f"{DOCS_NAME}/{file.src_uri}", page.encode())
                continue
        writer.copy(f"{DOCS_NAME}/{file.src_uri}", source)
    return count


def _write_index_pages(plugin: TropePlugin, writer: _Writer) -> int:
    """The namespace index pages the plugin generates for its nav, with Markdown links to the exported pages."""
    generated = [index for index in plugin.indexes if index.generated]
    for index in generated:
        markdown = index_markdown(index, source_path, markdown_index_list)
        writer.write(f"{DOCS_NAME}/{index.file.src_uri}", markdown.encode())
    return len(generated)


def _site_key(plugin: TropePlugin, config: MkDocsConfig) -> str:
    """Everything besides its own source that a page's export depends on: which pages exist under which names,
    their titles, the subpage tree (bars, nav), the plugin's options and the URL style (bars, redirects)."""
    index, tree = plugin.resolver.index, plugin.tree
    nodes = tree.nodes.values() if tree is not None else ()
    site = [
        sorted((uri, str(name)) for uri, name in index.names.items()),
        sorted((f"{key[0]}/{key[1]}", file.src_uri) for key, file in index.by_key.items()),
        sorted(plugin.resolver.titles.items()),
        [(node.file.src_uri, node.title, [child.file.src_uri for child in node.children]) for node in nodes],
        sorted((key, repr(value)) for key, value in plugin.config.items()),
        config.use_directory_urls,
    ]
    return hashlib.sha256(json.dumps(site).encode()).hexdigest()


def _raw_config(source: Path | None) -> dict[str, Any]:
    if source is None:
        return {}
    with source.open(encoding="utf-8") as stream:
        raw = yaml_load(stream)
    return raw if isinstance(raw, dict) else {}


def _plugin(raw: dict[str, Any], source: Path | None, docs: Path) -> tuple[TropePlugin, MkDocsConfig]:
    """The plugin with the wiki's options, set up on a config of the wiki as for ``mkdocs build``.

    Other plugins are not loaded (nothing is rendered), nor is the theme checked beyond its name.
    """
    plugin = TropePlugin()
    errors, _ = plugin.load_config(plugin_options(raw), str(source) if source else None)
    if errors:
        raise ExportError("; ".join(f"trope plugin option '{name}': {error}" for name, error in errors))
    stream: IO[str] = source.open(encoding="utf-8") if source else io.StringIO("site_name: Wiki\n")
    with stream:
        config = load_config(stream, docs_dir=str(docs), plugins=[], theme={"name": "mkdocs"})
    config.plugins["trope"] = plugin  # events go through MkDocs' dispatcher, as in a build
    config.plugins.on_startup(command="build", dirty=False)
    plugin.cache.keeps_bodies = True  # kept for the next export
    return plugin, config.plugins.on_config(config)


def _page(plugin: TropePlugin, file: TropeFile) -> str:
    """A page as the plugin would hand it to MkDocs, made portable, with its subpage bar under its title."""
    plugin.resolver.current = file
    markdown = portable_markdown(file.content_string, plugin.resolver.resolve)
    redirect = _redirect(plugin, file)
    if redirect:
        at = len(split_front_matter(markdown)[0])
        markdown = markdown[:at] + redirect + markdown[at:]
    folder = posixpath.dirname(file.src_uri) or "."
    tree = plugin.tree
    bar = ""
    if tree is not None and plugin.config.subpage_bar:
        bar = portable_bar(subpage_bar(tree, file, lambda target: posixpath.relpath(page_path(target.src_uri), folder)))
    if not bar:
        return markdown
    at = len(split_front_matter(markdown)[0])
    if plugin.config.page_heading:
        at = markdown.index("\n", at) + 1
    return f"{markdown[:at]}\n{bar}\n{markdown[at:]}"


def _redirect(plugin: TropePlugin, file: TropeFile) -> str:
    """The refresh the plugin puts in a redirect page's head, as a raw HTML block (browsers obey it in the body)."""
    entry = plugin.cache.entry(file.src_uri)
    index = plugin.resolver.index
    target = index.find(entry.redirect, index.names.get(file.src_uri))[0] if entry and entry.redirect else None
    if target is None:
        return ""
    return refresh_tag(target.url_relative_to(file)) + "\n\n"


class _State:
    """What an export keeps for the next one in ``OUT_DIR/.mkdocs-trope-export``: conversions and written files."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self._data: dict[str, Any] = {}
        path = directory / "state.pickle"
        try:
            with path.open("rb") as stream:
                data = pickle.load(stream)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, ValueError):
            return
        if isinstance(data, dict) and data.get("version") == (STATE_VERSION, __version__):
            self._data = data

    def conversions(self) -> dict[str, Converted]:
        return dict(self._data.get("conversions", {}))

    def written(self) -> set[str]:
        return set(self._data.get("written", ()))

    def site_key(self) -> str | None:
        key = self._data.get("site")
        return key if isinstance(key, str) else None

    def save(self, conversions: dict[str, Converted], written: set[str], site_key: str) -> None:
        self.directory.mkdir(parents=True, exist_ok=True)
        data = {
            "version": (STATE_VERSION, __version__),
            "conversions": conversions,
            "written": sorted(written),
            "site": site_key,
        }
        temporary = self.directory / "state.pickle.new"
        with temporary.open("wb") as stream:
            pickle.dump(data, stream, protocol=pickle.HIGHEST_PROTOCOL)
        temporary.replace(self.directory / "state.pickle")


class _Writer:
    """Writes into the output only what differs from what is there; removes what an earlier export wrote and this
    one did not (a page deleted since). Never touches a file no export wrote."""

    def __init__(self, root: Path, previous: set[str]) -> None:
        self.root = root
        self.previous = previous
        self.paths: set[str] = set()
        self.changed: list[str] = []

    def write(self, relative: str, content: bytes) -> None:
        path = self._claim(relative)
        try:
            if path.stat().st_size == len(content) and path.read_bytes() == content:
                return
        except OSError:
            path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
        self.changed.append(relative)

    def keep(self, relative: str) -> bool:
        """Keep a file an earlier export wrote, if it is still there (else it must be written again)."""
        if relative in self.previous and (self.root / relative).is_file():
            self.paths.add(relative)
            return True
        return False

    def copy(self, relative: str, source: Path) -> None:
        path = self._claim(relative)
        stat = source.stat()
        try:
            existing = path.stat()
            if existing.st_size == stat.st_size and existing.st_mtime_ns == stat.st_mtime_ns:
                return
        except OSError:
            path.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, path)
        self.changed.append(relative)

    def remove_stale(self) -> list[str]:
        removed = []
        for relative in sorted(self.previous - self.paths):
            path = self.root / relative
            if path.is_file():
                path.unlink()
                removed.append(relative)
        return removed

    def _claim(self, relative: str) -> Path:
        self.paths.add(relative)
        return self.root / relative
