"""Helpers shared by ``run.py`` and ``hostile.py``: finding the package under test, timing, tables.

Why the import dance: the benchmarks must measure the working tree, whether or not ``mkdocs-trope`` has been
installed into the venv yet. The converter is imported from the repository root. MkDocs, however, finds the
``trope`` plugin only through the ``mkdocs.plugins`` entry point; when the package is not installed we write a
throw-away ``*.dist-info`` (entry points copied from ``pyproject.toml``) into the benchmark's output directory
and put it on ``sys.path``/``PYTHONPATH``. Nothing outside that directory is touched.
"""

from __future__ import annotations

import gc
import importlib.util
import os
import sys
import time
import tomllib
from collections.abc import Callable, Sequence
from importlib.metadata import entry_points
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]


def use_working_tree() -> None:
    """Make ``import mkdocs_trope`` load the repository's copy."""
    if str(REPO) not in sys.path:
        sys.path.insert(0, str(REPO))


def load_convert() -> Callable[..., Any]:
    """Return ``mkdocs_trope.markup.convert`` or exit with a message saying what is missing."""
    use_working_tree()
    try:
        from mkdocs_trope.markup import convert
    except ImportError as exc:
        sys.exit(
            f"bench: cannot import mkdocs_trope.markup.convert ({exc}).\n"
            f"The benchmarks measure the converter in {REPO}/mkdocs_trope; it must exist and import cleanly."
        )
    return convert


def plugin_path_entries(work_dir: Path) -> list[str]:
    """Path entries that make ``plugins: [trope]`` resolvable, in-process and in subprocesses.

    Exits with a message when ``mkdocs_trope.plugin`` does not exist yet. Call before importing
    ``mkdocs.config``: MkDocs reads the entry points once, when its config schema is created.
    """
    use_working_tree()
    if importlib.util.find_spec("mkdocs_trope.plugin") is None:
        sys.exit(
            f"bench: mkdocs_trope.plugin does not exist in {REPO} yet, so the sites cannot be built.\n"
            "Use --skip-builds to measure only converter throughput."
        )
    entries = [str(REPO)]
    if not any(ep.name == "trope" for ep in entry_points(group="mkdocs.plugins")):
        shim = work_dir / "_entry_points"
        dist_info = shim / "mkdocs_trope_bench_shim-0.dist-info"
        dist_info.mkdir(parents=True, exist_ok=True)
        metadata = "Metadata-Version: 2.1\nName: mkdocs-trope-bench-shim\nVersion: 0\n"
        (dist_info / "METADATA").write_text(metadata)
        groups = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]["entry-points"]
        text = "".join(f"[{group}]\n" + "".join(f"{k} = {v}\n" for k, v in eps.items()) + "\n"
                       for group, eps in groups.items())
        (dist_info / "entry_points.txt").write_text(text)
        entries.append(str(shim))
    for entry in reversed(entries):
        if entry not in sys.path:
            sys.path.insert(0, entry)
    return entries


def subprocess_env(entries: Sequence[str]) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([*entries, env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    return env


def best_of(fn: Callable[[], object], repeat: int) -> float:
    """Fastest of ``repeat`` runs: the minimum is the least noisy estimate of the cost itself."""
    times = []
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """A Markdown table; numbers are expected pre-formatted as strings."""
    cells = [list(map(str, headers)), *[list(map(str, r)) for r in rows]]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]
    lines = ["| " + " | ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) + " |" for row in cells]
    lines.insert(1, "|" + "|".join("-" * (w + 2) for w in widths) + "|")
    return "\n".join(lines)


def fmt(value: float | None, digits: int = 2) -> str:
    return "n/a" if value is None else f"{value:.{digits}f}"


def ratio(a: float | None, b: float | None) -> str:
    return "n/a" if a is None or b is None or b == 0 else f"{a / b:.2f}x"
