"""``mkdocs-trope check PATH...``: lint trope pages without building a site (and from pre-commit).

Prints every diagnostic as ``path:line:column: severity: message — how to write it``, then a summary, and exits
with 1 when a problem at or above ``--fail-on`` was found (default ``warning``: the problems that make
``mkdocs build --strict`` fail), 2 when a path cannot be read, else 0.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path

from .markup import Diagnostic, Severity, convert
from .markup.source import decode

_RANK = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command != "check":
        parser.print_help()
        return 2
    return check(args.paths, fail_on=Severity(args.fail_on), quiet=args.quiet)


def check(paths: Sequence[str], *, fail_on: Severity = Severity.WARNING, quiet: bool = False) -> int:
    counts: Counter[Severity] = Counter()
    files = 0
    unreadable = False
    for path in _trope_files(paths):
        try:
            data = path.read_bytes()
        except OSError as error:
            print(f"{path}: error: cannot read: {error.strerror or error}", file=sys.stderr)
            unreadable = True
            continue
        files += 1
        for diagnostic in diagnose(data):
            counts[diagnostic.severity] += 1
            if not (quiet and diagnostic.severity is Severity.INFO):
                print(diagnostic.format(str(path)))
    missing = [path for path in paths if not Path(path).exists()]
    for path in missing:
        print(f"{path}: error: no such file or directory", file=sys.stderr)
    summary = ", ".join(f"{counts[s]} {s.value}{'s' if counts[s] != 1 else ''}" for s in _RANK)
    print(f"checked {files} file{'s' if files != 1 else ''}: {summary}")
    if missing or unreadable:
        return 2
    return 1 if any(count and _RANK[s] >= _RANK[fail_on] for s, count in counts.items()) else 0


def diagnose(data: bytes) -> list[Diagnostic]:
    """All problems of one page's bytes: undecodable bytes first, then the converter's diagnostics."""
    text, problem = decode(data)
    found = list(convert(text).diagnostics)
    if problem:
        message = f"invalid UTF-8 at byte offset {problem.offset} (byte 0x{problem.byte:02x})"
        found.insert(0, Diagnostic(problem.line, problem.column, message, "save the file as UTF-8", Severity.ERROR))
    return found


def _trope_files(paths: Sequence[str]) -> Iterator[Path]:
    """Files named on the command line are checked whatever their suffix; directories give their ``.trope`` files."""
    for name in paths:
        path = Path(name)
        if path.is_dir():
            yield from sorted(path.rglob("*.trope"))
        elif path.exists():
            yield path


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="mkdocs-trope",
        description="Tools for wikis written in TV Tropes markup.",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    check_parser = commands.add_parser(
        "check",
        help="report markup problems in .trope files",
        description=(
            "Lint .trope files without building. Severities: 'error' for bytes that are not UTF-8; 'warning' for "
            "markup shown as text or misnested (what fails 'mkdocs build --strict'); 'info' for tolerated legacy "
            "or unusual markup. Exit status: 1 when a problem at or above --fail-on was found, 2 when a path "
            "cannot be read, 0 otherwise."
        ),
    )
    check_parser.add_argument("paths", nargs="+", metavar="PATH", help=".trope files or directories to check")
    check_parser.add_argument(
        "--fail-on",
        choices=[severity.value for severity in _RANK],
        default=Severity.WARNING.value,
        help="lowest severity that makes the exit status 1 (default: warning)",
    )
    check_parser.add_argument("-q", "--quiet", action="store_true", help="do not print info-level notes")
    return parser


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
