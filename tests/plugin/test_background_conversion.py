"""A large one-off build converts in a worker process; what it publishes must not differ by a byte.

The plugin hands pages to a worker when a ``mkdocs build`` has at least ``PARALLEL_THRESHOLD`` trope pages to
convert, and builds the navigation from sketches meanwhile. A ``serve`` build converts in-process. Both builds of
the same wiki are compared file by file, and their diagnostics line by line.
"""

from __future__ import annotations

import logging
import re
import subprocess
import sys
from pathlib import Path

import pytest

from mkdocs_trope.conversions import PARALLEL_THRESHOLD
from tests.reference import DEMO_SEED
from tests.sitebuild import make_config, run_build

FILLERS = PARALLEL_THRESHOLD + 20
BUILD_DATE = re.compile(r"Build Date UTC : [0-9: .+-]+")


def filler(number: int) -> str:
    """An ordinary example page: links (live, red, bare and potholed), emphasis, a folder and a nested list."""
    following = f"SampleTrope{(number + 1) % FILLERS}"
    return (
        f"A sample trope number {number} linking {following}, a MissingTrope{number} and "
        f"[[Main/SampleTrope0 the first]]. ''Italic'' and '''bold''' words, {{{{Sample Trope 1}}}}s.\n\n"
        "[[folder:Film]]\n"
        f"* ''Film/WorkNumber{number}'': [[spoiler:a secret]] with a note.[[note]]Hidden.[[/note]]\n"
        "** A sub-example with -> an arrow and `code` * stars _under_ <b>tags</b> & ampersands.\n"
        "[[/folder]]\n"
    )


def wiki() -> dict[str, str]:
    files = {"index.md": "# Home\n\nA [[Main/InterspeciesRomance pothole]] from Markdown.\n"}
    files["Main/InterspeciesRomance.trope"] = DEMO_SEED.read_text(encoding="utf-8")
    for name in ("AnimeAndManga", "TabletopGames", "DungeonsAndDragons", "Film"):
        files[f"InterspeciesRomance/{name}.trope"] = f"Examples for [={name}=] with a HeroicSacrifice.\n"
    for number in range(FILLERS):
        files[f"Main/SampleTrope{number}.trope"] = filler(number)
    files["Main/SampleTrope7.trope"] = (
        "A split trope.\n\n* SampleTrope7/{{Film}}\n** [[SampleTrope7/LiveActionTV live action]]\n"
        "* SampleTrope7/VideoGames\n"
    )
    for name in ("Film", "LiveActionTV"):
        files[f"SampleTrope7/{name}.trope"] = f"Sub page {name}, back to SampleTrope7.\n"
    files["Main/SampleTrope9.trope"] = "---\ntitle: Ninth of Many\n---\nAn unclosed [[pothole here.\n"
    files["Main/OldName.trope"] = "[[redirect:SampleTrope3]]\n"
    return files


def serial_build(config_file: Path, site_dir: Path) -> list[str]:
    """The in-process conversion a ``serve`` build does; returns the warnings it logged."""
    config, records = run_build(config_file, command="serve", site_dir=str(site_dir))
    assert config.plugins["trope"].cache.in_background == 0
    return [record.getMessage() for record in records if record.levelno >= logging.WARNING]


def background_build(config_file: Path, site_dir: Path) -> str:
    """A real ``mkdocs build -v`` in its own interpreter (nothing else running, so the worker may fork)."""
    command = [sys.executable, "-m", "mkdocs", "build", "-v", "-f", str(config_file), "-d", str(site_dir)]
    done = subprocess.run(command, capture_output=True, text=True, check=True, timeout=300)
    return done.stderr


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, list[str], str]:
    root = tmp_path_factory.mktemp("background")
    config_file = make_config(root, wiki(), plugins=["trope"])
    serial, parallel = root / "serial", root / "parallel"
    warnings = serial_build(config_file, serial)
    log = background_build(config_file, parallel)
    return serial, parallel, warnings, log


def _published(path: Path) -> str:
    """A published file's text, less the build time the ``mkdocs`` theme writes into the home page."""
    return BUILD_DATE.sub("", path.read_text(encoding="utf-8"))


def test_the_worker_converted_the_pages(builds: tuple[Path, Path, list[str], str]) -> None:
    *_, log = builds
    pages = FILLERS + 1 + 4 + 2 + 1
    assert f"converting {pages} trope pages in a worker process" in log


def test_every_published_file_is_identical(builds: tuple[Path, Path, list[str], str]) -> None:
    serial, parallel, *_ = builds
    published = sorted(path.relative_to(serial) for path in serial.rglob("*") if path.is_file())
    assert published == sorted(path.relative_to(parallel) for path in parallel.rglob("*") if path.is_file())
    assert len(published) > FILLERS
    compared = [path for path in published if path.suffix in (".html", ".json", ".css", ".js")]
    different = [str(path) for path in compared if _published(serial / path) != _published(parallel / path)]
    assert different == []
    nav_page = (parallel / "Main/SampleTrope7/index.html").read_text(encoding="utf-8")
    assert "Live Action TV" in nav_page and "Ninth of Many" in nav_page


def test_diagnostics_are_reported_once_either_way(builds: tuple[Path, Path, list[str], str]) -> None:
    _, _, warnings, log = builds
    converter = [message for message in warnings if ".trope:" in message]
    assert any("SampleTrope9.trope:4" in message for message in converter), warnings
    for message in converter:
        assert log.count(message) == 1, message
        assert warnings.count(message) == 1, message
