"use strict";
// How this page keeps the token and plays audio: functions/recordings/inbox.ts.
const KEY = "pivot-edge-admin";
const ID = /^\d{13}-[0-9a-f]{12}$/;
const base = location.pathname.replace(/\/inbox\/?$/, "");
const $ = (id) => document.getElementById(id);
const list = $("list");
const panel = $("switch");
const fault = $("switch-error");
let cursor = null;
let zone = null;
let expiry;

const token = () => sessionStorage.getItem(KEY) || localStorage.getItem(KEY);
function forget() {
  sessionStorage.removeItem(KEY);
  localStorage.removeItem(KEY);
}

async function api(path, init = {}) {
  // The list is the endpoint root itself: "/recordings?..." (no trailing slash), or "/?..." at a root.
  const url = path.startsWith("?") ? (base || "/") + path : base + path;
  const response = await fetch(url, { ...init, cache: "no-store", headers: { ...init.headers, Authorization: "Bearer " + token() } });
  if (response.status === 401) {
    forget();
    show();
    throw new Error("The token was refused. Sign in again.");
  }
  if (!response.ok) {
    const body = await response.json().catch(() => null);
    throw new Error(body?.message || "Request failed: HTTP " + response.status);
  }
  return response;
}

function run(task, where = $("error")) {
  where.textContent = "";
  return task().catch((error) => (where.textContent = error.message));
}

// The wall clock at `date` in `timeZone` (the browser's when that one is unknown), part by part.
function wall(date, timeZone, options) {
  options = { ...options, hour: "2-digit", minute: "2-digit", hourCycle: "h23" };
  let format;
  try {
    format = new Intl.DateTimeFormat("en-US", { ...options, timeZone: timeZone || undefined });
  } catch {
    format = new Intl.DateTimeFormat("en-US", options);
  }
  const part = {};
  for (const { type, value } of format.formatToParts(date)) part[type] = value;
  return part;
}

// "Tue 24 Dec, 16:32": the server's text when it sends one, else the same in the zone it names.
function localTime(item) {
  if (item.receivedLocal) return item.receivedLocal;
  const part = wall(new Date(item.receivedAt), item.timeZone, { weekday: "short", day: "numeric", month: "short" });
  return `${part.weekday} ${part.day} ${part.month}, ${part.hour}:${part.minute}`;
}

function length(seconds) {
  if (typeof seconds !== "number" || !isFinite(seconds)) return "";
  const whole = Math.floor(seconds);
  return Math.floor(whole / 60) + ":" + String(whole % 60).padStart(2, "0");
}

const slot = (item, name) => item.querySelector(`[data-slot="${name}"]`);
const action = (item, name) => item.querySelector(`[data-action="${name}"]`);

function render(message) {
  const item = $("message").content.firstElementChild.cloneNode(true);
  const name = message.callerIdName;
  const number = message.callerIdNumber || message.from;
  item.id = "m-" + message.id;
  item.dataset.id = message.id;
  item.dataset.caller = name || number || "an unknown caller";
  slot(item, "name").textContent = name || number || "Unknown caller";
  slot(item, "number").textContent = name && number ? number : "";
  slot(item, "time").textContent = localTime(message);
  slot(item, "time").dateTime = message.receivedAt;
  slot(item, "length").textContent = length(message.durationSeconds);
  slot(item, "reason").textContent = message.reason?.label || "";
  slot(item, "dialled").textContent = message.dialled ? "to " + message.dialled : "";
  setHeard(item, message.heard === true);
  const audio = slot(item, "audio");
  audio.addEventListener("play", () => played(item, audio));
  audio.addEventListener("loadedmetadata", () => (slot(item, "length").textContent ||= length(audio.duration)));
  audio.addEventListener("error", () => run(() => relink(item, audio)));
  return item;
}

function setHeard(item, heard) {
  item.classList.toggle("new", !heard);
  slot(item, "mark").textContent = heard ? "Heard" : "New";
  action(item, "heard").textContent = heard ? "Mark new" : "Mark heard";
  count();
}

function count() {
  const fresh = list.querySelectorAll(".new").length;
  $("count").textContent = fresh ? fresh + " new" : "";
}

async function mark(item, heard) {
  await api("/" + item.dataset.id, { method: "PATCH", headers: { "content-type": "application/json" }, body: JSON.stringify({ heard }) });
  setHeard(item, heard);
}

async function attach(item) {
  const link = await (await api("/" + item.dataset.id + "/link")).json();
  const audio = slot(item, "audio");
  item.dataset.expires = Date.parse(link.expiresAt);
  audio.src = base + "/" + link.src;
  audio.hidden = false;
  action(item, "play").hidden = true;
  return audio;
}

async function play(item) {
  const audio = slot(item, "audio");
  await (audio.getAttribute("src") ? audio : await attach(item)).play();
}

function played(item, audio) {
  for (const other of list.querySelectorAll("audio")) if (other !== audio) other.pause();
  if (item.classList.contains("new")) run(() => mark(item, true));
}

