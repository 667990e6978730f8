// Each utterance shown twice: on the staff half (Japanese first, with checks for the staff)
// and on the resident half (the resident's language first, Japanese below).
import { h, clear } from "./dom.js";

const CLIP = 160; // a runaway MT output must not push the conversation off the screen

function clip(text) {
  return text && text.length > CLIP ? `${text.slice(0, CLIP)}…` : text || "";
}

// Both sides of an utterance: what the Japanese reader and the resident read.
export function sides(u) {
  const fromStaff = u.from === "staff";
  return {
    ja: fromStaff ? u.source_text : u.text,
    res: fromStaff ? u.text : u.source_text,
    jaIsTranslation: !fromStaff && u.origin !== "none",
    resIsTranslation: fromStaff && u.origin !== "none",
  };
}

// Text with glossary terms as buttons: tapping shows the resident the explanation.
export function withTerms(text, terms, field, onTerm) {
  const needles = terms
    .filter((t) => t[field])
    .map((t) => ({ id: t.id, needle: t[field] }))
    .sort((a, b) => b.needle.length - a.needle.length);
  const lower = (text || "").toLowerCase();
  const taken = [];
  for (const { id, needle } of needles) {
    let at = lower.indexOf(needle.toLowerCase());
    while (at >= 0) {
      const end = at + needle.length;
      if (taken.every((t) => end <= t.start || at >= t.end)) taken.push({ id, start: at, end });
      at = lower.indexOf(needle.toLowerCase(), end);
    }
  }
  taken.sort((a, b) => a.start - b.start);
  const nodes = [];
  let pos = 0;
  for (const t of taken) {
    nodes.push(text.slice(pos, t.start));
    nodes.push(h("button", { type: "button", class: "term", dataset: { term: t.id },
      onclick: () => onTerm(t.id) }, text.slice(t.start, t.end)));
    pos = t.end;
  }
  nodes.push((text || "").slice(pos));
  return nodes;
}

function speakButton(text, tag, label, ctx) {
  const usable = ctx.canSpeak(tag);
  return h("button", {
    type: "button", class: "icon-btn speak", "aria-label": label,
    title: usable ? label : ctx.staff.no_voice_out, disabled: !usable,
    onclick: () => ctx.speak(text, tag),
  }, "🔊");
}

function failedGuards(u) {
  return (u.guards || []).filter((g) => !g.ok);
}

function staffWarnings(u, ctx) {
  const failed = failedGuards(u);
  const boxes = [];
  if (failed.length) {
    boxes.push(h("div", { class: "warning", role: "alert" },
      h("strong", {}, `⚠ ${ctx.staff.guard_title}`),
      h("ul", {}, failed.map((g) => h("li", { class: "guard", dataset: { guard: g.name } }, g.message))),
      h("p", { class: "explain" }, ctx.staff.guard_explained),
      u.rejected_translation ? h("details", {},
        h("summary", {}, ctx.staff.rejected_mt),
        h("p", { class: "rejected", lang: u.target }, clip(u.rejected_translation))) : null));
  } else if (u.fallback) {
    const fromStaff = u.from === "staff";
    boxes.push(h("div", { class: "warning no-model", role: "alert" },
      h("strong", {}, `⚠ ${fromStaff ? ctx.staff.no_model_title : ctx.staff.no_model_title_resident}`),
      (u.staff_notes || []).map((n) => h("p", {}, n)),
      fromStaff ? h("p", { class: "explain" }, ctx.staff.no_model_explained) : null));
  }
  const others = failed.length || u.fallback ? [] : u.staff_notes || [];
  return [...boxes, ...others.map((n) => h("p", { class: "staff-note" }, `ℹ ${n}`))];
}

function originBadge(u, text, cls) {
  return text ? h("span", { class: `badge ${cls} origin-${u.origin}${u.machine_translated ? " mt" : ""}` }, text) : null;
}

