"""Problems found in garbage data files, worded for the city staff who fix them."""

from __future__ import annotations

from ..yaml_io import Problem

# One problem type for every data file (FAQ, garbage, ...): file:line, what, how to fix.
Issue = Problem


class GarbageDataError(Exception):
    """Raised by ``GarbageGuide.load`` when the data has errors (not just warnings)."""

    def __init__(self, issues: list[Issue]) -> None:
        errors = [i for i in issues if i.severity == "error"]
        super().__init__("\n".join(str(i) for i in errors[:20]))
        self.issues = issues


def errors_only(issues: list[Issue]) -> list[Issue]:
    return [i for i in issues if i.severity == "error"]
