// Conversation state lives only in this tab's sessionStorage: closing the tab or
// "end conversation" deletes it. Tablet preferences (counter, favourites) use localStorage;
// they never contain anything a resident said.
const SESSION_KEY = "madoguchi.counter.conversation";
const PREFS_KEY = "madoguchi.counter.prefs";

function emptyConversation(lang) {
  return {
    lang,
    mode: "face",          // "face": tablet lying between two people; "side": side by side
    rotated: true,         // resident half turned 180° in face mode
    utterances: [],
    summary: { bring: [], where: [], deadline: [], notes: [] },
    nextId: 1,
  };
}

export const conversation = {
  load() {
    try {
      return JSON.parse(sessionStorage.getItem(SESSION_KEY) || "null");
    } catch {
      return null;
    }
  },
  start(lang) {
    const state = emptyConversation(lang);
    this.save(state);
    return state;
  },
  save(state) {
    sessionStorage.setItem(SESSION_KEY, JSON.stringify(state));
  },
  end() {
    sessionStorage.removeItem(SESSION_KEY);
  },
};

export const prefs = {
  load() {
    try {
      return { counter: "", favourites: {}, ...JSON.parse(localStorage.getItem(PREFS_KEY) || "{}") };
    } catch {
      return { counter: "", favourites: {} };
    }
  },
  save(value) {
    localStorage.setItem(PREFS_KEY, JSON.stringify(value));
  },
};
