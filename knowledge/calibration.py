"""Fit the decision model on labelled queries (in-scope with qrels, out-of-scope without)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .beir import Query
from .decision import FEATURES, DecisionModel, features
from .fusion import FusionWeights, HybridRetriever
from .retriever import Hit


@dataclass(frozen=True)
class Example:
    features: list[float]
    top1_correct: bool   # the first hit answers the question (grade 2, or any grade if none is 2)
    top3_correct: bool   # a correct answer is among the first three (worth offering as choices)
    in_scope: bool


def fit(examples: list[Example], *, target_precision: float = 0.9, l2: float = 0.01) -> DecisionModel:
    """Logistic regression for P(top1 correct), then thresholds chosen on the same examples."""
    if len(examples) < 10:
        raise ValueError(f"calibration needs at least 10 labelled queries, got {len(examples)}")
    x = np.array([e.features for e in examples], dtype=np.float64)
    y = np.array([e.top1_correct for e in examples], dtype=np.float64)
    mean, std = x.mean(axis=0), x.std(axis=0) + 1e-9
    w, b = _logistic((x - mean) / std, y, l2=l2)
    raw_w, raw_b = w / std, b - float(np.sum(w * mean / std))
    weights = {"bias": round(raw_b, 4), **{name: round(float(v), 4) for name, v in zip(FEATURES, raw_w, strict=True)}}
    model = DecisionModel(weights=weights)
    probs = np.array([model.probability_from_features(e.features) for e in examples])
    confident_at = _confident_threshold(probs, y, target_precision)
    ambiguous_at = _ambiguous_threshold(probs, examples, below=confident_at)
    return DecisionModel(weights=weights, confident_at=confident_at, ambiguous_at=ambiguous_at)


def _logistic(x: np.ndarray, y: np.ndarray, *, l2: float, steps: int = 3000) -> tuple[np.ndarray, float]:
    w, b = np.zeros(x.shape[1]), 0.0
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-(x @ w + b)))
        w -= 0.5 * (x.T @ (p - y) / len(y) + l2 * w)
        b -= 0.5 * float(np.mean(p - y))
    return w, b


def _confident_threshold(probs: np.ndarray, correct: np.ndarray, target: float) -> float:
    """Lowest threshold whose answered-alone queries are right at least ``target`` of the time."""
    for threshold in np.round(np.arange(0.3, 0.96, 0.01), 2):
        chosen = probs >= threshold
        if chosen.sum() >= 5 and correct[chosen].mean() >= target:
            return float(threshold)
    return 0.95


# Missing an answer the city has costs a resident more than being offered three choices
# that don't fit (those come with the counter's phone number anyway).
RECALL_WEIGHT = 0.75


def _ambiguous_threshold(probs: np.ndarray, examples: list[Example], *, below: float) -> float:
    """Threshold that best separates 'worth offering choices' from 'say we don't know'."""
    useful = np.array([e.in_scope and e.top3_correct for e in examples])
    best, best_score = 0.1, -1.0
    for threshold in np.round(np.arange(0.02, below, 0.01), 2):
        offered = probs >= threshold
        recall = (offered & useful).sum() / max(useful.sum(), 1)
        rejected = (~offered & ~useful).sum() / max((~useful).sum(), 1)
        score = RECALL_WEIGHT * recall + (1.0 - RECALL_WEIGHT) * rejected
        if score > best_score:
            best, best_score = float(threshold), float(score)
    return best


def labelled_example(hits: list[Hit], query_length: int, grades: dict[str, int]) -> Example:
    """Label a ranking against graded judgments (empty grades: an out-of-scope question)."""
    best = max(grades.values(), default=0)
    correct = {doc for doc, grade in grades.items() if grade == best and grade > 0}
    ids = [hit.entry.id for hit in hits]
    return Example(features=features(hits, query_length), top1_correct=bool(ids[:1] and ids[0] in correct),
                   top3_correct=bool(correct.intersection(ids[:3])), in_scope=bool(grades))


