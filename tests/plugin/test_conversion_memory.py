"""What the conversion cache keeps: a one-off build lets each page's Markdown go once MkDocs has read it.

MkDocs keeps its own copy of every page's Markdown until the build ends, so keeping ours too would hold a large
wiki's converted text twice; only ``serve`` builds again and can use it. A page read a second time (by another
plugin, say) is converted again, quietly: its problems were reported at the first reading.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs_trope.files import TropeFile
from tests.sitebuild import collect_logs, make_config, run_build

PAGES = {
    "index.md": "# Home\n",
    "Main/HeroPage.trope": "A HeroicSacrifice with an unclosed [[pothole.\n",
    "Main/HeroicSacrifice.trope": "Someone dies for the HeroPage.\n",
}


def trope_file(config_plugins: object, src_uri: str) -> TropeFile:
    node = config_plugins["trope"].tree.node(src_uri)  # type: ignore[index]
    assert node is not None and isinstance(node.file, TropeFile)
    return node.file


def test_a_one_off_build_keeps_no_converted_markdown(tmp_path: Path) -> None:
    config, records = run_build(make_config(tmp_path, PAGES), command="build")
    cache = config.plugins["trope"].cache
    for uri in ("Main/HeroPage.trope", "Main/HeroicSacrifice.trope"):
        entry = cache.entry(uri)
        assert entry is not None and entry.body is None
        assert entry.key  # the rest of the entry (diagnostics, outline, redirect) stays for the build
    assert sum("HeroPage.trope:1" in record.getMessage() for record in records) == 1
    html = (tmp_path / "site" / "Main" / "HeroPage" / "index.html").read_text(encoding="utf-8")
    assert "Heroic Sacrifice" in html


def test_a_second_reading_converts_again_without_reporting_again(tmp_path: Path) -> None:
    config, _ = run_build(make_config(tmp_path, PAGES), command="build")
    file = trope_file(config.plugins, "Main/HeroPage.trope")
    with collect_logs() as records:
        again = file.content_string
    assert "[Heroic Sacrifice](trope:HeroicSacrifice?auto)" in again
    assert [record for record in records if record.levelno >= logging.INFO] == []
    assert config.plugins["trope"].cache.entry("Main/HeroPage.trope").body is None


def test_serve_keeps_converted_markdown_for_the_next_rebuild(tmp_path: Path) -> None:
    config, _ = run_build(make_config(tmp_path, PAGES), command="serve")
    entry = config.plugins["trope"].cache.entry("Main/HeroPage.trope")
    assert entry is not None and entry.body is not None and "Heroic Sacrifice" in entry.body
