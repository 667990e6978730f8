// The counter tablet: wiring of the start screen, the two halves, phrases, summary and speech.
import { $, h, clear } from "./dom.js";
import { api } from "./api.js";
import { conversation, prefs as prefStore } from "./store.js";
import { renderLogs, sides } from "./render.js";
import { renderStart } from "./start.js";
import { createPhrasePanel } from "./phrases.js";
import { createSummary } from "./summary.js";
import { closeOverlays, fmt, showInterpreter, showTerm } from "./overlays.js";
import * as speech from "./speech.js";

const RESULT_FIELDS = ["text", "source", "target", "origin", "source_text", "machine_translated", "label",
  "staff_label", "back_translation", "guards", "fallback", "rejected_translation", "note", "staff_notes",
  "terms", "pivot", "missing_packages"];

let config = null;
let pack = null;
let state = null;
const prefs = prefStore.load();
const urlCounter = new URLSearchParams(location.search).get("counter");
if (urlCounter) { prefs.counter = urlCounter; prefStore.save(prefs); }

const ctx = {
  get config() { return config; },
  get staff() { return config.staff_strings; },
  get strings() { return pack.strings; },
  get pack() { return pack; },
  get lang() { return state.lang; },
  get speechTag() { return pack.speech; },
  prefs,
  staffLog: $("#staff-log"), residentLog: $("#resident-log"),
  staffOverlay: $("#staff-overlay"), residentOverlay: $("#resident-overlay"),
  chooseLine: $("#choose-line"), grid: $("#language-grid"), counterSelect: $("#counter-select"),
  printArea: $("#print-summary"),
  counter: () => prefs.counter,
  canSpeak: speech.canSpeak,
  speak: (text, tag) => { if (speech.speak(text, tag)) event("read_aloud"); },
  onTerm: (id) => showTerm(ctx, id),
  onPin: (id) => pin(id),
  choose: (lang) => enter(lang, true).catch(offline),
  languageName: (code) => (config.languages.find((l) => l.code === code) || {}).name_ja || code,
};

const phrases = createPhrasePanel({
  phrasePanel: $("#phrase-panel"), prefs,
  get staff() { return config.staff_strings; },
  pack: () => pack, lang: () => state.lang, counter: ctx.counter,
  savePrefs: () => prefStore.save(prefs), sendStaff: (ja, kind) => sendStaff(ja, kind),
  onTerm: ctx.onTerm, toast,
});
const summary = createSummary({
  summaryPanel: $("#summary-panel"), printArea: ctx.printArea,
  get config() { return config; }, get staff() { return config.staff_strings; },
  pack: () => pack, lang: () => state.lang, state: () => state, counter: ctx.counter,
  save: () => conversation.save(state), translate: (body) => api.translate({ ...body, counter: prefs.counter }),
  event: (name) => event(name), toast,
});

function event(name) {
  if (state) api.event(name, state.lang, prefs.counter);
}

function toast(message) {
  const el = $("#toast");
  el.textContent = message;
  el.hidden = false;
  clearTimeout(toast.timer);
  toast.timer = setTimeout(() => { el.hidden = true; }, 4000);
}

function offline(error) {
  console.error(error);
  toast(config ? config.staff_strings.offline : "サーバーにつながりません。");
}

function render() {
  if (state && pack) renderLogs(state, ctx);
}

async function send({ text, source, target, from, kind }) {
  const current = state;
  const u = { id: current.nextId++, from, kind, pending: true, source_text: text, source, target, text: "", terms: [] };
  current.utterances.push(u);
  conversation.save(current);
  render();
  try {
    const result = await api.translate({ text, source, target, kind, counter: prefs.counter });
    for (const key of RESULT_FIELDS) u[key] = result[key];
  } catch (error) {
    Object.assign(u, { text, origin: "none", fallback: true, error: `${config.staff_strings.offline} (${error.message})` });
  }
  u.pending = false;
  if (state !== current) return; // the conversation was ended meanwhile: keep nothing
  conversation.save(current);
  render();
}

function sendStaff(ja, kind = "staff_text") {
  closePanels();
  return send({ text: ja, source: "ja", target: state.lang, from: "staff", kind });
}

function sendResident(text, source, kind = "resident_text") {
  return send({ text, source, target: "ja", from: "resident", kind });
}

function pin(id) {
  const u = state.utterances.find((x) => x.id === id);
  if (!u) return;
  const s = sides(u);
  summary.add("notes", s.ja, { text: u.fallback ? null : s.res, label: u.from === "staff" && !u.fallback ? u.label || "" : "" });
  toast(config.staff_strings.pinned);
}

function applyLayout() {
  const halves = $("#halves");
  halves.classList.toggle("face", state.mode === "face");
  halves.classList.toggle("side", state.mode === "side");
  halves.classList.toggle("rotated", state.mode === "face" && state.rotated);
  $("#mode-btn").textContent = state.mode === "face" ? "横並びにする" : "向かい合わせにする";
  $("#rotate-btn").hidden = state.mode !== "face";
}

function micButton(button, tag, labels, input) {
  const status = speech.voiceInputState();
  button.disabled = status !== "ready";
  button.classList.toggle("unavailable", status !== "ready");
  button.querySelector(".mic-label").textContent = status === "ready" ? labels.ready : labels[status];
  button.onclick = () => speech.listen(tag, {
    onText: (text) => { input.value = text; input.focus(); event("voice_input"); },
    onState: (st, detail) => {
      button.classList.toggle("listening", st === "listening");
      button.querySelector(".mic-label").textContent = st === "listening" ? labels.listening
        : st === "error" && speech.voiceInputState() === "broken" ? labels.broken.replace("{error}", detail) : labels.ready;
      if (speech.voiceInputState() === "broken") { button.disabled = true; button.classList.add("unavailable"); }
    },
  });
}

