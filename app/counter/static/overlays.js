// Cards shown on both halves at once, each in its reader's language: the phone interpreter
// and the meaning of a glossary term.
import { h, clear } from "./dom.js";

export function fmt(template, values) {
  return String(template || "").replace(/\{(\w+)\}/g, (_, key) => values[key] ?? "");
}

function open(overlay, card) {
  clear(overlay).append(card);
  overlay.hidden = false;
  overlay.querySelector("button.close")?.focus({ preventScroll: true });
}

export function closeOverlays(ctx) {
  for (const overlay of [ctx.staffOverlay, ctx.residentOverlay]) {
    overlay.hidden = true;
    clear(overlay);
  }
}

function closeButton(label, ctx) {
  return h("button", { type: "button", class: "close big-btn", onclick: () => closeOverlays(ctx) }, label);
}

function phoneLine(phone) {
  return h("p", { class: "phone-number" }, h("a", { href: `tel:${phone.replace(/[^\d+]/g, "")}` }, `☎ ${phone}`));
}

export function showInterpreter(ctx) {
  const info = ctx.pack.interpreter;
  const R = ctx.pack.strings;
  const names = ctx.config.interpreter.languages.map((code) => ctx.languageName(code)).join("、");
  open(ctx.residentOverlay, h("div", { class: "card interpreter-card", lang: ctx.lang },
    h("h2", {}, `📞 ${R.interpreter}`),
    info.available ? [
      h("p", { class: "service" }, info.name), phoneLine(info.phone),
      h("p", { class: "hours" }, `${R.interpreter_hours}: ${info.hours}`), h("p", {}, info.note),
    ] : h("p", { class: "none" }, R.interpreter_none),
    closeButton(R.close, ctx)));
  open(ctx.staffOverlay, h("div", { class: "card interpreter-card", lang: "ja" },
    h("h2", {}, "📞 電話通訳"),
    h("p", { class: "service" }, info.name_ja), phoneLine(info.phone || "—"),
    info.available ? h("p", { class: "hours" }, `${ctx.languageName(ctx.lang)}の受付時間：${info.hours_ja}`)
      : h("p", { class: "warning" }, fmt(ctx.staff.interpreter_none, { languages: names })),
    h("p", {}, info.note_ja),
    closeButton("閉じる", ctx)));
}

export function showTerm(ctx, termId) {
  const term = ctx.pack.terms.find((t) => t.id === termId);
  if (!term) return;
  const R = ctx.pack.strings;
  open(ctx.residentOverlay, h("div", { class: "card term-card", lang: ctx.lang },
    h("h2", {}, R.word_meaning),
    h("p", { class: "term-name" }, term.term || term.ja),
    h("p", { class: "term-explanation" }, term.explanation),
    h("p", { class: "term-ja", lang: "ja" }, `${term.ja}（${term.reading}）`),
    closeButton(R.close, ctx)));
  open(ctx.staffOverlay, h("div", { class: "card term-card small", lang: "ja" },
    h("p", { class: "term-shown" }, fmt(ctx.staff.term_shown, { term: term.ja })),
    h("p", {}, term.explanation_ja),
    closeButton("閉じる", ctx)));
}