def tune_fusion(hybrid: HybridRetriever, queries: list[Query], qrels: dict[str, dict[str, int]]) -> FusionWeights:
    """The dense weight and cosine floor with the best MRR@10 on the judged queries."""
    ids = [entry.id for entry in hybrid.entries]
    cached = []
    for query in queries:
        lexical, _ = hybrid.lexical.scores(query.text, query.lang if "lang" in query.metadata else None)
        relevant = {doc for doc, grade in qrels.get(query.id, {}).items() if grade > 0}
        cached.append((lexical, hybrid.dense.scores(query.text), np.array([i in relevant for i in ids])))
    best, best_mrr = FusionWeights(), -1.0
    for weight in np.round(np.arange(0.0, 1.01, 0.1), 2):
        for floor in (0.0, 0.2, 0.3, 0.4, 0.5, 0.6):
            candidate = FusionWeights(dense_weight=float(weight), cosine_floor=floor)
            mrr = float(np.mean([_reciprocal_rank(_fused(lex, cos, candidate), rel) for lex, cos, rel in cached]))
            if mrr > best_mrr:
                best, best_mrr = candidate, mrr
    return best


def _fused(lexical: np.ndarray, cosine: np.ndarray, weights: FusionWeights) -> np.ndarray:
    dense = np.clip((cosine - weights.cosine_floor) / (1.0 - weights.cosine_floor), 0.0, 1.0)
    return (1.0 - weights.dense_weight) * lexical + weights.dense_weight * dense


def _reciprocal_rank(scores: np.ndarray, relevant: np.ndarray, cutoff: int = 10) -> float:
    order = np.argsort(-scores, kind="stable")[:cutoff]
    hits = np.flatnonzero(relevant[order])
    return 1.0 / (hits[0] + 1) if hits.size else 0.0


def decision_report(examples: list[Example], model: DecisionModel) -> dict[str, float]:
    """How the decisions turn out: shares of in-scope and out-of-scope questions."""
    outcomes: dict[str, int] = {"confident_right": 0, "confident_wrong": 0, "choices_with_answer": 0,
                                "choices_without_answer": 0, "no_answer": 0}
    rejected_out = 0
    for example in examples:
        p = model.probability_from_features(example.features)
        if not example.in_scope:
            rejected_out += p < model.ambiguous_at
            continue
        if p >= model.confident_at:
            outcomes["confident_right" if example.top1_correct else "confident_wrong"] += 1
        elif p >= model.ambiguous_at:
            outcomes["choices_with_answer" if example.top3_correct else "choices_without_answer"] += 1
        else:
            outcomes["no_answer"] += 1
    in_scope = max(sum(e.in_scope for e in examples), 1)
    out_scope = max(sum(not e.in_scope for e in examples), 1)
    report = {f"in_scope_{k}": round(v / in_scope, 3) for k, v in outcomes.items()}
    report["out_of_scope_no_answer"] = round(rejected_out / out_scope, 3)
    return report


def cross_validated_report(examples: list[Example], *, folds: int = 5) -> dict[str, float]:
    """Decision outcomes measured on held-out folds (an honest estimate for unseen questions)."""
    held_out: list[tuple[Example, DecisionModel]] = []
    for fold in range(folds):
        train = [e for i, e in enumerate(examples) if i % folds != fold]
        model = fit(train)
        held_out.extend((e, model) for i, e in enumerate(examples) if i % folds == fold)
    totals: dict[str, float] = {}
    for example, model in held_out:
        for key, value in decision_report([example], model).items():
            totals[key] = totals.get(key, 0.0) + value  # one example: 1.0 for its own outcome
    in_scope = max(sum(e.in_scope for e in examples), 1)
    out_scope = max(sum(not e.in_scope for e in examples), 1)
    return {k: round(v / (out_scope if k.startswith("out_") else in_scope), 3) for k, v in totals.items()}

