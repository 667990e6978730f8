"""Mask personal data before a resident's text leaves the app or is stored.

Phone numbers, My Number (12 digits), e-mail addresses, postal-money-order-like
long digit runs. Rasa, the logs and the feedback store only ever see the masked text.
"""

from __future__ import annotations

import re
import unicodedata

_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"), "[メール]"),
    (re.compile(r"(?<!\d)\d{4}[ -]?\d{4}[ -]?\d{4}(?!\d)"), "[個人番号]"),
    (re.compile(r"(?<!\d)0\d{1,4}[ -]?\d{1,4}[ -]?\d{3,4}(?!\d)"), "[電話番号]"),
    (re.compile(r"\+\d{1,3}[ -]?\d{1,4}[ -]?\d{2,4}[ -]?\d{3,4}"), "[電話番号]"),
    (re.compile(r"(?<!\d)\d{10,}(?!\d)"), "[番号]"),
)


def mask_personal_data(text: str) -> str:
    """Digits are width-normalised first so that ０９０ is masked like 090."""
    masked = _ascii_digits(text)
    for pattern, replacement in _PATTERNS:
        masked = pattern.sub(replacement, masked)
    return masked


def _ascii_digits(text: str) -> str:
    return "".join(
        unicodedata.normalize("NFKC", ch) if ch.isdigit() or ch in "＠－" else ch for ch in text
    )
