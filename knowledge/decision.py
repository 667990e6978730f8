"""Turn a ranking into an honest decision: confident, ambiguous (offer 3), or no answer."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from .retriever import Hit


class Decision(StrEnum):
    CONFIDENT = "confident"
    AMBIGUOUS = "ambiguous"
    NO_ANSWER = "no_answer"


FEATURES = ("top", "margin", "ratio", "length", "coverage")


def features(hits: list[Hit], query_length: int) -> list[float]:
    """What the confidence model looks at: the best score, its lead, query length, and how
    many of the question's own words the best entry contains (generic words alone don't count)."""
    top = hits[0].score if hits else 0.0
    second = hits[1].score if len(hits) > 1 else 0.0
    ratio = second / top if top > 0 else 1.0
    coverage = hits[0].signals.get("coverage", 1.0) if hits else 0.0
    return [top, top - second, ratio, math.log1p(query_length), coverage]


@dataclass(frozen=True)
class DecisionModel:
    """Logistic estimate of P(the first hit answers the question), with two thresholds.

    The coefficients and thresholds are fitted on the evaluation set by
    ``madoguchi eval calibrate`` and stored in data/retrieval.yaml; the defaults
    below were fitted on the sample city and are only a starting point.
    """

    weights: dict[str, float] = field(default_factory=lambda: {
        "bias": -3.0, "top": 9.0, "margin": 6.0, "ratio": -1.0, "length": 0.0, "coverage": 0.0})
    confident_at: float = 0.7
    ambiguous_at: float = 0.3

    def probability(self, hits: list[Hit], query_length: int) -> float:
        return self.probability_from_features(features(hits, query_length))

    def probability_from_features(self, values_list: list[float]) -> float:
        values = dict(zip(FEATURES, values_list, strict=True))
        z = self.weights.get("bias", 0.0) + sum(self.weights.get(k, 0.0) * v for k, v in values.items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def decide(self, hits: list[Hit], query_length: int) -> tuple[Decision, float]:
        if not hits:
            return Decision.NO_ANSWER, 0.0
        p = self.probability(hits, query_length)
        if p >= self.confident_at:
            return Decision.CONFIDENT, p
        if p >= self.ambiguous_at:
            return Decision.AMBIGUOUS, p
        return Decision.NO_ANSWER, p

    def to_dict(self) -> dict[str, Any]:
        return {"weights": dict(self.weights), "confident_at": self.confident_at,
                "ambiguous_at": self.ambiguous_at}
