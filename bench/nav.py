"""Build time per page with the generated navigation (no ``nav`` in ``mkdocs.yml``), at two or more wiki sizes.

MkDocs writes the whole nav into every page, so a nav that lists every page makes each page cost more as the wiki
grows. The plugin's generated nav lists every page only up to ``nav_full_limit`` pages and only the namespace
index pages beyond it; this script shows what that does to the cost of a page. For each size it builds the
benchmark wiki's trope site without its explicit nav (``bounded``: the default options) and, at the sizes given to
``--full``, the same site with every page in the generated nav (``full``: ``nav_full_limit`` raised above it).

Per-page cost is MkDocs' own "Documentation built in" time (interpreter start-up and config loading left out)
divided by the number of pages. Sizes and variants are built alternately, ``--repeat`` rounds, best kept, so
drift on a shared machine hits them alike; compare the per-page growth column, not absolute seconds.

Usage: ``python bench/nav.py [--sizes 500,3000] [--repeat 2] [--full 500] [--theme mkdocs|material] [--out DIR]``
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import common
import yaml
from common import fmt, table
from generate import generate_site
from run import log, site_scratch

FULL_LIMIT = 1_000_000_000
_BUILT_IN = re.compile(r"Documentation built in ([0-9.]+) seconds")


def write_configs(trope_config: Path, full: bool) -> dict[str, Path]:
    """``mkdocs-bounded.yml`` (and ``mkdocs-full.yml``) beside the bench site's config, without its ``nav``."""
    config = yaml.safe_load(trope_config.read_text(encoding="utf-8"))
    config.pop("nav", None)
    variants = {"bounded": ["trope"]}
    if full:
        variants["full"] = [{"trope": {"nav_full_limit": FULL_LIMIT}}]
    paths = {}
    for name, plugins in variants.items():
        path = trope_config.with_name(f"mkdocs-{name}.yml")
        path.write_text(yaml.safe_dump({**config, "plugins": plugins}, sort_keys=False), encoding="utf-8")
        paths[name] = path
    return paths


def build_seconds(config: Path, env: dict[str, str]) -> tuple[float, float]:
    """(MkDocs' own build time, wall time of the whole ``mkdocs build`` process) for one fresh build."""
    with tempfile.TemporaryDirectory(prefix="bench-nav-", dir=site_scratch()) as site_dir:
        cmd = [sys.executable, "-m", "mkdocs", "build", "-f", str(config), "-d", site_dir]
        start = time.perf_counter()
        proc = subprocess.run(cmd, env=env, capture_output=True, text=True, check=False)
        wall = time.perf_counter() - start
    match = _BUILT_IN.search(proc.stderr)
    if proc.returncode != 0 or match is None:
        raise RuntimeError(f"mkdocs build -f {config} exited {proc.returncode}:\n{proc.stderr[-2000:]}")
    return float(match.group(1)), wall


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="500,3000", help="comma-separated page counts")
    parser.add_argument("--repeat", type=int, default=2, help="rounds of builds, best kept")
    parser.add_argument("--full", default="", help="sizes at which to also build with every page in the nav")
    parser.add_argument("--theme", choices=("mkdocs", "material"), default="mkdocs")
    parser.add_argument("--out", type=Path, help="where to generate the sites (default: a new temp dir)")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    if args.out:
        run(args, args.out)
    else:
        with tempfile.TemporaryDirectory(prefix="trope-bench-nav-") as tmp:
            run(args, Path(tmp))


def run(args: argparse.Namespace, out: Path) -> None:
    sizes = sorted({int(size) for size in args.sizes.split(",")})
    env = common.subprocess_env(common.plugin_path_entries(out))
    configs: dict[tuple[int, str], Path] = {}
    pages: dict[int, int] = {}
    for n in sizes:
        log(f"generating {n} pages")
        site = generate_site(out / f"n{n}", n, args.seed, args.theme)
        pages[n] = site.pages
        full = str(n) in args.full.split(",")
        for variant, path in write_configs(site.trope_config, full).items():
            configs[n, variant] = path
    best: dict[tuple[int, str], tuple[float, float]] = {}
    for round_number in range(args.repeat):
        for key, config in configs.items():
            log(f"round {round_number + 1}: {key[1]} nav, {key[0]} pages")
            seconds, wall = build_seconds(config, env)
            if key not in best or seconds < best[key][0]:
                best[key] = (seconds, wall)
    print("# Generated navigation: build time per page\n")
    print(f"Python {platform.python_version()}, theme `{args.theme}`, {platform.machine()} x{os.cpu_count()}, "
          f"load average {' '.join(f'{x:.1f}' for x in os.getloadavg())} at the end, best of {args.repeat} "
          "alternating rounds\n")
    rows = []
    for (n, variant), (seconds, wall) in best.items():
        per_page = seconds / pages[n] * 1e3
        first = best[sizes[0], "bounded"][0] / pages[sizes[0]] * 1e3
        rows.append([n, pages[n], variant, fmt(seconds), fmt(wall), fmt(per_page), f"{per_page / first:.2f}x"])
    header = f"per page vs bounded N = {sizes[0]}"
    print(table(["N", "pages", "nav", "build s", "wall s", "ms/page", header], rows))


if __name__ == "__main__":
    main()
