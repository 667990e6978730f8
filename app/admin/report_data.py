"""The reports: numbers from storage, grouped and drawn as SVG, and the same rows as CSV."""

from __future__ import annotations

import csv
import io
from typing import Any

from knowledge.faq_csv import escape_cell
from knowledge.languages import LANGUAGES
from knowledge.question_groups import group_questions
from storage.admin_reports import since_days
from storage.counter import CounterStore

from . import charts
from .services import AdminServices

CHANNELS = {"web": "ホームページ", "line": "LINE", "counter": "窓口タブレット"}
DECISIONS = {"answered": "回答できた", "ambiguous": "候補を提示", "no_answer": "回答できなかった",
             "other": "その他（あいさつ・ごみ案内など）"}
REPORTS = ("unanswered", "bad_answers", "top_questions", "languages", "channels", "answer_rate",
           "counter_languages")
# The counter tablet's counts per resident language: (column title, events summed).
COUNTER_COLUMNS = (("会話", ("start",)),
                   ("訳した発言", ("staff_phrase", "staff_text", "resident_reply", "resident_text")),
                   ("うち機械翻訳", ("mt",)), ("注意の表示", ("guard_warning",)), ("通訳電話", ("interpreter",)))


def _lang_label(code: str) -> str:
    name = LANGUAGES.get(code) if isinstance(LANGUAGES, dict) else None
    return f"{name}（{code}）" if name else code


def report(services: AdminServices, *, days: int) -> dict[str, Any]:
    store, since = services.reports, since_days(days)
    groups = group_questions(store.unanswered_texts(since=since))
    rates = store.answer_rate_by_day(since=since)
    languages = [(_lang_label(code), count) for code, count in store.volumes("lang", since=since)]
    channels = [(CHANNELS.get(name, name), count) for name, count in store.volumes("channel", since=since)]
    decisions = store.decisions(since=since)
    asked = sum(decisions.get(k, 0) for k in ("answered", "ambiguous", "no_answer"))
    entry = services.holder.current.entry if services.holder.ready else (lambda _id: None)
    return {
        "days": days,
        "total": sum(decisions.values()),
        "answer_rate": decisions.get("answered", 0) / asked if asked else None,
        "decisions": [(DECISIONS.get(k, k), v) for k, v in decisions.items()],
        "unanswered": groups[:30],
        "unanswered_chart": charts.bar_chart([(g.representative, g.count) for g in groups[:10]],
                                             title="回答できなかった質問（似た質問をまとめて）"),
        "bad_answers": [(b, entry(b.faq_id)) for b in store.bad_answers(since=since)],
        "top_answers": [(faq_id, count, entry(faq_id)) for faq_id, count in store.top_answers(since=since)],
        "top_questions": store.top_questions(since=since),
        "rate_chart": charts.rate_chart([(r.day.isoformat(), r.rate, r.asked) for r in rates],
                                        title="日ごとの回答率（緑 70%以上・橙 40%以上・赤 それ未満）"),
        "language_chart": charts.bar_chart(languages, title="言語別の質問数"),
        "channel_chart": charts.bar_chart(channels, title="窓口（チャネル）別の質問数"),
        "rates": rates, "languages": languages, "channels": channels,
        "counter": counter_usage(services.counter, days=days),
    }


def counter_usage(store: CounterStore, *, days: int) -> dict[str, Any]:
    """Per language: conversations, translated utterances, MT, guard warnings, interpreter calls."""
    counts = [(_lang_label(lang), [sum(events.get(e, 0) for e in names) for _, names in COUNTER_COLUMNS])
              for lang, events in store.per_language(days=days).items()]
    counts.sort(key=lambda item: (-item[1][0], -item[1][1], item[0]))
    return {"columns": [title for title, _ in COUNTER_COLUMNS],
            "rows": [[label, *numbers] for label, numbers in counts],
            "chart": charts.bar_chart([(label, numbers[0]) for label, numbers in counts],
                                      title="窓口タブレットの会話数（言語別）", unit="回")}


def report_csv(services: AdminServices, name: str, *, days: int) -> bytes:
    data = report(services, days=days)
    header, rows = _rows(name, data)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows([escape_cell(str(cell)) for cell in row] for row in rows)
    return buffer.getvalue().encode("utf-8-sig")


def _rows(name: str, data: dict[str, Any]) -> tuple[list[str], list[list[Any]]]:
    if name == "unanswered":
        return ["質問（代表）", "件数", "似た質問"], [
            [g.representative, g.count, " / ".join(t for t, _ in g.top_examples())] for g in data["unanswered"]]
    if name == "bad_answers":
        return ["FAQ id", "質問", "「役に立たなかった」の数", "コメント"], [
            [b.faq_id, e.question if e else "", b.count, " / ".join(b.comments)] for b, e in data["bad_answers"]]
    if name == "top_questions":
        return ["質問", "件数"], [list(row) for row in data["top_questions"]]
    if name in ("languages", "channels"):
        return ["区分", "件数"], [list(row) for row in data[name]]
    if name == "counter_languages":
        return ["言語", *data["counter"]["columns"]], data["counter"]["rows"]
    if name == "answer_rate":
        return ["日付", "質問数", "回答できた数", "回答率"], [
            [r.day.isoformat(), r.asked, r.answered, f"{r.rate:.1%}"] for r in data["rates"]]
    raise KeyError(name)