// A link that expired while the page stayed open: get a new one and go on where it was.
async function relink(item, audio) {
  if (Date.now() < item.dataset.expires - 5000) throw new Error("This message could not be played.");
  const at = audio.currentTime;
  await attach(item);
  audio.addEventListener("loadedmetadata", () => (audio.currentTime = at), { once: true });
}

async function remove(item) {
  if (!confirm("Delete the message from " + item.dataset.caller + "?")) return;
  await api("/" + item.dataset.id, { method: "DELETE" });
  item.remove();
  showList();
}

async function load(more) {
  const page = await (await api("?limit=25" + (more && cursor ? "&cursor=" + encodeURIComponent(cursor) : ""))).json();
  cursor = page.cursor || null;
  const items = page.items.map(render);
  if (more) list.append(...items);
  else list.replaceChildren(...items);
  showList();
}

function showList() {
  const none = !list.children.length;
  count();
  list.hidden = none;
  $("empty").hidden = !none || cursor !== null;
  $("more").hidden = cursor === null;
}

// "#<id>", the link in a notice: find that message, page by page, and make it ready to play.
async function openLinked() {
  const id = location.hash.slice(1);
  if (!ID.test(id)) return;
  for (let pages = 0; !$("m-" + id) && cursor !== null && pages < 20; pages++) await load(true);
  const item = $("m-" + id);
  if (!item) throw new Error("That message is no longer here.");
  for (const other of list.querySelectorAll(".selected")) other.classList.remove("selected");
  item.classList.add("selected");
  item.scrollIntoView({ block: "center" });
  if (!slot(item, "audio").getAttribute("src")) await attach(item);
}

// The owner's switch ("closed until…"): the API reads our local times in its TIMEZONE.
function showSwitch({ override: set, timeZone }) {
  zone = timeZone;
  $("now").textContent = set ? (set.state === "open" ? "Open until " : "Closed until ") + (set.untilLocal || new Date(set.endsAt).toLocaleString()) : "Following your hours";
  panel.dataset.state = set?.state || "";
  $("clear").hidden = !set;
  $("zone").textContent = zone ? " (" + zone + " time)" : "";
  clearTimeout(expiry);
  // When it ends, the hours again (a timer waits at most 24 days).
  if (set?.endsAt) expiry = setTimeout(loadSwitch, Math.min(Date.parse(set.endsAt) - Date.now() + 1000, 2e9));
}

const loadSwitch = () => run(async () => showSwitch(await (await api("/override")).json()), fault);

// A whole hour 30 to 90 minutes ahead, on the business's clock.
function suggest() {
  const part = wall(new Date(), zone, { year: "numeric", month: "numeric", day: "numeric" });
  const ahead = new Date(Math.floor((Date.UTC(part.year, part.month - 1, part.day, part.hour, part.minute) + 5.4e6) / 3.6e6) * 3.6e6).toISOString();
  $("day").value = ahead.slice(0, 10);
  $("time").value = ahead.slice(11, 16);
}

// The pressed button says what to set: its value the state, data-until a fixed end; no value clears it.
async function setSwitch({ value: state, dataset: { until = $("day").value + "T" + $("time").value } }) {
  const body = JSON.stringify({ state, until });
  const put = { method: "PUT", headers: { "content-type": "application/json" }, body };
  const response = await api("/override", state ? put : { method: "DELETE" });
  showSwitch(state ? await response.json() : { override: null, timeZone: zone });
}

function show() {
  const signedIn = !!token();
  $("login").hidden = signedIn;
  panel.hidden = !signedIn;
  $("refresh").hidden = $("logout").hidden = !signedIn;
  if (!signedIn) {
    for (const audio of list.querySelectorAll("audio")) audio.pause();
    list.replaceChildren();
    clearTimeout(expiry);
    cursor = null;
    showList();
    $("empty").hidden = true;
  }
}

function start() {
  loadSwitch();
  run(async () => {
    await load(false);
    await openLinked();
  });
}

function busy(button, task, where) {
  button.disabled = true;
  run(task, where).finally(() => (button.disabled = false));
}

list.addEventListener("click", (event) => {
  const button = event.target.closest("button[data-action]");
  const item = button?.closest(".message");
  if (!item) return;
  const tasks = { play: () => play(item), heard: () => mark(item, item.classList.contains("new")), delete: () => remove(item) };
  busy(button, tasks[button.dataset.action]);
});
$("login").addEventListener("submit", (event) => {
  event.preventDefault();
  forget();
  ($("remember").checked ? localStorage : sessionStorage).setItem(KEY, $("token").value.trim());
  $("token").value = "";
  show();
  start();
});
$("refresh").addEventListener("click", () => {
  loadSwitch();
  busy($("refresh"), () => load(false));
});
panel.addEventListener("toggle", () => panel.open && suggest());
$("set").addEventListener("submit", (event) => {
  event.preventDefault();
  const button = event.submitter || event.target.querySelector("button");
  busy(button, () => setSwitch(button), fault);
});
$("more").addEventListener("click", () => busy($("more"), () => load(true)));
$("logout").addEventListener("click", () => {
  forget();
  show();
});
addEventListener("hashchange", () => token() && run(openLinked));

show();
if (token()) start();
