"""Turn text into the token streams the lexical index scores (one stream per channel)."""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable
from typing import Any

from sudachipy import Dictionary, SplitMode

from .normalize import fold_kana, normalize, to_hiragana
from .synonyms import Synonyms

# Parts of speech that carry no topic (particles, auxiliaries, symbols, blanks).
_SKIP_POS = {"助詞", "助動詞", "補助記号", "空白", "記号"}
# Words too common in municipal questions to tell entries apart.
_STOP = {"する", "ある", "いる", "なる", "できる", "いう", "思う", "こと", "もの", "ため", "よう",
         "ところ", "どう", "どこ", "いつ", "なに", "何", "です", "ます", "ください", "教える",
         "知る", "為る", "良い", "いい", "たい", "ほしい", "欲しい", "の", "ん", "とき", "時", "方", "場合"}
_LATIN_WORD = re.compile(r"[0-9a-z\u00c0-\u024f\u1e00-\u1eff\u0400-\u04ff]+(?:['’][a-z]+)?")
_CJK_OR_THAI = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\u0e00-\u0e7f\u0900-\u097f]+")
_HANGUL = re.compile(r"[\uac00-\ud7af]+")
_EN_STOP = {"the", "a", "an", "of", "to", "in", "on", "for", "and", "or", "is", "are", "do", "does",
            "i", "my", "me", "can", "how", "what", "when", "where", "it", "be", "with", "at", "you"}


class JapaneseAnalyzer:
    """SudachiPy (dictionary from PyPI) with normalised forms, compounds and their parts."""

    def __init__(self, synonyms: Synonyms | None = None) -> None:
        self._synonyms = synonyms or Synonyms()
        self._dictionary = Dictionary(dict="core")
        self._local = threading.local()  # Sudachi tokenizers are not thread-safe

    def _tokenizer(self) -> Any:
        tokenizer = getattr(self._local, "tokenizer", None)
        if tokenizer is None:
            # SudachiPy 0.7 renamed create() to tokenizer(); accept both.
            make = getattr(self._dictionary, "tokenizer", None) or self._dictionary.create
            tokenizer = make(mode=SplitMode.C)
            self._local.tokenizer = tokenizer
        return tokenizer

    def prepare(self, text: str) -> str:
        return self._synonyms.apply(normalize(text))

    def words_and_reading(self, text: str) -> tuple[list[str], str]:
        """Content words (compound + parts, normalised) and the kana reading of the text."""
        words: list[str] = []
        reading: list[str] = []
        for morpheme in self._tokenizer().tokenize(self.prepare(text)[:4000]):
            pos = morpheme.part_of_speech()[0]
            reading.append(morpheme.reading_form() if pos not in _SKIP_POS else " ")
            if pos in _SKIP_POS:
                continue
            words.extend(self._forms(morpheme))
        return words, to_hiragana("".join(reading))

    def _forms(self, morpheme: Any) -> Iterable[str]:
        form = self._synonyms.canonical_token(normalize(morpheme.normalized_form()))
        if form in _STOP or not form.strip():
            return []
        parts = [self._synonyms.canonical_token(normalize(m.normalized_form()))
                 for m in morpheme.split(SplitMode.A)]
        return [form, *(p for p in parts if p != form and p not in _STOP)]


def char_ngrams(text: str, n: int = 2) -> list[str]:
    """Overlapping character n-grams inside each run of letters (robust to typos and splits)."""
    grams: list[str] = []
    for run in re.split(r"[\s、。,.!?？！「」『』()（）・:：/／]+", text):
        if len(run) < n:
            grams.extend([run] if run else [])
            continue
        grams.extend(run[i:i + n] for i in range(len(run) - n + 1))
    return grams


def kana_bigrams(reading: str) -> list[str]:
    return char_ngrams(reading, 2)


def surface_bigrams(text: str, synonyms: Synonyms) -> list[str]:
    return char_ngrams(fold_kana(synonyms.apply(normalize(text))), 2)


def multilingual_tokens(text: str) -> list[str]:
    """Language-agnostic tokens for translations: words for spaced scripts, bigrams otherwise."""
    text = normalize(text)
    tokens = [_stem(w) for w in _LATIN_WORD.findall(text) if w not in _EN_STOP]
    for run in _CJK_OR_THAI.findall(text):
        tokens.extend(char_ngrams(run, 2))
    for run in _HANGUL.findall(text):
        tokens.extend(char_ngrams(run, 2) if len(run) > 1 else [run])
    return tokens


def _stem(word: str) -> str:
    """A light plural/possessive stem so 'certificates' meets 'certificate'."""
    word = word.replace("’", "'").split("'")[0]
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word
