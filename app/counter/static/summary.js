// The take-home summary: what to bring, where to go, deadlines, notes, in Japanese and the
// resident's language. It lives in the conversation (sessionStorage) and is only printed,
// never sent to the server for storage.
import { h, append, clear, $ } from "./dom.js";

export const SECTIONS = ["bring", "where", "deadline", "notes"];

export function locale(ctx) {
  return ctx.pack().speech || "en-US";
}

function formatDate(iso, tag) {
  if (!iso) return "";
  const date = new Date(`${iso}T12:00:00`);
  try {
    return new Intl.DateTimeFormat(tag, { year: "numeric", month: "long", day: "numeric", weekday: "short" }).format(date);
  } catch {
    return iso;
  }
}

function itemTexts(item, ctx) {
  const ja = item.date ? `${formatDate(item.date, "ja-JP")} ${item.ja}`.trim() : item.ja;
  const body = item.text ?? "";
  const res = item.date ? `${formatDate(item.date, locale(ctx))} ${body}`.trim() : body;
  return { ja, res };
}

export function createSummary(ctx) {
  const panel = ctx.summaryPanel;
  const state = () => ctx.state();

  async function add(section, ja, extra = {}) {
    const item = { id: `s${Date.now()}${Math.random().toString(16).slice(2, 6)}`, ja, text: null, label: "", ...extra };
    if (ja && item.text === null) {
      const result = await ctx.translate({ text: ja, source: "ja", target: ctx.lang(), kind: "summary" });
      item.text = result.fallback ? null : result.text;
      item.label = result.fallback ? "" : result.label || "";
    }
    state().summary[section].push(item);
    ctx.save();
    render();
  }

  function remove(section, id) {
    state().summary[section] = state().summary[section].filter((i) => i.id !== id);
    ctx.save();
    render();
  }

  function counterOption(c) {
    return h("option", { value: c.id }, `${c.name}（${c.place}）`);
  }

  function whereItem(id) {
    const c = ctx.config.counters.find((x) => x.id === id);
    if (!c) return null;
    const tr = c.translations[ctx.lang()] || (ctx.lang() === "ja-easy" ? null : c.translations.en);
    return { ja: `${c.name}（${c.place}）`, text: tr ? `${tr.name} (${tr.place})` : null, label: "" };
  }

  function addForm(section) {
    const input = h("input", { type: "text", class: "summary-input", placeholder: "日本語で入力", "aria-label": ctx.staff[`summary_${section}`] });
    const date = section === "deadline" ? h("input", { type: "date", class: "summary-date", "aria-label": "日付" }) : null;
    const select = section === "where" ? h("select", { class: "summary-where", "aria-label": "窓口を選ぶ" },
      h("option", { value: "" }, "窓口を選ぶ…"), ctx.config.counters.map(counterOption)) : null;
    const submit = async (event) => {
      event.preventDefault();
      const picked = select && select.value ? whereItem(select.value) : null;
      if (picked) { await add(section, picked.ja, { text: picked.text }); select.value = ""; return; }
      if (!input.value.trim() && !(date && date.value)) return;
      await add(section, input.value.trim(), date ? { date: date.value } : {});
      input.value = "";
      if (date) date.value = "";
    };
    return h("form", { class: "summary-add", onsubmit: (e) => submit(e).catch((err) => ctx.toast(err.message)) },
      select, date, input, h("button", { type: "submit", class: "btn" }, "追加"));
  }

  function sectionView(section) {
    const items = state().summary[section];
    return h("section", { class: "summary-section", dataset: { section } },
      h("h3", {}, ctx.staff[`summary_${section}`]),
      h("ul", { class: "summary-items" }, items.map((item) => {
        const t = itemTexts(item, ctx);
        return h("li", {}, h("span", { lang: "ja" }, t.ja), h("span", { class: "tr", lang: ctx.lang() }, t.res || "—"),
          h("button", { type: "button", class: "icon-btn remove", "aria-label": "削除", onclick: () => remove(section, item.id) }, "×"));
      })),
      addForm(section));
  }

  function render() {
    if (!state()) return;
    clear($(".summary-sections", panel)).append(...SECTIONS.map(sectionView));
    renderPrint();
  }

  function printRow(item) {
    const t = itemTexts(item, ctx);
    return h("tr", {}, h("td", { lang: "ja" }, t.ja),
      h("td", { lang: ctx.lang() }, t.res || "—", item.label ? h("span", { class: "print-label" }, ` [${item.label}]`) : null));
  }

  function renderPrint() {
    const R = ctx.pack().strings;
    const sections = SECTIONS.filter((s) => state().summary[s].length);
    const info = ctx.pack().interpreter;
    const today = new Date().toISOString().slice(0, 10);
    const counter = ctx.config.counters.find((c) => c.id === ctx.counter());
    append(clear(ctx.printArea), [
      h("header", {}, h("p", { class: "print-city" }, ctx.config.city, counter ? `　${counter.name}（${counter.place}）` : ""),
        h("h1", {}, h("span", { lang: "ja" }, ctx.staff.summary_title), h("span", { lang: ctx.lang() }, R.summary_title)),
        h("p", { class: "print-date" }, `${formatDate(today, "ja-JP")} / ${formatDate(today, locale(ctx))}`)),
      sections.length ? sections.map((s) => h("section", {},
        h("h2", {}, h("span", { lang: "ja" }, ctx.staff[`summary_${s}`]), " / ", h("span", { lang: ctx.lang() }, R[s])),
        h("table", {}, state().summary[s].map(printRow)))) : h("p", {}, ctx.staff.summary_empty),
      info.available ? h("footer", {}, h("p", {}, `☎ ${info.phone}　${info.name_ja} / ${info.name}`),
        h("p", {}, `${info.hours_ja} / ${R.interpreter_hours}: ${info.hours}`)) : null,
      h("p", { class: "print-official" }, ctx.staff.summary_official)]);
  }

  $(".print-btn", panel).addEventListener("click", () => {
    renderPrint();
    ctx.event("summary_print");
    window.print();
  });
  return { render, add, renderPrint };
}
