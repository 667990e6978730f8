"""Chat replies become valid LINE messages (LINE's limits: 5 messages, 13 quick replies, 20-char labels)."""

from __future__ import annotations

from bot.dialogue.messages import BotMessage, Button
from connectors.line.replies import line_messages


def dumped(messages: list[BotMessage]) -> list[dict[str, object]]:
    return [m.to_dict() for m in line_messages(messages)]


def test_more_than_five_messages_are_joined_into_the_fifth() -> None:
    out = dumped([BotMessage(f"part {n}") for n in range(7)])
    assert [m["text"] for m in out] == ["part 0", "part 1", "part 2", "part 3", "part 4\n\npart 5\n\npart 6"]


def test_buttons_become_quick_replies_on_the_last_message_within_line_limits() -> None:
    buttons = tuple(Button(f"とても長い地区の名前の選択肢その{n}番目です", f'/inform{{"area": "{n}"}}')
                    for n in range(15))
    out = dumped([BotMessage("どれですか？", buttons), BotMessage("（簡易モード）")])
    assert "quickReply" not in out[0]
    items = out[-1]["quickReply"]["items"]  # type: ignore[index]
    assert len(items) == 13
    action = items[0]["action"]
    assert len(action["label"]) == 20 and action["label"].endswith("…")
    assert action["data"] == '/inform{"area": "0"}'
    assert action["displayText"] == buttons[0].title


def test_a_payload_too_long_for_a_postback_is_sent_as_the_buttons_words() -> None:
    out = dumped([BotMessage("選んでください", (Button("住民票", "/x" + "a" * 400),))])
    action = out[0]["quickReply"]["items"][0]["action"]  # type: ignore[index]
    assert action == {"type": "message", "label": "住民票", "text": "住民票"}
