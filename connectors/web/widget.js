/*
 * madoguchi chat widget: one <script src=".../widget.js"> tag on a city page adds a chat
 * button and panel. Vanilla JS, no build step. Options (data-* on the script tag):
 *   data-api   base URL of the madoguchi app (default: where this script came from)
 *   data-lang  initial language (ja, ja-easy, en, zh-Hans, ko, vi, pt-BR); default: the browser's
 *              preferred language when supported, else Japanese. The bot answers in the UI's language.
 * UI strings come from connectors/ui_strings.json, inlined by the app when it serves this file.
 */
(function () {
  "use strict";
  var CONFIG = /*__MADOGUCHI_CONFIG__*/ null;
  var CSS = /*__MADOGUCHI_CSS__*/ "";
  if (!CONFIG || window.__madoguchiWidget) return;
  window.__madoguchiWidget = true;

  var script = document.currentScript;
  var base = (script && script.dataset.api) || (script ? new URL(script.src, location.href).origin : "");
  var STORE_KEY = "madoguchi-chat:" + base;
  var MAX_HISTORY = 100;
  var RETRY_DELAYS_MS = [1000, 3000];
  var TIMEOUT_MS = 20000;

  var state = loadState();
  var pending = null; // {text} while a message waits for an answer or a retry
  var busy = false;
  var retryTimer = null;
  var ui = {};

  function loadState() {
    var saved = null;
    try { saved = JSON.parse(sessionStorage.getItem(STORE_KEY) || "null"); } catch (e) { saved = null; }
    var attrLang = script && script.dataset.lang;
    var fresh = { sessionId: newSessionId(), lang: supported(attrLang) ? attrLang : browserLanguage(),
                  open: false, history: [] };
    return saved && saved.sessionId ? saved : fresh;
  }

  // The first language the browser prefers that we support (zh-CN -> zh-Hans, pt -> pt-BR), else Japanese.
  function browserLanguage() {
    var wanted = navigator.languages || [navigator.language || "ja"];
    for (var i = 0; i < wanted.length; i++) {
      var tag = String(wanted[i]);
      var primary = tag.split("-")[0].toLowerCase();
      if (supported(tag)) return tag;
      if (primary === "zh" && !/(TW|HK|MO|Hant)/i.test(tag)) return "zh-Hans";
      if (primary === "pt") return "pt-BR";
      if (primary !== "zh" && supported(primary)) return primary;
    }
    return "ja";
  }

  function saveState() {
    state.history = state.history.slice(-MAX_HISTORY);
    try { sessionStorage.setItem(STORE_KEY, JSON.stringify(state)); } catch (e) { /* private mode: keep in memory */ }
  }

  function newSessionId() {
    var bytes = new Uint8Array(16);
    (window.crypto || window.msCrypto).getRandomValues(bytes);
    return "w-" + Array.prototype.map.call(bytes, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
  }

  function supported(lang) {
    return !!lang && Object.prototype.hasOwnProperty.call(CONFIG.strings, lang);
  }

  function t(key, values) {
    var table = CONFIG.strings[state.lang] || CONFIG.strings.ja;
    var text = table[key] || CONFIG.strings.ja[key] || key;
    return text.replace(/\{(\w+)\}/g, function (m, name) { return values && name in values ? values[name] : m; });
  }

  function htmlLang(code) {
    for (var i = 0; i < CONFIG.languages.length; i++) {
      if (CONFIG.languages[i].code === code) return CONFIG.languages[i].html_lang;
    }
    return "ja";
  }

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) { node.setAttribute(name, attrs[name]); });
    if (text) node.textContent = text;
    return node;
  }

  // --- building the widget ---------------------------------------------------------------
  function build() {
    var host = el("div", { id: "madoguchi-chat" });
    var root = host.attachShadow ? host.attachShadow({ mode: "open" }) : host;
    var style = el("style");
    style.textContent = CSS;
    root.appendChild(style);

    ui.launcher = el("button", { type: "button", "class": "launcher", "aria-expanded": "false",
                                 "aria-controls": "mdg-panel" });
    ui.launcher.innerHTML = '<svg aria-hidden="true" viewBox="0 0 24 24" width="24" height="24"><path fill="currentColor" d="M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4H4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z"/></svg>';
    ui.launcherLabel = el("span", { "class": "launcher-label" });
    ui.launcher.appendChild(ui.launcherLabel);

    ui.panel = el("div", { id: "mdg-panel", "class": "panel", role: "dialog", "aria-modal": "true",
                           "aria-labelledby": "mdg-title", "aria-describedby": "mdg-notice" });
    ui.panel.hidden = true;
    ui.panel.appendChild(buildHeader());
    // The notice scrolls with the conversation, so small screens and 200% text keep room for it.
    ui.scroller = el("div", { "class": "scroller", tabindex: "0", role: "region" });
    ui.notice = el("p", { id: "mdg-notice", "class": "notice" });
    ui.log = el("div", { "class": "log", role: "log", "aria-live": "polite", "aria-relevant": "additions" });
    ui.scroller.appendChild(ui.notice);
    ui.scroller.appendChild(ui.log);
    ui.panel.appendChild(ui.scroller);
    ui.typing = el("div", { "class": "typing", role: "status" });
    ui.panel.appendChild(ui.typing);
    ui.panel.appendChild(buildStatus());
    ui.panel.appendChild(buildComposer());

    root.appendChild(ui.launcher);
    root.appendChild(ui.panel);
    document.body.appendChild(host);
    ui.host = host;
    ui.root = root;
    wire();
  }

  function buildHeader() {
    var header = el("div", { "class": "header" });
    ui.title = el("h2", { id: "mdg-title", "class": "title" });
    ui.langLabel = el("label", { "for": "mdg-lang", "class": "lang-label" });
    ui.langSelect = el("select", { id: "mdg-lang", "class": "lang" });
    CONFIG.languages.forEach(function (lang) {
      var option = el("option", { value: lang.code, lang: lang.html_lang }, lang.name);
      ui.langSelect.appendChild(option);
    });
    ui.close = el("button", { type: "button", "class": "close" });
    ui.close.innerHTML = '<svg aria-hidden="true" viewBox="0 0 24 24" width="20" height="20"><path fill="currentColor" d="M6.4 5 12 10.6 17.6 5 19 6.4 13.4 12 19 17.6 17.6 19 12 13.4 6.4 19 5 17.6 10.6 12 5 6.4z"/></svg>';
    var langBox = el("div", { "class": "lang-box" });
    langBox.appendChild(ui.langLabel);
    langBox.appendChild(ui.langSelect);
    header.appendChild(ui.title);
    header.appendChild(ui.close);
    header.appendChild(langBox);
    return header;
  }

  function buildStatus() {
    ui.status = el("div", { "class": "status", role: "alert" });
    ui.statusText = el("span", { "class": "status-text" });
    ui.retry = el("button", { type: "button", "class": "retry" });
    ui.status.appendChild(ui.statusText);
    ui.status.appendChild(ui.retry);
    ui.status.hidden = true;
    return ui.status;
  }

  function buildComposer() {
    ui.form = el("form", { "class": "composer", novalidate: "" });
    ui.inputLabel = el("label", { "for": "mdg-input", "class": "sr-only" });
    ui.input = el("textarea", { id: "mdg-input", rows: "2", "aria-describedby": "mdg-counter" });
    ui.send = el("button", { type: "submit", "class": "send" });
    ui.counter = el("div", { id: "mdg-counter", "class": "counter" });
    ui.form.appendChild(ui.inputLabel);
    ui.form.appendChild(ui.input);
    ui.form.appendChild(ui.send);
    ui.form.appendChild(ui.counter);
    return ui.form;
  }

  function applyStrings() {
    ui.host.setAttribute("lang", htmlLang(state.lang));
    ui.launcherLabel.textContent = t("launcher");
    ui.title.textContent = t("title");
    ui.langLabel.textContent = t("language_label");
    ui.langSelect.value = state.lang;
    ui.close.setAttribute("aria-label", t("close"));
    ui.close.title = t("close");
    ui.notice.textContent = t("privacy_note");
    ui.log.setAttribute("aria-label", t("title"));
    ui.scroller.setAttribute("aria-label", t("title"));
    ui.inputLabel.textContent = t("input_label");
    ui.input.placeholder = t("placeholder");
    ui.send.textContent = t("send");
    ui.retry.textContent = t("retry");
    updateCounter();
  }

  // --- messages ------------------------------------------------------------------------------
  var LINK = /(https?:\/\/[^\s<>"'）」】、。]+)|(\b0\d{1,4}-\d{1,4}-\d{3,4}\b)/g;

  function linkify(text) {
    var fragment = document.createDocumentFragment();
    var last = 0;
    text.replace(LINK, function (match, url, phone, offset) {
      var clean = url ? match.replace(/[).,!?]+$/, "") : match;
      fragment.appendChild(document.createTextNode(text.slice(last, offset)));
      fragment.appendChild(url ? externalLink(clean) : el("a", { href: "tel:" + clean.replace(/-/g, "") }, clean));
      last = offset + clean.length;
      return match;
    });
    fragment.appendChild(document.createTextNode(text.slice(last)));
    return fragment;
  }

  function externalLink(url) {
    var link = el("a", { href: url, target: "_blank", rel: "noopener noreferrer" }, url);
    link.appendChild(el("span", { "class": "sr-only" }, t("new_tab")));
    return link;
  }

  function renderMessage(message, withChoices) {
    var item = el("div", { "class": "msg " + message.role });
    if (message.lang) item.setAttribute("lang", htmlLang(message.lang));
    var who = message.role === "user" ? t("you") : message.role === "bot" ? t("bot") : "";
    if (who) item.appendChild(el("span", { "class": "sr-only" }, who + ": "));
    var bubble = el("div", { "class": "bubble" });
    bubble.appendChild(linkify(message.text));
    item.appendChild(bubble);
    if (withChoices && message.buttons && message.buttons.length) item.appendChild(renderChoices(message.buttons));
    ui.log.appendChild(item);
    ui.scroller.scrollTop = ui.scroller.scrollHeight;
  }

  function renderChoices(buttons) {
    var group = el("div", { "class": "choices", role: "group", "aria-label": t("choices_label") });
    buttons.forEach(function (button) {
      var choice = el("button", { type: "button", "class": "choice" }, button.title);
      choice.addEventListener("click", function () { send(button.payload, button.title); });
      group.appendChild(choice);
    });
    return group;
  }

  function clearChoices() {
    Array.prototype.forEach.call(ui.log.querySelectorAll(".choices"), function (group) { group.remove(); });
  }

  function addMessage(message) {
    state.history.push(message);
    saveState();
    renderMessage(message, true);
  }

  function renderHistory() {
    ui.log.textContent = "";
    if (!state.history.length) state.history.push({ role: "bot", text: t("greeting"), lang: state.lang, buttons: [] });
    var lastUser = -1; // choices stay usable for the bot's latest turn only
    state.history.forEach(function (message, index) { if (message.role === "user") lastUser = index; });
    state.history.forEach(function (message, index) { renderMessage(message, index > lastUser); });
  }

  // --- talking to the app --------------------------------------------------------------------
  function send(text, display) {
    text = (text || "").trim();
    if (!text || busy) return;
    var count = Array.from(text).length;
    if (count > CONFIG.max_text) {
      showStatus(t("too_long", { max: CONFIG.max_text, count: count }), false);
      ui.input.setAttribute("aria-invalid", "true");
      ui.input.focus();
      return;
    }
    clearChoices();
    addMessage({ role: "user", text: display || text, lang: state.lang });
    if (!display) { ui.input.value = ""; updateCounter(); }
    pending = { text: text };
    ui.input.focus();
    deliver(0);
  }

  function deliver(attempt) {
    clearTimeout(retryTimer);
    setBusy(true);
    // The language the resident sees is the language the bot answers in.
    var body = { session_id: state.sessionId, text: pending.text, lang: state.lang };
    post(body).then(function (response) {
      if (response.ok) return response.json().then(onReply);
      return onHttpError(response, attempt);
    }, function () { onNetworkError(attempt); }).catch(function () {
      setBusy(false); // an unreadable answer: never leave the resident waiting forever
      showStatus(t("server_error"), true);
    });
  }

  function post(body) {
    var controller = window.AbortController ? new AbortController() : null;
    var timer = setTimeout(function () { if (controller) controller.abort(); }, TIMEOUT_MS);
    return fetch(base + "/api/chat", {
      method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body),
      signal: controller ? controller.signal : undefined, credentials: "omit"
    }).finally(function () { clearTimeout(timer); });
  }

  function onReply(data) {
    pending = null;
    setBusy(false);
    hideStatus();
    // The bot changed language on request ("英語で話して"): follow it.
    if (supported(data.lang) && data.lang !== state.lang) { state.lang = data.lang; applyStrings(); }
    (data.messages || []).forEach(function (message) {
      addMessage({ role: "bot", text: message.text, buttons: message.buttons || [], lang: data.lang });
    });
  }

  function onHttpError(response, attempt) {
    if (response.status >= 500 && attempt < RETRY_DELAYS_MS.length) return retryLater(attempt);
    setBusy(false);
    if (response.status === 429) {
      var seconds = parseInt(response.headers.get("Retry-After") || "", 10) || 30;
      showStatus(t("rate_limited", { seconds: seconds }), true, seconds);
    } else if (response.status === 422) {
      showStatus(t("too_long", { max: CONFIG.max_text, count: Array.from(pending.text).length }), false);
      pending = null;
    } else {
      showStatus(t("server_error"), true);
    }
  }

  function onNetworkError(attempt) {
    if (attempt < RETRY_DELAYS_MS.length) { retryLater(attempt); return; }
    setBusy(false);
    showStatus(t("offline"), true);
  }

  function retryLater(attempt) {
    showStatus(t("reconnecting"), false);
    retryTimer = setTimeout(function () { deliver(attempt + 1); }, RETRY_DELAYS_MS[attempt]);
  }

  function setBusy(value) {
    busy = value;
    ui.send.disabled = value;
    ui.typing.textContent = value ? t("typing") : "";
    ui.typing.classList.toggle("active", value);
    ui.log.setAttribute("aria-busy", value ? "true" : "false");
  }

  function showStatus(text, canRetry, waitSeconds) {
    ui.statusText.textContent = text;
    ui.retry.hidden = !canRetry;
    ui.retry.disabled = !!waitSeconds;
    if (waitSeconds) setTimeout(function () { ui.retry.disabled = false; }, waitSeconds * 1000);
    ui.status.hidden = false;
  }

  function hideStatus() {
    ui.status.hidden = true;
    ui.input.removeAttribute("aria-invalid");
  }

  function updateCounter() {
    var count = Array.from(ui.input.value).length;
    var left = CONFIG.max_text - count;
    ui.counter.textContent = left < 100 ? t("chars_left", { count: Math.max(left, 0) }) : "";
    ui.counter.classList.toggle("over", left < 0);
    if (left >= 0 && ui.input.getAttribute("aria-invalid")) hideStatus();
  }

  // --- opening, closing, keyboard ------------------------------------------------------------
  function open(moveFocus) {
    ui.panel.hidden = false;
    ui.launcher.setAttribute("aria-expanded", "true");
    ui.host.classList.add("is-open");
    state.open = true;
    saveState();
    ui.scroller.scrollTop = ui.scroller.scrollHeight;
    if (moveFocus !== false) ui.input.focus();
  }

  function close() {
    ui.panel.hidden = true;
    ui.launcher.setAttribute("aria-expanded", "false");
    ui.host.classList.remove("is-open");
    state.open = false;
    saveState();
    ui.launcher.focus();
  }

  function focusables() {
    var nodes = ui.panel.querySelectorAll("button, select, textarea, a[href], [tabindex='0']");
    return Array.prototype.filter.call(nodes, function (node) {
      return !node.disabled && !node.hidden && node.offsetParent !== null;
    });
  }

  function trapFocus(event) {
    if (event.key === "Escape") { event.preventDefault(); close(); return; }
    if (event.key !== "Tab") return;
    var items = focusables();
    var active = ui.root.activeElement;
    if (!items.length) return;
    if (event.shiftKey && active === items[0]) { event.preventDefault(); items[items.length - 1].focus(); }
    else if (!event.shiftKey && active === items[items.length - 1]) { event.preventDefault(); items[0].focus(); }
  }

  function wire() {
    ui.launcher.addEventListener("click", function () { if (ui.panel.hidden) open(true); else close(); });
    ui.close.addEventListener("click", close);
    ui.panel.addEventListener("keydown", trapFocus);
    ui.form.addEventListener("submit", function (event) { event.preventDefault(); send(ui.input.value); });
    ui.input.addEventListener("input", updateCounter);
    ui.input.addEventListener("keydown", function (event) {
      // Enter sends, Shift+Enter is a new line; Enter that confirms an IME conversion does neither.
      if (event.key === "Enter" && !event.shiftKey && !event.isComposing && event.keyCode !== 229) {
        event.preventDefault();
        send(ui.input.value);
      }
    });
    ui.retry.addEventListener("click", function () { if (pending) deliver(0); });
    ui.langSelect.addEventListener("change", function () { changeLanguage(ui.langSelect.value); });
    window.addEventListener("online", function () { if (pending && !busy) deliver(0); });
  }

  function changeLanguage(lang) {
    if (!supported(lang)) return;
    state.lang = lang;
    applyStrings();
    addMessage({ role: "note", text: t("language_changed"), lang: lang });
  }

  function start() {
    build();
    applyStrings();
    renderHistory();
    saveState();
    if (state.open) open(false); // restored on a new page: don't steal focus
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
