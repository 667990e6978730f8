"""data/bot_messages.yaml: the chatbot's own sentences exist in every chat language.

A resident who picked Vietnamese or Nepali must not get the bot's questions, buttons and
framing in English or Japanese by fallback. Every translation keeps exactly the ``{…}``
placeholders of the Japanese text (they are filled at run time: a lost ``{phone}`` drops the
phone number, a misspelt one shows as ``{phon}``), and city terms use data/glossary.yaml.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from string import Formatter
from typing import Any

import pytest
from ruamel.yaml import YAML

from .test_glossary_phrasebook import Term, mismatches

LANGUAGES = ("ja", "ja-easy", "en", "zh-Hans", "zh-Hant", "ko", "vi", "pt-BR", "es", "tl", "ne", "id", "th")
# The code fills {month_name} (the English month name) alongside {month}; either one shows the month.
SAME_VALUE = {"month_name": "month"}

Messages = dict[str, dict[str, Any]]


def placeholders(text: str) -> Counter[str]:
    fields = (field for _, field, _, _ in Formatter().parse(text) if field is not None)
    return Counter(SAME_VALUE.get(field, field) for field in fields)


def placeholder_problems(messages: Messages) -> list[str]:
    return [f"{key} {lang}: {dict(placeholders(str(text)))} (ja: {dict(placeholders(str(texts['ja'])))})"
            for key, texts in messages.items() for lang, text in texts.items()
            if placeholders(str(text)) != placeholders(str(texts["ja"]))]


def missing_languages(messages: Messages) -> list[str]:
    problems = [f"{key} {lang}: {texts.get(lang)!r}" for key, texts in messages.items() for lang in LANGUAGES
                if not (isinstance(texts.get(lang), str) and texts[lang].strip())]
    # A misspelt code ("pt-br", "zh-TW") would never be picked for anyone.
    return problems + [f"{key} {code}: not a language code" for key, texts in messages.items()
                       for code in texts if code not in LANGUAGES]


@pytest.fixture(scope="module")
def messages(repo_data_dir: Path) -> Messages:
    doc = YAML(typ="safe").load((repo_data_dir / "bot_messages.yaml").read_text(encoding="utf-8"))
    return dict(doc["messages"])


def test_a_lost_renamed_or_doubled_placeholder_is_reported() -> None:
    sample = {"faq_source": {"ja": "詳しくは：{url}", "en": "Details: {link}", "vi": "Chi tiết"},
              "month_label": {"ja": "{month}月", "en": "{month_name}", "ko": "{month}월 {month}"}}
    assert placeholder_problems(sample) == [
        "faq_source en: {'link': 1} (ja: {'url': 1})", "faq_source vi: {} (ja: {'url': 1})",
        "month_label ko: {'month': 2} (ja: {'month': 1})"]


def test_a_missing_or_misspelt_language_is_reported() -> None:
    sample = {"ask_area": {code: "x" for code in LANGUAGES if code != "th"} | {"pt-br": "x", "ne": " "}}
    assert missing_languages(sample) == ["ask_area ne: ' '", "ask_area th: None", "ask_area pt-br: not a language code"]


def test_every_bot_message_is_in_every_chat_language(messages: Messages) -> None:
    assert len(messages) >= 60
    problems = missing_languages(messages)
    assert problems == [], "\n".join(problems)


def test_every_translation_keeps_the_placeholders_of_the_japanese(messages: Messages) -> None:
    problems = placeholder_problems(messages)
    assert problems == [], "\n".join(problems)


def test_every_language_names_all_seven_weekdays(messages: Messages) -> None:
    # format_date needs Monday..Sunday as 7 words, or dates lose their weekday.
    short = {lang: text for lang, text in messages["weekdays"].items() if len(str(text).split()) != 7}
    assert short == {}


def test_every_language_names_all_twelve_months(messages: Messages) -> None:
    # month_name needs January..December as 12 words, or it falls back to English.
    short = {lang: text for lang, text in messages["month_names"].items() if len(str(text).split()) != 12}
    assert short == {}


def test_bot_messages_use_approved_glossary_terms(messages: Messages, repo_data_dir: Path) -> None:
    glossary = YAML(typ="safe").load((repo_data_dir / "glossary.yaml").read_text(encoding="utf-8"))
    terms: list[Term] = list(glossary["terms"])
    problems = [problem for key, texts in messages.items()
                for problem in mismatches({"id": key, "ja": texts["ja"],
                                           "translations": {k: v for k, v in texts.items() if k != "ja"}}, terms)]
    assert problems == [], "\n".join(problems)
