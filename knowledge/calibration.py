"""Fit the decision model on labelled queries (in-scope with qrels, out-of-scope without)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .decision import FEATURES, DecisionModel


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


def _ambiguous_threshold(probs: np.ndarray, examples: list[Example], *, below: float) -> float:
    """Threshold that best separates 'worth offering choices' from 'say we don't know'."""
    useful = np.array([e.in_scope and e.top3_correct for e in examples])
    best, best_score = 0.1, -1.0
    for threshold in np.round(np.arange(0.02, below, 0.01), 2):
        offered = probs >= threshold
        recall = (offered & useful).sum() / max(useful.sum(), 1)
        rejected = (~offered & ~useful).sum() / max((~useful).sum(), 1)
        score = 0.5 * recall + 0.5 * rejected  # balanced accuracy
        if score > best_score:
            best, best_score = float(threshold), float(score)
    return best
