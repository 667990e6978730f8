"""`madoguchi models`: install, list and remove offline translation models (.argosmodel)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from translation import ModelPackageError, ModelStore

from .cli_output import emit_json, fail
from .settings import get_settings

models_app = typer.Typer(help="翻訳モデル（.argosmodel）の管理。ダウンロードはしません。", no_args_is_help=True)


def _store() -> ModelStore:
    return ModelStore(models_dir=get_settings().models_dir)


@models_app.command("install")
def install(
    files: Annotated[list[Path], typer.Argument(help=".argosmodel ファイル（複数可）")],
) -> None:
    """Install model packages from local files (replaces an installed package for the same pair)."""
    store = _store()
    for path in files:
        try:
            model = store.install(path)
        except ModelPackageError as exc:
            fail(f"インストールできません: {exc}")
            return
        typer.echo(f"インストールしました: {model.name} ({model.source} → {model.target}) {store.models_dir}")


@models_app.command("list")
def list_models(as_json: Annotated[bool, typer.Option("--json", help="JSON で出力")] = False) -> None:
    """List installed model packages."""
    models = _store().list()
    if as_json:
        emit_json([{"name": m.name, "source": m.source, "target": m.target, "version": m.version,
                    "size_bytes": m.size_bytes} for m in models])
        return
    if not models:
        typer.echo("翻訳モデルはインストールされていません（定型文と用語集は使えます）。")
    for m in models:
        typer.echo(f"{m.name}\t{m.source} → {m.target}\tv{m.version}\t{m.size_bytes / 1e6:.1f} MB")


@models_app.command("remove")
def remove(names: Annotated[list[str], typer.Argument(help="パッケージ名（translate-ja_en）または ja-en")]) -> None:
    """Remove installed model packages."""
    store = _store()
    for name in names:
        try:
            model = store.remove(name)
        except ModelPackageError as exc:
            fail(f"削除できません: {exc}")
            return
        typer.echo(f"削除しました: {model.name}")
