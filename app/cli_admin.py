"""`madoguchi admin ...`: users, CSV import/export and the retention purge, from the terminal."""

from __future__ import annotations

import getpass
import sys
from pathlib import Path
from typing import Annotated

import typer

from knowledge.editing.errors import Rejected
from knowledge.editing.writer import KnowledgeWriter
from knowledge.faq_csv import apply_import, export_csv, plan_import
from storage.admin import ROLES, AdminStore, RevisionStore
from storage.db import Database
from storage.retention import purge_older_than

from .cli_output import fail
from .settings import get_settings

admin_app = typer.Typer(help="管理: ユーザー、CSV の取り込み・書き出し、古い記録の削除", no_args_is_help=True)


def _database() -> Database:
    settings = get_settings()
    settings.var_dir.mkdir(parents=True, exist_ok=True)
    return Database(settings.sqlalchemy_url)


def _read_password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\n")
    first = getpass.getpass("パスワード（10文字以上）: ")
    if first != getpass.getpass("もう一度: "):
        fail("パスワードが一致しません", 2)
    return first


@admin_app.command("create-user")
def create_user(
    username: Annotated[str, typer.Argument(help="ユーザー名（半角英数字）")],
    role: Annotated[str, typer.Option(help=f"役割: {' / '.join(ROLES)}")] = "admin",
    password_stdin: Annotated[bool, typer.Option("--password-stdin", help="パスワードを標準入力から読む")] = False,
) -> None:
    """Create a user (the first admin is created this way)."""
    try:
        user = AdminStore(_database()).create_user(username=username, password=_read_password(password_stdin),
                                                   role=role)
    except ValueError as exc:
        fail(str(exc), 2)
        return
    typer.echo(f"ユーザー {user.username}（{user.role}）を作成しました。/admin でサインインできます。")


@admin_app.command("users")
def users() -> None:
    """List users and their roles."""
    for user in AdminStore(_database()).users():
        typer.echo(f"{user.username}\t{user.role}\t{'使用中' if user.active else '停止'}")


@admin_app.command("set-role")
def set_role(username: str, role: str) -> None:
    """Change a user's role."""
    try:
        AdminStore(_database()).update_user(username, role=role)
    except (KeyError, ValueError) as exc:
        fail(f"変更できません: {exc}", 2)
    typer.echo(f"{username} の役割を {role} にしました。")


@admin_app.command("export-csv")
def export(path: Annotated[Path, typer.Argument(help="書き出す CSV ファイル")]) -> None:
    """Write every FAQ entry to a CSV that Excel opens (UTF-8 with BOM)."""
    path.write_bytes(export_csv(get_settings().data_dir))
    typer.echo(f"{path} に書き出しました。")


@admin_app.command("import-csv")
def import_csv(
    path: Annotated[Path, typer.Argument(help="取り込む CSV（UTF-8 / UTF-8 BOM / CP932）")],
    apply: Annotated[bool, typer.Option("--apply", help="確認のあと実際に取り込む（なしなら確認だけ）")] = False,
    author: Annotated[str, typer.Option(help="履歴に残す名前")] = "cli",
) -> None:
    """Show what a CSV import would change; with --apply, write it (same checks as the admin)."""
    writer = KnowledgeWriter(data_dir=get_settings().data_dir, revisions=RevisionStore(_database()))
    try:
        plan = plan_import(writer, path.read_bytes())
    except ValueError as exc:
        fail(str(exc), 2)
        return
    for row in plan.rows:
        if row.action != "same":
            problems = " ".join(p.message for p in row.problems)
            typer.echo(f"{row.row}行目 {row.entry_id}: {row.action} {','.join(row.changed)} {problems}".rstrip())
    typer.echo(" ".join(f"{k}={v}" for k, v in plan.counts().items()))
    if not plan.ok:
        fail("誤りのある行があるため取り込みません", 1)
    if apply:
        try:
            changed = apply_import(writer, plan, author=f"cli:{author}")
        except Rejected as exc:
            fail("; ".join(p.message for p in exc.problems), 1)
            return
        typer.echo(f"{changed} 件を取り込みました（起動中のアプリは自動で読み込み直します）。")


@admin_app.command("purge")
def purge(days: Annotated[int | None, typer.Option(help="これより古い記録を消す（日数）")] = None) -> None:
    """Delete chat records older than the retention period (MADOGUCHI_ADMIN_RETENTION_DAYS)."""
    counts = purge_older_than(_database(), days=days or get_settings().admin_retention_days)
    typer.echo(" ".join(f"{k}={v}" for k, v in counts.items()))
