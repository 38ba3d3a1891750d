"""The package as a user gets it: a wheel built from the repository, installed into a fresh virtual environment
with its declared dependencies only, builds a site and checks a page.

uv creates the environment and installs from its cache, so the test costs seconds after the first run; the
environment holds only what the wheel's metadata asks for, which is what proves the dependencies are declared.
"""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from email.parser import Parser
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

import mkdocs_trope
from tests.reference import REPO
from tests.sitebuild import make_config

pytestmark = pytest.mark.packaging

UV = Path(sys.executable).with_name("uv")


def _run(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {key: value for key, value in os.environ.items() if key not in ("PYTHONPATH", "VIRTUAL_ENV")}
    result = subprocess.run([str(arg) for arg in args], capture_output=True, text=True, timeout=300, cwd=cwd, env=env)
    assert result.returncode == 0, f"{args}\n{result.stdout}\n{result.stderr}"
    return result


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    _run(UV, "build", "--wheel", "--quiet", "--out-dir", out, REPO)
    (built,) = out.glob("mkdocs_trope-*.whl")
    return built


@pytest.fixture(scope="module")
def venv(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A new environment (no system or outer site-packages) with the wheel and its declared dependencies."""
    root = tmp_path_factory.mktemp("venv") / "env"
    _run(UV, "venv", "--quiet", "--python", sys.executable, root)
    _run(UV, "pip", "install", "--quiet", "--python", root / "bin" / "python", wheel)
    return root


def test_wheel_metadata_names_licence_version_and_entry_points(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        info = next(name for name in names if name.endswith(".dist-info/METADATA"))
        metadata = Parser().parsestr(archive.read(info).decode("utf-8"))
        entry_points = archive.read(info.replace("METADATA", "entry_points.txt")).decode("utf-8")
    assert metadata["Version"] == mkdocs_trope.__version__
    assert metadata["License-Expression"] == "MIT"
    assert any(name.endswith(".dist-info/licenses/LICENSE") for name in names)
    assert "Framework :: MkDocs" in metadata.get_all("Classifier")
    requires = metadata.get_all("Requires-Dist")
    runtime = sorted(r.split(">")[0].split("<")[0] for r in requires if "extra ==" not in r)
    assert runtime == ["Markdown", "PyYAML", "mkdocs"]
    assert "mkdocs_trope/py.typed" in names and "mkdocs_trope/assets/trope.css" in names
    assert "trope = mkdocs_trope.plugin:TropePlugin" in entry_points


def test_installed_wheel_builds_a_site_in_a_clean_environment(venv: Path, tmp_path: Path) -> None:
    python = venv / "bin" / "python"
    probe = "import mkdocs_trope, sys; print(mkdocs_trope.__file__); print(sys.prefix)"
    where = _run(python, "-c", probe, cwd=tmp_path)  # not from the repository, whose checkout is importable
    module_file, prefix = where.stdout.split()
    assert Path(module_file).is_relative_to(venv) and Path(prefix) == venv
    config = make_config(
        tmp_path,
        {"Main/HomePage.trope": "!Welcome\nSee OtherPage and [[Main/Missing a red link]].\n",
         "Main/OtherPage.trope": "''Other'' text.\n"},
        plugins=["trope"],
    )
    _run(venv / "bin" / "mkdocs", "build", "--strict", "-q", "-f", config, cwd=tmp_path)
    html = BeautifulSoup((tmp_path / "site" / "Main" / "HomePage" / "index.html").read_text("utf-8"), "html.parser")
    assert html.select_one("a.twikilink[href='../OtherPage/']").get_text() == "Other Page"
    assert html.select_one("span.redlink").get_text() == "a red link"
    assert (tmp_path / "site" / "assets" / "mkdocs-trope" / "trope.css").is_file()


def test_installed_console_script_checks_a_page(venv: Path, tmp_path: Path) -> None:
    page = tmp_path / "Broken.trope"
    page.write_text("An unclosed [[pothole.\n", encoding="utf-8")
    result = subprocess.run(
        [str(venv / "bin" / "mkdocs-trope"), "check", str(page)], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 1, result.stdout + result.stderr
    assert "1 error" in result.stdout


def test_changelog_names_the_current_version() -> None:
    changelog = (REPO / "CHANGELOG.md").read_text(encoding="utf-8")
    releases = [line.split("]")[0][4:] for line in changelog.splitlines() if line.startswith("## [")]
    assert releases[0] == "Unreleased" and releases[1] == mkdocs_trope.__version__
