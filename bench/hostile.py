"""Time ``convert()`` on pathological inputs and check that its cost grows linearly with input size.

Why: wiki text is user input, and a converter with a quadratic (or exponential) corner turns one malformed page
into a build that never finishes. Each input is about 1 MB (unless noted) of one hostile pattern. For each we
print the time, the MB/s, the ratio to plain prose of the same size, and a doubling check: the time at twice
the size divided by the time at the nominal size (about 2 is linear, about 4 quadratic).

Every conversion runs in a child process with a timeout, so a hang, a RecursionError or a MemoryError is
reported as a row instead of stopping the run. Nothing passes or fails: the script always exits 0 once the
converter can be imported.

Usage: ``python bench/hostile.py [--repeat 3] [--timeout 60] [--only SUBSTRING] [--no-doubling]
[--stage convert|render]`` (``bench/pathological.py`` runs both stages and marks what is too slow).
"""

from __future__ import annotations

import argparse
import json
import math
import random
import subprocess
import sys
from collections.abc import Callable
from typing import Any

import common
from common import fmt, table


def _n(base: int, scale: float) -> int:
    return max(1, round(base * scale))


def _mixed_line(chars: int) -> str:
    """One line packed with every inline construct, closed and unclosed, chosen by a seeded RNG."""
    rng = random.Random(7)
    pieces = ["word", "WikiWord", "Film/TheMatrix", "Series/{{Firefly}}", "''em''", "'''bold'''",
              "'''''both'''''", "[[spoiler:hidden [[HeroicSacrifice text]]]]", "[[Pothole display text]]",
              "{{Free Link}}s", "[=escaped [[x]]=]", "[[note]]n[[/note]]", "--", "https://ex.org/a/B.png",
              "[[", "]]", "''", "'''", "{{", "}}", "[-small-]", "[+big+]", "@@code@@", "[[AC:caps]]",
              "[[strike:x]]", "[[labelnote:L]]b[[/labelnote]]", "[=", "=]", "\\\\"]
    out: list[str] = []
    size = 0
    while size < chars:
        piece = rng.choice(pieces)
        out.append(piece)
        size += len(piece) + 1
    return " ".join(out)[:chars]


def _wikiwords(count: int) -> str:
    rng = random.Random(11)
    syllables = ["Ha", "Ro", "Ki", "Mu", "Te", "Za", "Lo", "Ve", "Ni", "Su"]
    words = ["".join(rng.choice(syllables) for _ in range(rng.randint(2, 4))) + "Trope" for _ in range(count)]
    return "\n".join(" ".join(words[i : i + 10]) for i in range(0, count, 10))


# name -> input at a given scale (1 = the nominal size from the brief; 2 doubles the size in bytes)
CASES: dict[str, Callable[[float], str]] = {
    "[[ x500k": lambda s: "[[" * _n(500_000, s),
    "]] x500k": lambda s: "]]" * _n(500_000, s),
    "'' x500k": lambda s: "''" * _n(500_000, s),
    "''' x300k": lambda s: "'''" * _n(300_000, s),
    "{{ x500k": lambda s: "{{" * _n(500_000, s),
    "[= x500k": lambda s: "[=" * _n(500_000, s),
    "'[[a ' x250k": lambda s: "[[a " * _n(250_000, s),
    "5000 unclosed [[folder:x]] lines": lambda s: "[[folder:x]]\n" * _n(5000, s),
    "2000 nested [[note]], unclosed": lambda s: "[[note]]" * _n(2000, s) + "x",
    "2000 nested [[note]], closed": lambda s: "[[note]]" * _n(2000, s) + "x" + "[[/note]]" * _n(2000, s),
    "2000 nested [[spoiler:, unclosed": lambda s: "[[spoiler:" * _n(2000, s) + "x",
    "2000 nested [[spoiler:, closed": lambda s: "[[spoiler:" * _n(2000, s) + "x" + "]]" * _n(2000, s),
    "one 200k-char line of mixed markup": lambda s: _mixed_line(_n(200_000, s)),
    # Levels 1..L hold L*(L+1)/2 asterisks, so L grows by sqrt(scale) to double the *bytes* (12.5 MB at L=5000).
    "list of 5000 levels (* x 1..5000)": lambda s: "\n".join(
        "*" * k + " item" for k in range(1, _n(5000, math.sqrt(s)) + 1)),
    "[[AC: x100k": lambda s: "[[AC:" * _n(100_000, s),
    "-> x200k on one line": lambda s: "->" * _n(200_000, s),
    "100k WikiWords": lambda s: _wikiwords(_n(100_000, s)),
    # Second round of hostile shapes: table lines, potholes, continued lines, and shapes that cost in the render.
    "||a run of 1M letters (table attributes)": lambda s: "||" + "a" * _n(1_000_000, s),
    '||a="b x200k (table attributes)': lambda s: "||" + 'a="b ' * _n(200_000, s),
    "pothole target of 1M '{'": lambda s: "[[Film/" + "{" * _n(1_000_000, s) + " text]]",
    "pothole target of '{{a' x330k": lambda s: "[[Film/" + "{{a" * _n(330_000, s) + " text]]",
    "'x\\\\' continued lines x250k": lambda s: "x\\\\\n" * _n(250_000, s),
    "'x\\' continued lines x330k": lambda s: "x\\\n" * _n(330_000, s),
    "emphasis span over 'a_ ' x330k": lambda s: "''" + "a_ " * _n(330_000, s) + "''",
    "emphasis span over '& ' x500k": lambda s: "''" + "& " * _n(500_000, s) + "''",
    "emphasis span over 'a* ' x330k": lambda s: "''" + "a* " * _n(330_000, s) + "''",
    "bold span over '_a_ ' x250k": lambda s: "'''" + "_a_ " * _n(250_000, s) + "'''",
    "one table row of 330k cells": lambda s: "||" + "a||" * _n(330_000, s),
    "sibling sublists, markers alternating x170k": lambda s: "* top\n" + "".join(
        ("** a\n", "*# b\n", "*+ c\n")[k % 3] for k in range(_n(170_000, s))),
    "tiny paragraphs x330k": lambda s: "a\n\n" * _n(330_000, s),
    "one table row of 140k escaped cells '||[=a=]'": lambda s: "||" + "[=a=]||" * _n(140_000, s),
    "8 KB front matter + 1 MB prose": lambda s: "---\ntitle: " + "x" * 7_900 + "\n---\n" + prose(_n(1_000_000, s)),
}


