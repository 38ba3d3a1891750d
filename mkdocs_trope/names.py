"""Page names: the WikiWord rule, namespaces, display spacing and case-folded lookup keys.

Everything here is a pure function of its arguments, written as explicit scans or simple regexes without nested
quantifiers, so it stays linear on hostile input.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

DEFAULT_NAMESPACE = "Main"

TROPERS_NAMESPACE = "Tropers"
"""The namespace of editors' pages; ``@/Name`` is short for ``Tropers/Name``."""

_NAMESPACES = (
    "Main", "Administrivia", "Advertising", "Animation", "Anime", "ARG", "Art", "AudioPlay", "Blog", "Bollywood",
    "ComicBook", "ComicStrip", "Creator", "Film", "Series", "VideoGame", "Literature", "Manga", "Manhua", "Manhwa",
    "LightNovel", "Music", "Myth", "WesternAnimation", "WebAnimation", "Webcomic", "WebVideo", "WebSite",
    "Podcast", "Radio", "TabletopGame", "Theatre", "Toys", "VisualNovel", "Wrestling", "Franchise", "FanFic",
    "LetsPlay", "Roleplay", "Ride", "Misc", "YMMV", "Trivia", "SugarWiki", "UsefulNotes", "Awesome", "Funny",
    "Heartwarming", "Tearjerker", "NightmareFuel", "Quotes", "Recap", "Characters", "WMG", "Headscratchers",
    "JustForFun", "PlayingWith", "Pantheon", "Archive", "Wiki", "Sandbox", "Laconic", "Analysis", "Fridge",
    "Timeline", "ShoutOut", "Tropers",
)
KNOWN_NAMESPACES = frozenset(name.casefold() for name in _NAMESPACES)
"""TV Tropes' namespaces (spec §5.2). A link into one of these is a page of that namespace, never a subpage of a
page that happens to share the name (``Film/TheMatrix`` listed on the subpage ``SomeTrope/Film``)."""

_ASCII_UPPER = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
_ASCII_LOWER_OR_DIGIT = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")
_ASCII_ALNUM = _ASCII_UPPER | _ASCII_LOWER_OR_DIGIT


@dataclass(frozen=True, order=True)
class PageName:
    """A wiki page reference as written: ``namespace`` is None when the author wrote a bare name.

    A bare name means "the current namespace if that page exists, else ``Main``" (spec decision A22); only the
    site-aware resolver can decide that, so the converter keeps the distinction.
    """

    namespace: str | None
    name: str

    @property
    def key(self) -> tuple[str, str]:
        """Case-folded key: TV Tropes resolves page names case-insensitively."""
        return ((self.namespace or DEFAULT_NAMESPACE).casefold(), self.name.casefold())

    def qualified(self, default_namespace: str = DEFAULT_NAMESPACE) -> str:
        return f"{self.namespace or default_namespace}/{self.name}"

    def __str__(self) -> str:
        return f"{self.namespace}/{self.name}" if self.namespace else self.name

    @classmethod
    def parse(cls, text: str) -> PageName:
        """Parse ``Namespace/Name``, ``Namespace.Name`` or ``Name``."""
        for separator in ("/", "."):
            if separator in text:
                namespace, _, name = text.partition(separator)
                return cls(namespace, name)
        return cls(None, text)


def wikiword_end(text: str, start: int) -> int:
    """Return the end of the WikiWord starting at ``start``, or -1 if none starts there.

    The rule is PmWiki's ``[A-Z][A-Za-z0-9]*(?:[A-Z][a-z0-9]|[a-z0-9][A-Z])[A-Za-z0-9]*`` after a word boundary:
    a capital, then somewhere a second "hump" (a capital next to a lowercase letter or digit).
    """
    if start >= len(text) or text[start] not in _ASCII_UPPER:
        return -1
    if not at_word_start(text, start):
        return -1
    end = alnum_run_end(text, start)
    return end if has_hump(text, start, end) else -1


def at_word_start(text: str, start: int) -> bool:
    """True if no letter, digit or underscore precedes ``start`` (any script: ``éFooBar`` is one word)."""
    if start == 0:
        return True
    before = text[start - 1]
    return before != "_" and not before.isalnum()


_ALNUM_RUN = re.compile(r"[A-Za-z0-9]*")
_HUMP = re.compile(r"[A-Z][a-z0-9]|[a-z0-9][A-Z]")


def alnum_run_end(text: str, start: int) -> int:
    """End of the run of ASCII letters and digits beginning at ``start``."""
    match = _ALNUM_RUN.match(text, start)
    return match.end() if match else start


def has_hump(text: str, start: int, end: int) -> bool:
    """True if ``text[start:end]`` (starting with a capital) has the second hump a WikiWord needs."""
    return _HUMP.search(text, start + 1, end) is not None


def is_wikiword(word: str) -> bool:
    return wikiword_end(word, 0) == len(word) and len(word) > 0


def is_page_token(word: str) -> bool:
    """A capitalised alphanumeric name (``Fallout3``): a page name, though not necessarily a WikiWord."""
    return len(word) >= 1 and word[0] in _ASCII_UPPER and alnum_run_end(word, 0) == len(word)


def is_namespace_token(word: str) -> bool:
    """A namespace is a capitalised alphanumeric token of two or more characters (``Film``, ``WMG``)."""
    return len(word) >= 2 and word[0] in _ASCII_UPPER and alnum_run_end(word, 0) == len(word)


_SPACE_LOWER_UPPER = re.compile(r"([a-z0-9])([A-Z])")
_SPACE_TRAILING_DIGITS = re.compile(r"(?<![-0-9])([0-9]+)( |$)")
_SPACE_UPPER_RUN = re.compile(r"([A-Z])([A-Z][a-z0-9])")


@lru_cache(maxsize=1 << 16)
def as_spaced(word: str) -> str:
    """PmWiki's ``AsSpaced``: ``HeroicSacrifice`` → "Heroic Sacrifice", ``TVTropes`` → "TV Tropes".

    Applied exactly (spec decision A7), including its ugly cases (``MP3`` → "MP 3"); custom titles exist to
    override those. Memoised: the same WikiWords recur across a wiki's pages.
    """
    spaced = _SPACE_LOWER_UPPER.sub(r"\1 \2", word)
    spaced = _SPACE_TRAILING_DIGITS.sub(r" \1\2", spaced)
    spaced = _SPACE_UPPER_RUN.sub(r"\1 \2", spaced)
    return spaced.strip()


def free_link_target(words: str, hidden: str = "") -> str:
    """The page a ``{{free link}}`` points at: each word capitalised, separators removed, hidden part appended.

    ``{{half human hybrid}}`` → ``HalfHumanHybrid``; hyphens are kept in the display but never in the target
    (spec decision A17).
    """
    parts = re.split(r"[\s_\-]+", words.strip())
    target = "".join(part[:1].upper() + part[1:] for part in parts if part)
    return target + "".join(ch for ch in hidden if ch in _ASCII_ALNUM)