function fillResidentHalf() {
  const R = pack.strings;
  const half = $("#resident-half");
  half.lang = state.lang;
  $("#resident-name").textContent = pack.endonym;
  $("#resident-interpreter .label").textContent = R.interpreter;
  $("#replies-title").textContent = R.quick_replies;
  $("#resident-input").placeholder = R.type_here;
  $("#resident-send").textContent = R.send;
  clear($("#replies")).append(...pack.replies.map((r) =>
    h("button", { type: "button", class: "reply", lang: r.text_lang, dataset: { id: r.id },
      onclick: () => sendResident(r.text, r.text_lang, "resident_reply") }, r.text)));
  micButton($("#resident-mic"), pack.speech, { ready: R.speak, listening: R.listening, none: R.voice_unavailable,
    broken: R.voice_unavailable }, $("#resident-input"));
}

function fillStaffHalf() {
  const S = config.staff_strings;
  const how = pack.mt_to ? (pack.mt_to === "pivot" ? "定型文＋機械翻訳（英語経由）" : "定型文＋機械翻訳")
    : pack.code === "ja-easy" ? "定型文のみ" : "定型文のみ（機械翻訳モデルなし）";
  $("#staff-lang").textContent = `${pack.name_ja}（${pack.endonym}）`;
  $("#staff-how").textContent = how;
  $("#staff-how").title = pack.missing_packages.length ? `必要なパッケージ：${pack.missing_packages.join(" / ")}` : "";
  micButton($("#staff-mic"), "ja-JP", { ready: S.speak, listening: S.listening, none: S.voice_in_none,
    broken: S.voice_in_broken }, $("#staff-input"));
}

async function enter(lang, isNew) {
  pack = await api.language(lang);
  if (isNew) {
    state = conversation.start(lang);
    event("start");
  }
  fillResidentHalf();
  fillStaffHalf();
  applyLayout();
  $("#start").hidden = true;
  $("#conversation").hidden = false;
  document.documentElement.classList.add("in-conversation");
  render();
  summary.render();
  phrases.render();
  phrases.refreshRegistered().catch(offline);
}

function closePanels() {
  for (const id of ["#phrase-panel", "#summary-panel"]) $(id).hidden = true;
  for (const id of ["#phrases-btn", "#summary-btn"]) $(id).setAttribute("aria-expanded", "false");
}

function togglePanel(panelId, buttonId) {
  const panel = $(panelId);
  const opening = panel.hidden;
  closePanels();
  panel.hidden = !opening;
  $(buttonId).setAttribute("aria-expanded", String(opening));
}

function endConversation() {
  const button = $("#end-btn");
  if (!button.classList.contains("confirm")) {
    button.classList.add("confirm");
    button.textContent = "もう一度押すと消去";
    setTimeout(() => { button.classList.remove("confirm"); button.textContent = "会話を終了"; }, 5000);
    return;
  }
  event("end");
  conversation.end();
  state = null;
  pack = null;
  for (const el of [ctx.staffLog, ctx.residentLog, ctx.printArea, $("#replies"), $(".phrase-list"),
    $(".phrase-tabs"), $(".summary-sections")]) clear(el);
  for (const el of [$("#staff-input"), $("#resident-input")]) el.value = "";
  closeOverlays(ctx);
  closePanels();
  button.classList.remove("confirm");
  button.textContent = "会話を終了";
  $("#conversation").hidden = true;
  $("#start").hidden = false;
  document.documentElement.classList.remove("in-conversation");
  toast(config.staff_strings.ended);
}

function submitOnEnter(textarea, form) {
  textarea.addEventListener("keydown", (e) => {
    if (e.key === "Enter" && !e.shiftKey && !e.isComposing && e.keyCode !== 229) {
      e.preventDefault();
      form.requestSubmit();
    }
  });
}

function wire() {
  $("#staff-form").addEventListener("submit", (e) => {
    e.preventDefault();
    const text = $("#staff-input").value.trim();
    if (text) { $("#staff-input").value = ""; sendStaff(text); }
  });
  $("#resident-form").addEventListener("submit", (e) => {
    e.preventDefault();
    const text = $("#resident-input").value.trim();
    if (text) { $("#resident-input").value = ""; sendResident(text, state.lang); }
  });
  submitOnEnter($("#staff-input"), $("#staff-form"));
  submitOnEnter($("#resident-input"), $("#resident-form"));
  $("#phrases-btn").addEventListener("click", () => togglePanel("#phrase-panel", "#phrases-btn"));
  $("#summary-btn").addEventListener("click", () => togglePanel("#summary-panel", "#summary-btn"));
  for (const id of ["#staff-interpreter", "#resident-interpreter"]) {
    $(id).addEventListener("click", () => { showInterpreter(ctx); event("interpreter"); });
  }
  $("#mode-btn").addEventListener("click", () => { state.mode = state.mode === "face" ? "side" : "face"; conversation.save(state); applyLayout(); });
  $("#rotate-btn").addEventListener("click", () => { state.rotated = !state.rotated; conversation.save(state); applyLayout(); });
  $("#end-btn").addEventListener("click", endConversation);
  ctx.counterSelect.addEventListener("change", () => { prefs.counter = ctx.counterSelect.value; prefStore.save(prefs); });
  speech.onVoicesChanged(render);
}

async function boot() {
  wire();
  config = await api.config();
  $("#city").textContent = config.city;
  renderStart(ctx);
  const saved = conversation.load();
  if (saved) {
    state = saved;
    await enter(saved.lang, false);
  }
}

boot().catch(offline);
