"""Benchmark mkdocs-trope against plain MkDocs on the same synthetic wiki; print Markdown tables of ratios.

Every number is compared with a baseline measured in the same run on the same machine: the same pages
written as ordinary Markdown with the same nav (see ``generate.py``). Absolute seconds vary between machines,
ratios and per-page costs much less; nothing here passes or fails. Measured, for each N in ``--sizes``:

1. site build time (fresh ``python -m mkdocs build`` subprocess, best of ``--repeat``), trope vs Markdown;
2. converter throughput (``convert()`` over every source) vs Python-Markdown rendering the ``.md`` twins;
3. rebuild time after editing one page, as ``mkdocs serve`` does it (in-process, same plugin instances),
   with and without the plugin's conversion cache, and the share of a cached rebuild spent converting;
4. peak memory of the build subprocesses;
5. ``render_html`` on the reference corpus (``../shared/corpus``): straight from the document tree vs through
   Python-Markdown.

The build table also says how many trope pages each build rendered straight to HTML and how many went through
Python-Markdown (the plugin's debug summary): with the default config, none should fall back.

Usage: ``python bench/run.py [--sizes 250,1000,4000] [--repeat 3] [--theme mkdocs|material] [--out DIR]
[--skip-builds] [--skip-rebuilds]``
"""

from __future__ import annotations

import argparse
import logging
import os
import platform
import re
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path
from typing import Any

import common
import markdown
from common import fmt, ratio, table
from generate import SiteInfo, generate_site

MD_EXTENSIONS = ["md_in_html", "tables", "toc"]
SERVE_URL = "http://127.0.0.1:8000/"
# Runs ``python -m mkdocs`` and reports the process's own peak RSS on exit: RUSAGE_CHILDREN in the parent
# would only give the maximum over *all* children so far, not the figure for one build.
# The plugin's debug summary (pages rendered straight to HTML, pages through Python-Markdown) goes to stderr too.
_MKDOCS_WITH_MAXRSS = """
import atexit, logging, resource, runpy, sys
atexit.register(lambda: print("bench-maxrss=%d" % resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
                              file=sys.stderr))
class _Summary(logging.Handler):
    def emit(self, record):
        if "by Python-Markdown" in record.getMessage():
            print("bench-shortcut=" + record.getMessage().strip(), file=sys.stderr)
_plugin_log = logging.getLogger("mkdocs.plugins.mkdocs_trope.plugin")
_plugin_log.addHandler(_Summary())
_plugin_log.setLevel(logging.DEBUG)
_plugin_log.propagate = False
sys.argv[0] = "mkdocs"
runpy.run_module("mkdocs", run_name="__main__", alter_sys=True)
"""


def site_scratch() -> str | None:
    """Where builds write their sites: memory (``/dev/shm``) where there is one, else the default temp dir.

    A 1000-page site is 160 MB of HTML; written to disk, the write-back adds seconds of noise to each build, the
    same on both sides, which blurs the ratio without changing what is compared.
    """
    shm = Path("/dev/shm")
    return str(shm) if shm.is_dir() and os.access(shm, os.W_OK) else None


def log(message: str) -> None:
    print(f"<!-- {message} -->", file=sys.stderr, flush=True)


# ---------------------------------------------------------------------------------------------- 1 + 4: builds


@dataclass
class Build:
    seconds: float | None = None
    peak_mb: float | None = None
    error: str | None = None
    shortcut: str = ""
    """The plugin's summary: how many trope pages were rendered straight to HTML, how many fell back."""


def build_once(config: Path, env: dict[str, str]) -> tuple[float, float, str]:
    """One ``mkdocs build -q`` in a fresh interpreter: (wall seconds including start-up, peak RSS in MB, the
    plugin's shortcut summary)."""
    with tempfile.TemporaryDirectory(prefix="bench-site-", dir=site_scratch()) as site_dir:
        cmd = [sys.executable, "-c", _MKDOCS_WITH_MAXRSS, "build", "-q", "-f", str(config), "-d", site_dir]
        start = time.perf_counter()
        proc = subprocess.run(cmd, env=env, capture_output=True, text=True, check=False)
        seconds = time.perf_counter() - start
    if proc.returncode != 0:
        tail = [line for line in proc.stderr.splitlines() if not line.startswith("bench-maxrss=")][-6:]
        raise RuntimeError(f"mkdocs build -f {config} exited {proc.returncode}:\n    " + "\n    ".join(tail))
    match = re.search(r"bench-maxrss=(\d+)", proc.stderr)
    kib = int(match.group(1)) if match else 0
    peak_mb = kib / 1024 / (1024 if sys.platform == "darwin" else 1)  # ru_maxrss is bytes on macOS
    shortcut = "; ".join(re.findall(r"bench-shortcut=mkdocs_trope: (.*)", proc.stderr))
    return seconds, peak_mb, shortcut


