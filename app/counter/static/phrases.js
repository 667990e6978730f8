// The staff's set phrases: by genre, search, favourites (this tablet), and the phrases
// registered for this counter (kept on the server).
import { h, clear, $ } from "./dom.js";
import { api } from "./api.js";
import { fmt } from "./overlays.js";

const FAVOURITES = "fav";
const REGISTERED = "mine";
const TERMS = "terms";

export function createPhrasePanel(ctx) {
  const panel = ctx.phrasePanel;
  let tab = FAVOURITES;
  let registered = [];

  const favKey = () => ctx.counter() || "-";
  const favourites = () => ctx.prefs.favourites[favKey()] || [];
  function toggleFavourite(id) {
    const list = favourites();
    ctx.prefs.favourites[favKey()] = list.includes(id) ? list.filter((x) => x !== id) : [...list, id];
    ctx.savePrefs();
    render();
  }

  function allPhrases() {
    const fromGenres = ctx.pack().genres.flatMap((g) => g.phrases.map((p) => ({ ...p, genre: g.name })));
    const mine = registered.map((p) => ({ id: `mine-${p.id}`, serverId: p.id, ja: p.ja, text: null, mine: true }));
    return [...mine, ...fromGenres];
  }

  function phraseRow(p) {
    const fav = favourites().includes(p.id);
    return h("li", { class: "phrase", dataset: { id: p.id } },
      h("button", { type: "button", class: "phrase-send", onclick: () => ctx.sendStaff(p.ja, "staff_phrase") },
        h("span", { class: "phrase-ja", lang: "ja" }, p.ja),
        h("span", { class: "phrase-tr", lang: p.text_lang || ctx.lang() },
          p.text || (p.mine ? "この窓口の登録文（機械翻訳）" : ctx.staff.no_translation))),
      h("button", { type: "button", class: `icon-btn fav${fav ? " on" : ""}`, "aria-pressed": String(fav),
        "aria-label": fav ? "お気に入りから外す" : "お気に入りに追加", onclick: () => toggleFavourite(p.id) },
        fav ? "★" : "☆"),
      p.mine ? h("button", { type: "button", class: "icon-btn remove", "aria-label": "登録を削除",
        onclick: () => removeRegistered(p.serverId) }, "🗑") : null);
  }

  function termRow(t) {
    return h("li", { class: "phrase term-row" },
      h("button", { type: "button", class: "phrase-send", onclick: () => ctx.onTerm(t.id) },
        h("span", { class: "phrase-ja", lang: "ja" }, `${t.ja}（${t.reading}）`),
        h("span", { class: "phrase-tr", lang: ctx.lang() }, t.term || "—")));
  }

  function visible() {
    const query = $(".phrase-search", panel).value.trim().toLowerCase();
    if (query) {
      const hit = (p) => [p.ja, p.text || ""].some((s) => s.toLowerCase().includes(query));
      return allPhrases().filter(hit).map(phraseRow);
    }
    if (tab === TERMS) return ctx.pack().terms.map(termRow);
    if (tab === FAVOURITES) {
      const ids = favourites();
      const list = allPhrases().filter((p) => ids.includes(p.id)).map(phraseRow);
      return list.length ? list : [h("li", { class: "empty" }, "☆ を押すと、よく使う定型文がここに出ます。")];
    }
    if (tab === REGISTERED) return allPhrases().filter((p) => p.mine).map(phraseRow);
    const genre = ctx.pack().genres.find((g) => g.slug === tab);
    return (genre ? genre.phrases : []).map(phraseRow);
  }

  function tabs() {
    const items = [[FAVOURITES, "★ お気に入り"], [REGISTERED, "この窓口の登録文"],
      ...ctx.pack().genres.map((g) => [g.slug, g.name]), [TERMS, "用語の説明"]];
    return items.map(([id, label]) => h("button", {
      type: "button", role: "tab", class: `tab${tab === id ? " on" : ""}`, "aria-selected": String(tab === id),
      dataset: { tab: id }, onclick: () => { tab = id; $(".phrase-search", panel).value = ""; render(); },
    }, label));
  }

  function render() {
    clear($(".phrase-tabs", panel)).append(...tabs());
    clear($(".phrase-list", panel)).append(...visible());
    $(".register", panel).hidden = tab !== REGISTERED;
  }

  async function refreshRegistered() {
    registered = ctx.counter() ? (await api.phrases(ctx.counter())).phrases : [];
    render();
  }

  async function register(event) {
    event.preventDefault();
    const input = $(".register-input", panel);
    const ja = input.value.trim();
    if (!ja) return;
    if (!ctx.counter()) return ctx.toast(ctx.staff.no_counter);
    await api.addPhrase(ctx.counter(), ja);
    input.value = "";
    ctx.toast(fmt(ctx.staff.phrase_registered, { ja }));
    await refreshRegistered();
  }

  async function removeRegistered(id) {
    await api.removePhrase(ctx.counter(), id);
    await refreshRegistered();
  }

  $(".phrase-search", panel).addEventListener("input", render);
  $(".register", panel).addEventListener("submit", (e) => register(e).catch((err) => ctx.toast(err.message)));
  return { render, refreshRegistered, showTab: (id) => { tab = id; render(); } };
}
