"""`madoguchi run` logs at INFO without writing Rasa's token (a URL query parameter) to the log."""

from __future__ import annotations

import logging

import httpx
import pytest

from app.cli import configure_logging


def test_request_urls_with_the_rasa_token_stay_out_of_info_logs(caplog: pytest.LogCaptureFixture) -> None:
    configure_logging("info")
    transport = httpx.MockTransport(lambda request: httpx.Response(200, json={"ok": True}))
    with caplog.at_level(logging.INFO), httpx.Client(transport=transport) as client:
        client.get("http://127.0.0.1:5005/status?token=s3cret-token")
        logging.getLogger("app").info("an app message still gets through")
    assert "an app message still gets through" in caplog.text
    assert "s3cret-token" not in caplog.text
