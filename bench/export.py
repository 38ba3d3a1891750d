"""Benchmark ``mkdocs-trope export`` and the Zensical build of its output against ``mkdocs build`` with the plugin.

For each N in ``--sizes`` (bench wiki of ``generate.py``), in one run on one machine, each step a fresh subprocess:

1. ``mkdocs build`` of the trope site with the plugin (the baseline);
2. ``mkdocs-trope export`` of the same wiki into an empty folder (cold: every page converted);
3. the export again after one page was edited (incremental: one page converted and written);
4. ``zensical build --clean`` of the exported site;
5. plain ``mkdocs build`` (no plugin) of the exported site.

Steps 1, 4 and 5 alternate over ``--repeat`` rounds (best kept) so drift on a loaded machine hits them alike.
Usage: ``python bench/export.py [--sizes 1000,4000] [--repeat 1] [--theme mkdocs|material] [--out DIR]``
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import common
from common import fmt, ratio, table
from generate import generate_site
from run import log, site_scratch


def timed(cmd: list[str], env: dict[str, str], cwd: Path | None = None) -> float:
    start = time.perf_counter()
    proc = subprocess.run(cmd, env=env, cwd=cwd, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - start
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} exited {proc.returncode}:\n{proc.stderr[-2000:]}")
    return seconds


def measure(n: int, out: Path, repeat: int, theme: str, env: dict[str, str]) -> dict[str, float]:
    site = generate_site(out / f"wiki-{n}", n, theme=theme)
    exported = out / f"export-{n}"
    shutil.rmtree(exported, ignore_errors=True)
    export = [
        sys.executable,
        "-m",
        "mkdocs_trope",
        "export",
        "-q",
        str(site.trope_config.parent / "docs"),
        str(exported),
        "-f",
        str(site.trope_config),
    ]
    results: dict[str, float] = {}
    log(f"N={n}: export (cold)")
    results["export"] = timed(export, env)
    edited = site.trope_sources()[0]
    edited.write_text(edited.read_text(encoding="utf-8") + "\nOne more line.\n", encoding="utf-8")
    log(f"N={n}: export after one edit")
    results["export_again"] = timed(export, env)
    zensical = str(Path(sys.executable).with_name("zensical"))
    for round_ in range(repeat):
        with tempfile.TemporaryDirectory(prefix="bench-site-", dir=site_scratch()) as site_dir:
            steps = {
                "plugin": [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(site.trope_config), "-d", site_dir],
                "zensical": [zensical, "build", "--clean", "-f", str(exported / "mkdocs.yml")],
                "plain": [
                    sys.executable,
                    "-m",
                    "mkdocs",
                    "build",
                    "-q",
                    "-f",
                    str(exported / "mkdocs.yml"),
                    "-d",
                    site_dir,
                ],
            }
            for name, cmd in steps.items():
                log(f"N={n}: {name} build, round {round_ + 1}")
                seconds = timed(cmd, env, cwd=exported)
                results[name] = min(results.get(name, seconds), seconds)
    return results


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,4000")
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--theme", choices=("mkdocs", "material"), default="material", help="Zensical needs material")
    parser.add_argument("--out", type=Path)
    args = parser.parse_args(argv)
    out = args.out or Path(tempfile.mkdtemp(prefix="bench-export-"))
    env = common.subprocess_env(common.plugin_path_entries(out))
    env["NO_MKDOCS_2_WARNING"] = "1"
    rows = []
    for n in (int(size) for size in args.sizes.split(",")):
        r = measure(n, out, args.repeat, args.theme, env)
        rows.append(
            [
                n,
                fmt(r["plugin"]),
                fmt(r["export"]),
                fmt(r["export_again"]),
                fmt(r["zensical"]),
                fmt(r["plain"]),
                ratio(r["export"] + r["zensical"], r["plugin"]),
                ratio(r["zensical"], r["plugin"]),
            ]
        )
        print(
            table(
                [
                    "N",
                    "mkdocs build + plugin (s)",
                    "export (s)",
                    "export after 1 edit (s)",
                    "zensical build (s)",
                    "plain mkdocs build (s)",
                    "export + zensical / plugin",
                    "zensical / plugin",
                ],
                rows,
            ),
            flush=True,
        )


if __name__ == "__main__":
    main()