def measure_builds(site: SiteInfo, repeat: int, env: dict[str, str]) -> dict[str, Build]:
    """Best-of-``repeat`` build time per site, alternating the two sites so drift hits both alike."""
    results = {"markdown": Build(), "trope": Build()}
    configs = {"markdown": site.markdown_config, "trope": site.trope_config}
    for _ in range(repeat):
        for kind, result in results.items():
            if result.error:
                continue
            try:
                seconds, peak, result.shortcut = build_once(configs[kind], env)
            except RuntimeError as exc:
                result.error = str(exc)
                continue
            result.seconds = seconds if result.seconds is None else min(result.seconds, seconds)
            result.peak_mb = max(result.peak_mb or 0.0, peak)
    return results


# ---------------------------------------------------------------------------------------------- 2: throughput


def measure_throughput(site: SiteInfo, convert: Any, repeat: int = 5) -> tuple[float, float]:
    """Seconds to convert every ``.trope`` source, and for Python-Markdown to render every ``.md`` twin.

    A new ``markdown.Markdown`` per page, as MkDocs does; sources are read beforehand so only CPU is timed.
    """
    docs = site.root / "trope" / "docs"
    tropes = [(p.relative_to(docs).with_suffix("").as_posix(), p.read_text("utf-8"))
              for p in site.trope_sources()]
    markdowns = [p.read_text("utf-8") for p in site.markdown_sources()]

    def run_convert() -> None:
        for page, text in tropes:
            convert(text, page=page)

    def run_markdown() -> None:
        for text in markdowns:
            markdown.Markdown(extensions=MD_EXTENSIONS).convert(text)

    return common.best_of(run_convert, repeat), common.best_of(run_markdown, repeat)


# ---------------------------------------------------------------------------------------------- 3: rebuild


@dataclass
class Serve:
    first: float
    rebuild: float
    conversion: float | None  # plugin.conversion_seconds during the best rebuild, if the plugin reports it
    persisted: bool  # the same plugin object served the rebuilds (it defines on_startup)


def serve_session(config: Path, page: Path, repeat: int, keep_plugins: bool) -> Serve:
    """Do what ``mkdocs serve`` does: on_startup, full build, then ``repeat`` times edit one page and rebuild.

    Serve re-reads ``mkdocs.yml`` for every rebuild; MkDocs hands back the *same* plugin object if the plugin
    defines ``on_startup`` (it is kept in the Plugins option's ``plugin_cache``), so a conversion cache on the
    plugin survives. ``keep_plugins=False`` empties that cache before each rebuild: a new plugin, no cache.
    """
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.config.defaults import MkDocsConfig

    plugin_cache = dict(MkDocsConfig._schema)["plugins"].plugin_cache
    original = page.read_bytes()
    with tempfile.TemporaryDirectory(prefix="bench-serve-", dir=site_scratch()) as site_dir:

        def load() -> MkDocsConfig:
            config_obj = load_config(str(config), site_dir=site_dir)
            config_obj.site_url = SERVE_URL
            return config_obj

        def timed_build(config_obj: MkDocsConfig) -> float:
            start = time.perf_counter()
            build(config_obj, serve_url=SERVE_URL)
            return time.perf_counter() - start

        plugin_cache.clear()
        cfg = load()
        cfg.plugins.on_startup(command="serve", dirty=False)
        startup_plugins = list(cfg.plugins.values())
        first = timed_build(cfg)
        best, conversion = float("inf"), None
        try:
            for round_ in range(repeat):
                page.write_bytes(original + f"\nEdited for the rebuild benchmark, round {round_}.\n".encode())
                if not keep_plugins:
                    plugin_cache.clear()
                cfg = load()
                if not keep_plugins:
                    cfg.plugins.on_startup(command="serve", dirty=False)
                seconds = timed_build(cfg)
                if seconds < best:
                    best, conversion = seconds, getattr(cfg.plugins.get("trope"), "conversion_seconds", None)
            persisted = all(a is b for a, b in zip(startup_plugins, cfg.plugins.values(), strict=True))
            cfg.plugins.on_shutdown()
        finally:
            page.write_bytes(original)
            plugin_cache.clear()
    return Serve(first, best, conversion, persisted)


