"""`madoguchi translate`: translate one text the way the counter screen does."""

from __future__ import annotations

from typing import Annotated

import typer

from knowledge.languages import canonical_language
from translation import TranslationResult

from .cli_output import emit_json, fail
from .settings import get_settings
from .translation_deps import service_from_settings

_ORIGINS = {"phrasebook": "定型文（人による翻訳）", "glossary": "用語集", "mt": "機械翻訳", "none": "翻訳なし"}


def translate(
    text: Annotated[str, typer.Argument(help="訳す文（例: 住民票の写しを2通ください）")],
    to: Annotated[str, typer.Option("--to", help="訳す先の言語コード (en, vi, zh-Hans, ...)")],
    source: Annotated[str | None, typer.Option("--from", help="原文の言語（省略時は自動判定）")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="JSON で出力")] = False,
) -> None:
    """Translate a text: phrasebook, glossary, then offline MT with guards and back-translation."""
    target = canonical_language(to)
    src = canonical_language(source) if source else None
    if target is None or (source and src is None):
        fail(f"知らない言語コードです: {to if target is None else source}", 2)
        return
    result = service_from_settings(get_settings()).translate(text, target=target, source=src)
    if as_json:
        emit_json(result.to_dict())
        return
    _print(result)


def _print(result: TranslationResult) -> None:
    typer.echo(result.text)
    typer.echo(f"  出所: {_ORIGINS[result.origin]}  ({result.source} → {result.target})")
    if result.label:
        typer.echo(f"  表示ラベル: {result.label}")
    if result.back_translation:
        typer.echo(f"  逆翻訳: {result.back_translation}")
    if result.rejected_translation:
        typer.echo(f"  採用しなかった機械翻訳: {result.rejected_translation}")
    for term in result.terms:
        typer.echo(f"  用語: {term.ja} → {term.term or '-'}（{term.explanation or ''}）")
    for line in (result.note, *result.staff_notes):
        if line:
            typer.echo(f"  注意: {line}")
