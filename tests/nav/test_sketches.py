"""Sketches: the subpage lists read before a page is converted must be the ones its conversion gives.

A large build draws the navigation from :func:`list_items_mentioning` while a worker converts the pages; the
conversion cache keeps :func:`subpage_candidates` of the full outline. Navigation must come out the same from
either, on real pages and on random list markup dense in the constructs that hide or join text.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from mkdocs_trope.markup import convert, list_items_mentioning
from mkdocs_trope.names import PageName
from mkdocs_trope.nav import subpage_candidates, subpage_targets
from tests.reference import REPO, SEED, corpus_pages, reference_text


def from_conversion(text: str, name: str) -> list[tuple[int, PageName, int]]:
    return subpage_targets(PageName("Main", name), subpage_candidates(name, convert(text).outline))


def from_sketch(text: str, name: str) -> list[tuple[int, PageName, int]]:
    return subpage_targets(PageName("Main", name), list_items_mentioning(text, name))


def owners(text: str) -> set[str]:
    """Every name the page's links use as a namespace: each could be the page's own name."""
    return {target.namespace for item in convert(text).outline for target in item.targets if target.namespace}


PAGES = [SEED, *corpus_pages(), *sorted((REPO / "demo_site" / "docs").rglob("*.trope"))]


@pytest.mark.parametrize("path", PAGES, ids=[path.name for path in PAGES])
def test_real_pages_sketch_like_their_conversion(path: Path) -> None:
    text = reference_text(path) if REPO not in path.parents else path.read_text(encoding="utf-8")
    names = owners(text) | {path.stem.split("__")[-1]}
    for name in names:
        assert from_sketch(text, name) == from_conversion(text, name), name
    if path == SEED:
        assert len(from_sketch(text, "InterspeciesRomance")) == 20


LINKS = [
    "Owner/Sub", "Owner/{{Sub}}", "[[Owner/Sub the sub]]", "{{Owner/Sub}}", "owner/SubPage", "OWNER/SubTwo",
    "Owner.SubDot", "Film/OtherWork", "Owner/{{Free Words}}s", "[=Owner/Escaped=]", "@@Owner/Code@@",
    "[[Owner/Sub", "Owner]]", "[[note]]Owner/Hidden[[/note]]", "[[spoiler:Owner/Spoiled]]",
]
PIECES = [" ", " text ", "''", "%%", "%% comment Owner/Commented", "\\\\\n", "[[folder:Owner/Folder]]", "[[/folder]]"]
LINE = st.tuples(
    st.sampled_from(["* ", "** ", "*** ", "# ", "+ ", "*", "", "! ", "-> ", " * "]),
    st.lists(st.one_of(st.sampled_from(LINKS), st.sampled_from(PIECES)), max_size=6).map("".join),
).map("".join)
TEXT = st.lists(LINE, max_size=12).map("\n".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT)
@example("* Owner/Sub\\\\\n continued Owner/SubTwo")
@example("---\ntitle: x\n---\n* Owner/Sub")
@example("* [=Owner/Escaped=] Owner/Sub")
def test_random_lists_sketch_like_their_conversion(text: str) -> None:
    assert from_sketch(text, "Owner") == from_conversion(text, "Owner")
