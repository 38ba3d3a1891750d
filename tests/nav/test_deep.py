"""Subpage chains of any depth: the tree is capped, walked without recursion, and real sites build with them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mkdocs.structure.files import File

from mkdocs_trope.markup import OutlineItem
from mkdocs_trope.names import PageName
from mkdocs_trope.nav import NavNode, build_tree, family, namespace_groups, node_nav
from mkdocs_trope.pages import PageIndex
from tests.nav.test_nav import build


def chain_uris(length: int, suffix: str = ".trope") -> list[str]:
    """``Main/ChainPage0``, ``ChainPage0/ChainPage1`` ...: each page is the previous page's subpage."""
    return [f"Main/ChainPage0{suffix}", *(f"ChainPage{i - 1}/ChainPage{i}{suffix}" for i in range(1, length))]


def chain_sources(length: int) -> dict[str, str]:
    return {uri: f"* ChainPage{i}/ChainPage{i + 1}\n" for i, uri in enumerate(chain_uris(length))}


def tree_of(sources: dict[str, list[tuple[int, str]]], max_depth: int) -> tuple[Any, list[str], PageIndex]:
    """The subpage tree of pages given as ``uri -> [(list depth, "Owner/Sub"), ...]``, without MkDocs.

    The pages are ``.md`` files: plain ``File`` objects count as pages only with a Markdown suffix.
    """
    files = [File(uri, "/docs", "/site", use_directory_urls=True) for uri in sources]
    index = PageIndex.build(files)
    outlines = {
        uri: tuple(OutlineItem(depth, line, (PageName.parse(target),), 0) for line, (depth, target) in enumerate(items))
        for uri, items in sources.items()
    }
    reports: list[str] = []
    tree = build_tree(
        files, index, outlines, lambda f: f.name, lambda _, message: reports.append(message), "info", max_depth
    )
    return tree, reports, index


def depth_of(node: NavNode) -> int:
    return max(level for _, level in family(node))


def nav_depth(entry: Any) -> int:
    """Nesting depth of nav data, measured with a stack."""
    deepest, stack = 0, [(entry, 0)]
    while stack:
        item, depth = stack.pop()
        deepest = max(deepest, depth)
        if isinstance(item, dict):
            stack.extend((value, depth + 1) for value in item.values())
        elif isinstance(item, list):
            stack.extend((value, depth) for value in item)
    return deepest


