"""One model of the whole site per build: pages, titles, redirects as aliases, the link graph, index memberships
and namespace tabs. The wiki features (related pages, wanted pages, index boxes, "aka" lines, tabs) read it;
none of them calls back into the plugin.

It fills in two steps, because MkDocs gives the facts in two steps. At ``on_files`` the pages and their redirects
are known (enough to resolve links to a redirect's target while pages render). Once every page has been read
(``on_env``), every page's links and index lists are known: :meth:`SiteModel.add_links` and
:meth:`SiteModel.add_index` take them, :meth:`SiteModel.finish` derives the rest. Everything is linear in pages
plus links, with one dictionary lookup per distinct link of a page.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from markupsafe import Markup
from mkdocs.structure.files import File

from .markup import OutlineItem
from .names import DEFAULT_NAMESPACE, PageName
from .pages import PageIndex, Reporter, title_for

MAX_REDIRECT_HOPS = 8
"""A redirect to a redirect is followed this many times at most; a longer chain is reported, as is a loop."""

TAB_NAMESPACES = (
    "Characters", "Recap", "Quotes", "Laconic", "Analysis", "Awesome", "Funny", "Heartwarming", "Tearjerker",
    "NightmareFuel", "Fridge", "Headscratchers", "ShoutOut", "Timeline", "Trivia", "WMG", "YMMV",
)  # fmt: skip
"""Namespaces whose page ``Ns/Name`` is a tab of the page ``Name`` in another namespace (``YMMV/Shrek`` of
``Film/Shrek``), in the order the tabs show after the page's own ("Main") tab."""
_TAB_RANK = {namespace.casefold(): rank for rank, namespace in enumerate(TAB_NAMESPACES)}


@dataclass(frozen=True)
class IndexBox:
    """One index a page is listed in, with the existing members before and after it in the index's list."""

    index: File
    previous: File | None
    next: File | None


@dataclass(frozen=True)
class Tab:
    label: str
    file: File


@dataclass(frozen=True)
class WantedPage:
    """A page that does not exist yet and the pages linking to it."""

    name: PageName
    linked_from: tuple[File, ...]


