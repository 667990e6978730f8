"""Stored pseudonyms (rate-limit keys, LINE session ids) are keyed with MADOGUCHI_SECRET_KEY, so a
stolen database cannot be hashed back to residents' addresses or LINE ids."""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
from pathlib import Path
from types import SimpleNamespace

from fastapi.testclient import TestClient
from sqlalchemy import select

from app.dialogue_deps import get_chat_service
from app.main import create_app
from app.settings import Settings
from bot.dialogue.messages import BotMessage, ChatReply
from connectors.line.processor import session_for
from connectors.pseudonyms import Pseudonymizer, purpose_key
from storage.rate_limits import RateCounter

RESIDENT = "192.0.2.77"
LINE_USER = "U4af4980629a0b1c2d3e4f5a6b7c8d9e0"


class EchoChat:
    async def handle(self, *, session_id: str, text: str, lang: str | None = None,
                     channel: str = "web") -> ChatReply:
        return ChatReply((BotMessage(text),), lang or "ja", "rasa")


def stored_counter_digests(data_dir: Path, var_dir: Path, secret: str) -> list[str]:
    """The counter table after one chat request from RESIDENT, as a thief would read it."""
    app = create_app(Settings(data_dir=data_dir, var_dir=var_dir, secret_key=secret))
    app.dependency_overrides[get_chat_service] = EchoChat
    with TestClient(app, client=(RESIDENT, 50000)) as client:
        assert client.post("/api/chat", json={"session_id": "s-1", "text": "こんにちは"}).status_code == 200
        with app.state.database.session() as session:
            keys = session.execute(select(RateCounter.key)).scalars().all()
    return [key.rsplit(":", 1)[1] for key in keys]


def guesses(hash_one: object) -> set[str]:
    """What a thief computes: the hash of every address in the resident's /24."""
    network = ipaddress.ip_network("192.0.2.0/24")
    return {hash_one(f"ip\0{address}")[:40] for address in network}  # type: ignore[operator]


def test_stolen_rate_limit_counters_do_not_give_up_addresses_without_the_key(
        mini_data_dir: Path, tmp_path: Path) -> None:
    digests = stored_counter_digests(mini_data_dir, tmp_path, "city-random-secret")
    assert digests and not any(RESIDENT in d for d in digests)
    plain = guesses(lambda text: hashlib.sha256(text.encode()).hexdigest())
    assert not plain & set(digests)  # the last version's unkeyed SHA-256 is reversed by trying all
    key = purpose_key("city-random-secret", "rate-limit")
    keyed = guesses(lambda text: hmac.new(key, text.encode(), hashlib.sha256).hexdigest())
    assert keyed & set(digests)  # with the key it works: the key is what protects the addresses


def test_another_secret_key_gives_other_pseudonyms(mini_data_dir: Path, tmp_path: Path) -> None:
    first = stored_counter_digests(mini_data_dir, tmp_path / "a", "city-random-secret")
    second = stored_counter_digests(mini_data_dir, tmp_path / "b", "another-random-secret")
    assert set(first).isdisjoint(second)


def test_line_session_id_is_a_keyed_pseudonym_of_the_line_user() -> None:
    source = SimpleNamespace(user_id=LINE_USER)
    pseudonyms = Pseudonymizer(secret="city-random-secret", purpose="line-session")
    session_id, target = session_for(source, pseudonyms=pseudonyms)
    assert target == LINE_USER and LINE_USER not in session_id
    assert session_id == session_for(source, pseudonyms=pseudonyms)[0]  # the same resident, the same id
    assert session_id != "line-" + hashlib.sha256(LINE_USER.encode()).hexdigest()[:32]
    other = Pseudonymizer(secret="another-random-secret", purpose="line-session")
    assert session_for(source, pseudonyms=other)[0] != session_id


def test_each_purpose_gets_its_own_pseudonym_for_the_same_value() -> None:
    limits = Pseudonymizer(secret="city-random-secret", purpose="rate-limit")
    line = Pseudonymizer(secret="city-random-secret", purpose="line-session")
    assert limits.digest(LINE_USER) != line.digest(LINE_USER)
