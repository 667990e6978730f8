"""Why an edit was refused; the admin API turns these into 404 / 409 / 422."""

from __future__ import annotations

from .faq_check import FieldProblem


class EditError(Exception):
    pass


class NotFound(EditError):
    pass


class StaleVersion(EditError):
    """Someone saved the same entry (or file) since this editor opened it."""

    def __init__(self, current_version: str) -> None:
        super().__init__("ほかの人が先に保存しました。最新の内容を読み込み直してから編集してください。")
        self.current_version = current_version


class Rejected(EditError):
    """The change would break the data; nothing was written."""

    def __init__(self, problems: list[FieldProblem]) -> None:
        super().__init__("入力内容に誤りがあります。赤い印の項目を直してください。")
        self.problems = problems
