"""Pathological inputs, both stages, with a verdict: is any input too slow or not linear?

Why: ``hostile.py`` times one stage at a time and judges nothing. This script answers, in one table, whether
hostile pages cost what benign ones do: for each input, the time of ``convert()`` and of the whole render
(``render_html``: convert + Python-Markdown with the project's extensions, what a site build pays) at n, 2n and 4n
(n about 1 MB), the worst doubling ratio of each (about 2 is linear, about 4 quadratic), and the time against a
benign 1 MB page of prose. An input is marked ``SLOW`` when a stage takes more than ``--budget`` seconds at n,
``NONLINEAR`` when a doubling ratio exceeds ``--max-ratio``, and ``> 3x prose`` past ``--max-prose``. The inputs,
the child processes and the timeouts are ``hostile.py``'s. It is a benchmark, not a test: it always exits 0, and
its figures are only as steady as the machine (compare rows of one run, not runs on a loaded machine).

Usage: ``python bench/pathological.py [--repeat 1] [--timeout 120] [--only SUBSTRING] [--budget 1]
[--max-ratio 2.2] [--max-prose 3]``
"""

from __future__ import annotations

import argparse
import itertools
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
    "||a run of 1M letters (table attributes)",
    '||a="b x200k (table attributes)',
    "pothole target of 1M '{'",
    "pothole target of '{{a' x330k",
    "'x\\\\' continued lines x250k",
    "'x\\' continued lines x330k",
    "emphasis span over 'a_ ' x330k",
    "emphasis span over '& ' x500k",
    "emphasis span over 'a* ' x330k",
    "bold span over '_a_ ' x250k",
    "one table row of 330k cells",
    "sibling sublists, markers alternating x170k",
    "tiny paragraphs x330k",
    "one table row of 140k escaped cells '||[=a=]'",
    "8 KB front matter + 1 MB prose",
)


def measure(name: str, stage: str, args: argparse.Namespace) -> tuple[list[float | None], str, float | None]:
    """(seconds at n, 2n and 4n; the first error, if any; the larger of the two doubling ratios)."""
    times: list[float | None] = []
    error = ""
    for scale in SCALES:
        result = {"error": "skipped"} if error else hostile.run_child(name, scale, args.repeat, args.timeout, stage)
        times.append(result.get("seconds"))
        if "seconds" not in result and not error:
            error = str(result["error"])
    ratios = [later / earlier for earlier, later in itertools.pairwise(times) if earlier and later]
    return times, error, max(ratios, default=None)


SCALES = (1.0, 2.0, 4.0)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=1, help="runs per input and size, best kept")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds allowed per run")
    parser.add_argument("--only", default="", help="run only inputs whose name contains this ('|' separates several)")
    parser.add_argument("--budget", type=float, default=1.0, help="seconds a stage may take at the nominal size")
    parser.add_argument("--max-ratio", type=float, default=2.2, help="largest acceptable doubling ratio")
    parser.add_argument("--max-prose", type=float, default=3.0, help="largest acceptable time / benign 1 MB page")
    args = parser.parse_args(argv)
    common.load_convert()
    benign = {stage: hostile.run_child(f"prose:{PROSE_BYTES}", 1.0, args.repeat, args.timeout, stage).get("seconds")
              for stage in ("convert", "render")}
    rows = []
    wanted = args.only.split("|")
    for name in (n for n in ISSUE_INPUTS if any(part in n for part in wanted)):
        print(f"<!-- {name} -->", file=sys.stderr, flush=True)
        row: list[str] = [name]
        verdicts: list[str] = []
        for stage in ("convert", "render"):
            times, error, ratio = measure(name, stage, args)
            base = benign[stage]
            versus = times[0] / base if times[0] and base else None
            row += [" / ".join(fmt(t, 3) for t in times), fmt(ratio), fmt(versus)]
            if error:
                verdicts.append(f"{stage}: {error}")
            elif times[0] is not None and times[0] > args.budget:
                verdicts.append(f"{stage} SLOW")
            if ratio is not None and ratio > args.max_ratio:
                verdicts.append(f"{stage} NONLINEAR")
            if versus is not None and versus > args.max_prose:
                verdicts.append(f"{stage} > {args.max_prose:g}x prose")
        row.append("; ".join(verdicts) or "ok")
        rows.append(row)
    print("# Pathological inputs: convert() and render_html() at n / 2n / 4n (n = about 1 MB)\n")
    print(f"Benign 1 MB page (prose): convert {fmt(benign['convert'], 3)} s, render {fmt(benign['render'], 3)} s\n")
    print(table(["input", "convert s (n / 2n / 4n)", "convert worst doubling", "convert / prose",
                 "render s (n / 2n / 4n)", "render worst doubling", "render / prose", "verdict"], rows))


PROSE_BYTES = 1_000_000


if __name__ == "__main__":
    main()
