"""The reference pages: the seed page and five real wiki pages the converter is checked against.

They live outside the repository (``../shared`` beside it, for licence reasons), so a plain clone does not have
them. Every test that reads them goes through :func:`reference_text` (or the lists below): without the pages such
a test is skipped with :data:`MISSING`, and the run ends with one note naming the skipped tests and how to get the
pages. Under ``CI=true`` a missing page fails the test instead, so CI always checks against the real pages.
Tests that only need *a* realistic page use :data:`DEMO_SEED`, the demo wiki's copy shipped with the repository.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import NoReturn

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
SEED = SHARED / "seed" / "InterspeciesRomance.trope"
CORPUS = SHARED / "corpus"
DEMO_SEED = REPO / "demo_site" / "docs" / "Main" / "InterspeciesRomance.trope"

MISSING = "needs the reference pages"
HOW_TO_GET = (
    f"Put the reference pages beside the repository, as {SHARED}/seed/InterspeciesRomance.trope and "
    f"{SHARED}/corpus/*.trope, and run the tests again; CI (CI=true) always has them and fails without them."
)
CORPUS_PLACEHOLDER = CORPUS / "corpus-not-found.trope"
"""Stands for the corpus when it is missing, so a test parametrized over it is listed (and skipped) rather than
silently collected with no cases."""


def reference_available() -> bool:
    return SEED.is_file() and CORPUS.is_dir()


def corpus_pages() -> list[Path]:
    """The real wiki pages of the corpus, sorted; one placeholder path when the corpus is not there."""
    pages = sorted(CORPUS.glob("*.trope"))
    return pages or [CORPUS_PLACEHOLDER]


def reference_text(path: Path) -> str:
    """The text of a reference page; skips the calling test without it (fails it under ``CI=true``)."""
    if not path.is_file():
        missing(path)
    return path.read_text(encoding="utf-8")


def missing(path: Path) -> NoReturn:
    reason = f"{MISSING} ({path} not found)"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{reason}; CI must run every test against the reference pages", pytrace=False)
    pytest.skip(reason)
