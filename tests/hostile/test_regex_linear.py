"""Every regular expression in the package runs in linear time on hostile input built from its own parts.

How this is a real test without timing anything: the child process applies each of the package's patterns
(found by walking its modules, see :mod:`.regexwork`) to up to sixteen inputs of half a million characters made of
that pattern's pieces. A linear pattern walks that in milliseconds: the whole run costs about ten seconds of CPU.
A backtracking pattern retries from each of half a million positions, each up to half a million steps long: the
mildest one seen (an unclosed ``&[^;]*;``) needs about a quarter of an hour, the table-attribute pattern this test
was written against (18 s on 16 KB) about a day. The timeout sits between the two, far from both: five minutes.
The verdict cannot flip with machine load short of a thirtyfold slowdown, and a failure names the pattern that did
not finish. (At 1 MB the margin would be wider but the run too long for the suite: ``python -m
tests.hostile.regexwork 1048576`` runs it by hand.)
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from .regexwork import hostile_inputs, package_patterns

SIZE = 1 << 19
TIMEOUT = 300
REPO = Path(__file__).resolve().parents[2]


def test_every_pattern_is_linear_on_its_own_hostile_inputs() -> None:
    command = [sys.executable, "-m", "tests.hostile.regexwork", str(SIZE)]
    try:
        done = subprocess.run(command, cwd=REPO, capture_output=True, text=True, timeout=TIMEOUT, check=False)
        output = done.stdout
    except subprocess.TimeoutExpired as expired:
        output = expired.stdout.decode() if isinstance(expired.stdout, bytes) else expired.stdout or ""
        last = (output.strip().splitlines() or ["(none started)"])[-1]
        raise AssertionError(f"no end after {TIMEOUT} s; running: {last}") from None
    assert done.returncode == 0, done.stderr
    lines = output.strip().splitlines()
    assert lines[-1] == "done"
    assert len(lines) - 1 == len(package_patterns())


def test_the_patterns_are_all_found() -> None:
    names = package_patterns()
    assert len(names) >= 40
    for expected in (
        "mkdocs_trope.markup.blocks._TABLE_ATTRIBUTE",
        "mkdocs_trope.markup.source._SPECIALS[(False, True)]",
        "mkdocs_trope.markup.blocks._TABLE_ATTRIBUTES['width']",
        "mkdocs_trope.config.KEY_NAME",
        "mkdocs_trope.extensions.chunks._token(CHUNK)",
    ):
        assert expected in names


def test_the_inputs_hold_the_shapes_that_make_a_pattern_backtrack() -> None:
    """The generator, checked on patterns known to backtrack: each gets the input that exposes it."""
    size = 1000
    table = hostile_inputs(re.compile(r"([A-Za-z]+)\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s]+)"), size)
    assert "a" * size in table, "a run of the name's letters with no '='"
    assert "-" * size in hostile_inputs(re.compile(r"(-+)>"), size)
    entity = hostile_inputs(re.compile(r"&[^;]*;"), size)
    assert any(text.startswith("&") and ";" not in text for text in entity), "an unclosed reference"
    assert all(len(text) == size for text in table + entity)
