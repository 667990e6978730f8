"""The counter tablet in Chromium: set phrases, MT with its checks, staff phrases, privacy, print."""

from __future__ import annotations

import re

import pytest
from counter_app import NUMBER_SENTENCE, LiveApp
from counter_page import CounterPage
from playwright.sync_api import Browser, Page, expect

pytestmark = [pytest.mark.e2e, pytest.mark.integration]
GREETING_VI = "Hôm nay anh/chị cần làm thủ tục gì ạ?"


def test_vietnamese_set_phrase_shows_the_human_translation_to_the_resident(
        landscape: Page, plain_app: LiveApp) -> None:
    counter = CounterPage(landscape, plain_app.url).open()
    counter.shot("01-start-landscape")
    counter.choose("vi")
    counter.set_phrase("uketsuke", "uketsuke-001")
    expect(counter.resident_last.locator(".primary")).to_have_text(GREETING_VI)
    expect(counter.resident_last.locator(".badge")).to_have_text("Bản dịch của người")
    expect(counter.staff_last.locator(".primary")).to_have_text("本日はどのようなご用件でしょうか。")
    expect(counter.staff_last.locator(".badge")).to_have_text("定型文（人による翻訳）")
    counter.shot("02-vi-set-phrase")


def test_free_text_with_a_number_shows_translation_back_translation_and_mt_label(
        landscape: Page, mt_app: LiveApp) -> None:
    counter = CounterPage(landscape, mt_app.url).open()
    counter.choose("vi")
    counter.staff_says(NUMBER_SENTENCE)
    resident = counter.resident_last
    expect(resident.locator(".badge")).to_have_text("Dịch máy")
    expect(resident.locator(".primary")).to_contain_text("2")
    expect(resident.locator(".primary")).not_to_have_text(NUMBER_SENTENCE)
    expect(resident.locator(".primary .term")).to_have_text("quầy")  # 窓口, the approved term
    staff = counter.staff_last
    expect(staff.locator(".badge")).to_have_text("機械翻訳（内容を確認してください）")
    expect(staff.locator(".back .back-label")).to_have_text("逆翻訳（確認用）")
    expect(staff.locator(".back")).to_contain_text("窓口")
    expect(staff.locator(".warning")).to_have_count(0)
    counter.shot("03-vi-mt-with-number")


def test_a_number_lost_by_mt_is_stopped_and_explained(landscape: Page, mt_app: LiveApp) -> None:
    counter = CounterPage(landscape, mt_app.url).open()
    counter.choose("pt-BR")
    counter.staff_says(NUMBER_SENTENCE)
    warning = counter.staff_last.locator(".warning")
    expect(warning).to_contain_text("機械翻訳を住民に表示しませんでした")
    expect(warning.locator("li.guard[data-guard='numbers']")).to_have_text("数字が訳文にありません: 2")
    expect(warning.locator(".explain")).to_contain_text("言い換える")
    expect(counter.staff_last.locator(".back")).to_be_visible()  # the staff can see what went wrong
    resident = counter.resident_last
    expect(resident.locator(".primary")).to_have_text(NUMBER_SENTENCE)  # the original, never a wrong text
    expect(resident.locator(".res-note")).to_contain_text("japonês")
    counter.shot("04-pt-guard-warning")


