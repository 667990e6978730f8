"""Checks that an MT output can be shown to a resident.

Numbers, dates, amounts, phone numbers, URLs and e-mail addresses in the
source must survive; glossary terms must come out as approved; runaway
repetition and outputs far longer than the source are rejected. A failed
guard never silently passes a wrong text: the caller shows the original plus
a note instead.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field

GUARD_NAMES = (
    "numbers",
    "dates",
    "amounts",
    "phones",
    "urls",
    "emails",
    "glossary",
    "repetition",
    "length",
)

_URL = re.compile(r"https?://[^\s<>「」『』()（）、。]+")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE = re.compile(r"(?<![\d-])0\d{1,4}[-(]\d{1,4}[-)]\d{3,4}(?![\d-])|(?<!\d)0\d{9,10}(?!\d)")
_DATE = re.compile(r"(?:\d{4}年)?\d{1,2}月\d{1,2}日|\d{4}[/.-]\d{1,2}[/.-]\d{1,2}|\d{1,2}/\d{1,2}")
_AMOUNT = re.compile(r"[¥￥]\s?\d[\d,]*|\d[\d,]*\s?(?:円|yen)", flags=re.IGNORECASE)
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_REPEAT = re.compile(r"(\S.{0,11}?)(?:\s*\1){3,}")
LENGTH_FACTOR, LENGTH_SLACK = 4, 40

# Words an MT output may use instead of digits (month names in en/es/pt, small English numbers).
_MONTHS = (
    "january february march april may june july august september october november december "
    "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre "
    "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro"
)
_SMALL_NUMBERS = "one two three four five six seven eight nine ten eleven twelve"
_NUMBER_WORDS: dict[str, int] = {
    **{m: i % 12 + 1 for i, m in enumerate(_MONTHS.split())},
    **{m[:3]: i % 12 + 1 for i, m in enumerate(_MONTHS.split()[:12])},
    **{w: i + 1 for i, w in enumerate(_SMALL_NUMBERS.split())},
    "sept": 9,
    "once": 1,
    "twice": 2,
    "single": 1,
    "both": 2,
}


@dataclass(frozen=True)
class GuardResult:
    name: str  # one of GUARD_NAMES
    ok: bool
    items: tuple[str, ...] = ()  # what was lost (or the repeated unit)
    message: str = ""  # for staff, filled from the UI strings by the service


@dataclass(frozen=True)
class GuardReport:
    results: tuple[GuardResult, ...] = field(default_factory=tuple)

    @property
    def ok(self) -> bool:
        return all(r.ok for r in self.results)

    @property
    def failed(self) -> list[GuardResult]:
        return [r for r in self.results if not r.ok]


def check_output(source: str, output: str, *, approved_terms: Iterable[str] = ()) -> GuardReport:
    """Run every guard on an MT ``output`` of ``source``."""
    src, out = _norm(source), _norm(output)
    results = [
        *_entity_guards(src, out),
        _result("glossary", [t for t in approved_terms if t.lower() not in out.lower()]),
        _repetition_guard(src, out),
        _length_guard(src, out),
    ]
    return GuardReport(tuple(results))


def _entity_guards(src: str, out: str) -> list[GuardResult]:
    urls = _URL.findall(src)
    emails = _EMAIL.findall(src)
    rest = _remove(src, [*urls, *emails])
    phones = _PHONE.findall(rest)
    dates = _DATE.findall(_remove(rest, phones))
    amounts = _AMOUNT.findall(_remove(rest, [*phones, *dates]))
    plain = _remove(rest, [*phones, *dates, *amounts])
    out_numbers = _numbers_in(out)
    out_digits = re.sub(r"\D", "", out)
    return [
        _result("numbers", [n for n in _NUMBER.findall(plain) if _value(n) not in out_numbers]),
        _result("dates", [d for d in dates if not _numbers_in(d) <= out_numbers]),
        _result("amounts", [a for a in amounts if not _numbers_in(a) <= out_numbers]),
        _result("phones", [p for p in phones if re.sub(r"\D", "", p) not in out_digits]),
        _result("urls", [u for u in urls if u.rstrip(".").lower() not in out.lower()]),
        _result("emails", [e for e in emails if e.rstrip(".").lower() not in out.lower()]),
    ]


def _repetition_guard(src: str, out: str) -> GuardResult:
    match = _REPEAT.search(out)
    if match and not _REPEAT.search(src):
        return GuardResult("repetition", False, (match.group(1),))
    return GuardResult("repetition", True)


def _result(name: str, missing: list[str]) -> GuardResult:
    return GuardResult(name, not missing, tuple(dict.fromkeys(missing)))


def _norm(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


def _remove(text: str, parts: list[str]) -> str:
    for part in parts:
        text = text.replace(part, " ")
    return text


def _value(number: str) -> str:
    """Canonical form: no thousands separators, no leading zeros ("1,000" == "1000")."""
    cleaned = re.sub(r"(?<=\d),(?=\d{3})", "", number)
    return cleaned.lstrip("0") or "0"


def _numbers_in(text: str) -> set[str]:
    found = {_value(n) for n in _NUMBER.findall(text)}
    for word in re.findall(r"[^\W\d_]+", text.lower()):
        if word in _NUMBER_WORDS:
            found.add(str(_NUMBER_WORDS[word]))
    return found


def _length_guard(src: str, out: str) -> GuardResult:
    too_long = len(out) > LENGTH_FACTOR * len(src) + LENGTH_SLACK
    empty = bool(src.strip()) and not out.strip()
    return GuardResult(
        "length", not (too_long or empty), (str(len(out)),) if too_long or empty else ()
    )
