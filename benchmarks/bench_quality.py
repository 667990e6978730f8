"""Retrieval quality on data/eval by language and question style (Markdown tables).

Method: the production lexical engine (synonyms and glossary bridge from data/) indexes
data/eval/corpus.jsonl; each judged query is searched with its metadata language;
recall@10, MRR@10 and nDCG@10 per group. The decision outcomes come from
`madoguchi eval calibrate --beir data/eval` (in-sample and 5-fold cross-validated).
Run: .venv/bin/python -m benchmarks.bench_quality
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from knowledge.beir import Query, read_corpus, read_qrels, read_queries
from knowledge.engine import KnowledgeEngine
from knowledge.evaluation import Ranking, evaluate, rank_all
from knowledge.synonyms import load_synonyms
from knowledge.term_bridge import load_term_bridge

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT / "data" / "eval"


def table(key: str, queries: list[Query], runs: dict[str, Ranking], qrels: dict[str, dict[str, int]]) -> str:
    groups: dict[str, list[str]] = defaultdict(list)
    for query in queries:
        groups[str(query.metadata.get(key, "?"))].append(query.id)
    lines = [f"| {key} | queries | recall@10 | MRR@10 | nDCG@10 |", "|---|---:|---:|---:|---:|"]
    everything = evaluate(runs, qrels).as_dict()
    for name, ids in sorted(groups.items(), key=lambda item: -len(item[1])):
        m = evaluate({i: runs[i] for i in ids}, {i: qrels[i] for i in ids}).as_dict()
        lines.append(f"| {name} | {m['queries']} | {m['recall@10']} | {m['mrr@10']} | {m['ndcg@10']} |")
    lines.append(f"| **all** | {everything['queries']} | {everything['recall@10']} | "
                 f"{everything['mrr@10']} | {everything['ndcg@10']} |")
    return "\n".join(lines)


def main() -> None:
    synonyms, _ = load_synonyms(ROOT / "data" / "synonyms.yaml")
    engine = KnowledgeEngine.from_faq(read_corpus(EVAL), synonyms=synonyms,
                                      bridge=load_term_bridge(ROOT / "data" / "glossary.yaml"))
    qrels = read_qrels(EVAL / "qrels" / "test.tsv")
    queries = [q for q in read_queries(EVAL / "queries.jsonl") if q.id in qrels]
    runs = rank_all(queries, lambda q: engine.retriever.retrieve(q.text, top_k=10, lang=q.lang))
    print(table("lang", queries, runs, qrels) + "\n\n" + table("style", queries, runs, qrels))  # noqa: T201


if __name__ == "__main__":
    main()
