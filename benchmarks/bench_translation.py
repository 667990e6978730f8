"""Translation benchmarks: language-id accuracy, MT speed and memory, phrasebook latency.

    .venv/bin/python benchmarks/bench_translation.py [--data-dir data] [--models-dir var/models]

Language id is measured on the human translations in data/phrasebook and
data/glossary.yaml, cut to texts of 5-40 characters. MT is measured with
CTranslate2 on 2 threads, with a tiny random model built on the fly and with
every real model installed in --models-dir. Prints Markdown.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from translation import languages
from translation.detect import LanguageDetector
from translation.glossary import Glossary
from translation.model_store import InstalledModel, ModelStore
from translation.mt_engine import ArgosEngine
from translation.phrasebook import Phrasebook
from translation.tiny_model import ARGOS_LIKE, TINY, ModelSize, build_tiny_package

MT_SENTENCES = [
    "住民票の写しを2通ください。",
    "本日はどのようなご用件でしょうか。",
    "こちらの番号札を持ってお待ちください。",
    "手数料は1通300円です。",
    "転入届は引っ越してから14日以内に出してください。",
    "マイナンバーカードと印鑑をお持ちですか。",
    "2階の3番窓口へお進みください。",
    "国民健康保険の加入手続きをします。",
]


def labelled_samples(phrasebook: Phrasebook, glossary: Glossary) -> list[tuple[str, str]]:
    samples: list[tuple[str, str]] = []
    for phrase in phrasebook.phrases:
        samples += [(lang, phrase.text_in(lang) or "") for lang in ("ja", *phrase.translations)]
    for term in glossary.terms:
        samples += [(lang, term.explanation_in(lang) or "") for lang in ("ja", *term.translations)]
    expected = [("ja" if lang == "ja-easy" else lang, text.strip()) for lang, text in samples]
    return [(lang, text) for lang, text in expected if 5 <= len(text) <= 40]


def detection_table(samples: list[tuple[str, str]]) -> list[str]:
    detector = LanguageDetector()
    detector.warm_up()
    hits: dict[str, list[bool]] = defaultdict(list)
    started = time.perf_counter()
    for lang, text in samples:
        hits[lang].append(detector.detect(text).language == lang)
    per_text_ms = (time.perf_counter() - started) * 1000 / max(1, len(samples))
    rows = ["| language | texts | accuracy |", "|---|---:|---:|"]
    for lang in (code for code in languages.SUPPORTED if code in hits):
        rows.append(f"| {lang} | {len(hits[lang])} | {sum(hits[lang]) / len(hits[lang]):.1%} |")
    total = [h for values in hits.values() for h in values]
    rows.append(f"| **all** | {len(total)} | {sum(total) / max(1, len(total)):.1%} |")
    rows.append(f"\nMean detection time: {per_text_ms:.2f} ms per text.")
    return rows


def timings_ms(action: Callable[[str], object], inputs: Iterable[str], repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        for text in inputs:
            started = time.perf_counter()
            action(text)
            times.append((time.perf_counter() - started) * 1000)
    return times


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def mt_row(engine: ArgosEngine, model: InstalledModel, label: str = "") -> str:
    before = rss_mb()
    loaded = engine.loaded_model(model)
    loaded.translate(MT_SENTENCES[:1], beam_size=engine.beam_size)
    memory = rss_mb() - before
    times = timings_ms(lambda s: loaded.translate([s], beam_size=engine.beam_size), MT_SENTENCES, 5)
    per_second = 1000 * len(times) / sum(times)
    return (
        f"| {model.name}{label} | {model.size_bytes / 1e6:.1f} MB | {engine.compute_type} | "
        f"{per_second:.1f} | {statistics.median(times):.1f} | {percentile(times, 0.95):.1f} | {memory:.0f} MB |"
    )


def random_model_row(size: ModelSize, label: str) -> str:
    with tempfile.TemporaryDirectory() as tmp:
        archive = build_tiny_package(
            Path(tmp), from_code="ja", to_code="en", corpus=MT_SENTENCES * 20, size=size
        )
        store = ModelStore(models_dir=Path(tmp) / "models")
        model = store.install(archive)
        return mt_row(ArgosEngine(store=store, threads=2, cache_size=0), model, label)


def mt_table(models_dir: Path | None) -> list[str]:
    rows = [
        "| model | size | compute | sentences/s | p50 ms | p95 ms | memory (RSS delta) |",
        "|---|---:|---|---:|---:|---:|---:|",
    ]
    for label, size in (("tiny test model", TINY), ("random, Argos-sized: 6+6 layers, d=512", ARGOS_LIKE)):
        rows.append(random_model_row(size, f" ({label})"))
    if models_dir is not None and models_dir.is_dir():
        store = ModelStore(models_dir=models_dir)
        for model in store.list():
            if model.source == "ja":
                rows.append(mt_row(ArgosEngine(store=store, threads=2, cache_size=0), model))
    return rows


def phrasebook_table(phrasebook: Phrasebook) -> list[str]:
    exact = [p.ja for p in phrasebook.phrases]
    fuzzy = [p.ja.replace("ください", "下さい").rstrip("。") + "ね" for p in phrasebook.phrases]
    misses = [f"{text}についての全く別の質問です" for text in exact]
    rows = ["| lookup | queries | p50 ms | p95 ms |", "|---|---:|---:|---:|"]
    for name, inputs in (("exact", exact), ("fuzzy variant", fuzzy), ("no match", misses)):
        times = timings_ms(lambda text: phrasebook.match(text), inputs, 3)
        rows.append(f"| {name} | {len(times)} | {statistics.median(times):.3f} | {percentile(times, 0.95):.3f} |")
    return rows


def report(*, data_dir: Path = Path("data"), models_dir: Path | None = Path("var/models")) -> str:
    """All translation benchmarks as Markdown (for benchmarks/run_all and docs/BENCHMARKS.md)."""
    phrasebook = Phrasebook.load_dir(data_dir / "phrasebook")
    glossary = Glossary.load(data_dir / "glossary.yaml")
    sections = [
        ("Language identification (texts of 5-40 characters)",
         detection_table(labelled_samples(phrasebook, glossary))),
        (f"Phrasebook lookup ({len(phrasebook.phrases)} phrases)", phrasebook_table(phrasebook)),
        ("Machine translation, CTranslate2 on 2 CPU threads", mt_table(models_dir)),
    ]
    return "".join(f"\n### {title}\n\n" + "\n".join(rows) + "\n" for title, rows in sections)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data-dir", type=Path, default=Path("data"))
    parser.add_argument("--models-dir", type=Path, default=Path("var/models"))
    args = parser.parse_args()
    sys.stdout.write(report(data_dir=args.data_dir, models_dir=args.models_dir))


if __name__ == "__main__":
    main()
