"""Read a CSV file as published by cities: UTF-8, UTF-8 with BOM or CP932 (Shift_JIS)."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from .errors import Issue

BOM = b"\xef\xbb\xbf"


@dataclass(frozen=True)
class Row:
    line: int  # 1-based line where the row starts, for messages
    cells: dict[str, str]

    def get(self, column: str) -> str:
        return (self.cells.get(column) or "").strip()


@dataclass(frozen=True)
class CsvTable:
    path: Path
    encoding: str  # "utf-8", "utf-8-sig" or "cp932"
    header: tuple[str, ...]
    rows: tuple[Row, ...]


class CsvReadError(Exception):
    def __init__(self, issue: Issue) -> None:
        super().__init__(str(issue))
        self.issue = issue


def decode(data: bytes) -> tuple[str, str]:
    """Text and the encoding it was read with."""
    if data.startswith(BOM):
        return data[len(BOM) :].decode("utf-8"), "utf-8-sig"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp932"), "cp932"
    except UnicodeDecodeError as exc:
        raise ValueError(f"UTF-8 でも CP932 (Shift_JIS) でも読めません: {exc}") from exc


def read_table(path: Path) -> CsvTable:
    """Parse ``path``; lines whose first cell starts with ``#`` and blank lines are skipped."""
    try:
        text, encoding = decode(path.read_bytes())
    except (OSError, ValueError) as exc:
        raise CsvReadError(Issue(str(path), 1, f"ファイルを読めません: {exc}",
                                 "UTF-8 か Shift_JIS の CSV で保存し直してください")) from exc
    records = _records(text)
    if not records:
        raise CsvReadError(Issue(str(path), 1, "見出し行がありません",
                                 "1行目に列名（例: 地名,センター,...）を書いてください"))
    names = tuple(h.strip() for h in records[0][1])
    rows = tuple(Row(line, dict(zip(names, cells, strict=False))) for line, cells in records[1:])
    return CsvTable(path, encoding, names, rows)


def _records(text: str) -> list[tuple[int, list[str]]]:
    reader = csv.reader(io.StringIO(text))
    records: list[tuple[int, list[str]]] = []
    start = 1
    for cells in reader:
        if cells and any(c.strip() for c in cells) and not cells[0].lstrip().startswith("#"):
            records.append((start, cells))
        start = reader.line_num + 1
    return records


def write_table(path: Path, header: list[str], rows: list[list[str]]) -> None:
    """Write UTF-8 (no BOM) with CRLF-free lines, atomically (temp file then rename)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_text(buffer.getvalue(), encoding="utf-8")
    tmp.replace(path)
