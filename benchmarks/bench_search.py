"""Search latency and index build time of the lexical engine at 2k / 20k / 100k entries.

Method: synthetic corpora from the sample city's FAQ (benchmarks/synthetic_faq.py);
queries are the sample FAQ's alternative phrasings (what residents type). Build time is
wall-clock for KnowledgeEngine.from_faq; latency is per query, single thread, after
one warm-up pass; memory is the process's peak RSS growth while building.
Run: .venv/bin/python -m benchmarks.bench_search [--sizes 2000 20000 100000]
"""

from __future__ import annotations

import argparse
import json
import platform
import resource
import statistics
import time
from pathlib import Path

from knowledge.engine import KnowledgeEngine
from knowledge.faq_loader import load_faq
from knowledge.synonyms import load_synonyms

from .synthetic_faq import synthetic_faq

DATA = Path(__file__).resolve().parent.parent / "data"


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure(size: int, queries: list[str]) -> dict[str, float]:
    faq = synthetic_faq(DATA, size)
    synonyms, _ = load_synonyms(DATA / "synonyms.yaml")
    rss_before = _rss_mb()
    started = time.perf_counter()
    engine = KnowledgeEngine.from_faq(faq, synonyms=synonyms)
    build_s = time.perf_counter() - started
    for query in queries[:50]:
        engine.search(query)
    timings = []
    for query in queries:
        t0 = time.perf_counter()
        engine.search(query)
        timings.append((time.perf_counter() - t0) * 1000)
    timings.sort()
    return {"entries": size, "build_s": round(build_s, 2), "p50_ms": round(statistics.median(timings), 2),
            "p95_ms": round(timings[int(len(timings) * 0.95) - 1], 2), "queries": len(timings),
            "peak_rss_growth_mb": round(_rss_mb() - rss_before, 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[2000, 20000, 100000])
    args = parser.parse_args()
    queries = [alt for entry in load_faq(DATA).faq.entries for alt in entry.alternatives]
    results = [measure(size, queries) for size in sorted(args.sizes)]
    print(json.dumps({"machine": f"{platform.machine()} {platform.python_version()}",  # noqa: T201
                      "results": results}, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
