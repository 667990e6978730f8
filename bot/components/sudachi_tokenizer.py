"""A Rasa tokenizer that splits Japanese with SudachiPy and everything else sensibly.

Rasa's WhitespaceTokenizer refuses Japanese (it has no spaces between words), and
a resident may write in Japanese, English, Vietnamese, Thai... in one conversation.
Per message: text with kana/kanji goes through Sudachi (which also keeps Latin runs
whole); scripts written without spaces (Thai, Lao, Khmer, Myanmar) are split into
characters; everything else is split on word characters, like WhitespaceTokenizer.
Lemmas are Sudachi's normalized forms with katakana folded to hiragana
(ゴミ/ごみ -> ごみ, 引越し/引っ越し -> 引っ越し) so CountVectors sees one word.
"""

from __future__ import annotations

import re
from typing import Any

from rasa.engine.graph import ExecutionContext
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.tokenizers.tokenizer import Token, Tokenizer
from rasa.shared.nlu.training_data.message import Message

JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff66-\uff9f]")
NO_SPACE_SCRIPTS = re.compile(r"[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff]")
# \w leaves out combining marks (Devanagari vowel signs, decomposed Vietnamese accents),
# which would cut नेपाली into bare consonants.
_LETTERS = r"\w\u0300-\u036f\u0900-\u097f\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff"
WORD = re.compile(rf"[{_LETTERS}]+(?:['’.-][{_LETTERS}]+)*", re.UNICODE)
SKIPPED_POS = {"空白", "補助記号"}


@DefaultV1Recipe.register(
    DefaultV1Recipe.ComponentType.MESSAGE_TOKENIZER, is_trainable=False
)
class SudachiTokenizer(Tokenizer):
    """Japanese-aware tokenizer for multilingual assistants."""

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {
            "intent_tokenization_flag": False,
            "intent_split_symbol": "_",
            "token_pattern": None,
            "prefix_separator_symbol": None,
            # A: short units (better recall for n-gram features); C: named entities whole.
            "split_mode": "C",
        }

    @staticmethod
    def required_packages() -> list[str]:
        return ["sudachipy", "sudachidict_core"]

    def __init__(self, config: dict[str, Any]) -> None:
        super().__init__(config)
        self._sudachi: Any | None = None
        self._mode: Any | None = None

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> SudachiTokenizer:
        return cls(config)

    def _tokenizer(self) -> Any:
        # Loaded lazily: the dictionary is ~70 MB and not picklable.
        if self._sudachi is None:
            from sudachipy import dictionary, tokenizer

            self._sudachi = dictionary.Dictionary(dict="core").create()
            self._mode = getattr(tokenizer.Tokenizer.SplitMode, self._config["split_mode"])
        return self._sudachi

    def tokenize(self, message: Message, attribute: str) -> list[Token]:
        text = message.get(attribute) or ""
        tokens = self._japanese_tokens(text) if JAPANESE.search(text) else _plain_tokens(text)
        return self._apply_token_pattern(tokens)

    def _japanese_tokens(self, text: str) -> list[Token]:
        sudachi = self._tokenizer()
        tokens = []
        for morpheme in sudachi.tokenize(text, self._mode):
            surface = morpheme.surface()
            if not surface.strip() or morpheme.part_of_speech()[0] in SKIPPED_POS:
                continue
            lemma = _hiragana(morpheme.normalized_form().lower())
            tokens.append(Token(surface, morpheme.begin(), lemma=lemma))
        return tokens


def _hiragana(text: str) -> str:
    return "".join(chr(ord(ch) - 0x60) if "ァ" <= ch <= "ヶ" else ch for ch in text)


def _plain_tokens(text: str) -> list[Token]:
    tokens = []
    for match in WORD.finditer(text):
        word, start = match.group(), match.start()
        if NO_SPACE_SCRIPTS.search(word):
            tokens.extend(Token(ch, start + i, lemma=ch) for i, ch in enumerate(word))
        else:
            tokens.append(Token(word, start, lemma=word.lower()))
    return tokens
