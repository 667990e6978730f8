"""A resident uses the chat widget on the demo city page in a real browser (Chromium)."""

from __future__ import annotations

import re

import pytest
from conftest import screenshot
from playwright.sync_api import Locator, Page, Route, expect

pytestmark = [pytest.mark.e2e, pytest.mark.integration, pytest.mark.slow, pytest.mark.rasa,
              pytest.mark.timeout(300)]
ANSWER_TIMEOUT = 30_000


def open_chat(page: Page) -> None:
    page.get_by_role("button", name="チャットで質問する").click()
    expect(page.get_by_role("dialog")).to_be_visible()


def ask(page: Page, label: str, text: str) -> None:
    page.get_by_label(label).fill(text)
    page.keyboard.press("Enter")


def bot_messages(page: Page) -> Locator:
    return page.locator(".msg.bot .bubble")


def wait_for_answer(page: Page, count_before: int) -> Locator:
    expect(bot_messages(page)).not_to_have_count(count_before, timeout=ANSWER_TIMEOUT)
    expect(page.locator(".send")).to_be_enabled(timeout=ANSWER_TIMEOUT)
    return bot_messages(page).last


def test_resident_asks_the_garbage_day_and_picks_the_area_with_a_button(page: Page) -> None:
    open_chat(page)
    ask(page, "ご質問", "燃えるごみの日は？")
    expect(wait_for_answer(page, 1)).to_contain_text("地区")
    count = bot_messages(page).count()
    ask(page, "ご質問", "さくらだい")
    wait_for_answer(page, count)
    choices = page.get_by_role("group", name="選択肢")
    expect(choices.get_by_role("button", name="桜台二丁目")).to_be_visible()
    count = bot_messages(page).count()
    choices.get_by_role("button", name="桜台二丁目").click()
    answer = wait_for_answer(page, count)
    expect(answer).to_contain_text("桜台二丁目")
    expect(answer).to_contain_text(re.compile(r"燃やすごみ.*\d+月\d+日"))
    expect(page.locator(".msg.user .bubble").last).to_have_text("桜台二丁目")  # the title, not the payload
    expect(page.get_by_role("group", name="選択肢")).to_have_count(0)  # used choices go away
    screenshot(page, "widget-garbage-day-ja")


def test_resident_switches_to_english_and_asks_about_a_residence_certificate(page: Page) -> None:
    open_chat(page)
    page.get_by_label("言語").select_option("en")
    expect(page.get_by_role("dialog")).to_have_attribute("aria-labelledby", "mdg-title")
    expect(page.get_by_role("heading", name="Hikarino City AI Chat")).to_be_visible()
    count = bot_messages(page).count()
    ask(page, "Your question", "How can I get a residence certificate?")
    expect(wait_for_answer(page, count)).to_contain_text("certificate")
    expect(page.locator(".msg.bot").last).to_have_attribute("lang", "en")
    for choice in ("Myself", 0):  # who, then the first way of getting it
        count = bot_messages(page).count()
        group = page.get_by_role("group", name="Choices")
        (group.get_by_role("button", name=choice) if isinstance(choice, str) else group.get_by_role("button").first
         ).click()
        wait_for_answer(page, count)
    conversation = " ".join(bot_messages(page).all_inner_texts())
    assert "300 yen" in conversation or "200 yen" in conversation, conversation
    screenshot(page, "widget-residence-certificate-en")


def test_keyboard_only_resident_can_open_ask_and_close(page: Page) -> None:
    launcher = page.get_by_role("button", name="チャットで質問する")
    for _ in range(40):  # Tab through the city page until the widget's button has focus
        page.keyboard.press("Tab")
        if launcher.evaluate("el => el.getRootNode().activeElement === el"):
            break
    expect(launcher).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.get_by_label("ご質問")).to_be_focused()
    page.keyboard.type("住民票の写しはどこでとれますか")
    page.keyboard.press("Enter")
    wait_for_answer(page, 1)
    inside = page.get_by_role("dialog")
    for _ in range(25):  # focus stays inside the open panel
        page.keyboard.press("Tab")
        assert inside.evaluate("d => d.contains(d.getRootNode().activeElement)")
    screenshot(page, "widget-keyboard-focus")
    page.keyboard.press("Escape")
    expect(inside).to_be_hidden()
    expect(launcher).to_be_focused()
    expect(launcher).to_have_attribute("aria-expanded", "false")


def test_new_messages_are_announced_and_kept_for_the_browser_session(page: Page) -> None:
    open_chat(page)
    log = page.get_by_role("log")
    expect(log).to_have_attribute("aria-live", "polite")
    ask(page, "ご質問", "ありがとう")
    wait_for_answer(page, 1)
    texts = page.locator(".msg .bubble").all_inner_texts()
    page.reload()
    expect(page.get_by_role("dialog")).to_be_visible()  # still open on the next page
    expect(page.locator(".msg .bubble")).to_have_text(texts)


def test_busy_server_and_lost_connection_are_explained(page: Page) -> None:
    def busy(route: Route) -> None:
        route.fulfill(status=429, headers={"Retry-After": "7"}, body='{"detail": "busy"}')

    open_chat(page)
    page.route("**/api/chat", busy)
    ask(page, "ご質問", "燃えるごみの日は？")
    expect(page.get_by_role("alert")).to_contain_text("7秒")
    page.unroute("**/api/chat")
    page.route("**/api/chat", lambda route: route.abort("internetdisconnected"))
    page.get_by_role("button", name="もう一度送る").click(timeout=15_000)
    expect(page.get_by_role("alert")).to_contain_text("接続できませんでした", timeout=15_000)
    page.unroute("**/api/chat")
    page.get_by_role("button", name="もう一度送る").click()
    wait_for_answer(page, 1)
    expect(page.get_by_role("alert")).to_be_hidden()


def test_too_long_question_is_stopped_with_a_clear_message(page: Page) -> None:
    open_chat(page)
    ask(page, "ご質問", "あ" * 1001)
    expect(page.get_by_role("alert")).to_contain_text("1000文字以内")
    expect(page.get_by_label("ご質問")).to_have_attribute("aria-invalid", "true")
    expect(page.locator(".msg.user")).to_have_count(0)


def test_phone_viewport_and_200_percent_text_fit_the_screen(browser_page_phone: Page) -> None:
    page = browser_page_phone
    page.evaluate("document.documentElement.style.fontSize = '200%'")
    open_chat(page)
    panel = page.get_by_role("dialog").bounding_box()
    assert panel is not None and panel["width"] <= 390 and panel["height"] <= 844
    expect(page.get_by_label("ご質問")).to_be_in_viewport()
    expect(page.get_by_role("button", name="送信")).to_be_in_viewport()
    screenshot(page, "widget-phone-200-percent")
