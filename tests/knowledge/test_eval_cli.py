"""`madoguchi eval retrieval` on any BEIR-layout directory."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from app.cli import cli


def make_beir(directory: Path) -> Path:
    (directory / "qrels").mkdir(parents=True)
    docs = [
        {"_id": "d1", "title": "住民票の写しの取り方", "text": "市民課で1通300円で発行します。"},
        {"_id": "d2", "title": "粗大ごみの出し方", "text": "電話で申し込み、手数料券を貼って出します。"},
        {"_id": "d3", "title": "児童手当の申請", "text": "出生の翌日から15日以内に申請してください。"},
    ]
    queries = [{"_id": "q1", "text": "住民票ほしい"}, {"_id": "q2", "text": "ソファを捨てたい 粗大ごみ"},
               {"_id": "q3", "text": "子どもが生まれた 手当"}]
    (directory / "corpus.jsonl").write_text("\n".join(json.dumps(d, ensure_ascii=False) for d in docs), "utf-8")
    (directory / "queries.jsonl").write_text("\n".join(json.dumps(q, ensure_ascii=False) for q in queries), "utf-8")
    (directory / "qrels" / "test.tsv").write_text("query-id\tcorpus-id\tscore\nq1\td1\t2\nq2\td2\t2\nq3\td3\t2\n")
    return directory


def test_eval_prints_metrics_and_writes_a_trec_run(tmp_path: Path) -> None:
    beir = make_beir(tmp_path / "set")
    run_file = tmp_path / "run.txt"
    result = CliRunner().invoke(cli, ["eval", "retrieval", "--beir", str(beir), "--run", str(run_file), "--json"])
    assert result.exit_code == 0, result.output
    metrics = json.loads(result.output)
    assert metrics["queries"] == 3 and metrics["recall@10"] == 1.0 and metrics["mrr@10"] == 1.0
    lines = run_file.read_text().splitlines()
    assert lines[0].split() [:4] == ["q1", "Q0", "d1", "1"] and lines[0].endswith("madoguchi")


def test_eval_explains_a_missing_corpus(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["eval", "retrieval", "--beir", str(tmp_path)])
    assert result.exit_code == 2 and "corpus.jsonl" in result.output
