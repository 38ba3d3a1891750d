"""``mkdocs-trope check PATH...``: lint trope pages without building a site (and from pre-commit).

A ``.md`` page is checked for what the Markdown extensions read there (wiki links and page-image directives,
outside code); any other file is read as trope markup.

Prints every diagnostic as ``path:line:column: severity: message — how to write it``, then a summary, and exits
with 1 when an error was found (with ``--strict``, also a warning: what makes ``mkdocs build --strict`` fail), 2 on
a usage error or when a path cannot be read, else 0. Which problems are errors is the converter's decision
(:data:`mkdocs_trope.markup.diagnostics.ERROR_CODES`), so the check and a build always agree.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Collection, Iterator, Sequence
from pathlib import Path

from .export.command import add_export_parser, run_export
from .markdown_check import diagnose_markdown
from .markup import Diagnostic, Severity, convert
from .markup.diagnostics import ERROR_CODES
from .markup.source import decode
from .names import PageName

_RANK = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}


def main(argv: Sequence[str] | None = None) -> int:
    """The console script; returns the exit status (argparse's usage errors give 2, ``--help`` 0)."""
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:
        return exit_.code if isinstance(exit_.code, int) else 2
    if args.command == "export":
        return run_export(args)
    if args.command == "wanted":
        return wanted(args.docs)
    if args.command != "check":
        parser.print_help()
        return 2
    fail_on = Severity.WARNING if args.strict else Severity(args.fail_on)
    return check(args.paths, fail_on=fail_on, quiet=args.quiet)


def wanted(docs: str) -> int:
    """Print the wanted pages of the wiki in ``docs``; 2 if it is not a directory."""
    from .wanted import site_model, wanted_lines  # imports MkDocs and Python-Markdown: only for this command

    folder = Path(docs)
    if not folder.is_dir():
        print(f"{docs}: not a directory", file=sys.stderr)
        return 2
    for line in wanted_lines(site_model(folder)):
        print(line)
    return 0


def check(paths: Sequence[str], *, fail_on: Severity = Severity.ERROR, quiet: bool = False) -> int:
    counts: Counter[Severity] = Counter()
    files = 0
    unreadable = False
    checked = list(_trope_files(paths))
    pages = {page_key(path) for path in checked}
    for path in checked:
        try:
            data = path.read_bytes()
        except OSError as error:
            print(f"{path}: error: cannot read: {error.strerror or error}", file=sys.stderr)
            unreadable = True
            continue
        files += 1
        for diagnostic in [*name_problems(path), *diagnose(data, pages, markdown=path.suffix.lower() == ".md")]:
            counts[diagnostic.severity] += 1
            if not (quiet and diagnostic.severity is Severity.INFO):
                print(diagnostic.format(str(path)))
    missing = [name for name in paths if not Path(name).exists()]
    for name in missing:
        print(f"{name}: error: no such file or directory", file=sys.stderr)
    summary = ", ".join(f"{counts[s]} {s.value}{'s' if counts[s] != 1 else ''}" for s in _RANK)
    print(f"checked {files} file{'s' if files != 1 else ''}: {summary}")
    if missing or unreadable:
        return 2
    return 1 if any(count and _RANK[s] >= _RANK[fail_on] for s, count in counts.items()) else 0


def diagnose(data: bytes, pages: Collection[tuple[str, str]] = (), *, markdown: bool = False) -> list[Diagnostic]:
    """All problems of one page's bytes: undecodable bytes first, then the converter's diagnostics (or, for a
    Markdown page, those of what the Markdown extensions read), with those that apply only to pages that exist
    when ``pages`` (keys from :func:`page_key`) holds their page."""
    text, problem = decode(data)
    if markdown:
        found = diagnose_markdown(text)
    else:
        conversion = convert(text)
        found = list(conversion.diagnostics)
        existing = [diagnostic for page, diagnostic in conversion.if_page_exists if page.key in pages]
        if existing:
            found = sorted(found + existing, key=lambda diagnostic: (diagnostic.line, diagnostic.column))
    if problem:
        found.insert(0, problem.diagnostic())
    return found


def page_key(path: Path) -> tuple[str, str]:
    """The case-folded page name a checked file stands for: its folder is its namespace (``Film/Foo.trope``)."""
    return PageName(path.parent.name or None, path.stem).key
HTML_SPECIALS = frozenset("<>&\"'")


def name_problems(path: Path) -> list[Diagnostic]:
    """A page name (from the file name) with characters HTML gives a meaning to: shown as text, but worth a note."""
    found = sorted(set(path.stem) & HTML_SPECIALS)
    if not found:
        return []
    return [
        Diagnostic(
            1,
            1,
            f"the page name holds {' '.join(found)}; it is shown as text in titles, links and the navigation",
            "rename the file if the name was not meant to read that way",
            Severity.INFO,
            "file-name",
        )
    ]


def _trope_files(paths: Sequence[str]) -> Iterator[Path]:
    """Files named on the command line are checked whatever their suffix; directories give their ``.trope`` files."""
    for name in paths:
        path = Path(name)
        if path.is_dir():
            yield from sorted(path.rglob("*.trope"))
        elif path.exists():
            yield path


_EPILOG = (
    "severities:\n"
    "  error    the page certainly renders wrong, or unsafe:\n"
    + "".join(f"             {code}: {why}\n" for code, why in ERROR_CODES.items())
    + "  warning  markup shown as text, dropped or misnested (fails 'mkdocs build --strict')\n"
    "  info     tolerated legacy or unusual markup (never fails)\n"
    "\n"
    "exit status:\n"
    "  0  no errors (with --strict: no warnings either)\n"
    "  1  errors found (with --strict: errors or warnings)\n"
    "  2  usage error, or a path that does not exist or cannot be read\n"
    "\n"
    "pre-commit: use the hook 'trope-check' of this repository (.pre-commit-hooks.yaml)."
)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="mkdocs-trope",
        description="Tools for wikis written in TV Tropes markup.",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    check_parser = commands.add_parser(
        "check",
        help="report markup problems in .trope and .md files",
        description=(
            "Lint .trope files (and the wiki links and page images of .md files) without building a site.\n"
            "Each problem is printed as\n"
            "'path:line:column: severity: message — how to write it', then a one-line summary."
        ),
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    check_parser.add_argument(
        "paths", nargs="+", metavar="PATH", help=".trope or .md files; directories give their .trope files"
    )
    check_parser.add_argument(
        "--strict", action="store_true", help="fail on warnings too, as 'mkdocs build --strict' does"
    )
    check_parser.add_argument(
        "--fail-on",
        choices=[severity.value for severity in _RANK],
        default=Severity.ERROR.value,
        help="lowest severity that makes the exit status 1 (default: error; --strict means warning)",
    )
    check_parser.add_argument("-q", "--quiet", action="store_true", help="do not print info-level notes")
    add_export_parser(commands)
    wanted_parser = commands.add_parser(
        "wanted",
        help="list the pages links ask for that do not exist yet",
        description="List each missing page by how many pages link to it, with those pages: what to write next.",
    )
    wanted_parser.add_argument("docs", metavar="DOCS", help="the docs directory of the wiki")
    return parser


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