def test_a_chain_of_thousands_of_pages_is_cut_into_families_of_the_depth_limit() -> None:
    length, limit = 3000, 6
    sources = {uri: [(1, f"ChainPage{i}/ChainPage{i + 1}")] for i, uri in enumerate(chain_uris(length, ".md"))}
    tree, reports, index = tree_of(sources, limit)
    assert len(tree.nodes) == length
    assert [depth_of(root) for root in tree.roots[:-1]] == [limit] * (len(tree.roots) - 1)
    assert len(tree.roots) == -(-length // (limit + 1))
    assert sum(1 for root in tree.roots for _ in family(root)) == length  # each page exactly once
    assert (
        tree.roots[1].file.src_uri == "ChainPage6/ChainPage7.md"
        and tree.roots[1].cut_from is tree.nodes["ChainPage5/ChainPage6.md"]
    )
    reports = [message for message in reports if "levels deep" in message]
    assert reports[0] == (
        "ChainPage5/ChainPage6.md:0: subpages nest more than 6 levels deep here; "
        "'ChainPage6/ChainPage7.md' heads its own family in the navigation"
    )
    assert len(reports) == len(tree.roots) - 1
    assert list(namespace_groups(tree, index)) == ["Main"]  # cut-off families stay with the family they left
    assert max(nav_depth(node_nav(root)) for root in tree.roots) == limit + 1


def test_one_list_nested_thousands_deep_is_capped_too() -> None:
    subpages = [(depth, f"Top/Sub{depth}") for depth in range(1, 3001)]
    sources = {"Main/Top.md": subpages, **{f"Top/Sub{d}.md": [] for d in range(1, 3001)}}
    tree, reports, _ = tree_of(sources, 4)
    assert len(tree.nodes) == 3001
    assert all(depth_of(root) <= 4 for root in tree.roots)
    assert reports and all("nest more than 4 levels deep" in message for message in reports)


def test_a_chain_of_hundreds_builds_with_the_default_options(tmp_path: Path) -> None:
    """Deep enough to exhaust the recursion limit in a recursive tree walk or in MkDocs' nav builder."""
    length = 330
    site, nav = build(tmp_path, chain_sources(length))
    assert nav == [["Main", "Main/index.md"]]  # past nav_full_limit: the namespace index pages only
    warnings = [message for message in site.warnings() if "levels deep" in message]
    assert warnings[0] == (
        "mkdocs_trope: docs/ChainPage5/ChainPage6.trope:1: subpages nest more than 6 levels deep here; "
        "'ChainPage6/ChainPage7.trope' heads its own family in the navigation"
    )
    assert len(warnings) == length // 7
    index = site.content("Main/index.md")
    links = [a.get_text() for a in index.select("ul.tvt-index a")]
    assert sorted(links) == sorted(f"Chain Page {i}" for i in range(length))  # each page once
    assert links[:7] == [f"Chain Page {i}" for i in range(7)]  # a family in list order under its top page
    assert max(len(a.find_parents("ul")) for a in index.select("ul.tvt-index a")) == 1 + 6
    assert site.soup(chain_uris(length)[-2]).select_one("nav.tvt-subpages li.current") is not None


def test_the_deepest_nav_renders_on_readthedocs(tmp_path: Path) -> None:
    """The largest ``subpage_depth`` through MkDocs' nav builder and the theme's recursive nav template."""
    length = 45
    plugins = ["search", {"trope": {"subpage_depth": 20}}]
    site, nav = build(
        tmp_path, chain_sources(length), plugins=plugins, theme={"name": "readthedocs", "navigation_depth": 30}
    )
    assert nav_depth(nav) == 1 + 20  # the namespace, then a section per level above the deepest page
    menu = site.soup(chain_uris(length)[20]).select_one(".wy-menu")
    current = menu.select("li.current")
    assert len(current) == 21 and current[-1].a.get_text() == "Chain Page 20"
    assert any(
        message.startswith("mkdocs_trope: docs/ChainPage19/ChainPage20.trope:1: subpages nest more")
        for message in site.warnings()
    )


def subpage_sites() -> st.SearchStrategy[dict[str, str]]:
    """Sites of up to six pages, each listing others as subpages (chains, cycles, two parents, nesting)."""
    names = ["Alpha", "Beta", "Gamma", "Delta", "Eps", "Zeta"]

    @st.composite
    def sites(draw: st.DrawFn) -> dict[str, str]:
        count = draw(st.integers(2, 6))
        owners = [None, *(draw(st.integers(0, i - 1)) for i in range(1, count))]
        uris = [f"Main/{names[0]}.trope"]
        uris += [f"{names[owner]}/{names[i]}.trope" for i, owner in enumerate(owners) if owner is not None]
        pages = {}
        for i, uri in enumerate(uris):
            listed = draw(st.lists(st.tuples(st.integers(1, 3), st.integers(0, count - 1)), max_size=4))
            lines = [f"{'*' * depth} {names[i]}/{names[target]}" for depth, target in listed]
            pages[uri] = "\n".join(["Text.", *lines]) + "\n"
        return pages

    return sites()


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(site=subpage_sites())
def test_any_subpage_lists_build_with_each_page_once(tmp_path_factory: Any, site: dict[str, str]) -> None:
    root = tmp_path_factory.mktemp("site")
    built, nav = build(root, site, plugins=["search", {"trope": {"subpage_depth": 2}}])
    flat = json.dumps(nav)
    for uri in site:
        assert flat.count(f'"{uri}"') == 1, (uri, nav)
        assert built.page_path(uri).is_file()
    assert nav_depth(nav) <= 2 + 2


def test_families_cut_from_a_page_at_the_top_of_docs_group_by_their_own_namespace() -> None:
    uris = ["ChainPage0.md", *chain_uris(12, ".md")[1:]]
    sources = {uri: [(1, f"ChainPage{i}/ChainPage{i + 1}")] for i, uri in enumerate(uris)}
    tree, _, index = tree_of(sources, 3)
    tree.roots = [root for root in tree.roots if "/" in root.file.src_uri]  # the plugin lists top pages apart
    groups = namespace_groups(tree, index)
    assert list(groups) == ["ChainPage3"]
    assert [root.file.src_uri for root in groups["ChainPage3"]] == [
        "ChainPage3/ChainPage4.md",
        "ChainPage7/ChainPage8.md",
    ]