def measure_rebuild(site: SiteInfo, repeat: int) -> dict[str, Serve]:
    trope_docs, md_docs = site.root / "trope" / "docs", site.root / "markdown" / "docs"
    main_pages = sorted((trope_docs / "Main").glob("*.trope"))
    page = main_pages[len(main_pages) // 2]
    md_page = md_docs / page.relative_to(trope_docs).with_suffix(".md")
    logging.getLogger("mkdocs").setLevel(logging.ERROR)  # red links etc. would flood the report
    return {
        "markdown": serve_session(site.markdown_config, md_page, repeat, keep_plugins=True),
        "cached": serve_session(site.trope_config, page, repeat, keep_plugins=True),
        "uncached": serve_session(site.trope_config, page, repeat, keep_plugins=False),
    }


# ---------------------------------------------------------------------------------------------- report


def per_page(seconds: float | None, n: int, scale: float = 1e3) -> str:
    return "n/a" if seconds is None else f"{seconds * scale / n:.2f}"


def growth(values: dict[int, float | None], n: int) -> str:
    """Per-page cost at N relative to the smallest N: 1.00 everywhere means linear growth."""
    n0 = min(values)
    v, v0 = values.get(n), values.get(n0)
    return "n/a" if v is None or not v0 else f"{(v / n) / (v0 / n0):.2f}"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="250,1000,4000", help="comma-separated page counts")
    parser.add_argument("--repeat", type=int, default=3, help="runs per build, best kept (1 if N >= 4000)")
    parser.add_argument("--theme", choices=("mkdocs", "material"), default="mkdocs")
    parser.add_argument("--out", type=Path, help="where to generate the sites (default: a new temp dir)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--skip-builds", action="store_true", help="only measure converter throughput")
    parser.add_argument("--skip-rebuilds", action="store_true", help="leave out the serve rebuild benchmark")
    args = parser.parse_args(argv)
    if args.out:
        run(args, args.out)
    else:
        with tempfile.TemporaryDirectory(prefix="trope-bench-") as tmp:  # 4000 pages x 2 sites is ~90 MB
            run(args, Path(tmp))


def run(args: argparse.Namespace, out: Path) -> None:
    sizes = sorted({int(s) for s in args.sizes.split(",")})
    convert = common.load_convert()
    entries = [] if args.skip_builds else common.plugin_path_entries(out)
    env = common.subprocess_env(entries or [str(common.REPO)])
    notes = [] if args.out else ["deleted at exit"]
    if any(e.endswith("_entry_points") for e in entries):
        notes.append("plugin found through a temporary entry-point shim")
    print("# mkdocs-trope benchmarks\n")
    print(f"Python {platform.python_version()}, mkdocs {version('mkdocs')}, Markdown {version('markdown')}, "
          f"theme `{args.theme}`, {platform.machine()} x{os.cpu_count()}, seed {args.seed}, "
          f"sites in `{out}`" + (f" ({'; '.join(notes)})" if notes else "") + "\n")

    sites: dict[int, SiteInfo] = {}
    for n in sizes:
        log(f"generating {n} pages")
        sites[n] = generate_site(out / f"n{n}", n, args.seed, args.theme)
    rows = [[n, s.pages, fmt(s.trope_bytes / 1e6), fmt(s.markdown_bytes / 1e6)] for n, s in sites.items()]
    print(table(["N", "pages", "trope MB", "Markdown MB"], rows))

    builds: dict[int, dict[str, Build]] = {}
    if not args.skip_builds:
        for n, site in sites.items():
            log(f"building {n}-page sites")
            builds[n] = measure_builds(site, 1 if n >= 4000 else args.repeat, env)
        report_builds(builds)

    rows, conv_times, md_times = [], {}, {}
    for n, site in sites.items():
        log(f"throughput on {n} pages")
        conv_times[n], md_times[n] = measure_throughput(site, convert)
        t_mb, m_mb = site.trope_bytes / 1e6, site.markdown_bytes / 1e6
        rows.append([n, fmt(conv_times[n], 3), fmt(t_mb / conv_times[n]), per_page(conv_times[n], n, 1e6),
                     fmt(md_times[n], 3), fmt(m_mb / md_times[n]), per_page(md_times[n], n, 1e6),
                     ratio(t_mb / conv_times[n], m_mb / md_times[n]), ratio(conv_times[n], md_times[n]),
                     growth(conv_times, n)])
    print("\n## 2. Converter throughput (in-process, best of 5)\n")
    print(table(["N", "convert s", "convert MB/s", "convert µs/page", "Python-Markdown s", "PyMd MB/s",
                 "PyMd µs/page", "MB/s ratio", "time ratio", "convert per-page growth"], rows))

    report_render_html()
    if args.skip_builds:
        return
    rebuilds: dict[int, dict[str, Serve]] = {}
    for n, site in sites.items():
        if args.skip_rebuilds:
            break
        log(f"serve rebuilds on {n} pages")
        try:
            rebuilds[n] = measure_rebuild(site, 1 if n >= 4000 else args.repeat)
        except Exception as exc:  # a half-written plugin must not lose the numbers already printed
            print(f"\nrebuild benchmark failed on N={n}: {type(exc).__name__}: {exc}")
    if rebuilds:
        report_rebuilds(rebuilds)
    report_memory(builds)


