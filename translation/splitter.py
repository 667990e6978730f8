"""Offline sentence splitter for MT input.

Argos Translate 1.11 splits sentences with MiniSBD (which downloads an ONNX
model on first use unless the package ships one) or Stanza (which always
fetches a resources file). A city network has no internet, so MT input is
split here instead: Japanese/Chinese full stops, and Latin sentence ends
followed by whitespace, with common abbreviations kept intact.
"""

from __future__ import annotations

import re

# Closing brackets/quotes that belong to the sentence they end.
_CLOSERS = "」』）)】〕\"'”’"
_CJK_END = re.compile(rf"[。．！？!?]+[{re.escape(_CLOSERS)}]*")
_LATIN_END = re.compile(rf"(?<=[.!?])[{re.escape(_CLOSERS)}]*\s+")
_ABBREVIATIONS = frozenset(
    {
        "mr.",
        "mrs.",
        "ms.",
        "dr.",
        "no.",
        "e.g.",
        "i.e.",
        "etc.",
        "st.",
        "vs.",
        "approx.",
        "sr.",
        "jr.",
    }
)
_MAX_CHARS = 400  # longer "sentences" are cut at commas so the model's input stays bounded


def split_sentences(text: str) -> list[str]:
    """Split ``text`` into sentences; newlines always end a sentence."""
    sentences: list[str] = []
    for line in text.splitlines():
        for cjk_part in _split_cjk(line):
            for part in _split_latin(cjk_part):
                sentences.extend(_bound_length(part))
    return [s for s in (s.strip() for s in sentences) if s]


def _split_cjk(line: str) -> list[str]:
    parts, start = [], 0
    for match in _CJK_END.finditer(line):
        if _is_decimal_point(line, match.start()):
            continue
        parts.append(line[start : match.end()])
        start = match.end()
    parts.append(line[start:])
    return parts


def _is_decimal_point(line: str, index: int) -> bool:
    """'1.5' and '012.345' are numbers, not sentence ends."""
    before = line[index - 1 : index]
    after = line[index + 1 : index + 2]
    return before.isdigit() and after.isdigit()


def _split_latin(text: str) -> list[str]:
    parts, start = [], 0
    for match in _LATIN_END.finditer(text):
        last_word = text[start : match.start()].rsplit(maxsplit=1)[-1:]
        if last_word and last_word[0].lower().rstrip(_CLOSERS) in _ABBREVIATIONS:
            continue
        parts.append(text[start : match.end()])
        start = match.end()
    parts.append(text[start:])
    return parts


def _bound_length(sentence: str) -> list[str]:
    if len(sentence) <= _MAX_CHARS:
        return [sentence]
    pieces = re.split(r"(?<=[、，,;；])", sentence)
    out: list[str] = [""]
    for piece in pieces:
        if len(out[-1]) + len(piece) > _MAX_CHARS and out[-1]:
            out.append("")
        out[-1] += piece
    return [chunk[i : i + _MAX_CHARS] for chunk in out for i in range(0, len(chunk), _MAX_CHARS)]
