"""Link resolution lives here and only here: a page name in, a URL (or "missing") out."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from ..names import DEFAULT_NAMESPACE, PageName


@dataclass(frozen=True)
class Resolution:
    """Where a wiki link goes. ``url`` None with ``exists`` False is a red link with nowhere to go."""

    url: str | None
    exists: bool
    title: str | None = None
    """The page's custom title, shown instead of a derived display text."""
    resolved: PageName | None = None


class Resolver(Protocol):
    """Turns a written page name into a :class:`Resolution`. The MkDocs plugin supplies a site-aware one."""

    def resolve(self, target: PageName) -> Resolution: ...


@dataclass
class UrlPatternResolver:
    """Standalone resolution by pattern, like Python-Markdown's ``wikilinks``: every page is assumed to exist.

    ``{namespace}`` and ``{name}`` are substituted into ``pattern``; bare names use ``default_namespace``.
    """

    pattern: str = "/{namespace}/{name}/"
    default_namespace: str = DEFAULT_NAMESPACE
    titles: dict[str, str] | None = None

    def resolve(self, target: PageName) -> Resolution:
        namespace = target.namespace or self.default_namespace
        url = self.pattern.format(namespace=namespace, name=target.name)
        title = (self.titles or {}).get(f"{namespace}/{target.name}") or (self.titles or {}).get(target.name)
        return Resolution(url, True, title, PageName(namespace, target.name))
