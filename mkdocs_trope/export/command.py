"""The ``export`` subcommand of ``mkdocs-trope``: arguments, logging to the terminal, exit status."""

from __future__ import annotations

import argparse
import logging
import sys
from typing import Any

_DESCRIPTION = (
    "Write the wiki in DOCS_DIR as a plain Markdown site in OUT_DIR: OUT_DIR/mkdocs.yml and OUT_DIR/docs/.\n"
    "Trope pages become .md pages with their links, images, folders, spoilers and notes already rendered; the\n"
    "generated navigation and titles go into OUT_DIR/mkdocs.yml. Markdown pages get their wiki links resolved\n"
    "the same way; every other file is copied as it is.\n"
    "The result builds with 'zensical build' or 'mkdocs build', without this plugin. Running the export again\n"
    "rewrites only what changed."
)


def add_export_parser(commands: Any) -> None:
    parser = commands.add_parser(
        "export",
        help="write the wiki as a plain Markdown site (for Zensical, or MkDocs without the plugin)",
        description=_DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("docs_dir", metavar="DOCS_DIR", help="the wiki's docs folder (.trope and other files)")
    parser.add_argument("out_dir", metavar="OUT_DIR", help="where the exported site goes (created if missing)")
    parser.add_argument(
        "-f", "--config", metavar="MKDOCS_YML", help="the wiki's mkdocs.yml: plugin options, theme, extensions ..."
    )
    parser.add_argument("-q", "--quiet", action="store_true", help="print warnings only, no summary")
    parser.add_argument("-v", "--verbose", action="store_true", help="also print notes (links to missing pages ...)")


def run_export(args: argparse.Namespace) -> int:
    from mkdocs.exceptions import MkDocsException

    from . import ExportError, export

    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(levelname)s: %(message)s"))
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    logger.setLevel(logging.INFO if args.verbose else logging.WARNING)
    try:
        result = export(args.docs_dir, args.out_dir, config_file=args.config)
    except (ExportError, MkDocsException, OSError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    finally:
        logger.removeHandler(handler)
    if not args.quiet:
        workers = f", {result.in_workers} of them by worker processes" if result.in_workers else ""
        print(
            f"exported {result.pages} trope pages ({result.converted} converted{workers}) and {result.files} other "
            f"files to {args.out_dir}: {len(result.written)} files written, {len(result.removed)} removed\n"
            f"build it with: cd {args.out_dir} && zensical build (or: mkdocs build)"
        )
    return 0
