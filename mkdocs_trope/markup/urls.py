"""URL safety: which URLs may become links or images, and how they are written into Markdown.

Only ``http``, ``https``, ``ftp`` and ``mailto`` (and scheme-less relative paths) are ever made into links; every
other scheme (``javascript:``, ``data:``, ``vbscript:`` ...) stays text. Characters that Markdown or HTML could read
as syntax are percent-encoded, so a URL can never end its attribute or its Markdown link early.
"""

from __future__ import annotations

import re

ALLOWED_SCHEMES = frozenset({"http", "https", "ftp", "mailto"})
IMAGE_EXTENSIONS = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg")

_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.\-]{0,30}):")
URL_PREFIX = re.compile(r"(?i:https?://|ftp://|mailto:)")
_UNSAFE = re.compile(r"[\x00-\x20\x7f\"'<>\\`()\[\]{}|^]")


def split_scheme(text: str) -> str | None:
    """The lower-cased scheme of an absolute URL, or None for a relative one."""
    match = _SCHEME.match(text)
    return match.group(1).lower() if match else None


def safe_url(text: str) -> str | None:
    """The URL ready for an ``href``/``src``, or None if it must not become a link."""
    scheme = split_scheme(text)
    if scheme is None:
        if text.startswith("//") or ":" in text.split("/", 1)[0]:
            return None
        return _encode(text)
    if scheme not in ALLOWED_SCHEMES:
        return None
    rest = text[len(scheme) + 1 :]
    if scheme != "mailto" and (not rest.startswith("//") or len(rest) <= 2):
        return None
    if scheme == "mailto" and not rest:
        return None
    return _encode(text)


def is_image_url(text: str) -> bool:
    """An absolute http(s)/ftp URL whose path ends in an image extension (any case, spec decision A13)."""
    scheme = split_scheme(text)
    if scheme not in ("http", "https", "ftp") or " " in text:
        return False
    path = text.split("?", 1)[0].split("#", 1)[0].lower()
    return path.endswith(IMAGE_EXTENSIONS)


def _encode(url: str) -> str:
    return _UNSAFE.sub(lambda m: f"%{ord(m.group()):02X}", url)
