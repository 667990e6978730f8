"""Drives the counter screen like a staff member and a resident would (Playwright, sync API)."""

from __future__ import annotations

from pathlib import Path

from counter_app import ARTIFACTS
from playwright.sync_api import Locator, Page, expect


class CounterPage:
    def __init__(self, page: Page, url: str) -> None:
        self.page, self.url = page, url

    def open(self, counter: str = "shimin") -> CounterPage:
        self.page.goto(f"{self.url}/counter?counter={counter}")
        expect(self.page.locator(".lang-btn").first).to_be_visible()
        return self

    def choose(self, lang: str) -> None:
        self.page.click(f".lang-btn[data-lang='{lang}']")
        expect(self.page.locator("#conversation")).to_be_visible()

    def set_phrase(self, genre: str, phrase_id: str) -> None:
        self.page.click("#phrases-btn")
        self.page.click(f".tab[data-tab='{genre}']")
        self.page.click(f".phrase[data-id='{phrase_id}'] .phrase-send")
        self.wait_done()

    def staff_says(self, text: str) -> None:
        self.page.fill("#staff-input", text)
        self.page.click("#staff-send")
        self.wait_done()

    def resident_says(self, text: str) -> None:
        self.page.fill("#resident-input", text)
        self.page.click("#resident-send")
        self.wait_done()

    def resident_replies(self, phrase_id: str) -> None:
        self.page.click(f"#replies .reply[data-id='{phrase_id}']")
        self.wait_done()

    def wait_done(self) -> None:
        self.page.wait_for_function("() => !document.querySelector('.utt.pending')", timeout=60_000)

    @property
    def staff_last(self) -> Locator:
        return self.page.locator("#staff-log > li.utt").last

    @property
    def resident_last(self) -> Locator:
        return self.page.locator("#resident-log > li.utt").last

    def end_conversation(self) -> None:
        self.page.click("#end-btn")
        self.page.click("#end-btn")  # the second tap confirms
        expect(self.page.locator("#start")).to_be_visible()

    def shot(self, name: str, *, full_page: bool = False) -> Path:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        path = ARTIFACTS / f"{name}.png"
        self.page.screenshot(path=str(path), full_page=full_page)
        return path
