"""Try the LINE connector without a LINE account.

    # 1. a fake Messaging API that logs what the app sends
    python -m connectors.line.devtools fake-api --port 9100
    # 2. the app, pointed at it
    MADOGUCHI_LINE_CHANNEL_SECRET=dev-line-secret MADOGUCHI_LINE_CHANNEL_ACCESS_TOKEN=dev-token \\
    MADOGUCHI_LINE_API_BASE_URL=http://127.0.0.1:9100 make run
    # 3. a signed webhook event, as LINE would send it
    python -m connectors.line.devtools send --secret dev-line-secret 燃えるごみの日は？
"""

from __future__ import annotations

import argparse
import json
import logging
import time

import httpx

from connectors.line.fake_api import FakeLineServer
from connectors.line.sample_events import body_of, follow_event, sign, text_event

logger = logging.getLogger("connectors.line.devtools")


def run_fake_api(port: int) -> None:
    with FakeLineServer(port=port) as server:
        logger.info("fake LINE Messaging API on %s (Ctrl-C stops)", server.url)
        seen = 0
        try:
            while True:
                for sent in server.api.sent[seen:]:
                    logger.info("%s %s\n%s", sent.kind, sent.headers.get("x-line-retry-key", ""),
                                json.dumps(sent.body, ensure_ascii=False, indent=2))
                seen = len(server.api.sent)
                time.sleep(0.2)
        except KeyboardInterrupt:
            return


def send(app_url: str, secret: str, text: str | None, user: str) -> None:
    body = body_of(text_event(user, text) if text else follow_event(user))
    response = httpx.post(f"{app_url.rstrip('/')}/line/webhook", content=body, timeout=10,
                          headers={"X-Line-Signature": sign(body, secret), "Content-Type": "application/json"})
    logger.info("webhook answered %s %s", response.status_code, response.text)


def main(argv: list[str] | None = None) -> None:
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    parser = argparse.ArgumentParser(prog="python -m connectors.line.devtools", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    fake = commands.add_parser("fake-api", help="run a fake LINE Messaging API on 127.0.0.1")
    fake.add_argument("--port", type=int, default=9100)
    event = commands.add_parser("send", help="send a signed webhook event to the app (no text: a follow event)")
    event.add_argument("text", nargs="?")
    event.add_argument("--app", default="http://127.0.0.1:8000")
    event.add_argument("--secret", required=True)
    event.add_argument("--user", default="Udevtools0000000000000000000000000")
    args = parser.parse_args(argv)
    if args.command == "fake-api":
        run_fake_api(args.port)
    else:
        send(args.app, args.secret, args.text, args.user)


if __name__ == "__main__":
    main()
