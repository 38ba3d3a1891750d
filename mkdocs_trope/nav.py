"""Navigation from subpage lists.

A trope page lists its subpages (``* Trope/AnimeAndManga``, ``** Trope/DungeonsAndDragons``); those lists become
a tree, and the tree becomes ``config.nav`` data that MkDocs turns into its navigation. A page with subpages is a
section whose first entry is the page itself. Pages no list reaches are grouped by namespace and sorted by title.
Everything here is linear in the number of pages and list items.
"""

from __future__ import annotations

import html
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from mkdocs.structure.files import File, InclusionLevel

from .markup import OutlineItem
from .meta import html_text
from .names import DEFAULT_NAMESPACE, KNOWN_NAMESPACES, PageName
from .pages import PageIndex

Report = Callable[[str, str], None]

DEFAULT_MAX_DEPTH = 6
"""Subpage levels kept below a family's top page; deeper pages head families of their own."""


@dataclass
class NavNode:
    file: File
    title: str
    children: list[NavNode] = field(default_factory=list)
    parent: NavNode | None = None
    cut_from: NavNode | None = None
    """For a top page listed deeper than the depth limit: the page that listed it."""


@dataclass
class _Entry:
    """One subpage list item resolved to a file, with the items nested under it in that list."""

    file: File
    line: int
    children: list[_Entry] = field(default_factory=list)


def subpage_targets(
    owner: PageName, outline: Iterable[OutlineItem], namespaces: frozenset[str] = KNOWN_NAMESPACES
) -> list[tuple[int, PageName, int]]:
    """(depth, target, line) of the list items that link to a subpage ``Owner/Sub`` of ``owner``.

    A page named like a namespace (the subpage ``Trope/Film``) has no subpages of its own: ``Film/Foo`` is a work.
    """
    prefix = owner.name.casefold()
    if prefix in namespaces:
        return []
    found = []
    for item in outline:
        for target in item.targets:
            if _under(target, prefix):
                found.append((item.depth, target, item.line))
                break
    return found


def subpage_candidates(owner_name: str, outline: Iterable[OutlineItem]) -> tuple[OutlineItem, ...]:
    """The list items :func:`subpage_targets` may pick for a page named ``owner_name``, and the members of its
    ``[[index]]`` lists: all a build needs to keep.

    A page's outline holds every list item with a link, hundreds on an example page; a build keeps the outline of
    every page, so keeping only these saves memory and the garbage collector's time.
    """
    prefix = owner_name.casefold()
    return tuple(
        item for item in outline if item.in_index or any(_under(target, prefix) for target in item.targets)
    )


def _under(target: PageName, prefix: str) -> bool:
    return target.namespace is not None and target.namespace.casefold() == prefix


@dataclass
class SubpageTree:
    """The site's subpage hierarchy: roots in display order and each page's node."""

    roots: list[NavNode]
    nodes: dict[str, NavNode]

    def node(self, src_uri: str) -> NavNode | None:
        return self.nodes.get(src_uri)


