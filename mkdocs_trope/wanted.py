"""``mkdocs-trope wanted DOCS``: the pages a wiki's links ask for, most wanted first, without building the site.

Reads ``.trope`` pages (converted, as a build would) and ``.md`` pages (their ``[[..]]`` and ``{{..}}`` links,
read by the wiki-link extension), resolves every link as the site would, redirects included, and lists each
missing page with the pages linking to it: what to write next.
"""

from __future__ import annotations

import logging
from pathlib import Path

import markdown
from mkdocs.structure.files import File

from .extensions.resolver import Resolution
from .extensions.wikilinks import WikiLinkExtension
from .files import TropeFile, is_trope_path
from .markup import convert
from .markup.source import decode
from .names import PageName
from .pages import PageIndex, page_name_for, report_to
from .site import SiteModel, WantedPage

WANTED_NAME = PageName("Main", "WantedPages")
WANTED_PAGE = "WantedPages.md"
"""The page a build generates (see :mod:`mkdocs_trope.wiki`): links to it are not wanted."""


class _Recorder:
    """A resolver that only notes which names a Markdown page links to."""

    def __init__(self) -> None:
        self.targets: set[PageName] = set()

    def resolve(self, target: PageName) -> Resolution:
        self.targets.add(target)
        return Resolution(None, False, None, target)


def site_model(docs: Path) -> SiteModel:
    """The site model of the pages under ``docs``, with every page's links and index lists."""
    files: list[File] = []
    for path in sorted(docs.rglob("*")):
        uri = path.relative_to(docs).as_posix()
        if path.is_file() and (is_trope_path(uri) or uri.endswith(".md")):
            kind = TropeFile if is_trope_path(uri) else File
            files.append(kind(uri, str(docs), str(docs.parent / "site"), use_directory_urls=True))
    if not any((name := page_name_for(f.src_uri)) and name.key == WANTED_NAME.key for f in files):
        files.append(File(WANTED_PAGE, str(docs), str(docs.parent / "site"), use_directory_urls=True))  # as built
    index = PageIndex.build(files)
    model = SiteModel(index, {})
    conversions = {}
    for file in files:
        if isinstance(file, TropeFile) and file.src_uri in index.names:
            conversions[file.src_uri] = convert(decode(file.read_source_bytes())[0])
    redirects = {uri: (c.redirect, c.redirect_line) for uri, c in conversions.items() if c.redirect is not None}
    model.set_redirects(redirects, report_to(_quiet()))
    for uri, conversion in conversions.items():
        model.add_links(uri, (link.target for link in conversion.links))
        model.add_index(uri, conversion.outline)
    for file in files:
        if not isinstance(file, TropeFile) and file.abs_src_path and Path(file.abs_src_path).is_file():
            recorder = _Recorder()
            text = Path(file.abs_src_path).read_text(encoding="utf-8", errors="replace")
            markdown.markdown(text, extensions=[WikiLinkExtension(resolver=recorder)])
            model.add_links(file.src_uri, recorder.targets)
    model.finish()
    return model


def wanted_lines(model: SiteModel) -> list[str]:
    """``Main/Name (count): Main/Linker, ...`` per wanted page, then a summary line."""
    wanted: list[WantedPage] = model.wanted()
    lines = [
        f"{page.name.qualified()} ({len(page.linked_from)}): "
        + ", ".join(_qualified(model, file) for file in page.linked_from)
        for page in wanted
    ]
    links = model.missing_link_count()
    lines.append(
        f"{links} {'link' if links == 1 else 'links'} to {len(wanted)} "
        f"{'page that does' if len(wanted) == 1 else 'pages that do'} not exist yet"
    )
    return lines


def _qualified(model: SiteModel, file: File) -> str:
    name = model.index.names.get(file.src_uri)
    return name.qualified() if name else file.src_uri


def _quiet() -> logging.Logger:
    logger = logging.getLogger("mkdocs_trope.wanted")
    logger.addHandler(logging.NullHandler())
    logger.propagate = False
    return logger
