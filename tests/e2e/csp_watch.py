"""Fails a browser test when the page breaks its Content-Security-Policy (app/security_headers.py).

Chromium reports each blocked inline script, handler, style or foreign load on the console.
"""

from __future__ import annotations

from playwright.sync_api import BrowserContext, ConsoleMessage

MARK = "Content Security Policy"


def watch_csp(context: BrowserContext) -> list[str]:
    """The violations every page of ``context`` reports, as they happen."""
    violations: list[str] = []

    def on_console(message: ConsoleMessage) -> None:
        if MARK in message.text:
            violations.append(message.text)

    context.on("console", on_console)
    return violations


def assert_no_csp_violations(violations: list[str]) -> None:
    assert not violations, "the page broke its Content-Security-Policy:\n" + "\n".join(violations)
