"""A fake LINE Messaging API on 127.0.0.1: records every request, answers as scripted.

Shipped beside the connector (not only in tests) so a developer can watch `make run` answer
LINE without a LINE account: `python -m connectors.line.devtools --help`.
"""

from __future__ import annotations

import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Sent:
    path: str
    headers: dict[str, str]
    body: dict[str, Any]

    @property
    def kind(self) -> str:
        return self.path.rsplit("/", 1)[-1]  # "reply" or "push"

    @property
    def texts(self) -> list[str]:
        return [m["text"] for m in self.body["messages"]]

    def quick_replies(self) -> list[dict[str, Any]]:
        last = self.body["messages"][-1]
        return [item["action"] for item in (last.get("quickReply") or {}).get("items", [])]


@dataclass
class FakeLineApi:
    """`script[kind]` holds (status, headers) answers used in order, then 200."""

    sent: list[Sent] = field(default_factory=list)
    script: dict[str, list[tuple[int, dict[str, str]]]] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def answer(self, kind: str) -> tuple[int, dict[str, str]]:
        with self.lock:
            queue = self.script.get(kind) or []
            return queue.pop(0) if queue else (200, {})

    def record(self, sent: Sent) -> None:
        with self.lock:
            self.sent.append(sent)

    def wait_for(self, count: int, *, timeout_s: float = 10.0) -> list[Sent]:
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            with self.lock:
                if len(self.sent) >= count:
                    return list(self.sent)
            time.sleep(0.02)
        raise AssertionError(f"expected {count} requests to the LINE API, got {len(self.sent)}: {self.sent}")

    def delivered(self) -> list[Sent]:
        """Requests that LINE would have accepted (status 200)."""
        return [s for s in self.sent if s.headers.get("x-fake-status") == "200"]


def _response_body(sent: Sent, status: int) -> dict[str, Any]:
    if status != 200:
        return {"message": "scripted error"}
    count = len(sent.body.get("messages") or [])
    return {"sentMessages": [{"id": str(100000 + n), "quoteToken": f"q{n}"} for n in range(count)]}


def _handler(api: FakeLineApi) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = json.loads(self.rfile.read(length) or b"{}")
            headers = {k.lower(): v for k, v in self.headers.items()}
            sent = Sent(self.path, headers, body)
            status, extra = api.answer(sent.kind)
            sent.headers["x-fake-status"] = str(status)
            api.record(sent)
            payload = json.dumps(_response_body(sent, status)).encode()
            self.send_response(status)
            for name, value in {"Content-Type": "application/json", **extra}.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        def log_message(self, format: str, *args: Any) -> None:  # keep test output quiet
            return

    return Handler


class FakeLineServer:
    def __init__(self, *, port: int = 0) -> None:
        self.api = FakeLineApi()
        self._server = ThreadingHTTPServer(("127.0.0.1", port), _handler(self.api))
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def __enter__(self) -> FakeLineServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()