def build_tree(
    pages: list[File],
    index: PageIndex,
    outlines: dict[str, tuple[OutlineItem, ...]],
    title: Callable[[File], str],
    report: Report,
    missing_level: str,
    max_depth: int = DEFAULT_MAX_DEPTH,
) -> SubpageTree:
    """The subpage tree, at most ``max_depth`` levels below each top page.

    Walked with explicit stacks, never recursion: a chain of pages each listing the next as its subpage may be
    any length. A page listed deeper than ``max_depth`` heads a family of its own (with a warning naming the
    listing page), so the nav MkDocs builds and renders, the subpage bar and the breadcrumbs stay shallow.
    """
    entries = {file.src_uri: _subpage_entries(file, index, outlines, report, missing_level) for file in pages}
    listed = {entry.file.src_uri for items in entries.values() for entry in _walk(items)}
    order = sorted(pages, key=lambda f: (_namespace_rank(index, f), title(f).casefold(), f.src_uri))
    nodes: dict[str, NavNode] = {}
    roots: list[NavNode] = []
    too_deep: deque[tuple[File, list[_Entry], NavNode]] = deque()

    def expand(file: File, inherited: list[_Entry], cut_from: NavNode | None = None) -> NavNode:
        root = NavNode(file, title(file), cut_from=cut_from)
        nodes[file.src_uri] = root
        # (node, the entries still to place under it, the pages above it)
        stack: list[tuple[NavNode, Iterator[_Entry], tuple[str, ...]]] = [
            (root, iter([*inherited, *entries.get(file.src_uri, [])]), ())
        ]
        while stack:
            node, pending, path = stack[-1]
            entry = next(pending, None)
            if entry is None:
                stack.pop()
                continue
            owner, uri = node.file.src_uri, entry.file.src_uri
            if uri in path or uri == owner:
                report("warning", f"{owner}:{entry.line}: subpage list makes a cycle through '{uri}'; "
                       "it is left out here")
            elif uri in nodes:
                parent = nodes[uri].parent
                where = parent.file.src_uri if parent else "the top level"
                report("warning", f"{owner}:{entry.line}: '{uri}' is already listed under {where}; it stays there")
            elif len(path) >= max_depth:
                report("warning", f"{owner}:{entry.line}: subpages nest more than {max_depth} levels deep here; "
                       f"'{uri}' heads its own family in the navigation")
                nodes[uri] = NavNode(entry.file, "")  # claimed: placed once, as a top page
                too_deep.append((entry.file, entry.children, node))
            else:
                child = NavNode(entry.file, title(entry.file), parent=node)
                nodes[uri] = child
                node.children.append(child)
                stack.append((child, iter([*entry.children, *entries.get(uri, [])]), (*path, owner)))
        return root

    def add_root(file: File) -> None:
        roots.append(expand(file, []))
        while too_deep:  # families cut off below this one follow it
            roots.append(expand(*too_deep.popleft()))

    for file in order:
        if file.src_uri not in listed and file.src_uri not in nodes:
            add_root(file)
    for file in order:  # pages reachable only through a cycle
        if file.src_uri not in nodes:
            add_root(file)
    return SubpageTree(roots, nodes)


def _subpage_entries(
    file: File, index: PageIndex, outlines: dict[str, tuple[OutlineItem, ...]], report: Report, missing_level: str
) -> list[_Entry]:
    owner = index.names.get(file.src_uri)
    outline = outlines.get(file.src_uri)
    if owner is None or not outline:
        return []
    roots: list[_Entry] = []
    stack: list[tuple[int, _Entry]] = []
    for depth, target, line in subpage_targets(owner, outline):
        found, resolved = index.find(target, owner)
        if found is None:
            report(missing_level, f"{file.src_uri}:{line}: subpage '{resolved.qualified()}' is listed but does "
                   "not exist; it is left out of the navigation")
            continue
        entry = _Entry(found, line)
        while stack and stack[-1][0] >= depth:
            stack.pop()
        (stack[-1][1].children if stack else roots).append(entry)
        stack.append((depth, entry))
    return roots


def _walk(entries: list[_Entry]) -> Iterator[_Entry]:
    """Every entry and the entries nested under it, in list order (iterative: lists may nest any depth)."""
    stack = list(reversed(entries))
    while stack:
        entry = stack.pop()
        yield entry
        stack.extend(reversed(entry.children))


def _namespace_rank(index: PageIndex, file: File) -> tuple[int, str]:
    name = index.names.get(file.src_uri)
    namespace = name.namespace if name else ""
    return (0 if namespace == DEFAULT_NAMESPACE else 1, (namespace or "").casefold())


# ----------------------------------------------------------------------------------------------- nav data


def node_nav(root: NavNode) -> Any:
    """``{title: path}`` for a page, ``{title: [path, *subpages]}`` for a page with subpages (built top-down).

    Titles are escaped: MkDocs' templates print nav titles as HTML.
    """

    def entry(node: NavNode) -> tuple[Any, list[Any] | None]:
        if not node.children:
            return {html_text(node.title): node.file.src_uri}, None
        items: list[Any] = [node.file.src_uri]
        return {html_text(node.title): items}, items

    top, items = entry(root)
    stack = [(root, items)] if items is not None else []
    while stack:
        node, items = stack.pop()
        for child in node.children:
            child_entry, child_items = entry(child)
            items.append(child_entry)
            if child_items is not None:
                stack.append((child, child_items))
    return top


def namespace_groups(tree: SubpageTree, index: PageIndex) -> dict[str, list[NavNode]]:
    """The tree's top pages by namespace, in the tree's order (``Main`` first, then namespaces A to Z).

    A family cut off below the depth limit stays in the namespace of the family it was cut from.
    """
    groups: dict[str, list[NavNode]] = {}
    group_of: dict[str, str] = {}
    for root in tree.roots:
        top = root.cut_from
        while top is not None and top.parent is not None:
            top = top.parent
        namespace = group_of.get(top.file.src_uri) if top is not None else None
        if namespace is None:  # not cut off, or cut from a page the nav does not group (top of docs/)
            name = index.names.get(root.file.src_uri)
            namespace = name.namespace if name and name.namespace else DEFAULT_NAMESPACE
        group_of[root.file.src_uri] = namespace
        groups.setdefault(namespace, []).append(root)
    return groups


