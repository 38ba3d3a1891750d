"""Every regular expression of the package, and hostile inputs built from each one's own parts.

Why: a backtracking pattern is linear on the text it was written for and quadratic (or worse) on text made of its
own pieces: a long run of what a repeat accepts with the character that would end it missing, a near-miss of a
branch repeated, two repeats' characters alternating. Reading each pattern's parse tree (``re._parser``, the
parser ``re.compile`` itself uses) gives those pieces, so a pattern added tomorrow is tested with no list to
update. Run as ``python -m tests.hostile.regexwork SIZE`` it applies every pattern to every input of ``SIZE``
characters, printing each pattern's name before it starts, so a caller that stops it knows which one hung.
"""

from __future__ import annotations

import importlib
import itertools
import pkgutil
import re
import sys
from collections.abc import Iterator
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]
from typing import Any

import mkdocs_trope

POOL = "a Z0_-=\"'<>[]{}!*#+|:;/.,&%@\\\n\t\u00e9\ue000\ue001\x02\x03"
"""Characters tried where a pattern accepts "anything but ...": one of them is usually what ends a run."""

MAX_INPUTS = 16
"""Inputs per pattern, the most hostile first (runs, then examples cut short): few enough to keep the run short."""


def package_patterns() -> dict[str, re.Pattern[str]]:
    """Every compiled pattern the package's modules hold: module globals, in containers, and on classes."""
    found: dict[str, re.Pattern[str]] = {}
    for info in pkgutil.walk_packages(mkdocs_trope.__path__, "mkdocs_trope."):
        if info.name.endswith("__main__"):  # importing it would run the command line
            continue
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            if isinstance(value, type) and value.__module__ == module.__name__:
                for attribute, member in vars(value).items():
                    _collect(found, f"{info.name}.{name}.{attribute}", member)
            else:
                _collect(found, f"{info.name}.{name}", value)
    from mkdocs_trope.extensions import chunks

    found["mkdocs_trope.extensions.chunks._token(CHUNK)"] = chunks._token(chunks.CHUNK)  # built at run time
    return found


def _collect(found: dict[str, re.Pattern[str]], name: str, value: Any) -> None:
    if isinstance(value, re.Pattern) and isinstance(value.pattern, str):
        found[name] = value
    elif isinstance(value, dict):
        for key, item in value.items():
            if isinstance(item, re.Pattern):
                _collect(found, f"{name}[{key!r}]", item)
    elif isinstance(value, list | tuple | frozenset):
        for index, item in enumerate(value):
            if isinstance(item, re.Pattern):
                _collect(found, f"{name}[{index}]", item)


# ------------------------------------------------------------------------------------------------ inputs


def hostile_inputs(pattern: re.Pattern[str], size: int) -> list[str]:
    """Inputs of ``size`` characters from the pattern's parts: runs, repeated examples and near misses."""
    tree = _parser.parse(pattern.pattern, pattern.flags)
    atoms = list(dict.fromkeys(char for char in _atoms(tree.data) if char))
    examples = list(dict.fromkeys(example for example in _examples(tree.data) if example))
    texts = [_fill(atom, size) for atom in atoms]
    for example in examples:  # an example's start, then a run of its last character: the classic backtracking case
        texts.append(_fill(example[:-1], len(example) - 1) + _fill(example[-1:], size))
    pieces = [*examples, *(example[:-1] for example in examples if len(example) > 1)]
    pieces += [first + second for first, second in itertools.pairwise(atoms)]
    texts += [_fill(piece, size) for piece in pieces]
    return list(dict.fromkeys(text[:size] for text in texts if text))[:MAX_INPUTS]


def _fill(piece: str, size: int) -> str:
    return piece * (size // max(len(piece), 1) + 1) if piece else ""


def _atoms(items: Any) -> Iterator[str]:
    """One character for each thing the pattern can match a character with."""
    for op, arg in items:
        if op is sre.LITERAL:
            yield chr(arg)
        elif op is sre.NOT_LITERAL:
            yield next((c for c in POOL if ord(c) != arg), "a")
        elif op is sre.ANY:
            yield "a"
        elif op is sre.IN:
            yield from _class_members(arg)
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            yield from _atoms(arg[2])
        elif op is sre.SUBPATTERN:
            yield from _atoms(arg[3])
        elif op is sre.ATOMIC_GROUP:
            yield from _atoms(arg)
        elif op is sre.BRANCH:
            for branch in arg[1]:
                yield from _atoms(branch)
        elif op in (sre.ASSERT, sre.ASSERT_NOT):
            yield from _atoms(arg[1])


def _class_members(items: Any) -> Iterator[str]:
    negated = any(op is sre.NEGATE for op, _ in items)
    members = [c for c in POOL if _in_class(c, items)]
    if negated:
        yield from [c for c in POOL if not _in_class(c, items)][:4]
    else:
        yield from members[:4]
        for op, arg in items:
            if op is sre.RANGE:
                yield chr(arg[0])
            elif op is sre.LITERAL:
                yield chr(arg)


def _in_class(char: str, items: Any) -> bool:
    for op, arg in items:
        if op is sre.LITERAL and ord(char) == arg:
            return True
        if op is sre.RANGE and arg[0] <= ord(char) <= arg[1]:
            return True
        if op is sre.CATEGORY:
            test = {
                sre.CATEGORY_DIGIT: str.isdigit, sre.CATEGORY_SPACE: str.isspace,
                sre.CATEGORY_WORD: lambda c: c.isalnum() or c == "_",
            }
            for positive, check in test.items():
                if arg is positive and check(char):
                    return True
    return False


def _examples(items: Any) -> Iterator[str]:
    """A string each (sub)sequence of the pattern matches, or nearly: the first choice everywhere."""
    yield _example(items)
    for op, arg in items:
        if op is sre.BRANCH:
            for branch in arg[1]:
                yield from _examples(branch)
        elif op is sre.SUBPATTERN:
            yield from _examples(arg[3])
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            yield from _examples(arg[2])


def _example(items: Any) -> str:
    out: list[str] = []
    for op, arg in items:
        if op is sre.LITERAL:
            out.append(chr(arg))
        elif op in (sre.NOT_LITERAL, sre.ANY, sre.IN):
            out.append(next(iter(_atoms([(op, arg)])), "a"))
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            out.append(_example(arg[2]) * max(arg[0], 1))
        elif op is sre.SUBPATTERN:
            out.append(_example(arg[3]))
        elif op is sre.ATOMIC_GROUP:
            out.append(_example(arg))
        elif op is sre.BRANCH:
            out.append(_example(arg[1][0]))
    return "".join(out)


def main(size: int) -> None:
    """Apply every pattern to all its inputs: ``subn`` walks the whole text in C, as a search-and-replace does."""
    for name, pattern in sorted(package_patterns().items()):
        inputs = hostile_inputs(pattern, size)
        print(f"{name} {len(inputs)}", flush=True)
        for text in inputs:
            pattern.subn("", text)
    print("done", flush=True)


if __name__ == "__main__":
    main(int(sys.argv[1]))
