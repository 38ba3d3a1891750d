"""Plugin options carry over to the export, and Markdown pages keep their wiki links and their code as written.

A small wiki is built by the plugin and, exported, by plain MkDocs; each page's article must be the same.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from mkdocs_trope.cli import main
from mkdocs_trope.export import export
from tests.export.conftest import BUILD_ONLY_FEATURES_OFF
from tests.sitebuild import build_site, run_build

WIKI: dict[str, str | bytes] = {
    "index.md": (
        "# Home\n\n"
        "Read [[Main/HeroicSacrifice the sacrifice]], {{Film/Shrek}} and [[Main/Nowhere a missing page]].\n\n"
        "Code stays: `[[Main/HeroicSacrifice]]` and ``{{Shrek}}``.\n\n"
        "```\n[[Main/HeroicSacrifice in a fence]]\n```\n\n"
        "A [plain link](Main/HeroicSacrifice.trope#examples) and a [reference][ref].\n\n"
        "[ref]: Film/Shrek.trope\n"
    ),
    "Main/HeroicSacrifice.trope": (
        "A hero gives their life. See {{Shrek}}, TheHero and RedShirt.\n\n"
        "!!Examples\n\n* Film/{{Shrek}} has [[spoiler:none]].\n* Trope/HeroicSacrifice lists nothing.\n"
    ),
    "Film/Shrek.trope": "---\ntitle: Shrek (2001)\n---\nAn ogre. Compare HeroicSacrifice and MissingTrope.\n",
    "Main/TheHero.trope": "The hero.\n",
}
OPTIONS = {
    "missing_page_url": "https://tvtropes.org/pmwiki/pmwiki.php/{namespace}/{name}",
    "titles": {"TheHero": "The Hero (capital H)"},
    "heading_shift": 2,
}


def _article(site_dir: Path, path: str) -> str:
    soup = BeautifulSoup((site_dir / path / "index.html").read_text(encoding="utf-8"), "html.parser")
    main = soup.select_one("div[role=main]")
    assert main is not None
    return " ".join(str(main).split())


def test_options_and_markdown_pages_survive_the_export(tmp_path: Path) -> None:
    plugin = build_site(tmp_path / "wiki", WIKI, plugins=["search", {"trope": OPTIONS | BUILD_ONLY_FEATURES_OFF}])
    out = tmp_path / "out"
    status = main(["export", str(tmp_path / "wiki" / "docs"), str(out), "-f", str(tmp_path / "wiki" / "mkdocs.yml")])
    assert status == 0
    config = yaml.safe_load((out / "mkdocs.yml").read_text(encoding="utf-8"))
    assert config["plugins"] == ["search"]
    exported_site = tmp_path / "exported-site"
    _, records = run_build(out / "mkdocs.yml", site_dir=str(exported_site), strict=True)
    assert [r.getMessage() for r in records if r.levelname == "WARNING"] == []
    for path in ("", "Main/HeroicSacrifice", "Film/Shrek", "Main/TheHero"):
        assert _article(exported_site, path) == _article(plugin.site_dir, path), path
    home = _article(exported_site, "")
    assert "<code>[[Main/HeroicSacrifice]]</code>" in home and "[[Main/HeroicSacrifice in a fence]]" in home
    assert 'href="https://tvtropes.org/pmwiki/pmwiki.php/Main/Nowhere"' in home
    assert "The Hero (capital H)" in _article(exported_site, "Main/HeroicSacrifice")


def test_export_errors_exit_with_status_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", str(tmp_path / "missing"), str(tmp_path / "out")]) == 2
    assert "no such directory" in capsys.readouterr().err
    (tmp_path / "docs").mkdir()
    bad = tmp_path / "mkdocs.yml"
    bad.write_text("site_name: x\nplugins:\n  - trope:\n      heading_shift: 9\n", encoding="utf-8")
    assert main(["export", str(tmp_path / "docs"), str(tmp_path / "out"), "-f", str(bad)]) == 2
    assert "heading_shift" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_an_odd_file_name_stays_one_link_on_the_exported_index_page(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    (docs / "Main").mkdir(parents=True)
    (docs / "Main" / "Odd>Name.trope").write_text("An odd name.\n", encoding="utf-8")
    (docs / "Main" / "Plain.trope").write_text("A plain page.\n", encoding="utf-8")
    export(docs, tmp_path / "out")
    index = (tmp_path / "out" / "docs" / "Main" / "index.md").read_text(encoding="utf-8")
    assert "(<Odd%3EName.md>)" in index and "(<Plain.md>)" in index
