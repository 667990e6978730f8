"""The `madoguchi` command line."""

from __future__ import annotations

import logging
from typing import Annotated

import typer

from knowledge.engine import FaqDataError, KnowledgeEngine, SearchResult
from knowledge.languages import canonical_language

from .cli_admin import admin_app
from .cli_calibrate import calibrate
from .cli_eval import eval_app
from .cli_faq import faq_app
from .cli_garbage import garbage_app
from .cli_index import index_app, install_embedding
from .cli_models import models_app
from .cli_output import emit_json, fail, report_problems
from .cli_translate import translate
from .settings import get_settings

cli = typer.Typer(help="madoguchi — 市役所の窓口アシスタント", no_args_is_help=True, add_completion=False)
cli.add_typer(faq_app, name="faq")
cli.add_typer(eval_app, name="eval")
eval_app.command()(calibrate)
cli.add_typer(models_app, name="models")
cli.add_typer(garbage_app, name="garbage")
cli.add_typer(index_app, name="index")
cli.add_typer(admin_app, name="admin")
models_app.command("install-embedding")(install_embedding)
cli.command("translate")(translate)


@cli.command()
def ask(
    question: Annotated[str, typer.Argument(help="質問（例: 燃えるごみの日はいつ？）")],
    lang: Annotated[str | None, typer.Option(help="質問の言語コード")] = None,
    k: Annotated[int, typer.Option("-k", "--top", min=1, max=20, help="表示する件数")] = 3,
    as_json: Annotated[bool, typer.Option("--json", help="JSON で出力")] = False,
) -> None:
    """Ask the FAQ engine a question and show its decision and top answers."""
    code = canonical_language(lang) if lang else None
    if lang and code is None:
        fail(f"知らない言語コードです: {lang}", 2)
    try:
        engine = KnowledgeEngine.load(get_settings().data_dir)
    except FaqDataError as exc:
        report_problems(exc.problems)
        fail("FAQ データにエラーがあるため検索できません（madoguchi faq validate で確認できます）")
        return
    result = engine.search(question, lang=code, top_k=k)
    if as_json:
        from .schemas_search import SearchOut

        emit_json(SearchOut.of(result, code or "ja").model_dump())
        return
    _print_result(result, code or "ja")


def _print_result(result: SearchResult, lang: str) -> None:
    labels = {"confident": "回答できます", "ambiguous": "候補があります", "no_answer": "該当する FAQ が見つかりません"}
    typer.echo(f"判定: {result.decision.value}（{labels[result.decision.value]}） 確信度 {result.confidence:.2f}")
    for rank, hit in enumerate(result.hits, start=1):
        text = hit.entry.text_in(lang)
        department = hit.entry.department
        typer.echo(f"\n{rank}. [{hit.score:.3f}] {text.question}  ({hit.entry.id})")
        typer.echo("   " + text.answer.strip().replace("\n", "\n   "))
        typer.echo(f"   担当: {department.name} {department.place} 電話 {department.phone}（{department.hours}）")
        typer.echo(f"   出典: {hit.entry.url}")
    if result.decision.value == "no_answer" and result.suggested_department is not None:
        d = result.suggested_department
        typer.echo(f"\nお問い合わせ: {d.name} 電話 {d.phone}（{d.hours}）")


@cli.command()
def serve(
    host: Annotated[str | None, typer.Option(help="待ち受けアドレス（既定 127.0.0.1）")] = None,
    port: Annotated[int | None, typer.Option(help="ポート（既定 8000 / MADOGUCHI_PORT）")] = None,
) -> None:
    """Serve the app (FastAPI) only."""
    import uvicorn

    settings = get_settings()
    uvicorn.run("app.main:create_app", factory=True, host=host or settings.host, port=port or settings.port,
                log_level=settings.log_level.lower(), access_log=False)


@cli.command()
def run(
    without_rasa: Annotated[bool, typer.Option("--without-rasa", help="Rasa を起動しない")] = False,
) -> None:
    """Start everything `make run` starts: Rasa (when set up) and the app."""
    from .runner import data_dir_exists, run_all

    settings = get_settings()
    if not data_dir_exists(settings.data_dir):
        fail(f"データフォルダ {settings.data_dir}/faq がありません（MADOGUCHI_DATA_DIR を確認してください）", 2)
    run_all(settings, with_rasa=not without_rasa)


# httpx logs every request's full URL at INFO, and Rasa's API takes its token in the query
# string (?token=...): at INFO that would write the secret into the log files.
QUIET_LOGGERS = ("httpx", "httpcore")


def configure_logging(level_name: str) -> None:
    level = getattr(logging, level_name.upper(), logging.INFO)
    logging.basicConfig(level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    for name in QUIET_LOGGERS:
        logging.getLogger(name).setLevel(max(level, logging.WARNING))


def main() -> None:
    configure_logging(get_settings().log_level)
    cli()
