// The counter's calls to the app (same origin; nothing leaves the city network).
async function call(method, path, body) {
  const response = await fetch(path, {
    method,
    headers: body ? { "Content-Type": "application/json" } : {},
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!response.ok) {
    const detail = await response.json().catch(() => ({}));
    throw new Error(typeof detail.detail === "string" ? detail.detail : `HTTP ${response.status}`);
  }
  return response.status === 204 ? null : response.json();
}

export const api = {
  config: () => call("GET", "/api/counter/config"),
  language: (lang) => call("GET", `/api/counter/languages/${encodeURIComponent(lang)}`),
  translate: (body) => call("POST", "/api/counter/translate", body),
  phrases: (counter) => call("GET", `/api/counter/phrases?counter=${encodeURIComponent(counter)}`),
  addPhrase: (counter, ja) => call("POST", "/api/counter/phrases", { counter, ja }),
  removePhrase: (counter, id) =>
    call("DELETE", `/api/counter/phrases/${id}?counter=${encodeURIComponent(counter)}`),
  // Anonymous counts only; a lost count must never disturb the conversation.
  event: (event, lang, counter) =>
    call("POST", "/api/counter/events", { event, lang, counter }).catch(() => null),
};
