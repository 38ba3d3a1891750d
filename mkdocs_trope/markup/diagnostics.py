"""Diagnostics: what was wrong in a page, where, and how to write it instead."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Severity(StrEnum):
    """How much a problem matters. Errors make ``mkdocs-trope check`` fail; warnings fail ``--strict`` builds."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"


ERROR_CODES = {
    "unsafe-url": "a link with a refused scheme (javascript:, data: ...): an attack, or a link that cannot work",
    "unclosed-bracket": "'[[' never closed: the page shows raw brackets",
    "orphan-bracket": "']]' that closes nothing: the page shows raw brackets",
    "unclosed-block": "a folder (or quoteblock, index) never closed: the rest of the page falls into it",
    "invalid-utf8": "bytes that are not UTF-8: they are shown as U+FFFD, the text is lost",
}
"""Problems that are errors whoever reports them: the page certainly renders wrong, or unsafe. Everything else is
a warning (or info, for legacy markup and harmless clean-ups). Errors fail ``mkdocs-trope check``; a build still
publishes the page and logs each at the level of its severity (so ``mkdocs build --strict`` fails on errors and
warnings)."""


@dataclass(frozen=True)
class Diagnostic:
    """One problem found while converting a page. ``line`` and ``column`` are 1-based source positions."""

    line: int
    column: int
    message: str
    hint: str = ""
    severity: Severity = Severity.WARNING
    code: str = "markup"

    def format(self, path: str = "", *, severity: bool = True) -> str:
        """``path:line:col: severity: message — hint``, the form editors and pre-commit understand.

        A log line leaves the severity word out (``severity=False``): the log level already says it.
        """
        location = f"{path}:{self.line}:{self.column}" if path else f"{self.line}:{self.column}"
        text = f"{location}: {self.severity.value}: {self.message}" if severity else f"{location}: {self.message}"
        return f"{text} — {self.hint}" if self.hint else text


class DiagnosticSink:
    """Collects diagnostics during one conversion, at most :attr:`LIMIT` of each kind.

    A hostile page can repeat one mistake half a million times; listing each would make the report (and the
    conversion) grow with the attack instead of the page. Past the limit, one summary line counts the rest.
    """

    LIMIT = 200

    def __init__(self) -> None:
        self.items: list[Diagnostic] = []
        self._counts: dict[str, int] = {}
        self._first_dropped: dict[str, Diagnostic] = {}

    def saturated(self, code: str) -> bool:
        """True once ``code`` is past its limit: then only :meth:`add`'s count matters, not the details."""
        return self._counts.get(code, 0) > self.LIMIT

    def finish(self) -> tuple[Diagnostic, ...]:
        """The kept diagnostics in source order, then one summary per kind that was cut short."""
        kept = sorted(self.items, key=lambda d: (d.line, d.column))
        for code, first in self._first_dropped.items():
            dropped = self._counts[code] - self.LIMIT
            kept.append(
                Diagnostic(
                    first.line,
                    first.column,
                    f"{dropped} more problems like '{first.message}' are not listed (from here on)",
                    first.hint,
                    first.severity,
                    code,
                )
            )
        return tuple(kept)

    def add(
        self,
        position: tuple[int, int],
        message: str,
        hint: str = "",
        severity: Severity = Severity.WARNING,
        code: str = "markup",
    ) -> None:
        if code in ERROR_CODES:
            severity = Severity.ERROR
        count = self._counts.get(code, 0) + 1
        self._counts[code] = count
        if count > self.LIMIT + 1:
            return
        if count <= self.LIMIT:
            self.items.append(Diagnostic(position[0], position[1], message, hint, severity, code))
        elif count == self.LIMIT + 1:
            self._first_dropped[code] = Diagnostic(position[0], position[1], message, hint, severity, code)
