"""Certificate guide answers from data/certificates.yaml and the departments' data."""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping, Sequence
from typing import Any

from bot.dialogue.context import DialogueContext
from bot.dialogue.localized import pick

# Words residents use for each choice, when the button was not used.
REQUESTER_WORDS = {
    "self": ("本人", "自分", "私", "わたし", "myself", "me", "self", "mine"),
    "family": ("家族", "世帯", "妻", "夫", "親", "父", "母", "子", "息子", "娘", "family",
               "wife", "husband", "parent", "mother", "father", "child", "son", "daughter"),
    "proxy": ("代理", "委任", "友人", "知人", "頼まれ", "proxy", "attorney", "friend", "someone else"),
}
METHOD_WORDS = {
    "counter": ("窓口", "市役所", "役所", "行きます", "counter", "city hall", "in person"),
    "konbini": ("コンビニ", "こんびに", "convenience", "konbini", "store"),
    "mail": ("郵送", "郵便", "mail", "post"),
}


def _norm(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold().strip()


def find(data: Mapping[str, Any], text: str) -> dict[str, Any] | None:
    """The certificate whose id or an alias occurs in ``text`` (longest alias wins)."""
    wanted = _norm(text)
    best: tuple[int, dict[str, Any]] | None = None
    for cert in data.get("certificates", []):
        for alias in [cert["id"], *cert.get("aliases", [])]:
            if _norm(alias) and _norm(alias) in wanted and (best is None or len(alias) > best[0]):
                best = (len(alias), cert)
    return best[1] if best else None


def normalize_choice(text: str, choices: Sequence[str],
                     words: Mapping[str, Sequence[str]]) -> str | None:
    wanted = _norm(text)
    if wanted in choices:
        return wanted
    for choice in choices:
        if any(_norm(word) in wanted for word in words[choice]):
            return choice
    return None


def answer(ctx: DialogueContext, *, certificate: str, requester: str, method: str,
           lang: str) -> str:
    cert = find(ctx.certificates, certificate) or {}
    department = ctx.engine().faq.departments.get(str(cert.get("department")))
    method_name = ctx.catalog.text(f"method_{method}", lang)
    lines = [ctx.catalog.text("certificate_header", lang, name=pick(cert.get("name"), lang),
                              method=method_name)]
    if method not in cert.get("methods", []):
        lines.append(ctx.catalog.text("certificate_method_unavailable", lang, method=method_name))
        method = "counter"
    bring = pick(ctx.certificates.get("bring", {}).get(method, {}).get(requester, {}), lang)
    lines.append(ctx.catalog.text("certificate_bring", lang, items=_join(bring, lang)))
    lines.append(ctx.catalog.text("certificate_fee", lang, fee=pick(cert.get("fee"), lang)))
    lines.extend(_where_and_when(ctx, department, method, lang))
    if requester != "self":
        lines.append(ctx.catalog.text("certificate_proxy", lang,
                                      rule=pick(cert.get("proxy_rule"), lang)))
    return "\n".join(lines)


def _where_and_when(ctx: DialogueContext, department: Any, method: str, lang: str) -> list[str]:
    lines = []
    if department is not None and method != "konbini":
        lines.append(ctx.catalog.text(
            "certificate_where", lang, place=department.localized(lang, "place"),
            name=department.localized(lang, "name"), phone=department.phone))
    hours = ctx.certificates.get("method_hours", {}).get(method)
    if hours is not None:
        lines.append(ctx.catalog.text("certificate_hours", lang, hours=pick(hours, lang)))
    elif department is not None:
        lines.append(ctx.catalog.text("certificate_hours", lang,
                                      hours=department.localized(lang, "hours")))
    return lines


def _join(items: Any, lang: str) -> str:
    if isinstance(items, str):
        return items
    return ("、" if lang in ("ja", "ja-easy") else ", ").join(str(i) for i in items or [])
