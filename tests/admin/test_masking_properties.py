"""Personal data never reaches storage: My Number, phone numbers and e-mail addresses (hypothesis)."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.dialogue.masking import mask_personal_data
from storage.dialogue import ChatTurn

FULL_WIDTH = str.maketrans("0123456789-", "０１２３４５６７８９－")
# Text around the personal data: Japanese, Latin letters, spaces and punctuation, but no digits
# (digits next to a number make it another, longer number).
words = st.text(alphabet=st.sampled_from(list("あいうえおカキクケコ住民票電話番号はですmynumberTEL:：、。 ")),
                max_size=12)


def _number(parts: list[int], sep: str) -> st.SearchStrategy[str]:
    return st.tuples(*[st.text(alphabet="0123456789", min_size=n, max_size=n) for n in parts]).map(sep.join)


my_number = st.sampled_from(["", " ", "-"]).flatmap(lambda sep: _number([4, 4, 4], sep))
mobile = st.tuples(st.sampled_from(["070", "080", "090"]), _number([4, 4], "-")).map(lambda t: t[0] + "-" + t[1])
landline = st.sampled_from(["-", ""]).flatmap(lambda sep: st.tuples(
    st.sampled_from(["012", "03", "06", "0120"]), _number([3, 4], sep)).map(lambda t: t[0] + sep + t[1]))
email = st.tuples(st.from_regex(r"[a-z][a-z0-9._+-]{0,10}", fullmatch=True),
                  st.from_regex(r"[a-z0-9-]{1,10}\.(jp|com|co\.jp|ne\.jp)", fullmatch=True)).map("@".join)
personal = st.one_of(my_number, mobile, landline, email)


def _digits_of(text: str) -> str:
    return re.sub(r"\D", "", text)


@given(before=words, secret=personal, after=words, wide=st.booleans())
@settings(max_examples=300, deadline=None)
def test_masked_text_never_contains_the_personal_data(before: str, secret: str, after: str, wide: bool) -> None:
    typed = secret.translate(FULL_WIDTH) if wide else secret  # residents type full-width digits too
    masked = mask_personal_data(f"{before}{typed}{after}")
    assert secret not in masked and typed not in masked
    if "@" in secret:
        assert "[メール]" in masked
    else:
        assert _digits_of(secret) not in _digits_of(masked)


@given(text=words)
@settings(max_examples=100, deadline=None)
def test_text_without_personal_data_is_kept(text: str) -> None:
    assert mask_personal_data(text) == text


@given(secret=personal)
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_chat_turns_are_stored_masked(client: TestClient, secret: str) -> None:
    client.post("/api/chat", json={"session_id": "mask-test", "text": f"住民票について {secret} です"})
    with client.app.state.database.session() as session:  # type: ignore[attr-defined]
        stored = [turn.user_text for turn in session.query(ChatTurn).all()]
    assert stored and all(secret not in text for text in stored)
