"""The site's page index and the site-aware link resolver.

The index is built once per build from MkDocs' file list; every lookup is a dictionary access. Names resolve
case-insensitively, as on TV Tropes, with a report when only the case-folded lookup matched.
"""

from __future__ import annotations

import logging
import posixpath
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from mkdocs.structure.files import File

from .extensions.resolver import Resolution
from .names import DEFAULT_NAMESPACE, PageName, as_spaced

PAGE_SUFFIXES = (".trope", ".md")


def page_name_for(src_uri: str) -> PageName | None:
    """``Film/Shrek.trope`` → ``Film/Shrek``; a file at the top of ``docs`` is in ``Main``."""
    stem, suffix = posixpath.splitext(src_uri)
    if suffix not in PAGE_SUFFIXES:
        return None
    directory, name = posixpath.split(stem)
    namespace = posixpath.basename(directory) or DEFAULT_NAMESPACE
    return PageName(namespace, name)


@dataclass
class PageIndex:
    """Every page of the site by case-folded ``(namespace, name)``.

    Two files may claim one name: ``A/Deep/X.trope`` and ``B/Deep/X.trope`` are both ``Deep/X``, and so are
    ``Film/Foo.trope`` and ``film/foo.trope`` (names are case-insensitive). Links then go to one of them, chosen by
    :func:`claim_order` whatever order the files come in, and each such pair is listed in ``duplicates``.
    """

    by_key: dict[tuple[str, str], File] = field(default_factory=dict)
    names: dict[str, PageName] = field(default_factory=dict)
    """``src_uri`` → the page's name."""
    duplicates: list[tuple[PageName, str, str]] = field(default_factory=list)
    """(name, file that links go to, file that lost the name), for every file that lost its name to another."""

    @classmethod
    def build(cls, files: Iterable[File]) -> PageIndex:
        index = cls()
        for file in files:
            name = page_name_for(file.src_uri)
            if name is None or not file.is_documentation_page():
                continue
            index.names[file.src_uri] = name
            existing = index.by_key.get(name.key)
            if existing is None or claim_order(file.src_uri) < claim_order(existing.src_uri):
                index.by_key[name.key] = file
        for uri, name in index.names.items():
            winner = index.by_key[name.key].src_uri
            if winner != uri:
                index.duplicates.append((index.names[winner], winner, uri))
        return index

    def duplicate_warnings(self, docs: str = "") -> list[str]:
        """One message per file whose page name another file took, naming both files (``docs`` is their folder)."""
        prefix = f"{docs}/" if docs else ""
        return [
            f"{prefix}{loser} and {prefix}{winner} are both the page '{name.qualified()}' (a page's name is its "
            f"folder and file name, case ignored); links go to {prefix}{winner}: rename or move one of them"
            for name, winner, loser in self.duplicates
        ]

    def find(self, target: PageName, current: PageName | None) -> tuple[File | None, PageName]:
        """The file a written name means (spec A22: a bare name tries the current namespace, then Main)."""
        candidates = [target]
        if target.namespace is None:
            namespace = current.namespace if current else DEFAULT_NAMESPACE
            candidates = [PageName(namespace, target.name), PageName(DEFAULT_NAMESPACE, target.name)]
        for candidate in candidates:
            file = self.by_key.get(candidate.key)
            if file is not None:
                return file, self.names[file.src_uri]
        fallback = candidates[-1]
        return None, PageName(fallback.namespace or DEFAULT_NAMESPACE, fallback.name)


def claim_order(src_uri: str) -> tuple[bool, str]:
    """Which of two files with one page name links go to: the smaller key wins.

    A ``.trope`` page before a ``.md`` page (the wiki's own markup is the page), then the path in code-point order
    (``A/Deep/X.trope`` before ``B/Deep/X.trope``, ``Film/Foo.trope`` before ``film/foo.trope``).
    """
    return (not src_uri.endswith(".trope"), src_uri)


def custom_title(name: PageName, titles: dict[str, str]) -> str | None:
    """A configured or page-set title, by ``Namespace/Name`` first, then by ``Name``."""
    return titles.get(name.qualified()) or titles.get(name.name)


def title_for(name: PageName, titles: dict[str, str]) -> str:
    """Display title of a page: its custom title, else the spaced name."""
    return custom_title(name, titles) or as_spaced(name.name)


Reporter = Callable[[str, "str | Callable[[], str]"], None]
"""``(level, message)`` → logs at ``info``/``warning`` or drops at ``ignore``. The message is a callable, built
only if that level is shown: a big wiki resolves tens of thousands of links per build."""