@dataclass
class NamespaceIndex:
    """A namespace in the generated nav: its title (the spaced namespace), its index page, the families it lists."""

    title: str
    file: File
    roots: list[NavNode]
    generated: bool
    """False when the author wrote ``<Namespace>/index`` themselves: theirs is used and nothing is generated."""


def generated_nav(sections: list[NamespaceIndex], other_files: list[File], *, full: bool) -> list[Any]:
    """Top-level ``.md`` pages first (home page leading), then each namespace.

    ``full``: a section per namespace, its index page first, then every family. Otherwise only the index pages,
    so the nav has one entry per namespace however large the wiki is.
    """
    nav: list[Any] = []
    loose = sorted(other_files, key=lambda f: (f.name != "index", f.src_uri))
    nav.extend(file.src_uri for file in loose)
    for section in sections:
        if full:
            nav.append({html_text(section.title): [section.file.src_uri, *(node_nav(root) for root in section.roots)]})
        else:
            nav.append({html_text(section.title): section.file.src_uri})
    return nav


def leave_out_of_nav(sections: list[NamespaceIndex]) -> None:
    """Mark the pages the short nav leaves out as left out on purpose, so MkDocs does not list them as missing."""
    for section in sections:
        for root in section.roots:
            for node, _ in family(root):
                if node.file.inclusion in (InclusionLevel.UNDEFINED, InclusionLevel.INCLUDED):
                    node.file.inclusion = InclusionLevel.NOT_IN_NAV


def merge_subpages(nav: Any, tree: SubpageTree) -> Any:
    """An explicit nav, with each entry that is a page with subpages given those subpages as children.

    Pages the author already placed anywhere in the nav are not added again.
    """
    placed = set(_nav_paths(nav))

    def children(node: NavNode) -> list[Any]:
        fresh = [child for child in node.children if child.file.src_uri not in placed]
        for child in fresh:
            placed.update(entry.file.src_uri for entry, _ in family(child, 0))
        return [node_nav(child) for child in fresh]

    def merge(item: Any) -> Any:
        if isinstance(item, list):
            return [merge(entry) for entry in item]
        if isinstance(item, str):
            node = tree.node(item)
            extra = children(node) if node else []
            return {html_text(node.title): [item, *extra]} if node and extra else item
        if isinstance(item, dict) and len(item) == 1:
            ((title, value),) = item.items()
            if isinstance(value, str):
                node = tree.node(value)
                extra = children(node) if node else []
                return {title: [value, *extra]} if extra else item
            return {title: merge(value)}
        return item

    return merge(nav)


def _nav_paths(nav: Any) -> Iterable[str]:
    if isinstance(nav, str):
        yield nav
    elif isinstance(nav, list):
        for item in nav:
            yield from _nav_paths(item)
    elif isinstance(nav, dict):
        for value in nav.values():
            yield from _nav_paths(value)


# ------------------------------------------------------------------------------------------ subpage bar


def subpage_bar(tree: SubpageTree, current: File, url_of: Callable[[File], str]) -> str:
    """The "Go To" bar: the top page of the current page's subpage family and all its subpages, current marked."""
    node = tree.node(current.src_uri)
    if node is None:
        return ""
    owner = node
    while owner.parent is not None:
        owner = owner.parent
    if not owner.children:
        return ""
    items = []
    for entry, depth in family(owner, 0):
        title = html.escape(entry.title)
        depth_class = f' class="depth-{depth}"' if depth > 1 else ""
        if entry.file.src_uri == current.src_uri:
            classes = f"current depth-{depth}" if depth > 1 else "current"
            items.append(f'<li class="{classes}"><span aria-current="page">{title}</span></li>')
        else:
            items.append(f'<li{depth_class}><a href="{html.escape(url_of(entry.file))}">{title}</a></li>')
    return (
        '<nav class="tvt-subpages" aria-label="Subpages"><span class="tvt-subpages-label">Subpages:</span> '
        f"<ul>{''.join(items)}</ul></nav>\n"
    )


def family(node: NavNode, depth: int = 0) -> Iterator[tuple[NavNode, int]]:
    """The node and everything below it with their depths, in nav order (iterative)."""
    stack = [(node, depth)]
    while stack:
        current, level = stack.pop()
        yield current, level
        stack.extend((child, level + 1) for child in reversed(current.children))
