"""`madoguchi eval ...`: measure retrieval on BEIR-layout sets and calibrate decisions."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from knowledge.beir import BeirFormatError, Query, read_corpus, read_qrels, read_queries, write_corpus
from knowledge.engine import KnowledgeEngine
from knowledge.evaluation import evaluate, rank_all, write_trec_run_file
from knowledge.faq_loader import load_faq
from knowledge.synonyms import load_synonyms
from knowledge.term_bridge import load_term_bridge
from knowledge.tuning import load_tuning

if TYPE_CHECKING:
    from knowledge.dense.setup import DenseSetup

from .cli_output import emit_json, fail, progress_bar
from .dense_factory import dense_factory
from .settings import get_settings

eval_app = typer.Typer(help="検索品質の評価 (retrieval evaluation)", no_args_is_help=True)
BEIR_HELP = "BEIR 形式のフォルダ (corpus.jsonl, queries.jsonl, qrels/test.tsv)"
BeirDir = Annotated[Path, typer.Option("--beir", help=BEIR_HELP)]


def engine_for(directory: Path, *, dense: DenseSetup | None = None) -> KnowledgeEngine:
    """Index the set's corpus with the production engine (synonyms from the city's data)."""
    try:
        faq = read_corpus(directory)
    except BeirFormatError as exc:
        fail(str(exc), 2)
        raise
    data_dir = get_settings().data_dir
    synonyms, _ = load_synonyms(data_dir / "synonyms.yaml")
    bridge = load_term_bridge(data_dir / "glossary.yaml")
    with progress_bar(len(faq.entries), "索引作成") as bar:
        if dense is not None:
            dense.progress = bar.update
        return KnowledgeEngine.from_faq(faq, synonyms=synonyms, progress=None if dense else bar.update,
                                        dense=dense, bridge=bridge,
                                        tuning=load_tuning(data_dir / "retrieval.yaml", hybrid=dense is not None))


def query_lang(query: Query) -> str | None:
    return query.lang if "lang" in query.metadata else None


@eval_app.command()
def retrieval(
    beir: BeirDir,
    run: Annotated[Path | None, typer.Option(help="TREC run 形式で順位を書き出すファイル")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="JSON で出力")] = False,
) -> None:
    """recall@10, mrr@10, ndcg@10 and the query count on a BEIR-layout set (hybrid when a model is installed)."""
    factory = dense_factory(get_settings())
    engine = engine_for(beir, dense=factory() if factory else None)
    try:
        qrels = read_qrels(beir / "qrels" / "test.tsv")
    except BeirFormatError as exc:
        fail(str(exc), 2)
    queries = [q for q in read_queries(beir / "queries.jsonl") if q.id in qrels]
    with progress_bar(len(queries), "検索") as bar:
        runs = rank_all(queries, lambda q: engine.search(q.text, lang=query_lang(q), top_k=10).hits, bar.update)
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