// Staff half: Japanese first; when nothing could be translated, say what the other side sees.
function staffTexts(u, s, ctx) {
  const terms = u.terms || [];
  const pending = (side) => u.pending && u.from === side;
  if (u.from === "resident" && u.fallback) {
    return [h("p", { class: "primary", lang: ctx.lang }, s.res),
      h("p", { class: "secondary" }, ctx.staff.resident_not_translated)];
  }
  return [
    h("p", { class: "primary", lang: "ja" }, pending("resident") ? ctx.staff.translating : withTerms(s.ja, terms, "ja", ctx.onTerm)),
    u.fallback ? h("p", { class: "secondary" }, ctx.staff.shown_in_japanese)
      : h("p", { class: "secondary", lang: ctx.lang },
        pending("staff") ? ctx.staff.translating : withTerms(s.res, terms, "term", ctx.onTerm)),
  ];
}

function staffItem(u, ctx) {
  const s = sides(u);
  const mt = u.machine_translated && !u.fallback;
  const who = u.from === "staff" ? ctx.staff.from_staff : ctx.staff.from_resident;
  const label = u.fallback ? (u.machine_translated ? ctx.staff.mt_stopped : ctx.staff.not_translated)
    : u.staff_label || (u.origin === "phrasebook" ? ctx.staff.human : "");
  return h("li", { class: `utt from-${u.from}${u.pending ? " pending" : ""}`, dataset: { id: u.id, origin: u.origin || "" } },
    h("div", { class: "meta" }, h("span", { class: "who" }, who), originBadge(u, label, "staff-badge"),
      h("span", { class: "spacer" }),
      u.pending ? null : speakButton(s.ja, "ja-JP", ctx.staff.read_ja, ctx),
      u.pending ? null : h("button", { type: "button", class: "icon-btn pin", title: ctx.staff.pin,
        "aria-label": ctx.staff.pin, onclick: () => ctx.onPin(u.id) }, "📌")),
    staffTexts(u, s, ctx),
    u.machine_translated && u.from === "staff" && u.back_translation ? h("p", { class: "back" },
      h("span", { class: "back-label" }, ctx.staff.back_translation), clip(u.back_translation)) : null,
    mt && u.from === "resident" ? h("p", { class: "explain" }, ctx.staff.resident_mt_explained) : null,
    u.error ? h("p", { class: "warning" }, `⚠ ${u.error}`) : null,
    u.pending ? null : staffWarnings(u, ctx));
}

function residentItem(u, ctx) {
  const s = sides(u);
  const R = ctx.strings;
  const showLabel = u.from === "staff" && !u.fallback ? u.label : "";
  const jaLabel = u.from === "staff" ? R.japanese_shown : "";
  return h("li", { class: `utt from-${u.from}${u.pending ? " pending" : ""}`, dataset: { id: u.id } },
    h("div", { class: "meta" }, h("span", { class: "who" }, u.from === "staff" ? R.staff : R.you),
      originBadge(u, showLabel, "res-badge"), h("span", { class: "spacer" }),
      u.pending ? null : speakButton(s.res, ctx.speechTag, R.read_aloud, ctx)),
    h("p", { class: "primary", lang: u.fallback && u.from === "staff" ? "ja" : ctx.lang },
      u.pending && u.from === "staff" ? R.translating : withTerms(s.res, u.terms || [], u.fallback ? "ja" : "term", ctx.onTerm)),
    u.note && u.from === "staff" ? h("p", { class: "res-note" }, u.note) : null,
    u.fallback && u.from === "resident" ? h("p", { class: "res-note" }, R.not_translated) : null,
    u.from === "resident" && u.machine_translated && u.back_translation && !u.fallback
      ? h("p", { class: "back" }, h("span", { class: "back-label" }, R.understood_as), clip(u.back_translation)) : null,
    u.fallback ? null
      : h("p", { class: "secondary", lang: "ja" }, jaLabel ? h("span", { class: "sub-label" }, jaLabel) : null,
        u.pending ? "…" : s.ja));
}

export function renderLogs(state, ctx) {
  const staffLog = clear(ctx.staffLog);
  const residentLog = clear(ctx.residentLog);
  if (!state.utterances.length) residentLog.append(h("li", { class: "welcome" }, ctx.strings.welcome));
  for (const u of state.utterances) {
    staffLog.append(staffItem(u, ctx));
    residentLog.append(residentItem(u, ctx));
  }
  // Show the newest utterance from its top (who said it, the MT label), however long it is.
  for (const log of [staffLog, residentLog]) {
    const last = log.lastElementChild;
    log.scrollTop = last ? last.offsetTop - 6 : 0;
  }
}
