"""Console output helpers shared by CLI commands."""

from __future__ import annotations

import json
import sys
from typing import Any

import typer

from knowledge.yaml_io import Problem


def emit_json(data: Any) -> None:
    typer.echo(json.dumps(data, ensure_ascii=False, indent=2, default=str))


def report_problems(problems: list[Problem]) -> int:
    """Print problems (errors first) and return the number of errors."""
    ordered = sorted(problems, key=lambda p: (p.severity != "error", p.path, p.line))
    for problem in ordered:
        typer.echo(str(problem), err=problem.severity == "error")
    return sum(1 for p in problems if p.severity == "error")


def fail(message: str, code: int = 1) -> None:
    typer.echo(message, err=True)
    raise typer.Exit(code)


def progress_bar(total: int, label: str) -> Any:
    from tqdm import tqdm

    return tqdm(total=total, desc=label, unit="件", file=sys.stderr, disable=total < 200)
