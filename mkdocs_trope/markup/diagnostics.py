"""Diagnostics: what was wrong in a page, where, and how to write it instead."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Severity(StrEnum):
    """How much a problem matters. Errors make ``mkdocs-trope check`` fail; warnings fail ``--strict`` builds."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"


@dataclass(frozen=True)
class Diagnostic:
    """One problem found while converting a page. ``line`` and ``column`` are 1-based source positions."""

    line: int
    column: int
    message: str
    hint: str = ""
    severity: Severity = Severity.WARNING
    code: str = "markup"

    def format(self, path: str = "") -> str:
        """``path:line:col: message (hint)`` — the form editors and pre-commit understand."""
        location = f"{path}:{self.line}:{self.column}" if path else f"{self.line}:{self.column}"
        text = f"{location}: {self.severity.value}: {self.message}"
        return f"{text} — {self.hint}" if self.hint else text


class DiagnosticSink:
    """Collects diagnostics during one conversion; converts logical offsets to source positions."""

    def __init__(self) -> None:
        self.items: list[Diagnostic] = []

    def add(
        self,
        position: tuple[int, int],
        message: str,
        hint: str = "",
        severity: Severity = Severity.WARNING,
        code: str = "markup",
    ) -> None:
        line, column = position
        self.items.append(Diagnostic(line, column, message, hint, severity, code))
