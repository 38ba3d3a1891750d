"""A second export rewrites only what changed: file contents and modification times prove it."""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from mkdocs_trope.export import STATE_DIR, ExportError, export
from tests.export.conftest import DEMO
from tests.plugin.test_background_conversion import wiki as background_wiki
from tests.sitebuild import write_tree

DEMO_TROPE_PAGES = len(list((DEMO / "docs").rglob("*.trope")))


def _snapshot(out: Path) -> dict[str, tuple[int, bytes]]:
    return {
        path.relative_to(out).as_posix(): (path.stat().st_mtime_ns, path.read_bytes())
        for path in out.rglob("*")
        if path.is_file() and STATE_DIR not in path.parts
    }


@pytest.fixture
def wiki(tmp_path: Path) -> Path:
    docs = tmp_path / "docs"
    shutil.copytree(DEMO / "docs", docs)
    return docs


def test_second_export_after_one_edit_rewrites_that_page_only(wiki: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = export(wiki, out)
    assert first.converted == first.pages == DEMO_TROPE_PAGES
    before = _snapshot(out)

    unchanged = export(wiki, out)
    assert (unchanged.written, unchanged.removed, unchanged.converted) == ([], [], 0)
    assert _snapshot(out) == before

    page = wiki / "Film" / "TheGreenAmbassador.trope"
    page.write_text(page.read_text(encoding="utf-8") + "\nA line added by an edit.\n", encoding="utf-8")
    edited = export(wiki, out)
    assert edited.written == ["docs/Film/TheGreenAmbassador.md"]
    assert edited.converted == 1
    after = _snapshot(out)
    changed = {path for path in after if after[path] != before[path]}
    assert changed == {"docs/Film/TheGreenAmbassador.md"}
    assert b"A line added by an edit." in after["docs/Film/TheGreenAmbassador.md"][1]


def test_deleting_a_page_removes_it_and_turns_links_to_it_red(wiki: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    export(wiki, out)
    linking = (out / "docs/WesternAnimation/Shrek.md").read_text(encoding="utf-8")
    assert "(../Main/BeastAndBeauty.md){: .twikilink }" in linking
    (wiki / "Main" / "BeastAndBeauty.trope").unlink()
    result = export(wiki, out)
    assert result.removed == ["docs/Main/BeastAndBeauty.md"]
    assert not (out / "docs/Main/BeastAndBeauty.md").exists()
    assert "docs/WesternAnimation/Shrek.md" in result.written and "mkdocs.yml" in result.written
    linking = (out / "docs/WesternAnimation/Shrek.md").read_text(encoding="utf-8")
    assert 'title="The page Main/BeastAndBeauty does not exist yet"' in linking
    assert "BeastAndBeauty.md" not in (out / "mkdocs.yml").read_text(encoding="utf-8")
    assert result.converted == 0


def test_files_nobody_exported_are_left_alone(wiki: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    (out / "docs").mkdir(parents=True)
    (out / "docs" / "mine.txt").write_text("kept", encoding="utf-8")
    export(wiki, out)
    export(wiki, out)
    assert (out / "docs" / "mine.txt").read_text(encoding="utf-8") == "kept"


def test_output_inside_the_docs_is_refused(wiki: Path) -> None:
    with pytest.raises(ExportError, match="outside the docs"):
        export(wiki, wiki / "exported")


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_shows_on_a_terminal_only(wiki: Path, tmp_path: Path) -> None:
    terminal, pipe = _Terminal(), io.StringIO()
    export(wiki, tmp_path / "one", progress=terminal)
    export(wiki, tmp_path / "two", progress=pipe)
    assert terminal.getvalue().endswith(f"\rexporting: {DEMO_TROPE_PAGES}/{DEMO_TROPE_PAGES} pages\n")
    assert pipe.getvalue() == ""


def test_a_large_wiki_is_converted_by_worker_processes(tmp_path: Path) -> None:
    write_tree(tmp_path / "docs", dict(background_wiki()))
    command = [sys.executable, "-m", "mkdocs_trope", "export", str(tmp_path / "docs"), str(tmp_path / "out")]
    done = subprocess.run(command, capture_output=True, text=True, check=True, timeout=300)
    pages = len([name for name in background_wiki() if name.endswith(".trope")])
    assert f"exported {pages} trope pages ({pages} converted, {pages} of them by worker processes)" in done.stdout
    docs = tmp_path / "out" / "docs"
    exported = [path.relative_to(docs).as_posix() for path in docs.rglob("*.md")]
    namespace_indexes = [path for path in exported if path.endswith("/index.md")]  # generated for the nav
    assert namespace_indexes and len(exported) == pages + 1 + len(namespace_indexes)
    nav = (tmp_path / "out" / "mkdocs.yml").read_text(encoding="utf-8")
    assert "Live Action TV: SampleTrope7/LiveActionTV.md" in nav and "Ninth of Many" in nav


def test_a_new_title_rewrites_the_pages_that_show_it(wiki: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    export(wiki, out)
    page = wiki / "InterspeciesRomance" / "TabletopGames.trope"
    page.write_text("---\ntitle: Tabletop RPGs\n---\n" + page.read_text(encoding="utf-8"), encoding="utf-8")
    result = export(wiki, out)
    assert result.converted == 1
    assert {"mkdocs.yml", "docs/InterspeciesRomance/TabletopGames.md", "docs/InterspeciesRomance/Film.md"} <= set(
        result.written
    )
    assert "[Tabletop RPGs](TabletopGames.md)" in (out / "docs/InterspeciesRomance/Film.md").read_text("utf-8")
    assert "docs/Film/TheGreenAmbassador.md" not in result.written
