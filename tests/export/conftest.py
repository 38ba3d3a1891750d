"""The demo wiki built three ways, once per test session: by the plugin, and exported then built by plain MkDocs
(no plugin) and by Zensical."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from mkdocs_trope.export import ExportResult, export
from tests.sitebuild import REPO, run_build

DEMO = REPO / "demo_site"
ZENSICAL = Path(sys.executable).with_name("zensical")


@dataclass(frozen=True)
class DemoBuilds:
    source_docs: Path
    exported: Path
    result: ExportResult
    plugin_site: Path
    mkdocs_site: Path
    zensical_site: Path
    mkdocs_warnings: list[str]


def zensical_build(project: Path) -> Path:
    """``zensical build --strict`` in the exported project, as a user runs it; returns its site folder."""
    proc = subprocess.run(
        [str(ZENSICAL), "build", "--strict", "--clean", "-f", str(project / "mkdocs.yml")],
        cwd=project,
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return project / "site"


BUILD_ONLY_FEATURES_OFF = {
    "wanted_pages": False,
    "related_pages": False,
    "index_boxes": False,
    "namespace_tabs": False,
}
"""What the plugin adds while it renders a site (from the link graph of every rendered page) and an export does not
write: the exported pages are compared with the plugin's site without them."""


@pytest.fixture(scope="session")
def demo_builds(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DemoBuilds]:
    root = tmp_path_factory.mktemp("demo-export")
    plugin_site = root / "plugin-site"
    run_build(DEMO / "mkdocs.yml", site_dir=str(plugin_site), plugins=["search", {"trope": BUILD_ONLY_FEATURES_OFF}])
    exported = root / "exported"
    result = export(DEMO / "docs", exported, config_file=DEMO / "mkdocs.yml")
    mkdocs_site = root / "mkdocs-site"
    _, records = run_build(exported / "mkdocs.yml", site_dir=str(mkdocs_site), strict=True)
    warnings = [record.getMessage() for record in records if record.levelname == "WARNING"]
    yield DemoBuilds(DEMO / "docs", exported, result, plugin_site, mkdocs_site, zensical_build(exported), warnings)
