"""Admin-editable equivalences (保育園=保育所) applied to documents and queries alike."""

from __future__ import annotations

import re
from pathlib import Path

from .normalize import normalize
from .yaml_io import Problem, YamlFileError, line_of, read_yaml


class Synonyms:
    """Rewrites every variant to the first word of its group before analysis."""

    def __init__(self, canonical: dict[str, str] | None = None) -> None:
        self.canonical = dict(canonical or {})
        variants = sorted(self.canonical, key=len, reverse=True)
        self.fingerprint = repr(sorted(self.canonical.items()))
        self._pattern = re.compile("|".join(map(re.escape, variants))) if variants else None

    def apply(self, text: str) -> str:
        if self._pattern is None:
            return text
        return self._pattern.sub(lambda m: self.canonical[m.group(0)], text)

    def canonical_token(self, token: str) -> str:
        return self.canonical.get(token, token)


def load_synonyms(path: Path) -> tuple[Synonyms, list[Problem]]:
    if not path.exists():
        return Synonyms(), []
    try:
        doc = read_yaml(path)
    except YamlFileError as exc:
        return Synonyms(), [exc.problem]
    problems: list[Problem] = []
    groups = (doc or {}).get("synonyms") if isinstance(doc, dict) else None
    if not isinstance(groups, list):
        return Synonyms(), [Problem(str(path), 1, "synonyms: の下に [語, 語, ...] の一覧を書いてください")]
    canonical: dict[str, str] = {}
    for index, group in enumerate(groups):
        words = [normalize(str(w)) for w in group] if isinstance(group, list) else []
        if len(words) < 2 or not all(words):
            problems.append(Problem(str(path), line_of(groups, index), "同じ意味の語を2つ以上 [ ] で書いてください"))
            continue
        for word in words[1:]:
            if word != words[0]:
                canonical[word] = words[0]
    return Synonyms(canonical), problems
