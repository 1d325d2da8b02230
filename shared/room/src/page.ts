/**
 * The room page: one HTML document, its style and a small script, no build step. The script reads the room
 * (GET /api/room) and follows it live (Server-Sent Events on /api/events, a poll every 5 s if they fail), and
 * draws the learner × lab grid, the message most learners are stuck on per lab, the best checkpoint ratios
 * with the machine each was measured on, and the time since each learner's last activity. Everything a learner
 * sent is put on the page as text (textContent), never as HTML. Large type and strong contrast for a
 * projector; each cell says its state in words and a symbol, not by colour alone.
 */

const STYLE = `
  :root { color-scheme: light; --fg: #111; --bg: #fff; --muted: #444; --red: #9b1c1c; --green: #0b6b2f; --met: #1d3f9e; --line: #bbb; }
  * { box-sizing: border-box; }
  body { margin: 0; padding: 1.2rem 1.6rem; font: 20px/1.4 system-ui, sans-serif; color: var(--fg); background: var(--bg); }
  h1 { font-size: 1.8rem; margin: 0 0 .2rem; }
  h2 { font-size: 1.3rem; margin: 1.4rem 0 .4rem; }
  p.status { color: var(--muted); margin: 0 0 1rem; }
  table { border-collapse: collapse; width: 100%; }
  th, td { border: 1px solid var(--line); padding: .35rem .5rem; text-align: left; vertical-align: top; }
  thead th { background: #eee; }
  td.cell { font-weight: 600; white-space: nowrap; }
  td.red { color: var(--red); } td.green { color: var(--green); } td.met { color: var(--met); } td.not-started { color: var(--muted); font-weight: 400; }
  .scroll { overflow-x: auto; }
  ul.stuck { padding-left: 1.2rem; } ul.stuck li { margin: .3rem 0; }
  a { color: var(--met); }
`;

const SCRIPT = `
const SYMBOL = { 'not started': '·', red: '✗', green: '✓', met: '★' };
const el = (tag, text, cls) => { const e = document.createElement(tag); if (text !== undefined) e.textContent = text; if (cls) e.className = cls; return e; };
function ago(iso) {
  const s = Math.max(0, Math.round((Date.now() - Date.parse(iso)) / 1000));
  if (s < 60) return s + ' s ago';
  if (s < 3600) return Math.floor(s / 60) + ' min ago';
  return Math.floor(s / 3600) + ' h ' + Math.floor((s % 3600) / 60) + ' min ago';
}
function cellText(c) {
  let t = SYMBOL[c.state] + ' ' + c.state;
  if (c.core) t += ' ' + c.core.passed + '/' + c.core.total;
  if (c.targets) t += ' · targets ' + c.targets.met + '/' + c.targets.total;
  return t;
}
let current;
function draw(v) {
  current = v;
  document.getElementById('room-name').textContent = v.room;
  const grid = document.getElementById('grid');
  grid.replaceChildren();
  const head = el('tr');
  head.append(el('th', 'learner'), el('th', 'last activity'));
  for (const lab of v.labs) { const th = el('th', String(lab.number).padStart(2, '0') + ' ' + lab.title); th.scope = 'col'; head.append(th); }
  const thead = el('thead'); thead.append(head); grid.append(thead);
  const body = el('tbody');
  for (const l of v.learners) {
    const tr = el('tr');
    const name = el('th', l.name); name.scope = 'row';
    tr.append(name, el('td', ago(l.lastSeen), 'ago'));
    tr.lastChild.dataset.at = l.lastSeen;
    for (const lab of v.labs) {
      const c = l.cells[lab.slug];
      const td = el('td', cellText(c), 'cell ' + c.state.replace(' ', '-'));
      td.dataset.state = c.state;
      tr.append(td);
    }
    body.append(tr);
  }
  grid.append(body);
  const stuck = document.getElementById('stuck');
  stuck.replaceChildren();
  for (const lab of v.labs) {
    const s = v.stuck[lab.slug];
    if (!s) continue;
    const li = el('li');
    li.append(el('strong', 'Lab ' + String(lab.number).padStart(2, '0') + ': ' + s.learners + ' of ' + s.red + ' red on '), el('q', s.message));
    stuck.append(li);
  }
  if (!stuck.children.length) stuck.append(el('li', 'Nobody is red on a lab right now.'));
  const best = document.getElementById('best');
  best.replaceChildren();
  for (const lab of v.labs) for (const b of v.best[lab.slug] || []) {
    const tr = el('tr');
    tr.append(el('td', String(lab.number).padStart(2, '0')), el('td', b.target), el('td', (b.met ? '★ ' : '') + b.figure), el('td', b.learner), el('td', b.machine + ', ' + b.runtime));
    best.append(tr);
  }
  if (!best.children.length) { const tr = el('tr'); const td = el('td', 'No checkpoint yet.'); td.colSpan = 5; tr.append(td); best.append(tr); }
  document.getElementById('status').textContent = v.learners.length + ' learners · updated ' + new Date(v.generatedAt).toLocaleTimeString();
}
setInterval(() => { for (const td of document.querySelectorAll('td.ago')) td.textContent = ago(td.dataset.at); }, 5000);
let poll;
// How the page is being fed (read by the page's browser test): live events received, and whether it fell back to polling.
window.roomFeed = { events: 0, polling: false };
function follow() {
  const source = new EventSource('/api/events');
  source.addEventListener('room', (e) => { clearInterval(poll); poll = undefined; window.roomFeed.polling = false; window.roomFeed.events++; draw(JSON.parse(e.data)); });
  source.onerror = () => {
    if (poll) return;
    window.roomFeed.polling = true;
    poll = setInterval(() => fetch('/api/room').then((r) => r.json()).then(draw).catch(() => {}), 5000);
  };
}
fetch('/api/room').then((r) => r.json()).then(draw).catch(() => {});
follow();
`;

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/** The page for the room `name`. */
export function roomPage(name: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Hot Path room: ${escapeHtml(name)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>Hot Path room: <span id="room-name">${escapeHtml(name)}</span></h1>
<p class="status" id="status" role="status">Connecting…</p>
<div class="scroll" tabindex="0" role="region" aria-label="The grid, scrollable"><table id="grid" aria-label="Each learner's state per lab"></table></div>
<p>· not started &nbsp; ✗ red: core tests failing &nbsp; ✓ green: core tests pass &nbsp; ★ met: tests pass and every checkpoint target met</p>
<h2>Stuck on</h2>
<ul class="stuck" id="stuck"></ul>
<h2>Best checkpoint ratios, each measured on the learner's own machine</h2>
<div class="scroll" tabindex="0" role="region" aria-label="Best figures, scrollable"><table aria-label="Best ratio per target">
<thead><tr><th scope="col">lab</th><th scope="col">target</th><th scope="col">best figure</th><th scope="col">learner</th><th scope="col">machine, runtime</th></tr></thead>
<tbody id="best"></tbody></table></div>
<p>Export the room: <a href="/export.csv">CSV</a> · <a href="/export.json">JSON</a></p>
</main>
<script>${SCRIPT}</script>
</body>
</html>
`;
}
