"""A whole counter conversation in three languages, with and without an MT model installed."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from counter_app import LiveApp
from counter_page import CounterPage
from playwright.sync_api import Page, expect

pytestmark = [pytest.mark.e2e, pytest.mark.integration]
PHRASE = ("juminhyo-koseki", "juminhyo-koseki-002")  # 住民票の写しは1通300円です。 (a glossary term)
RESIDENT_TEXT = {"vi": "Tôi muốn hỏi về thuế", "en": "I need help with tax", "pt-BR": "Eu preciso de ajuda"}


def _pack(app: LiveApp, lang: str) -> dict[str, Any]:
    return httpx.get(f"{app.url}/api/counter/languages/{lang}", timeout=10).json()


def _conversation(counter: CounterPage, app: LiveApp, lang: str, *, with_model: bool) -> None:
    pack = _pack(app, lang)
    phrase = next(p for g in pack["genres"] for p in g["phrases"] if p["id"] == PHRASE[1])
    term = next(t for t in pack["terms"] if t["id"] == "juminhyo-no-utsushi")
    page = counter.page
    counter.choose(lang)
    expect(page.locator("#resident-log .welcome")).to_have_text(pack["strings"]["welcome"])

    counter.set_phrase(*PHRASE)  # staff: a set phrase, human translation on the resident side
    expect(counter.resident_last.locator(".primary")).to_have_text(phrase["text"])
    counter.resident_last.locator(".term").first.click()  # the term's explanation, for the resident
    expect(page.locator("#resident-overlay")).to_contain_text(term["explanation"])
    expect(page.locator("#staff-overlay")).to_contain_text("住民票の写し")
    page.locator("#resident-overlay .close").click()

    counter.resident_replies("replies-001")  # resident: a quick reply in their language
    expect(counter.staff_last.locator(".primary")).to_have_text("はい。")

    counter.staff_says("来週の月曜日にもう一度来てください。")  # staff: free Japanese
    if with_model:
        expect(counter.staff_last.locator(".badge.mt")).to_be_visible()  # MT, used or stopped, is labelled
    else:
        expect(counter.resident_last.locator(".res-note")).to_be_visible()
        expect(counter.staff_last.locator(".warning.no-model")).to_contain_text("翻訳モデルがありません")

    counter.resident_says(RESIDENT_TEXT[lang])  # resident: free text in their language
    if with_model:
        expect(counter.staff_last.locator(".badge.mt")).to_be_visible()
    else:
        expect(counter.staff_last.locator(".secondary")).to_contain_text("翻訳できませんでした")
        expect(counter.resident_last.locator(".res-note")).to_have_text(pack["strings"]["not_translated"])

    page.click("#resident-interpreter")  # one touch: the interpreter's number on both halves
    expect(page.locator("#resident-overlay .phone-number")).to_contain_text("012-345-6790")
    expect(page.locator("#staff-overlay .phone-number")).to_contain_text("012-345-6790")
    expect(page.locator("#resident-overlay")).to_contain_text(pack["interpreter"]["hours"])
    page.locator("#staff-overlay .close").click()


@pytest.mark.parametrize("lang", ["vi", "en", "pt-BR"])
def test_whole_conversation_without_a_model(lang: str, landscape: Page, plain_app: LiveApp) -> None:
    counter = CounterPage(landscape, plain_app.url).open()
    _conversation(counter, plain_app, lang, with_model=False)
    counter.shot(f"10-{lang}-no-model-face")
    landscape.click("#mode-btn")
    counter.shot(f"11-{lang}-no-model-side")
    counter.end_conversation()


@pytest.mark.parametrize("lang", ["vi", "en", "pt-BR"])
def test_whole_conversation_with_a_model(lang: str, landscape: Page, mt_app: LiveApp) -> None:
    counter = CounterPage(landscape, mt_app.url).open()
    _conversation(counter, mt_app, lang, with_model=True)
    counter.shot(f"12-{lang}-mt-face")
    counter.end_conversation()


def test_portrait_tablet_shows_both_halves(portrait: Page, plain_app: LiveApp) -> None:
    counter = CounterPage(portrait, plain_app.url).open()
    counter.shot("20-start-portrait")
    _conversation(counter, plain_app, "vi", with_model=False)
    expect(portrait.locator("#resident-half")).to_be_in_viewport()
    expect(portrait.locator("#staff-half")).to_be_in_viewport()
    counter.shot("21-vi-portrait-face")
    portrait.click("#mode-btn")
    counter.shot("22-vi-portrait-side")
