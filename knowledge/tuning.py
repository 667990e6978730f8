"""data/retrieval.yaml: the decision model and fusion weights fitted by `madoguchi eval calibrate`."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .decision import DecisionModel
from .fusion import FusionWeights
from .yaml_io import YamlFileError, read_yaml

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Tuning:
    decision: DecisionModel = field(default_factory=DecisionModel)
    fusion: FusionWeights = field(default_factory=FusionWeights)


def load_tuning(path: Path, *, hybrid: bool) -> Tuning:
    """Lexical-only and hybrid engines have their own blocks (``decision`` / ``hybrid``)."""
    if not path.exists():
        return Tuning()
    try:
        doc = read_yaml(path) or {}
    except YamlFileError as exc:
        logger.warning("ignoring %s: %s", path, exc)
        return Tuning()
    # Until the hybrid engine is calibrated for an installed model, its decisions use the
    # lexical calibration (better than uncalibrated defaults) and the default fusion.
    block: dict[str, Any] = doc["hybrid"] if hybrid and doc.get("hybrid") else doc
    return Tuning(decision=decision_from(block.get("decision") or {}),
                  fusion=fusion_from(block.get("fusion") or {}))


def decision_from(block: dict[str, Any]) -> DecisionModel:
    default = DecisionModel()
    weights = {str(k): float(v) for k, v in (block.get("weights") or default.weights).items()}
    return DecisionModel(weights=weights,
                         confident_at=float(block.get("confident_at", default.confident_at)),
                         ambiguous_at=float(block.get("ambiguous_at", default.ambiguous_at)))


def fusion_from(block: dict[str, Any]) -> FusionWeights:
    default = FusionWeights()
    return FusionWeights(dense_weight=float(block.get("dense_weight", default.dense_weight)),
                         cosine_floor=float(block.get("cosine_floor", default.cosine_floor)))
