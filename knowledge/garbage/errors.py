"""Problems found in garbage data files, worded for the city staff who fix them."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Issue:
    """One thing wrong in a data file: where, what, and how to fix it."""

    path: str
    line: int
    message: str
    hint: str = ""
    severity: str = "error"  # "error" makes loading fail; "warning" is reported only

    def __str__(self) -> str:
        text = f"{self.path}:{self.line}: {self.severity}: {self.message}"
        return f"{text}（{self.hint}）" if self.hint else text


class GarbageDataError(Exception):
    """Raised by ``GarbageGuide.load`` when the data has errors (not just warnings)."""

    def __init__(self, issues: list[Issue]) -> None:
        errors = [i for i in issues if i.severity == "error"]
        super().__init__("\n".join(str(i) for i in errors[:20]))
        self.issues = issues


def errors_only(issues: list[Issue]) -> list[Issue]:
    return [i for i in issues if i.severity == "error"]
