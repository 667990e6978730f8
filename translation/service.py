"""TranslationService: phrasebook first, then glossary, then guarded MT.

Every result says where its text came from (origin), carries a label when it
is machine translated, a back-translation for staff, the guard results, and a
safe fallback (the original plus a note) whenever MT cannot be trusted.
"""

from __future__ import annotations

import logging
from dataclasses import replace

from translation import languages
from translation.detect import Detection, LanguageDetector
from translation.glossary import Glossary, GlossaryTerm, restore
from translation.guards import GuardResult, check_output
from translation.mt_engine import MTEngine, missing_packages
from translation.phrasebook import Phrasebook
from translation.results import TermNote, TranslationResult
from translation.ui_strings import UIStrings, default_ui_strings

logger = logging.getLogger(__name__)


class TranslationService:
    def __init__(
        self,
        *,
        glossary: Glossary,
        phrasebook: Phrasebook,
        engine: MTEngine | None = None,
        detector: LanguageDetector | None = None,
        ui: UIStrings | None = None,
    ) -> None:
        self.glossary = glossary
        self.phrasebook = phrasebook
        self.engine = engine
        self.detector = detector or LanguageDetector()
        self.ui = ui or default_ui_strings()

    def detect(self, text: str) -> Detection:
        """Detect the language; Han-only text that is a known Japanese phrase/term is Japanese."""
        detection = self.detector.detect(text)
        if detection.language in {"zh-Hans", "zh-Hant"} and self._known_japanese(text):
            return Detection("ja", detection.confidence)
        return detection

    def translate(self, text: str, *, target: str, source: str | None = None) -> TranslationResult:
        """Translate ``text``; an explicit ``source`` always wins over detection."""
        languages.check_supported(target)
        detection = None if source else self.detect(text)
        source = languages.check_supported(source or (detection and detection.language) or "ja")
        base = TranslationResult(
            text=text,
            source_text=text,
            source=source,
            target=target,
            origin="none",
            detected_language=detection.language if detection else None,
            detection_confidence=detection.confidence if detection else None,
        )
        if not text.strip() or source == target:
            return base
        return self._phrase(base) or self._glossary_term(base) or self._machine(base)

    def mt_available(self, source: str, target: str) -> bool:
        mt_source = _mt_code(source)
        return (
            self.engine is not None
            and target not in languages.NOT_MACHINE_TRANSLATABLE
            and mt_source != target
            and self.engine.route(mt_source, target) is not None
        )

    def term_notes(self, text: str, *, source: str, target: str) -> tuple[TermNote, ...]:
        found = self.glossary.find(text, lang=_mt_code(source))
        return tuple(_term_note(m.term, target) for m in found)

    def _known_japanese(self, text: str) -> bool:
        return bool(self.phrasebook.match(text, lang="ja") or self.glossary.find(text, lang="ja"))

    def _phrase(self, base: TranslationResult) -> TranslationResult | None:
        match = self.phrasebook.match(base.text, lang=_mt_code(base.source))
        translated = match.phrase.text_in(base.target) if match else None
        if match is None or translated is None:
            return None
        return replace(
            base,
            text=translated,
            origin="phrasebook",
            phrase_id=match.phrase.id,
            match_score=match.score,
            back_translation=match.phrase.text_in(_mt_code(base.source)),
            label=self.ui.resident("human_label", base.target),
            staff_label=self.ui.staff("human_label"),
            terms=self.term_notes(base.text, source=base.source, target=base.target),
        )

    def _glossary_term(self, base: TranslationResult) -> TranslationResult | None:
        term = self.glossary.lookup(base.text, lang=_mt_code(base.source))
        approved = term.term_in(base.target) if term else None
        if term is None or approved is None:
            return None
        return replace(
            base,
            text=approved,
            origin="glossary",
            back_translation=term.term_in(_mt_code(base.source)),
            staff_label=self.ui.staff("glossary_label"),
            terms=(_term_note(term, base.target),),
        )

    def _machine(self, base: TranslationResult) -> TranslationResult:
        mt_source = _mt_code(base.source)
        if not self.mt_available(base.source, base.target) or self.engine is None:
            return self._no_model(base)
        try:
            translated, route, notes = self._protected_mt(
                base.text, source=mt_source, target=base.target
            )
        except RuntimeError:
            logger.exception("MT failed for %s->%s", mt_source, base.target)
            return self._no_model(base)
        approved = [
            t.term
            for t in self.term_notes(base.text, source=mt_source, target=base.target)
            if t.term
        ]
        guards = self._explain(check_output(base.text, translated, approved_terms=approved).results)
        result = replace(
            base,
            text=translated,
            origin="mt",
            machine_translated=True,
            route=route,
            guards=guards,
            label=self.ui.resident("mt_label", base.target),
            staff_label=self.ui.staff("mt_label"),
            terms=self.term_notes(base.text, source=mt_source, target=base.target),
            staff_notes=notes + tuple(g.message for g in guards if not g.ok),
        )
        result = self._with_back_translation(result, mt_source)
        return result if all(g.ok for g in guards) else self._reject(result)

    def _protected_mt(
        self, text: str, *, source: str, target: str
    ) -> tuple[str, tuple[str, ...], tuple[str, ...]]:
        """MT with glossary placeholders; if the model drops one, translate around the terms."""
        assert self.engine is not None
        protected = self.glossary.protect(text, source=source, target=target)
        output = self.engine.translate(protected.text, source=source, target=target)
        translated, lost = restore(output.text, protected, target=target)
        notes = (self.ui.staff("pivot_note"),) if output.pivot else ()
        if lost:
            translated = self._splice(text, source=source, target=target)
        return translated, output.route, notes

    def _splice(self, text: str, *, source: str, target: str) -> str:
        """Translate the text between glossary terms separately and insert the approved terms."""
        assert self.engine is not None
        parts, pos = [], 0
        for match in self.glossary.find(text, lang=source):
            approved = match.term.term_in(target)
            if approved:
                parts += [self._mt_fragment(text[pos : match.start], source, target), approved]
                pos = match.end
        parts.append(self._mt_fragment(text[pos:], source, target))
        joiner = " " if languages.uses_spaces(target) else ""
        return joiner.join(p for p in parts if p)

    def _mt_fragment(self, fragment: str, source: str, target: str) -> str:
        if not any(ch.isalnum() for ch in fragment):
            return fragment.strip()
        assert self.engine is not None
        return self.engine.translate(fragment.strip(), source=source, target=target).text

    def _with_back_translation(
        self, result: TranslationResult, mt_source: str
    ) -> TranslationResult:
        if not self.mt_available(result.target, mt_source) or self.engine is None:
            packages = " / ".join(self._missing(result.target, mt_source)) or "-"
            note = self.ui.staff("no_back_translation", packages=packages)
            return replace(result, staff_notes=(*result.staff_notes, note))
        back, _, _ = self._protected_mt(result.text, source=result.target, target=mt_source)
        return replace(result, back_translation=back)

    def _reject(self, result: TranslationResult) -> TranslationResult:
        logger.info(
            "MT output rejected by guards: %s", ",".join(g.name for g in result.guards if not g.ok)
        )
        return replace(
            result,
            text=result.source_text,
            origin="none",
            fallback=True,
            rejected_translation=result.text,
            note=self.ui.resident("fallback_note", result.target),
        )

    def _no_model(self, base: TranslationResult) -> TranslationResult:
        missing = self._missing(base.source, base.target)
        staff = self.ui.staff("no_model", packages=" / ".join(missing) or "-")
        return replace(
            base,
            fallback=True,
            note=self.ui.resident("no_model_note", base.target),
            staff_notes=(staff,),
            missing_packages=tuple(missing),
            terms=self.term_notes(base.text, source=base.source, target=base.target),
        )

    def missing_for(self, source: str, target: str) -> list[str]:
        """Packages to install so MT serves the pair (empty when it already does or cannot)."""
        return self._missing(source, target)

    def _missing(self, source: str, target: str) -> list[str]:
        if target in languages.NOT_MACHINE_TRANSLATABLE or _mt_code(source) == target:
            return []
        installed = set(self.engine.pairs()) if self.engine else set()
        return missing_packages(_mt_code(source), target, installed=installed)

    def _explain(self, results: tuple[GuardResult, ...]) -> tuple[GuardResult, ...]:
        return tuple(
            r
            if r.ok
            else replace(r, message=self.ui.staff(f"guard.{r.name}", items=", ".join(r.items)))
            for r in results
        )


def _mt_code(code: str) -> str:
    return "ja" if code == "ja-easy" else code


def _term_note(term: GlossaryTerm, target: str) -> TermNote:
    explanation = term.explanation_in(target) or term.explanation_in("ja")
    return TermNote(term.id, term.ja, term.term_in(target), explanation)
