// Read-aloud (speechSynthesis) and voice input (SpeechRecognition), only where the browser offers them.
const synth = window.speechSynthesis || null;
const Recognition = window.SpeechRecognition || window.webkitSpeechRecognition || null;
// Errors after which voice input will not work in this session (no service on a closed network,
// microphone refused): the button says so instead of failing again.
const FATAL = new Set(["network", "not-allowed", "service-not-allowed", "audio-capture", "language-not-supported"]);
let voiceInputBroken = "";

function primary(tag) {
  return (tag || "").toLowerCase().split("-")[0];
}

export function voiceFor(tag) {
  if (!synth || !tag) return null;
  const voices = synth.getVoices();
  return (
    voices.find((v) => v.lang.toLowerCase() === tag.toLowerCase()) ||
    voices.find((v) => primary(v.lang) === primary(tag)) ||
    null
  );
}

export function canSpeak(tag) {
  return Boolean(voiceFor(tag));
}

export function speak(text, tag) {
  const voice = voiceFor(tag);
  if (!voice) return false;
  synth.cancel();
  const utterance = new SpeechSynthesisUtterance(text);
  utterance.voice = voice;
  utterance.lang = voice.lang;
  utterance.rate = 0.9; // a little slower: the listener is not a native speaker
  synth.speak(utterance);
  return true;
}

// Voices arrive asynchronously in Chromium; re-render the buttons when they do.
export function onVoicesChanged(callback) {
  if (synth) synth.addEventListener("voiceschanged", callback);
}

export function voiceInputState() {
  if (!Recognition) return "none";
  return voiceInputBroken ? "broken" : "ready";
}

// Listen once; fills text through onText, reports state changes through onState.
export function listen(tag, { onText, onState }) {
  if (voiceInputState() !== "ready") return null;
  const recognition = new Recognition();
  recognition.lang = tag;
  recognition.interimResults = false;
  recognition.maxAlternatives = 1;
  recognition.onresult = (event) => onText(event.results[0][0].transcript);
  recognition.onerror = (event) => {
    if (FATAL.has(event.error)) voiceInputBroken = event.error;
    onState("error", event.error);
  };
  recognition.onend = () => onState("idle");
  onState("listening");
  try {
    recognition.start();
  } catch (error) {
    onState("error", String(error));
    return null;
  }
  return recognition;
}