def prose(size: int) -> str:
    """Plain prose of ``size`` characters in paragraphs: the cost of text with no markup at all."""
    rng = random.Random(3)
    words = ("the", "hero", "finds", "a", "strange", "old", "map", "and", "crew", "sails", "north", "before",
             "winter", "comes", "again")
    out, length = [], 0
    while length < size:
        sentence = " ".join(rng.choice(words) for _ in range(rng.randint(8, 20))).capitalize() + "."
        out.append(sentence + ("\n\n" if rng.random() < 0.2 else " "))
        length += len(out[-1])
    return "".join(out)[:size]


def child(name: str, scale: float, repeat: int, stage: str = "convert") -> None:
    """Runs in the subprocess: build the input, convert (or fully render) it ``repeat`` times, print one JSON line.

    ``stage`` ``render`` times :func:`mkdocs_trope.render_html`: the converter *and* Python-Markdown with the
    project's extensions, which is what a site build pays for the page.
    """
    convert = common.load_convert()
    text = prose(int(name.removeprefix("prose:"))) if name.startswith("prose:") else CASES[name](scale)
    result: dict[str, Any] = {"bytes": len(text.encode("utf-8"))}
    try:
        outputs: list[object] = []
        if stage == "render":
            from mkdocs_trope import render_html

            result["seconds"] = common.best_of(lambda: outputs.append(render_html(text)), repeat)
            outputs.append(convert(text, page="Main/Hostile"))
        else:
            result["seconds"] = common.best_of(lambda: outputs.append(convert(text, page="Main/Hostile")), repeat)
        result["diagnostics"] = len(getattr(outputs[-1], "diagnostics", ()))
    except BaseException as exc:  # RecursionError, MemoryError ... are findings, not crashes of the bench
        result["error"] = f"{type(exc).__name__}: {str(exc)[:80]}"
    print(json.dumps(result))


def run_child(name: str, scale: float, repeat: int, timeout: float, stage: str = "convert") -> dict[str, Any]:
    """Run one case in a fresh interpreter; ``timeout`` is per conversion, so the child gets ``repeat`` times it."""
    cmd = [sys.executable, __file__, "--child", name, str(scale), "--repeat", str(repeat), "--stage", stage]
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout * repeat + 10, check=False)
    except subprocess.TimeoutExpired:
        return {"error": f"timeout (> {timeout:g} s per conversion)"}
    lines = proc.stdout.strip().splitlines()
    if proc.returncode != 0 or not lines:
        last = (proc.stderr.strip().splitlines() or ["no output"])[-1]
        return {"error": f"child exited {proc.returncode}: {last[:80]}"}
    return json.loads(lines[-1])


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs per input, best kept")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds allowed per conversion")
    parser.add_argument("--only", default="", help="run only cases whose name contains this")
    parser.add_argument("--no-doubling", action="store_true", help="skip the 2x-size runs")
    parser.add_argument("--stage", choices=("convert", "render"), default="convert",
                        help="time convert() only, or the whole render (convert + Python-Markdown)")
    parser.add_argument("--child", nargs=2, metavar=("CASE", "SCALE"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child(args.child[0], float(args.child[1]), args.repeat, args.stage)
        return
    common.load_convert()  # fail early, with the message, if the converter is missing

    prose_seconds: dict[int, float | None] = {}
    rows = []
    for name in (n for n in CASES if args.only in n):
        print(f"<!-- {name} -->", file=sys.stderr, flush=True)
        base = run_child(name, 1.0, args.repeat, args.timeout, args.stage)
        size = base.get("bytes") or len(CASES[name](1.0).encode())
        if size not in prose_seconds:
            baseline = run_child(f"prose:{size}", 1.0, args.repeat, args.timeout, args.stage)
            prose_seconds[size] = baseline.get("seconds")
        seconds, plain = base.get("seconds"), prose_seconds[size]
        doubling = "skipped"
        if not args.no_doubling and seconds is not None:
            double = run_child(name, 2.0, args.repeat, args.timeout, args.stage)
            doubling = fmt(double["seconds"] / seconds) if "seconds" in double else str(double["error"])
        rows.append([
            name, f"{size / 1e6:.3f}", fmt(seconds, 3), fmt(size / 1e6 / seconds if seconds else None),
            fmt(plain, 3), fmt(seconds / plain if seconds and plain else None), doubling,
            base.get("diagnostics", "n/a"), base.get("error", ""),
        ])
    print(f"# Hostile inputs for {'convert()' if args.stage == 'convert' else 'render_html()'}\n")
    print(table(["input", "MB", "seconds", "MB/s", "prose s (same size)", "x prose", "t(2S)/t(S)",
                 "diagnostics", "error"], rows))


if __name__ == "__main__":
    main()
