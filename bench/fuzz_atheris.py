"""Coverage-guided fuzzing of the whole pipeline with atheris (optional; not run by pytest).

Why: the hypothesis tests in ``tests/hostile/test_fuzz.py`` sample a grammar we wrote; libFuzzer mutates raw
bytes guided by which branches they reach, so it finds inputs nobody thought to write. Each input goes through
what a site build does with a page: decode the bytes (invalid UTF-8 included), convert, render with
Python-Markdown and the project's extensions. A finding is an exception, or HTML outside the whitelist of
``tests/hostile/htmlsafety.py`` (script, handlers, foreign URL schemes, CSS).

Setup: ``.venv/bin/pip install atheris`` (a wheel for CPython 3.11 on Linux x86-64 exists). Run from the
repository root, for example::

    .venv/bin/python bench/fuzz_atheris.py -max_total_time=300 -max_len=4096 bench/out/fuzz-corpus

Arguments are libFuzzer's. Crashing inputs are written as ``crash-*`` files in the working directory; replay
one with ``.venv/bin/python bench/fuzz_atheris.py crash-...``.
"""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

import atheris  # noqa: E402 - the path above must be set first

with atheris.instrument_imports():
    from bs4 import BeautifulSoup

    from mkdocs_trope import render_html
    from mkdocs_trope.markup import convert
    from mkdocs_trope.markup.source import decode
    from tests.hostile.htmlsafety import problems


def test_one_input(data: bytes) -> None:
    text, _problem = decode(data)
    result = convert(text)
    for diagnostic in result.diagnostics:
        if diagnostic.line < 1 or diagnostic.column < 1:
            raise AssertionError(f"diagnostic without a position: {diagnostic}")
    found = problems(BeautifulSoup(render_html(text), "html.parser"))
    if found:
        raise AssertionError(f"unsafe HTML for {text!r}: {found}")


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