def report_builds(builds: dict[int, dict[str, Build]]) -> None:
    print("\n## 1. Build time (fresh `mkdocs build` subprocess, best of --repeat)\n")
    trope = {n: b["trope"].seconds for n, b in builds.items()}
    md = {n: b["markdown"].seconds for n, b in builds.items()}
    rows = [[n, fmt(md[n]), fmt(trope[n]), ratio(trope[n], md[n]), per_page(md[n], n), per_page(trope[n], n),
             growth(md, n), growth(trope, n)] for n in builds]
    print(table(["N", "Markdown s", "trope s", "trope/Markdown", "Markdown ms/page", "trope ms/page",
                 "Markdown per-page growth", "trope per-page growth"], rows))
    print("\nTarget: trope/Markdown at most 0.6. Trope pages rendered straight to HTML or through Python-Markdown:\n")
    for n, b in builds.items():
        print(f"* N={n}: {b['trope'].shortcut or 'n/a'}")
    for n, b in builds.items():
        for kind, result in b.items():
            if result.error:
                print(f"\n{kind} build failed for N={n}: {result.error}")


def report_rebuilds(rebuilds: dict[int, dict[str, Serve]]) -> None:
    print("\n## 3. Rebuild after editing one page, as `mkdocs serve` does (in-process, best of --repeat)\n")
    rows = []
    for n, r in rebuilds.items():
        md, cached, uncached = r["markdown"], r["cached"], r["uncached"]
        share = "n/a" if cached.conversion is None else f"{cached.conversion / cached.rebuild:.1%}"
        rows.append([n, fmt(md.rebuild), fmt(cached.rebuild), fmt(uncached.rebuild),
                     ratio(cached.rebuild, uncached.rebuild), ratio(cached.rebuild, md.rebuild),
                     fmt(cached.conversion, 3), share, "yes" if cached.persisted else "no",
                     per_page(cached.rebuild, n), fmt(cached.first)])
    print(table(["N", "Markdown rebuild s", "trope cached s", "trope uncached s", "cached/uncached",
                 "cached/Markdown", "conversion s", "conversion share", "plugin persists",
                 "cached ms/page", "trope first build s"], rows))


def report_memory(builds: dict[int, dict[str, Build]]) -> None:
    print("\n## 4. Peak memory of the build subprocesses (max RSS)\n")
    rows, previous = [], None
    for n, b in builds.items():
        t, m = b["trope"].peak_mb, b["markdown"].peak_mb
        marginal = ["n/a", "n/a"]
        if previous and None not in (t, m, previous[1], previous[2]):
            dn = n - previous[0]
            marginal = [f"{(m - previous[2]) * 1024 / dn:.1f}", f"{(t - previous[1]) * 1024 / dn:.1f}"]
        rows.append([n, fmt(m, 0), fmt(t, 0), ratio(t, m), *marginal])
        previous = (n, t, m)
    print(table(["N", "Markdown MB", "trope MB", "trope/Markdown", "Markdown KB/extra page",
                 "trope KB/extra page"], rows))
    print("\nTarget: trope/Markdown at most 1.1 at N = 4000.")


def report_render_html(repeat: int = 5) -> None:
    """``render_html`` on the reference corpus, straight vs through Python-Markdown: best of ``repeat`` in CPU time
    of this process, which other processes' load on a shared machine does not inflate as it does wall time."""
    from mkdocs_trope import markdown_html, render_html

    corpus = common.REPO.parent / "shared" / "corpus"
    texts = [path.read_text("utf-8") for path in sorted(corpus.glob("*.trope"))]
    if not texts:
        print(f"\n(render_html throughput skipped: no pages in {corpus})")
        return
    megabytes = sum(len(text.encode()) for text in texts) / 1e6
    rows = []
    for name, render in (("render_html (straight from the tree)", render_html),
                         ("markdown_html (through Python-Markdown)", markdown_html)):
        seconds = float("inf")
        for _ in range(repeat):
            start = time.process_time()
            for text in texts:
                render(text)
            seconds = min(seconds, time.process_time() - start)
        rows.append([name, fmt(seconds, 3), fmt(megabytes / seconds)])
    print(f"\n## 5. render_html on the corpus ({len(texts)} pages, {megabytes:.2f} MB; CPU time, best of {repeat})\n")
    print(table(["path", "s", "MB/s"], rows))
    print("\nTarget: render_html at least 3 MB/s.")


if __name__ == "__main__":
    main()
