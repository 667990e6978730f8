"""Retrieval quality on a BEIR-layout set: recall@10, MRR@10, nDCG@10, and TREC run files."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from .beir import Query
from .retriever import Hit

Ranking = list[tuple[str, float]]
CUTOFF = 10


@dataclass(frozen=True)
class Metrics:
    queries: int
    recall_at_10: float
    mrr_at_10: float
    ndcg_at_10: float

    def as_dict(self) -> dict[str, float | int]:
        return {"queries": self.queries, "recall@10": round(self.recall_at_10, 4),
                "mrr@10": round(self.mrr_at_10, 4), "ndcg@10": round(self.ndcg_at_10, 4)}


def rank_all(queries: Iterable[Query], search: Callable[[Query], list[Hit]],
             progress: Callable[[int], None] | None = None) -> dict[str, Ranking]:
    runs: dict[str, Ranking] = {}
    for query in queries:
        runs[query.id] = [(hit.entry.id, hit.score) for hit in search(query)[:CUTOFF]]
        if progress is not None:
            progress(1)
    return runs


def evaluate(runs: dict[str, Ranking], qrels: dict[str, dict[str, int]]) -> Metrics:
    judged = [qid for qid in qrels if any(g > 0 for g in qrels[qid].values())]
    if not judged:
        return Metrics(0, 0.0, 0.0, 0.0)
    recall = mrr = ndcg = 0.0
    for qid in judged:
        ranked = [doc for doc, _ in runs.get(qid, [])[:CUTOFF]]
        grades = qrels[qid]
        relevant = {doc for doc, g in grades.items() if g > 0}
        recall += len(relevant.intersection(ranked)) / len(relevant)
        mrr += next((1.0 / (i + 1) for i, doc in enumerate(ranked) if doc in relevant), 0.0)
        ndcg += _ndcg(ranked, grades)
    n = len(judged)
    return Metrics(n, recall / n, mrr / n, ndcg / n)


def _ndcg(ranked: list[str], grades: dict[str, int]) -> float:
    gains = [(2 ** grades.get(doc, 0) - 1) / math.log2(i + 2) for i, doc in enumerate(ranked)]
    ideal = sorted((g for g in grades.values() if g > 0), reverse=True)[:CUTOFF]
    best = sum((2 ** g - 1) / math.log2(i + 2) for i, g in enumerate(ideal))
    return sum(gains) / best if best > 0 else 0.0


def write_trec_run(runs: dict[str, Ranking], handle: TextIO, *, tag: str = "madoguchi") -> None:
    """`qid Q0 docid rank score tag`, up to 10 lines per query."""
    for qid, ranking in runs.items():
        for rank, (doc, score) in enumerate(ranking[:CUTOFF], start=1):
            handle.write(f"{qid} Q0 {doc} {rank} {score:.6f} {tag}\n")


def write_trec_run_file(runs: dict[str, Ranking], path: Path, *, tag: str = "madoguchi") -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as handle:
        write_trec_run(runs, handle, tag=tag)
