"""Navigation from subpage lists.

A trope page lists its subpages (``* Trope/AnimeAndManga``, ``** Trope/DungeonsAndDragons``); those lists become
a tree, and the tree becomes ``config.nav`` data that MkDocs turns into its navigation. A page with subpages is a
section whose first entry is the page itself. Pages no list reaches are grouped by namespace and sorted by title.
Everything here is linear in the number of pages and list items.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from mkdocs.structure.files import File

from .markup import OutlineItem
from .names import DEFAULT_NAMESPACE, KNOWN_NAMESPACES, PageName, as_spaced
from .pages import PageIndex

Report = Callable[[str, str], None]


@dataclass
class NavNode:
    file: File
    title: str
    children: list[NavNode] = field(default_factory=list)
    parent: NavNode | None = None


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
) -> SubpageTree:
    entries = {file.src_uri: _subpage_entries(file, index, outlines, report, missing_level) for file in pages}
    listed = {entry.file.src_uri for items in entries.values() for entry in _walk(items)}
    order = sorted(pages, key=lambda f: (_namespace_rank(index, f), title(f).casefold(), f.src_uri))
    nodes: dict[str, NavNode] = {}
    roots: list[NavNode] = []

    def expand(file: File, inherited: list[_Entry], path: tuple[str, ...]) -> NavNode:
        node = NavNode(file, title(file))
        nodes[file.src_uri] = node
        for entry in [*inherited, *entries.get(file.src_uri, [])]:
            uri = entry.file.src_uri
            if uri in path or uri == file.src_uri:
                report("warning", f"{file.src_uri}:{entry.line}: subpage list makes a cycle through '{uri}'; "
                       "it is left out here")
                continue
            if uri in nodes:
                where = nodes[uri].parent.file.src_uri if nodes[uri].parent else "the top level"
                report("warning", f"{file.src_uri}:{entry.line}: '{uri}' is already listed under {where}; "
                       "it stays there")
                continue
            child = expand(entry.file, entry.children, (*path, file.src_uri))
            child.parent = node
            node.children.append(child)
        return node

    for file in order:
        if file.src_uri not in listed and file.src_uri not in nodes:
            roots.append(expand(file, [], ()))
    for file in order:  # pages reachable only through a cycle
        if file.src_uri not in nodes:
            roots.append(expand(file, [], ()))
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


def _walk(entries: list[_Entry]) -> Iterable[_Entry]:
    for entry in entries:
        yield entry
        yield from _walk(entry.children)


def _namespace_rank(index: PageIndex, file: File) -> tuple[int, str]:
    name = index.names.get(file.src_uri)
    namespace = name.namespace if name else ""
    return (0 if namespace == DEFAULT_NAMESPACE else 1, (namespace or "").casefold())


# ----------------------------------------------------------------------------------------------- nav data


def node_nav(node: NavNode) -> Any:
    if not node.children:
        return {node.title: node.file.src_uri}
    return {node.title: [node.file.src_uri, *(node_nav(child) for child in node.children)]}


def generated_nav(tree: SubpageTree, other_files: list[File], index: PageIndex) -> list[Any]:
    """Top-level ``.md`` pages first (home page leading), then one section per namespace."""
    nav: list[Any] = []
    loose = sorted(other_files, key=lambda f: (f.name != "index", f.src_uri))
    nav.extend(file.src_uri for file in loose)
    groups: dict[str, list[Any]] = {}
    for root in tree.roots:
        name = index.names.get(root.file.src_uri)
        namespace = name.namespace if name and name.namespace else DEFAULT_NAMESPACE
        groups.setdefault(namespace, []).append(node_nav(root))
    nav.extend({as_spaced(namespace): items} for namespace, items in groups.items())
    return nav


def merge_subpages(nav: Any, tree: SubpageTree) -> Any:
    """An explicit nav, with each entry that is a page with subpages given those subpages as children.

    Pages the author already placed anywhere in the nav are not added again.
    """
    placed = set(_nav_paths(nav))

    def children(node: NavNode) -> list[Any]:
        fresh = [child for child in node.children if child.file.src_uri not in placed]
        for child in fresh:
            placed.update(entry.file.src_uri for entry, _ in _family(child, 0))
        return [node_nav(child) for child in fresh]

    def merge(item: Any) -> Any:
        if isinstance(item, list):
            return [merge(entry) for entry in item]
        if isinstance(item, str):
            node = tree.node(item)
            extra = children(node) if node else []
            return {node.title: [item, *extra]} if node and extra else item
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
    for entry, depth in _family(owner, 0):
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


def _family(node: NavNode, depth: int) -> Iterable[tuple[NavNode, int]]:
    yield node, depth
    for child in node.children:
        yield from _family(child, depth + 1)
