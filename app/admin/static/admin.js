// The admin's small amount of behaviour: inline checks, saves with versions, try-a-question,
// rollback, CSV preview. Plain JS, no libraries, no network except this app.
"use strict";
(function () {
  const csrf = document.querySelector('meta[name="csrf-token"]')?.content || "";
  const $ = (sel, root = document) => root.querySelector(sel);
  const $$ = (sel, root = document) => Array.from(root.querySelectorAll(sel));
  const esc = (s) => String(s ?? "").replace(/[&<>"']/g, (c) => ({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"}[c]));

  async function api(method, url, body) {
    const init = {method, headers: {"X-CSRF-Token": csrf}};
    if (body instanceof FormData) init.body = body;
    else if (body !== undefined) { init.body = JSON.stringify(body); init.headers["Content-Type"] = "application/json"; }
    const response = await fetch(url, init);
    let data = {};
    try { data = await response.json(); } catch (e) { /* empty body */ }
    return {status: response.status, ok: response.ok, data};
  }

  function say(text, kind) {
    const box = $("#message");
    if (!box) return;
    box.className = "message " + kind;
    box.innerHTML = text;
    box.scrollIntoView({block: "nearest"});
  }
  // No inline handlers or style attributes anywhere: the Content-Security-Policy allows only this file.
  document.addEventListener("click", (event) => { if (event.target.closest("button.reload")) location.reload(); });
  $$("select[data-autosubmit]").forEach((el) => el.addEventListener("change", () => el.form.submit()));
  function detail(data) { return typeof data.detail === "string" ? data.detail : "入力内容を確認してください。"; }
  function debounce(fn, ms) { let t; return (...a) => { clearTimeout(t); t = setTimeout(() => fn(...a), ms); }; }

  // ---- FAQ edit form ------------------------------------------------------------------
  const form = $("#faq-form");
  function fields() {
    const f = {};
    for (const name of ["id", "question", "answer", "department", "url", "updated"]) {
      const el = form.elements[name]; if (el) f[name] = el.value;
    }
    for (const name of ["alternatives", "keywords"]) {
      f[name] = form.elements[name].value.split("\n").map((s) => s.trim()).filter(Boolean);
    }
    return f;
  }
  function showProblems(problems) {
    $$(".problem", form).forEach((p) => { p.textContent = ""; p.className = "problem"; });
    $$(".has-problem", form).forEach((el) => el.classList.remove("has-problem"));
    for (const p of problems) {
      const slot = $(`.problem[data-for="${p.field}"]`, form) || $('.problem[data-for=""]', form);
      slot.textContent += (slot.textContent ? "　" : "") + "⚠ " + p.message + (p.hint ? "（" + p.hint + "）" : "");
      if (p.severity === "warning" && !slot.classList.contains("error")) slot.classList.add("warning");
      else slot.classList.add("error");
      const input = form.elements[p.field];
      if (input && p.severity !== "warning") input.classList.add("has-problem");
    }
    const errors = problems.filter((p) => p.severity !== "warning").length;
    const state = $("#check-state");
    if (state) state.textContent = errors ? `直すところが ${errors} か所あります` : "確認しました：保存できます";
  }
  async function check() {
    const id = form.dataset.entryId;
    const url = "/api/admin/faq/check" + (id ? "?entry_id=" + encodeURIComponent(id) : "");
    const file = form.elements.file ? form.elements.file.value : null;
    if (!id && !file) return;
    const r = await api("POST", url, {fields: fields(), file});
    if (r.ok) showProblems(r.data.problems);
  }
  if (form && $("#save")) {
    form.addEventListener("input", debounce(check, 400));
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      const id = form.dataset.entryId;
      const file = form.elements.file ? form.elements.file.value : null;
      const r = id
        ? await api("PUT", "/api/admin/faq/" + encodeURIComponent(id), {fields: fields(), version: form.dataset.version})
        : await api("POST", "/api/admin/faq", {fields: fields(), file});
      if (r.ok) {
        say("保存しました。チャットの回答に反映されました。", "ok");
        if (!id) { location.href = "/admin/faq/" + encodeURIComponent(r.data.id) + "?saved=1"; return; }
        form.dataset.version = r.data.version;
        showProblems([]);
        setTimeout(() => location.reload(), 1200);
      } else if (r.status === 409) {
        say(esc(detail(r.data)) + ' <button type="button" class="reload">最新の内容を読み込む</button>', "error");
      } else {
        if (r.data.problems) showProblems(r.data.problems);
        say(esc(detail(r.data)), "error");
      }
    });
    const del = $("#delete");
    if (del) del.addEventListener("click", async () => {
      if (!confirm("この FAQ を削除します。よろしいですか？（履歴から元に戻せます）")) return;
      const r = await api("DELETE", `/api/admin/faq/${encodeURIComponent(form.dataset.entryId)}?version=${form.dataset.version}`);
      if (r.ok) location.href = "/admin/faq"; else say(esc(detail(r.data)), "error");
    });
  }
  if (new URLSearchParams(location.search).get("saved")) say("保存しました。チャットの回答に反映されました。", "ok");

  // ---- rollback (FAQ and files) ---------------------------------------------------------
  $$("button.rollback").forEach((button) => button.addEventListener("click", async () => {
    if (!confirm("この変更をする前の内容に戻します。よろしいですか？")) return;
    const r = await api("POST", `/api/admin/revisions/${button.dataset.revision}/rollback`);
    if (r.ok) { location.href = location.pathname + "?saved=1"; } else say(esc(detail(r.data)), "error");
  }));

  // ---- try a question -------------------------------------------------------------------
  const labels = {confident: "回答します", ambiguous: "候補を3つ出します", no_answer: "回答できません（担当窓口を案内）"};
  const signalLabels = {q_words: "質問の言葉", q_chars: "質問の文字", q_kana: "読みがな", a_words: "回答の言葉",
    intl: "翻訳", coverage: "一致した言葉の割合", dense: "意味の近さ", lexical: "言葉の一致"};
  const tryForm = $("#try-form");
  if (tryForm) tryForm.addEventListener("submit", async (event) => {
    event.preventDefault();
    const q = $("#try-q").value.trim();
    if (!q) return;
    const r = await api("GET", "/api/admin/try?q=" + encodeURIComponent(q));
    const out = $("#try-result");
    if (!r.ok) { out.textContent = detail(r.data); return; }
    const d = r.data;
    const rows = d.hits.map((h, i) => `<tr><td>${i + 1}</td><td><a href="/admin/faq/${esc(h.id)}">${esc(h.question)}</a><div class="id">${esc(h.id)}</div></td>
      <td><span class="scorebar" data-width="${Math.round(Math.min(1, h.score) * 120)}"></span> ${h.score.toFixed(3)}</td>
      <td class="signals">${Object.entries(h.signals).map(([k, v]) => esc(signalLabels[k] || k) + " " + Number(v).toFixed(2)).join("<br>")}</td></tr>`).join("");
    out.innerHTML = `<p>判定: <span class="decision ${esc(d.decision)}">${esc(labels[d.decision] || d.decision)}</span>
      確からしさ ${(d.confidence * 100).toFixed(0)}%</p>
      <table class="list"><thead><tr><th>順位</th><th>FAQ</th><th>点数</th><th>内訳</th></tr></thead><tbody>${rows}</tbody></table>`;
    $$(".scorebar", out).forEach((bar) => { bar.style.width = bar.dataset.width + "px"; });  // CSSOM: allowed by the CSP
  });

  // ---- data files (synonyms, glossary, phrasebook) --------------------------------------
  const fileForm = $("#file-form");
  if (fileForm && !fileForm.elements.text.disabled) {
    const name = fileForm.dataset.name;
    const showFileProblems = (problems) => {
      $("#file-problems").innerHTML = problems.map((p) => `<li>${p.line ? p.line + "行目: " : ""}${esc(p.message)}${p.hint ? "（" + esc(p.hint) + "）" : ""}</li>`).join("");
      const state = $("#check-state");
      if (state) state.textContent = problems.length ? `直すところが ${problems.length} か所あります` : "確認しました：保存できます";
    };
    fileForm.addEventListener("input", debounce(async () => {
      const r = await api("POST", "/api/admin/files-check/" + name, {text: fileForm.elements.text.value});
      if (r.ok) showFileProblems(r.data.problems);
    }, 500));
    fileForm.addEventListener("submit", async (event) => {
      event.preventDefault();
      const r = await api("PUT", "/api/admin/files/" + name, {text: fileForm.elements.text.value, version: fileForm.dataset.version});
      if (r.ok) { fileForm.dataset.version = r.data.version; say("保存しました。反映されました。", "ok"); setTimeout(() => location.reload(), 1200); }
      else if (r.status === 409) say(esc(detail(r.data)) + ' <button type="button" class="reload">最新の内容を読み込む</button>', "error");
      else { if (r.data.problems) showFileProblems(r.data.problems.map((p) => ({message: p.message, hint: p.hint}))); say(esc(detail(r.data)), "error"); }
    });
  }

  // ---- CSV import -------------------------------------------------------------------------
  // The part of a long answer that changed, with a little context on each side.
  function changedPart(before, after) {
    let start = 0;
    while (start < before.length && start < after.length && before[start] === after[start]) start++;
    let end = 0;
    while (end < before.length - start && end < after.length - start &&
           before[before.length - 1 - end] === after[after.length - 1 - end]) end++;
    const from = Math.max(0, start - 12);
    const cut = (text) => (from > 0 ? "…" : "") + text.slice(from, Math.min(text.length, text.length - end + 12)) +
      (end > 12 ? "…" : "");
    return {before: cut(before), after: cut(after)};
  }
  const importForm = $("#import-form");
  const actionLabels = {create: "追加", update: "変更", same: "変更なし", error: "誤りあり"};
  if (importForm) importForm.addEventListener("submit", async (event) => {
    event.preventDefault();
    const body = new FormData(importForm);
    const r = await api("POST", "/api/admin/import/preview", body);
    const out = $("#preview");
    if (!r.ok) { say(esc(detail(r.data)), "error"); out.innerHTML = ""; return; }
    const c = r.data.counts;
    const details = (row) => (row.before_after || []).map((d) => {
      const part = changedPart(d.before, d.after);
      return `<div class="small"><strong>${esc(d.column)}</strong>: <del>${esc(part.before)}</del> → <ins>${esc(part.after)}</ins></div>`;
    }).join("");
    const rows = r.data.rows.filter((row) => row.action !== "same" || row.problems.length).map((row) => `<tr><td>${row.row}</td><td>${esc(row.id)}</td>
      <td class="act-${row.action}">${actionLabels[row.action]}</td><td>${esc(row.changed.join("、"))}${details(row)}</td>
      <td>${row.problems.map((p) => "⚠ " + esc(p.message)).join("<br>")}</td></tr>`).join("");
    out.innerHTML = `<h2>取り込むと、こう変わります</h2>
      <p>追加 <strong>${c.create}</strong> 件、変更 <strong>${c.update}</strong> 件、変更なし ${c.same} 件、誤りあり <strong>${c.error}</strong> 件</p>
      <table class="list"><thead><tr><th>行</th><th>id</th><th>どうなるか</th><th>変わる項目</th><th>誤り</th></tr></thead><tbody>${rows}</tbody></table>
      ${r.data.ok ? '<p><button type="button" id="apply" class="primary">この内容で取り込む</button></p>' : "<p class='error'>誤りのある行を Excel で直してから、もう一度選んでください。</p>"}`;
    say("", "");
    const apply = $("#apply");
    if (apply) apply.addEventListener("click", async () => {
      const done = await api("POST", "/api/admin/import/apply", new FormData(importForm));
      if (done.ok) { say(`取り込みました（${done.data.changed} 件）。チャットに反映されました。`, "ok"); out.innerHTML = ""; }
      else say(esc(detail(done.data)), "error");
    });
  });

  // ---- users ------------------------------------------------------------------------------
  const userForm = $("#user-form");
  if (userForm) userForm.addEventListener("submit", async (event) => {
    event.preventDefault();
    const f = Object.fromEntries(new FormData(userForm));
    const r = await api("POST", "/api/admin/users", f);
    if (r.ok) location.reload(); else say(esc(detail(r.data)), "error");
  });
  $$(".user-role").forEach((el) => el.addEventListener("change", async () => {
    const r = await api("PATCH", "/api/admin/users/" + encodeURIComponent(el.dataset.user), {username: el.dataset.user, role: el.value});
    say(r.ok ? "役割を変えました。" : esc(detail(r.data)), r.ok ? "ok" : "error");
  }));
  $$(".user-active").forEach((el) => el.addEventListener("change", async () => {
    const r = await api("PATCH", "/api/admin/users/" + encodeURIComponent(el.dataset.user), {username: el.dataset.user, active: el.checked});
    say(r.ok ? "変更しました。" : esc(detail(r.data)), r.ok ? "ok" : "error");
  }));
})();