@dataclass
class SiteResolver:
    """Resolves wiki links against the page index, relative to the page being rendered.

    A big wiki resolves the same few thousand names from every page of a folder, so each (name, folder) is
    resolved once per build; only the reports, which name the linking page, are made for every link.
    """

    index: PageIndex
    titles: dict[str, str]
    report: Reporter
    missing_level: str = "info"
    case_level: str = "warning"
    missing_url: str | None = None
    current: File | None = None
    aliases: dict[str, File] = field(default_factory=dict)
    """Redirect page ``src_uri`` → the page its redirects end at: links to the redirect go there directly."""
    recorded: dict[str, set[PageName]] | None = None
    """While set, every name resolved is added under the current page (Markdown pages' links for the site model:
    trope pages' links come from their conversion)."""
    _resolved: dict[tuple[str | None, str, str], tuple[Resolution, str]] = field(default_factory=dict, repr=False)
    """(written name, folder of the linking page) → its resolution and which report it calls for."""

    def use(self, index: PageIndex, titles: dict[str, str], aliases: dict[str, File] | None = None) -> None:
        """Resolve against this build's pages, titles and redirect aliases from now on."""
        self.index, self.titles, self.aliases = index, titles, aliases or {}
        self._resolved.clear()

    def resolve(self, target: PageName) -> Resolution:
        uri = self.current.src_uri if self.current else None
        if self.recorded is not None and uri is not None:
            self.recorded.setdefault(uri, set()).add(target)
        folder = _folder(uri) if uri else ""
        memo_key = (target.namespace, target.name, folder)
        known = self._resolved.get(memo_key)
        if known is None:
            known = self._resolved[memo_key] = self._resolve(target, uri, folder)
        resolution, problem = known
        if problem:
            self._report(problem, target, resolution.resolved or target, uri or "?")
        return resolution

    def _resolve(self, target: PageName, uri: str | None, folder: str) -> tuple[Resolution, str]:
        current_name = self.index.names.get(uri) if uri else None
        file, resolved = self.index.find(target, current_name)
        if file is None:
            url = None
            if self.missing_url:
                url = self.missing_url.format(namespace=resolved.namespace, name=resolved.name)
            return Resolution(url, False, None, resolved), "missing"
        case_differs = resolved.name != target.name or (target.namespace and target.namespace != resolved.namespace)
        problem = "case" if case_differs else ""
        alias = self.aliases.get(file.src_uri)
        if alias is not None:  # a link to a redirect goes where the redirect ends, titled as that page
            aliased = self.index.names[alias.src_uri]
            url = _relative_path(alias.src_uri, folder or ".")
            return Resolution(url, True, title_for(aliased, self.titles), aliased), problem
        url = _relative_path(file.src_uri, folder or ".")
        # Only a custom title replaces link text; spaced names are already the converter's display text.
        return Resolution(url, True, custom_title(resolved, self.titles), resolved), problem

    def _report(self, problem: str, target: PageName, resolved: PageName, where: str) -> None:
        if problem == "missing":
            self.report(
                self.missing_level, lambda: f"{where}: links to '{resolved.qualified()}', which does not exist yet"
            )
        else:
            self.report(
                self.case_level,
                lambda: f"{where}: link '{target}' matches page '{resolved.qualified()}' only when case is ignored; "
                f"write '{resolved.qualified() if target.namespace else resolved.name}'",
            )


@lru_cache(maxsize=1 << 12)
def _folder(src_uri: str) -> str:
    return posixpath.dirname(src_uri)


@lru_cache(maxsize=1 << 16)
def _relative_path(path: str, start: str) -> str:
    return posixpath.relpath(path, start)


LEVELS = {"warning": logging.WARNING, "info": logging.INFO, "debug": logging.DEBUG}
"""Report levels that log (``ignore`` drops); ``debug`` shows with ``mkdocs build -v``."""


def report_to(logger: logging.Logger | logging.LoggerAdapter[logging.Logger], docs_prefix: str = "") -> Reporter:
    """A reporter that logs each distinct message once: a page linking one missing page a thousand times (or a
    hostile page linking it half a million times) gets one line, not a flood that buries the build's output.

    Messages start with the page's path in ``docs_dir``; ``docs_prefix`` (``docs_dir`` relative to the config
    file) is put in front, so every diagnostic names its file the way MkDocs does."""
    lead = f"{docs_prefix}/" if docs_prefix else ""
    seen: set[str] = set()

    def report(level: str, message: str | Callable[[], str]) -> None:
        if level not in LEVELS or not logger.isEnabledFor(LEVELS[level]):
            return
        text = message() if callable(message) else message
        if text in seen:
            return
        seen.add(text)
        logger.log(LEVELS[level], lead + text)

    return report
