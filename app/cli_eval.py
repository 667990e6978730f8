"""`madoguchi eval ...`: measure retrieval on BEIR-layout sets and calibrate decisions."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from knowledge.beir import BeirFormatError, Query, read_corpus, read_qrels, read_queries, write_corpus
from knowledge.calibration import Example, fit
from knowledge.decision import features
from knowledge.engine import KnowledgeEngine
from knowledge.evaluation import evaluate, rank_all, write_trec_run_file
from knowledge.faq_loader import load_faq
from knowledge.synonyms import load_synonyms

from .cli_output import emit_json, fail, progress_bar
from .settings import get_settings

eval_app = typer.Typer(help="検索品質の評価 (retrieval evaluation)", no_args_is_help=True)
BEIR_HELP = "BEIR 形式のフォルダ (corpus.jsonl, queries.jsonl, qrels/test.tsv)"
BeirDir = Annotated[Path, typer.Option("--beir", help=BEIR_HELP)]


def _engine_for(directory: Path) -> KnowledgeEngine:
    """Index the set's corpus with the production engine (synonyms from the city's data)."""
    try:
        faq = read_corpus(directory)
    except BeirFormatError as exc:
        fail(str(exc), 2)
        raise
    synonyms, _ = load_synonyms(get_settings().data_dir / "synonyms.yaml")
    with progress_bar(len(faq.entries), "索引作成") as bar:
        return KnowledgeEngine.from_faq(faq, synonyms=synonyms, progress=bar.update)


def _lang(query: Query) -> str | None:
    return query.lang if "lang" in query.metadata else None


@eval_app.command()
def retrieval(
    beir: BeirDir,
    run: Annotated[Path | None, typer.Option(help="TREC run 形式で順位を書き出すファイル")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="JSON で出力")] = False,
) -> None:
    """recall@10, mrr@10, ndcg@10 and the query count on a BEIR-layout set."""
    engine = _engine_for(beir)
    try:
        qrels = read_qrels(beir / "qrels" / "test.tsv")
    except BeirFormatError as exc:
        fail(str(exc), 2)
    queries = [q for q in read_queries(beir / "queries.jsonl") if q.id in qrels]
    with progress_bar(len(queries), "検索") as bar:
        runs = rank_all(queries, lambda q: engine.search(q.text, lang=_lang(q), top_k=10).hits, bar.update)
    metrics = evaluate(runs, qrels).as_dict()
    if run is not None:
        write_trec_run_file(runs, run)
    if as_json:
        emit_json(metrics)
    else:
        typer.echo("  ".join(f"{k}={v}" for k, v in metrics.items()))


@eval_app.command("export-corpus")
def export_corpus(out: Annotated[Path, typer.Option(help="書き出し先")] = Path("data/eval/corpus.jsonl")) -> None:
    """Write the city's FAQ as a BEIR corpus.jsonl (the corpus of data/eval)."""
    report = load_faq(get_settings().data_dir)
    typer.echo(f"{write_corpus(report.faq, out)} 件を {out} に書き出しました")


@eval_app.command()
def calibrate(
    beir: BeirDir,
    write: Annotated[bool, typer.Option(help="data/retrieval.yaml に保存する")] = False,
) -> None:
    """Fit the confident/ambiguous/no-answer decision on the set (and out_of_scope.jsonl)."""
    engine = _engine_for(beir)
    qrels = read_qrels(beir / "qrels" / "test.tsv")
    examples = [_example(engine, q, qrels.get(q.id, {})) for q in read_queries(beir / "queries.jsonl") if q.id in qrels]
    examples += [_example(engine, q, {}) for q in read_queries(beir / "out_of_scope.jsonl")]
    model = fit(examples)
    emit_json(model.to_dict())
    if write:
        path = get_settings().data_dir / "retrieval.yaml"
        _write_model(path, model.to_dict(), len(examples))
        typer.echo(f"{path} に保存しました")


def _example(engine: KnowledgeEngine, query: Query, grades: dict[str, int]) -> Example:
    hits = engine.retriever.retrieve(query.text, top_k=10, lang=_lang(query))
    best = max(grades.values(), default=0)
    correct = {doc for doc, grade in grades.items() if grade == best and grade > 0}
    ids = [hit.entry.id for hit in hits]
    return Example(features=features(hits, len(query.text)), top1_correct=bool(ids[:1] and ids[0] in correct),
                   top3_correct=bool(correct.intersection(ids[:3])), in_scope=bool(grades))


def _write_model(path: Path, model: dict[str, object], count: int) -> None:
    from ruamel.yaml import YAML

    header = ("# 回答の判定（自信あり / 候補を出す / わからない）の設定です。\n"
              f"# madoguchi eval calibrate --write が評価用の質問 {count} 件から計算しました。\n"
              "# 手で編集しないでください。\n")
    with path.open("w", encoding="utf-8") as handle:
        handle.write(header)
        YAML().dump({"decision": model}, handle)
