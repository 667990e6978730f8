"""`madoguchi faq ...`: validate and count the city's FAQ files."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Annotated, Any

import typer

from knowledge.faq_loader import load_faq, validate_paths
from knowledge.languages import LANGUAGES

from .cli_output import emit_json, report_problems
from .settings import get_settings

faq_app = typer.Typer(help="FAQ ファイルの検査と集計 (validate and count FAQ files)", no_args_is_help=True)


@faq_app.command()
def validate(
    paths: Annotated[list[Path] | None, typer.Argument(help="FAQ ファイルまたはフォルダ（省略時は data/faq）")] = None,
) -> None:
    """Check FAQ files; every problem is shown as file:line with how to fix it."""
    data_dir = get_settings().data_dir
    targets = paths or [data_dir / "faq"]
    missing = [p for p in targets if not p.exists()]
    if missing:
        typer.echo(f"見つかりません: {', '.join(map(str, missing))}", err=True)
        raise typer.Exit(2)
    problems = validate_paths(targets, data_dir=_data_dir_for(targets[0], data_dir))
    errors = report_problems(problems)
    warnings = len(problems) - errors
    typer.echo(f"エラー {errors} 件、警告 {warnings} 件", err=errors > 0)
    raise typer.Exit(1 if errors else 0)


def _data_dir_for(path: Path, default: Path) -> Path:
    """The data folder whose departments.yaml applies to ``path``."""
    for candidate in [path, *path.resolve().parents]:
        if (candidate / "departments.yaml").exists():
            return candidate
    return default


@faq_app.command()
def stats(as_json: Annotated[bool, typer.Option("--json", help="JSON で出力")] = False) -> None:
    """Entries, categories and translations per language."""
    report = load_faq(get_settings().data_dir)
    entries = report.faq.entries
    per_lang = Counter(lang for entry in entries for lang in entry.translations)
    data: dict[str, Any] = {
        "entries": len(entries),
        "categories": dict(sorted(Counter(e.category for e in entries).items())),
        "category_count": len({e.category for e in entries}),
        "translations": {lang: per_lang.get(lang, 0) for lang in LANGUAGES if lang != "ja"},
        "departments": len(report.faq.departments),
        "errors": len(report.errors),
    }
    if as_json:
        emit_json(data)
        return
    typer.echo(f"FAQ {data['entries']} 件 / カテゴリ {data['category_count']} / 担当課 {data['departments']}")
    for category, count in data["categories"].items():
        typer.echo(f"  {category}: {count}")
    typer.echo("翻訳: " + ", ".join(f"{k}={v}" for k, v in data["translations"].items()))
