// The start screen: every language in its own script, large enough for a resident to find theirs.
import { h, clear } from "./dom.js";

function badge(lang) {
  if (lang.mt_to) return h("span", { class: "avail mt" }, "定型文＋機械翻訳");
  if (lang.phrases) return h("span", { class: "avail phrases" }, "定型文のみ");
  return h("span", { class: "avail none" }, "翻訳なし");
}

export function renderStart(ctx) {
  clear(ctx.chooseLine).append(
    ...ctx.config.languages.map((l) => h("span", { lang: l.code }, ctx.config.choose_language[l.code] || "")));
  clear(ctx.grid).append(...ctx.config.languages.map((l) =>
    h("button", { type: "button", class: "lang-btn", lang: l.code, dataset: { lang: l.code },
      onclick: () => ctx.choose(l.code) },
      h("span", { class: "endonym" }, l.endonym),
      h("span", { class: "name-ja", lang: "ja" }, l.name_ja),
      badge(l))));
  clear(ctx.counterSelect).append(
    h("option", { value: "" }, "（窓口を選択）"),
    ...ctx.config.counters.map((c) => h("option", { value: c.id, selected: c.id === ctx.counter() }, c.name)));
}