@dataclass
class SiteModel:
    """What the plugin knows of the whole site in one build (see the module docstring for when what is known)."""

    index: PageIndex
    titles: dict[str, str]
    aliases: dict[str, File] = field(default_factory=dict)
    """Redirect page ``src_uri`` → the page its chain of redirects ends at (only chains that end at a page)."""
    also_known_as: dict[str, list[File]] = field(default_factory=dict)
    """Page ``src_uri`` → the redirect pages that end at it, for its "aka" line."""
    _links: dict[str, set[str]] = field(default_factory=dict)
    _missing: dict[tuple[str, str], tuple[PageName, set[str]]] = field(default_factory=dict)
    _indexes: list[tuple[File, list[File]]] = field(default_factory=list)
    backlinks: dict[str, list[File]] = field(default_factory=dict)
    index_boxes: dict[str, list[IndexBox]] = field(default_factory=dict)
    _tab_groups: dict[str, list[File]] | None = None
    _titles: dict[str, str] = field(default_factory=dict)
    """Titles once every page is read (:meth:`finish`): the foot of every page names tens of pages."""
    files: dict[str, File] = field(init=False)
    """``src_uri`` → file, of every page links can reach."""

    def __post_init__(self) -> None:
        self.files = {file.src_uri: file for file in self.index.by_key.values()}

    # ------------------------------------------------------------------------------------ at on_files

    def set_redirects(self, redirects: Mapping[str, tuple[PageName, int]], report: Reporter) -> None:
        """Follow each redirect page's chain to the page it ends at; report loops and over-long chains.

        A page whose chain loops, or ends at a page that does not exist, is not an alias: links to it stay links
        to it, and it does not refresh.
        """
        first_hop: dict[str, File] = {}
        for uri, (target, _) in redirects.items():
            file, _ = self.index.find(target, self.index.names.get(uri))
            if file is not None:
                first_hop[uri] = file
        for uri in redirects:
            path = [uri]
            current = first_hop.get(uri)
            while current is not None and current.src_uri in first_hop and len(path) <= MAX_REDIRECT_HOPS:
                if current.src_uri in path:
                    break
                path.append(current.src_uri)
                current = first_hop[current.src_uri]
            if current is None:
                continue
            line = redirects[uri][1]
            chain = " → ".join(self._qualified(step) for step in [*path, current.src_uri])
            if current.src_uri in path:
                report(
                    "warning",
                    f"{uri}:{line}: redirect loop ({chain}): the page does not redirect; "
                    "point [[redirect:..]] at a page that is not a redirect",
                )
            elif current.src_uri in first_hop:
                report(
                    "warning",
                    f"{uri}:{line}: redirect chain longer than {MAX_REDIRECT_HOPS} pages ({chain}): "
                    "the page does not redirect; point it at the page the chain ends at",
                )
            else:
                self.aliases[uri] = current
                if uri in self.files:
                    self.also_known_as.setdefault(current.src_uri, []).append(self.files[uri])

    def tabs(self, src_uri: str) -> list[Tab]:
        """The namespace tabs of a page: the work's own page(s) first, then its tab pages; [] without tabs."""
        name = self.index.names.get(src_uri)
        if name is None:
            return []
        if self._tab_groups is None:
            self._tab_groups = self._group_tabs()
        group = self._tab_groups.get(name.name.casefold(), [])
        if src_uri not in {file.src_uri for file in group}:
            return []
        works = [file for file in group if self._tab_rank(file) is None]
        tab_pages = sorted((f for f in group if self._tab_rank(f) is not None), key=lambda f: self._tab_rank(f) or 0)
        if not works or not tab_pages:
            return []
        tabs = [Tab("Main" if len(works) == 1 else self._namespace(file), file) for file in works]
        return tabs + [Tab(self._namespace(file), file) for file in tab_pages]

    def _group_tabs(self) -> dict[str, list[File]]:
        """Pages by case-folded name, for the names that have a page in a tab namespace (redirects left out)."""
        pages = [f for f in sorted(self.files.values(), key=lambda f: f.src_uri) if f.src_uri not in self.aliases]
        with_tabs = {self.index.names[f.src_uri].name.casefold() for f in pages if self._tab_rank(f) is not None}
        groups: dict[str, list[File]] = {}
        for file in pages:
            key = self.index.names[file.src_uri].name.casefold()
            if key in with_tabs:
                groups.setdefault(key, []).append(file)
        return groups

    def _tab_rank(self, file: File) -> int | None:
        name = self.index.names[file.src_uri]
        return _TAB_RANK.get((name.namespace or DEFAULT_NAMESPACE).casefold())

    # ---------------------------------------------------------------------- once every page is read

    def add_links(self, src_uri: str, targets: Iterable[PageName]) -> None:
        """Record a page's outgoing links (names as written, resolved as its wiki links are)."""
        if src_uri in self.aliases:
            return  # a redirect page's one link is the redirect itself: shown as "aka", not as a relation
        current = self.index.names.get(src_uri)
        found = self._links.setdefault(src_uri, set())
        for target in targets:
            file, resolved = self.index.find(target, current)
            if file is None:
                self._missing.setdefault(resolved.key, (resolved, set()))[1].add(src_uri)
                continue
            file = self.aliases.get(file.src_uri, file)
            if file.src_uri != src_uri:
                found.add(file.src_uri)

    def add_index(self, src_uri: str, outline: Iterable[OutlineItem]) -> None:
        """Record the members of a page's ``[[index]]`` lists: each item's first link, where that page exists."""
        owner = self.index.names.get(src_uri)
        members: dict[str, File] = {}
        for item in outline:
            if not item.in_index or not item.targets:
                continue
            file, _ = self.index.find(item.targets[0], owner)
            if file is not None:
                file = self.aliases.get(file.src_uri, file)
                if file.src_uri != src_uri:
                    members.setdefault(file.src_uri, file)
        if members and src_uri in self.files:
            self._indexes.append((self.files[src_uri], list(members.values())))

    def finish(self) -> None:
        """Derive backlinks and index boxes from the recorded links and index lists."""
        backlinks: dict[str, list[File]] = {}
        for source, targets in self._links.items():
            source_file = self.files.get(source)
            if source_file is None:
                continue
            for target in targets:
                backlinks.setdefault(target, []).append(source_file)
        self.backlinks = backlinks
        self._titles = {uri: self.title(file) for uri, file in self.files.items()}
        self.index_boxes = {}
        for index_file, members in self._indexes:
            for place, member in enumerate(members):
                previous = members[place - 1] if place > 0 else None
                following = members[place + 1] if place + 1 < len(members) else None
                self.index_boxes.setdefault(member.src_uri, []).append(IndexBox(index_file, previous, following))

    def related(self, src_uri: str) -> list[tuple[str, list[File]]]:
        """Pages linking to this one, grouped by namespace (``Main`` first), each group sorted by title."""
        groups: dict[str, list[File]] = {}
        for file in self.backlinks.get(src_uri, []):
            groups.setdefault(self._namespace(file), []).append(file)
        order = sorted(groups, key=lambda ns: (ns != DEFAULT_NAMESPACE, ns.casefold()))
        return [(ns, sorted(groups[ns], key=lambda f: (self.title(f).casefold(), f.src_uri))) for ns in order]

    def wanted(self) -> list[WantedPage]:
        """Missing pages, most linked first, then by name; each with the pages linking to it, sorted."""
        wanted = []
        for name, sources in self._missing.values():
            linked = sorted((self.files[uri] for uri in sources if uri in self.files), key=lambda f: f.src_uri)
            if linked:
                wanted.append(WantedPage(name, tuple(linked)))
        wanted.sort(key=lambda page: (-len(page.linked_from), page.name.qualified().casefold()))
        return wanted

    def missing_link_count(self) -> int:
        """Distinct (page, missing page) pairs: how many red links there are, counting each page's once."""
        return sum(len(sources) for _, sources in self._missing.values())

    # -------------------------------------------------------------------------------------- helpers

    def title(self, file: File) -> str:
        """A page's display title as plain text: what MkDocs read (its heading or front matter) once read, else its
        name. MkDocs holds page titles as HTML text (its own from rendered headings, the plugin's escaped), so they
        are unescaped here and escaped once again wherever they are written."""
        known = self._titles.get(file.src_uri)
        if known is not None:
            return known
        page = file.page
        if page is not None and page.title:
            return Markup(page.title).unescape()
        name = self.index.names.get(file.src_uri)
        return title_for(name, self.titles) if name else file.name

    def _namespace(self, file: File) -> str:
        name = self.index.names.get(file.src_uri)
        return (name.namespace if name else None) or DEFAULT_NAMESPACE

    def _qualified(self, src_uri: str) -> str:
        name = self.index.names.get(src_uri)
        return name.qualified() if name else src_uri
