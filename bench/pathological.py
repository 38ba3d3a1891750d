"""Pathological inputs, both stages, with a verdict: is any input too slow or not linear?

Why: ``hostile.py`` times one stage at a time and judges nothing. This script answers the question the
"hostile and broken input" issue asks, in one table: for each input named there, the time and MB/s of
``convert()`` and of the whole render (``render_html``: convert + Python-Markdown with the project's extensions,
what a site build pays), and the doubling ratio of each (time at twice the size / time at the size; about 2 is
linear, about 4 quadratic). An input is marked ``SLOW`` when a stage takes more than ``--budget`` seconds and
``NONLINEAR`` when a ratio exceeds ``--max-ratio``. The inputs, the child processes and the timeouts are
``hostile.py``'s. It is a benchmark, not a test: it always exits 0.

Usage: ``python bench/pathological.py [--repeat 1] [--timeout 120] [--only SUBSTRING] [--budget 1] [--max-ratio 3]``
"""

from __future__ import annotations

import argparse
import sys

import common
import hostile
from common import fmt, table

ISSUE_INPUTS = (
    "[[ x500k",
    "]] x500k",
    "'' x500k",
    "''' x300k",
    "{{ x500k",
    "[= x500k",
    "'[[a ' x250k",
    "2000 nested [[note]], closed",
    "2000 nested [[note]], unclosed",
    "2000 nested [[spoiler:, closed",
    "2000 nested [[spoiler:, unclosed",
    "5000 unclosed [[folder:x]] lines",
    "one 200k-char line of mixed markup",
    "list of 5000 levels (* x 1..5000)",
    "100k WikiWords",
)


def measure(name: str, stage: str, args: argparse.Namespace) -> tuple[dict, str, float | None]:
    """(result at the nominal size, doubling ratio as text, ratio as a number)."""
    base = hostile.run_child(name, 1.0, args.repeat, args.timeout, stage)
    if "seconds" not in base:
        return base, "n/a", None
    double = hostile.run_child(name, 2.0, args.repeat, args.timeout, stage)
    if "seconds" not in double:
        return base, str(double["error"]), None
    ratio = double["seconds"] / base["seconds"]
    return base, fmt(ratio), ratio


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=1, help="runs per input and size, best kept")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds allowed per run")
    parser.add_argument("--only", default="", help="run only inputs whose name contains this")
    parser.add_argument("--budget", type=float, default=1.0, help="seconds a stage may take at the nominal size")
    parser.add_argument("--max-ratio", type=float, default=3.0, help="largest acceptable doubling ratio")
    args = parser.parse_args(argv)
    common.load_convert()
    rows = []
    for name in (n for n in ISSUE_INPUTS if args.only in n):
        print(f"<!-- {name} -->", file=sys.stderr, flush=True)
        row: list[str] = [name]
        verdicts: list[str] = []
        size = None
        for stage in ("convert", "render"):
            result, ratio_text, ratio = measure(name, stage, args)
            seconds = result.get("seconds")
            size = result.get("bytes", size)
            megabytes = size / 1e6 if size else None
            row += [fmt(seconds, 3), fmt(megabytes / seconds if seconds and megabytes else None), ratio_text]
            if "error" in result:
                verdicts.append(f"{stage}: {result['error']}")
            elif seconds is not None and seconds > args.budget:
                verdicts.append(f"{stage} SLOW")
            if ratio is not None and ratio > args.max_ratio:
                verdicts.append(f"{stage} NONLINEAR")
        row.insert(1, fmt(size / 1e6 if size else None, 3))
        row.append("; ".join(verdicts) or "ok")
        rows.append(row)
    print("# Pathological inputs: convert() and render_html()\n")
    print(table(["input", "MB", "convert s", "convert MB/s", "convert t(2S)/t(S)", "render s", "render MB/s",
                 "render t(2S)/t(S)", "verdict"], rows))


if __name__ == "__main__":
    main()