def test_a_registered_staff_phrase_is_there_after_reload_and_on_another_tablet(
        landscape: Page, plain_app: LiveApp, counter_browser: Browser) -> None:
    phrase = "2階の21番窓口で受け付けます。"
    counter = CounterPage(landscape, plain_app.url).open()
    counter.choose("vi")
    landscape.click("#phrases-btn")
    landscape.click(".tab[data-tab='mine']")
    landscape.fill(".register-input", phrase)
    landscape.click(".register button[type=submit]")
    expect(landscape.locator(".phrase-list")).to_contain_text(phrase)
    landscape.reload()
    landscape.click("#phrases-btn")
    landscape.click(".tab[data-tab='mine']")
    expect(landscape.locator(".phrase-list")).to_contain_text(phrase)
    landscape.click(f".phrase:has-text('{phrase}') .phrase-send")
    counter.wait_done()
    expect(counter.staff_last.locator(".primary")).to_have_text(phrase)
    other = counter_browser.new_context(viewport={"width": 1280, "height": 800}).new_page()
    CounterPage(other, plain_app.url).open().choose("en")
    other.click("#phrases-btn")
    other.click(".tab[data-tab='mine']")
    expect(other.locator(".phrase-list")).to_contain_text(phrase)
    other.context.close()


def test_ending_the_conversation_leaves_nothing_on_the_tablet(landscape: Page, plain_app: LiveApp) -> None:
    counter = CounterPage(landscape, plain_app.url).open()
    counter.choose("vi")
    counter.set_phrase("uketsuke", "uketsuke-001")
    counter.resident_replies("replies-001")
    counter.staff_last.locator(".pin").click()
    assert "Vâng." in landscape.evaluate("() => JSON.stringify(sessionStorage)")
    counter.end_conversation()
    assert landscape.evaluate("() => sessionStorage.length") == 0
    for gone in (GREETING_VI, "Vâng.", "本日はどのようなご用件でしょうか。"):
        assert gone not in landscape.content()
    landscape.reload()
    expect(landscape.locator("#start")).to_be_visible()
    expect(landscape.locator("#conversation")).to_be_hidden()
    counter.shot("05-after-end")


def test_print_view_is_a_bilingual_take_home_summary(landscape: Page, plain_app: LiveApp) -> None:
    counter = CounterPage(landscape, plain_app.url).open()
    counter.choose("vi")
    counter.set_phrase("uketsuke", "uketsuke-001")
    landscape.click("#summary-btn")
    bring = landscape.locator(".summary-section[data-section='bring']")
    bring.locator(".summary-input").fill("在留カード")
    bring.locator("button[type=submit]").click()
    expect(bring.locator(".summary-items")).to_contain_text("Thẻ lưu trú")
    where = landscape.locator(".summary-section[data-section='where']")
    where.locator("select").select_option("shimin")
    where.locator("button[type=submit]").click()
    expect(where.locator(".summary-items")).to_contain_text("市民課")
    deadline = landscape.locator(".summary-section[data-section='deadline']")
    deadline.locator("input[type=date]").fill("2026-05-15")
    deadline.locator(".summary-input").fill("在留カード")
    deadline.locator("button[type=submit]").click()
    expect(deadline.locator(".summary-items")).to_contain_text("2026年5月15日")
    counter.shot("06-summary-panel")
    landscape.emulate_media(media="print")
    printed = landscape.locator("#print-summary")
    expect(printed).to_be_visible()
    expect(landscape.locator("#screen")).to_be_hidden()
    for text in ("今日のまとめ", "Tóm tắt hôm nay", "持ってくるもの", "Cần mang theo", "Thẻ lưu trú",
                 "市民課", "012-345-6790"):
        expect(printed).to_contain_text(text)
    expect(printed).to_contain_text(re.compile(r"15 tháng 5"))
    counter.shot("07-print-view", full_page=True)


def test_voice_input_that_the_browser_lacks_is_shown_as_unavailable(
        landscape: Page, plain_app: LiveApp) -> None:
    landscape.add_init_script("delete window.SpeechRecognition; delete window.webkitSpeechRecognition;")
    counter = CounterPage(landscape, plain_app.url).open()
    counter.choose("vi")
    expect(landscape.locator("#resident-mic")).to_be_disabled()
    expect(landscape.locator("#resident-mic .mic-label")).to_have_text(
        "Thiết bị này không dùng được nhập bằng giọng nói")
    expect(landscape.locator("#staff-mic .mic-label")).to_contain_text("音声入力なし")
