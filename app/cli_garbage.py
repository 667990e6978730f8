"""`madoguchi garbage ...`: validate, import and query the garbage data from a terminal."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Annotated

import typer

from knowledge.garbage import GarbageDataError, GarbageGuide, validate_dir
from knowledge.garbage.csvfile import CsvReadError
from knowledge.garbage.importer import KINDS, import_file

DEFAULT_DIR = Path("data/garbage")
WEEKDAYS = "月火水木金土日"

garbage_app = typer.Typer(help="ごみの収集日・分別データ（data/garbage）", no_args_is_help=True)

DataDir = Annotated[Path, typer.Option("--data", help="data/garbage フォルダ")]


@garbage_app.command()
def validate(directory: Annotated[Path, typer.Argument(help="調べるフォルダ")] = DEFAULT_DIR) -> None:
    """データを検査し、問題を「ファイル:行: 内容（直し方）」で表示します。"""
    issues = validate_dir(directory)
    for issue in issues:
        typer.echo(str(issue))
    errors = sum(1 for i in issues if i.severity == "error")
    typer.echo(f"エラー {errors} 件、警告 {len(issues) - errors} 件（{directory}）")
    raise typer.Exit(1 if errors else 0)


@garbage_app.command("import")
def import_(
    sources: Annotated[list[Path], typer.Argument(help="市が公開している CSV（複数可）")],
    to: Annotated[Path, typer.Option(help="書き込み先フォルダ")] = DEFAULT_DIR,
    code: Annotated[str, typer.Option(help="全国地方公共団体コード（列がないとき）")] = "",
    kind: Annotated[str | None, typer.Option(help=f"種類: {'/'.join(KINDS)}（自動判定）")] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="書き込まずに報告だけ")] = False,
) -> None:
    """公開 CSV（UTF-8・BOM 付き・Shift_JIS）を読み、data/garbage の形にそろえて保存します。"""
    failed = False
    for source in sources:
        try:
            result = import_file(source, to_dir=to, city_code=code, kind=kind, dry_run=dry_run)
        except (CsvReadError, ValueError, OSError) as exc:
            typer.echo(f"✗ {source}: {exc}", err=True)
            failed = True
            continue
        action = "確認のみ" if dry_run else f"→ {result.target}"
        typer.echo(f"✓ {source}: {result.kind}（文字コード {result.encoding}、{result.rows} 行）{action}")
        for ours_from, ours in result.columns.items():
            if ours_from != ours:
                typer.echo(f"    列「{ours_from}」→「{ours}」")
        for note in result.notes:
            typer.echo(f"    {note}")
    if not dry_run:
        issues = validate_dir(to)
        errors = [i for i in issues if i.severity == "error"]
        for issue in issues:
            typer.echo(f"    {issue}")
        typer.echo(f"検査: エラー {len(errors)} 件、警告 {len(issues) - len(errors)} 件")
        failed = failed or bool(errors)
    raise typer.Exit(1 if failed else 0)


@garbage_app.command("next")
def next_(
    area: Annotated[str, typer.Argument(help="地名（かな・数字の丁目・住所でも可）")],
    category: Annotated[str | None, typer.Option(help="分別区分（例: 資源、燃えるごみ）")] = None,
    start: Annotated[str | None, typer.Option("--date", help="この日から（YYYY-MM-DD、既定は今日）")] = None,
    count: Annotated[int, typer.Option(help="何回分")] = 2,
    as_json: Annotated[bool, typer.Option("--json", help="JSON で出力")] = False,
    data: DataDir = DEFAULT_DIR,
) -> None:
    """次の収集日を表示します。地名があいまいなときは候補を表示します。"""
    guide = _guide(data)
    matches = guide.find_area(area)
    if len(matches) != 1 or not matches[0].exact:
        names = "、".join(m.area.name for m in matches) or "なし"
        typer.echo(f"地名「{area}」を1つに決められません。候補: {names}", err=True)
        raise typer.Exit(2)
    day = date.fromisoformat(start) if start else date.today()
    try:
        found = guide.next_collections(matches[0].area, category=category, start=day, count=count)
    except KeyError:
        typer.echo(f"分別区分「{category}」が分かりません。{'、'.join(guide.categories)}", err=True)
        raise typer.Exit(2) from None
    if as_json:
        rows = [{"category": c.category, "dates": [d.isoformat() for d in c.dates],
                 "schedule": c.schedule, "by_appointment": c.by_appointment,
                 "remarks": list(c.remarks)} for c in found]
        typer.echo(json.dumps({"area": matches[0].area.name, "collections": rows}, ensure_ascii=False))
        return
    typer.echo(f"{matches[0].area.name}（{day:%Y-%m-%d} から）")
    for collection in found:
        rule = f"（{collection.schedule}）" if collection.schedule else ""
        typer.echo(f"  {collection.category}{rule}: "
                   f"{_dates(collection.dates, collection.by_appointment)}")
        for remark in collection.remarks:
            typer.echo(f"      ※ {remark}")


@garbage_app.command()
def item(
    text: Annotated[str, typer.Argument(help="品目（かな・英語・うろ覚えでも可）")],
    limit: Annotated[int, typer.Option(help="候補の数")] = 5,
    data: DataDir = DEFAULT_DIR,
) -> None:
    """品目の分別区分・出し方・料金を表示します。"""
    matches = _guide(data).lookup_item(text, limit=limit)
    if not matches:
        typer.echo(f"「{text}」は見つかりませんでした", err=True)
        raise typer.Exit(1)
    for match in matches:
        found = match.item
        fee = f" {found.fee}円" if found.fee else ""
        mark = "◎" if match.exact else "・"
        typer.echo(f"{mark} {found.name}（{found.reading}）: {found.category}{fee}  [{match.score:.0f}]")
        if found.notes:
            typer.echo(f"    {found.notes}")


def _guide(data: Path) -> GarbageGuide:
    try:
        return GarbageGuide.load(data)
    except GarbageDataError as exc:
        typer.echo(f"データにエラーがあります。`madoguchi garbage validate {data}` で確認してください\n{exc}",
                   err=True)
        raise typer.Exit(1) from None


def _dates(days: tuple[date, ...], by_appointment: bool) -> str:
    if by_appointment:
        return "申込制（収集日はカレンダーにありません）"
    if not days:
        return "予定なし"
    return "、".join(f"{d.month}月{d.day}日（{WEEKDAYS[d.weekday()]}）" for d in days)
