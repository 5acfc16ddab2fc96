// The owner's inbox: a static page (no data in it) that asks for the admin token, keeps it in
// sessionStorage and calls the API with `Authorization: Bearer`; audio is fetched as a blob so
// the token never appears in a URL, a log or the history.
export const INBOX_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="referrer" content="no-referrer"><title>Voicemail inbox</title>
<style>
body{font:16px system-ui,sans-serif;margin:2rem auto;max-width:48rem;padding:0 1rem;color:#222}
table{border-collapse:collapse;width:100%}td,th{padding:.4rem;border-bottom:1px solid #ddd;text-align:left;vertical-align:middle}
tr.selected{background:#fff7d6}button{font:inherit}#error{color:#b00020}audio{width:16rem}
</style></head><body>
<h1>Voicemail inbox</h1>
<form id="login" hidden><label>Admin token <input id="token" type="password" autocomplete="current-password" required></label> <button>Open</button></form>
<p id="error" role="alert"></p>
<table id="list" hidden><thead><tr><th>Received</th><th>Caller</th><th>Length</th><th></th><th></th></tr></thead><tbody></tbody></table>
<p><button id="more" hidden>Older messages</button> <button id="logout" hidden>Forget token</button></p>
<script>
"use strict";
const base = location.pathname.replace(/\\/inbox\\/?$/, "");
const $ = (id) => document.getElementById(id);
let cursor;
const token = () => sessionStorage.getItem("pivot-edge-admin");
async function api(path, init = {}) {
  // The list is the endpoint root itself: "/recordings?…" (no trailing slash), or "/?…" at a root.
  const url = path.startsWith("?") ? (base || "/") + path : base + path;
  const res = await fetch(url, { ...init, headers: { ...(init.headers || {}), Authorization: "Bearer " + token() } });
  if (res.status === 401 || res.status === 403) { sessionStorage.removeItem("pivot-edge-admin"); show(); throw new Error("The token was refused."); }
  if (!res.ok && res.status !== 204) throw new Error("Request failed: HTTP " + res.status);
  return res;
}
function cell(row, text) { const td = row.insertCell(); td.textContent = text; return td; }
function duration(s) { return s == null ? "" : Math.floor(s / 60) + ":" + String(Math.round(s) % 60).padStart(2, "0"); }
async function load(more) {
  const res = await api("?limit=25" + (more && cursor ? "&cursor=" + encodeURIComponent(cursor) : ""));
  const page = await res.json();
  cursor = page.cursor;
  const body = $("list").tBodies[0];
  if (!more) body.replaceChildren();
  for (const r of page.items) {
    const row = body.insertRow();
    row.id = "r-" + r.id;
    if (location.hash === "#" + r.id) row.className = "selected";
    cell(row, new Date(r.receivedAt).toLocaleString());
    cell(row, [r.callerIdName, r.callerIdNumber || r.from].filter(Boolean).join(" ") || "unknown");
    cell(row, duration(r.durationSeconds));
    const play = document.createElement("button");
    play.textContent = "Listen";
    play.onclick = () => run(async () => {
      const blob = await (await api("/" + r.id)).blob();
      const audio = document.createElement("audio");
      audio.controls = true; audio.src = URL.createObjectURL(blob); play.replaceWith(audio); audio.play();
    });
    cell(row, "").append(play);
    const del = document.createElement("button");
    del.textContent = "Delete";
    del.onclick = () => run(async () => { if (confirm("Delete this message?")) { await api("/" + r.id, { method: "DELETE" }); row.remove(); } });
    cell(row, "").append(del);
  }
  $("more").hidden = !cursor;
}
function show() {
  const has = !!token();
  $("login").hidden = has; $("list").hidden = !has; $("logout").hidden = !has;
  if (!has) $("more").hidden = true;
}
function run(task) { $("error").textContent = ""; task().catch((e) => { $("error").textContent = e.message; }); }
$("login").onsubmit = (e) => { e.preventDefault(); sessionStorage.setItem("pivot-edge-admin", $("token").value); $("token").value = ""; show(); run(() => load(false)); };
$("more").onclick = () => run(() => load(true));
$("logout").onclick = () => { sessionStorage.removeItem("pivot-edge-admin"); show(); };
show();
if (token()) run(() => load(false));
</script></body></html>
`;
