"""`madoguchi eval calibrate`: fit decisions (and fusion, with a model) and store data/retrieval.yaml."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from knowledge.beir import Query, read_qrels, read_queries
from knowledge.calibration import (
    Example,
    cross_validated_report,
    decision_report,
    fit,
    labelled_example,
    tune_fusion,
)
from knowledge.engine import KnowledgeEngine
from knowledge.fusion import HybridRetriever
from knowledge.yaml_io import YamlFileError, read_yaml

from .cli_eval import BeirDir, engine_for, query_lang
from .cli_output import emit_json
from .dense_factory import dense_factory
from .settings import get_settings


def calibrate(
    beir: BeirDir,
    write: Annotated[bool, typer.Option(help="data/retrieval.yaml に保存する")] = False,
) -> None:
    """Fit the confident/ambiguous/no-answer decision on the set (and out_of_scope.jsonl)."""
    settings = get_settings()
    qrels = read_qrels(beir / "qrels" / "test.tsv")
    queries = [q for q in read_queries(beir / "queries.jsonl") if q.id in qrels]
    out_of_scope = read_queries(beir / "out_of_scope.jsonl")
    result: dict[str, Any] = {"decision": _fit(engine_for(beir), queries, out_of_scope, qrels)}
    factory = dense_factory(settings)
    if factory is not None:
        dense = factory()
        engine = engine_for(beir, dense=dense)
        assert isinstance(engine.retriever, HybridRetriever)
        engine.retriever.weights = tune_fusion(engine.retriever, queries, qrels)
        result["hybrid"] = {"model": dense.embedder.fingerprint,
                            "fusion": vars(engine.retriever.weights),
                            "decision": _fit(engine, queries, out_of_scope, qrels)}
    emit_json(result)
    if write:
        path = settings.data_dir / "retrieval.yaml"
        _write(path, result, len(queries) + len(out_of_scope))
        typer.echo(f"{path} に保存しました")


def _fit(engine: KnowledgeEngine, queries: list[Query], out_of_scope: list[Query],
         qrels: dict[str, dict[str, int]]) -> dict[str, Any]:
    examples = [_example(engine, q, qrels.get(q.id, {})) for q in queries]
    examples += [_example(engine, q, {}) for q in out_of_scope]
    model = fit(examples)
    return {**model.to_dict(), "outcomes": decision_report(examples, model),
            "outcomes_cross_validated": cross_validated_report(examples)}


def _example(engine: KnowledgeEngine, query: Query, grades: dict[str, int]) -> Example:
    hits = engine.retriever.retrieve(query.text, top_k=10, lang=query_lang(query))
    return labelled_example(hits, len(query.text), grades)


def _write(path: Path, result: dict[str, Any], count: int) -> None:
    from ruamel.yaml import YAML

    if "hybrid" not in result and path.exists():
        try:  # keep the hybrid calibration made earlier on a machine with the model
            previous = read_yaml(path) or {}
            if previous.get("hybrid"):
                result["hybrid"] = previous["hybrid"]
        except YamlFileError:
            pass
    header = ("# 回答の判定（自信あり / 候補を出す / わからない）と検索の重みの設定です。\n"
              f"# madoguchi eval calibrate --write が評価用の質問 {count} 件から計算しました。\n"
              "# 手で編集しないでください。\n")
    with path.open("w", encoding="utf-8") as handle:
        handle.write(header)
        YAML().dump(result, handle)
