// echotrace's web page: a hash-routed single page over the JSON API (/api/…).
// Every offset from the API is in Unicode code points, so text is sliced with Array.from.
import './style.css';
import { diffWords } from 'diff';
import Chart from 'chart.js/auto';
import cytoscape from 'cytoscape';

const app = document.getElementById('app');
let chart = null;
let cy = null;

// ---- helpers -------------------------------------------------------------------------------

// Each navigation has a number; a view whose data arrives after the user has gone elsewhere
// is dropped instead of replacing the newer view.
let navigation = 0;

class StaleView extends Error {}

async function api(path) {
  const mine = navigation;
  const res = await fetch(path, { headers: { Accept: 'application/json' } });
  const body = await res.json().catch(() => ({ status: res.status, message: res.statusText }));
  if (mine !== navigation) throw new StaleView(path);
  if (!res.ok) throw new Error(body.message || `HTTP ${res.status}`);
  return body;
}

function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else if (k === 'style' && typeof v === 'object') Object.assign(el.style, v);
    else el.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

const enc = encodeURIComponent;
const docLink = (id, label) => h('a', { href: `#/doc/${enc(id)}` }, label || id);
const clusterLink = (id, label) => h('a', { href: `#/cluster/${enc(id)}` }, label || id);

// A stable colour per cluster id, spread over the hue circle.
function colour(key, alpha = 0.45) {
  let x = 0;
  for (const c of key) x = (x * 31 + c.charCodeAt(0)) >>> 0;
  return `hsla(${x % 360}, 75%, 60%, ${alpha})`;
}

function empty(message) {
  return h('p', { class: 'empty' }, message);
}

function show(...nodes) {
  if (chart) { chart.destroy(); chart = null; }
  if (cy) { cy.destroy(); cy = null; }
  app.replaceChildren(...nodes);
}

function fail(err) {
  show(h('div', { class: 'card error' }, `Error: ${err.message}`));
}

// ---- routes --------------------------------------------------------------------------------

const routes = [
  [/^#\/search\?q=(.*)$/, (q) => searchView(decodeURIComponent(q))],
  [/^#\/doc\/([^/]+)$/, (id) => documentView(decodeURIComponent(id))],
  [/^#\/cluster\/([^/]+)$/, (id) => clusterView(decodeURIComponent(id))],
  [/^#\/compare\/([^/]+)\/(\d+)\/(\d+)$/, (id, i, j) => compareView(decodeURIComponent(id), +i, +j)],
  [/^#\/clusters$/, () => clustersView()],
  [/^#\/people$/, () => peopleView()],
  [/^#\/speaker\/(.+)$/, (name) => speakerView(decodeURIComponent(name))],
  [/^#\/network$/, () => networkView()],
  [/^#\/narratives$/, () => narrativesView()],
];

async function route() {
  navigation += 1;
  const hash = location.hash || '#/';
  const found = routes.find(([re]) => re.test(hash));
  const run = found ? () => found[1](...hash.match(found[0]).slice(1)) : overview;
  try {
    await run();
  } catch (e) {
    if (!(e instanceof StaleView)) fail(e);
  }
}

window.addEventListener('hashchange', route);
document.getElementById('search-form').addEventListener('submit', (ev) => {
  ev.preventDefault();
  const q = document.getElementById('search-input').value.trim();
  if (q) location.hash = `#/search?q=${enc(q)}`;
});

// ---- overview ------------------------------------------------------------------------------

async function overview() {
  const s = await api('/api/stats');
  show(
    h('div', { class: 'card' },
      h('h2', {}, 'This store'),
      h('p', {}, `${s.documents} documents from ${s.sources} sources, ${s.clusters} reuse clusters, ${s.quotes} quotes.`),
      h('p', { class: 'muted' }, `Published ${s.earliest_published || '?'} to ${s.latest_published || '?'}; ${s.undated_documents} undated.`),
      s.pending_reuse || s.pending_quotes
        ? h('p', { class: 'muted' }, `Analysis pending for ${s.pending_reuse} documents (reuse) and ${s.pending_quotes} (quotes): run echotrace analyze.`)
        : null),
    h('div', { class: 'card' },
      h('p', {}, 'Search above, or open ', h('a', { href: '#/clusters' }, 'the largest reuse clusters'), ', ',
        h('a', { href: '#/people' }, 'the people quoted'), ', ', h('a', { href: '#/network' }, 'the source network'),
        ' or ', h('a', { href: '#/narratives' }, 'the narratives'), '.')),
  );
}

// ---- search --------------------------------------------------------------------------------

// Snippets mark matches with [ and ]; shown bold, everything else as text.
function snippet(text, start, end) {
  const out = h('span', { class: 'snippet' });
  let rest = text;
  while (rest.length) {
    const a = rest.indexOf(start);
    const b = a < 0 ? -1 : rest.indexOf(end, a + start.length);
    if (a < 0 || b < 0) { out.append(rest); break; }
    out.append(rest.slice(0, a), h('b', {}, rest.slice(a + start.length, b)));
    rest = rest.slice(b + end.length);
  }
  return out;
}

async function searchView(q) {
  document.getElementById('search-input').value = q;
  const r = await api(`/api/search?q=${enc(q)}&limit=50`);
  show(h('div', { class: 'card', id: 'search-results' },
    h('h2', {}, `Search: ${q}`),
    r.hits.length ? null : empty('Nothing matches.'),
    r.hits.map((hit) => h('div', { class: 'hit' },
      h('div', {}, docLink(hit.id, hit.title || hit.id), ' ',
        h('span', { class: 'muted' }, [hit.source, hit.published].filter(Boolean).join(' · '))),
      h('div', {}, snippet(hit.snippet, r.match_start, r.match_end))))));
}

// ---- document ------------------------------------------------------------------------------

// Cuts the text at every span boundary so that overlapping spans stay visible.
function segments(length, spans) {
  const cuts = new Set([0, length]);
  for (const s of spans) { cuts.add(Math.max(0, Math.min(length, s.start))); cuts.add(Math.max(0, Math.min(length, s.end))); }
  const points = [...cuts].sort((a, b) => a - b);
  const out = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i], points[i + 1]];
    out.push({ start: a, end: b, spans: spans.filter((s) => s.start <= a && s.end >= b && s.end > s.start) });
  }
  return out;
}

function reuseLabel(r) {
  if (r.is_origin) return 'origin of the cluster';
  return r.parent ? `copied from ${r.parent}` : 'copy';
}

async function documentView(id) {
  const d = await api(`/api/documents/${enc(id)}`);
  const chars = Array.from(d.text);
  const spans = [
    ...d.reuse.map((r, i) => ({ ...r.span, kind: 'reuse', r, i })),
    ...d.quotes.flatMap((q) => q.content.map((s) => ({ ...s, kind: 'quote', q }))),
  ];
  const panel = h('div', { class: 'card', id: 'reuse-panel' },
    h('h3', {}, 'Reused passages'),
    d.reuse.length ? h('p', { class: 'muted' }, 'Click a highlighted passage to see its copies.') : empty('No reused passage found in this document (or the reuse stage has not run).'));
  const textEl = h('div', { class: 'doc-text', id: 'doc-text' });
  const marks = [];
  for (const seg of segments(chars.length, spans)) {
    let node = document.createTextNode(chars.slice(seg.start, seg.end).join(''));
    const quote = seg.spans.find((s) => s.kind === 'quote');
    if (quote) {
      node = h('span', { class: 'quote', 'data-speaker': quote.q.speaker || 'unknown speaker', title: `${quote.q.speaker || 'unknown speaker'} (${quote.q.kind})` }, node);
    }
    const reuse = seg.spans.filter((s) => s.kind === 'reuse');
    if (reuse.length) {
      const top = reuse[reuse.length - 1];
      const m = h('mark', {
        class: 'reuse', 'data-cluster': top.r.cluster, 'data-index': top.i,
        title: `cluster ${top.r.cluster}: ${reuseLabel(top.r)}; ${top.r.copies_total} other copies`,
        style: { background: colour(top.r.cluster) },
        onclick: () => selectReuse(top.i),
      }, node);
      marks.push(m);
      node = m;
    }
    textEl.append(node);
    // A speaker tag after the last piece of each quote.
    if (quote && quote.end === seg.end) textEl.append(h('span', { class: 'speaker-tag' }, quote.q.speaker || '?'));
  }

  const list = h('ol', { id: 'reuse-list' });
  d.reuse.forEach((r, i) => {
    const text = chars.slice(r.span.start, r.span.end).join('');
    list.append(h('li', { id: `reuse-${i}`, 'data-cluster': r.cluster },
      h('span', { class: 'swatch', style: { background: colour(r.cluster, 0.9) } }),
      `characters ${r.span.start}–${r.span.end}: `, reuseLabel(r), ' · ', clusterLink(r.cluster, 'cluster'),
      h('div', { class: 'muted' }, `“${text.length > 140 ? text.slice(0, 140) + '…' : text}”`),
      h('div', {}, r.origin && !r.is_origin ? h('span', {}, 'origin: ', docLink(r.origin), ' ') : null),
      h('ul', { class: 'copies' }, r.copies.map((c) => h('li', {},
        docLink(c.doc, c.title || c.doc), ' ',
        h('span', { class: 'muted' }, [c.source, c.published || 'undated', `${c.span.start}–${c.span.end}`].filter(Boolean).join(' · ')),
        c.is_origin ? h('span', { class: 'pill' }, 'origin') : null, ' ',
        compareLinkFor(d.id, r, c)))),
      r.copies_total > r.copies.length ? h('div', { class: 'muted' }, `and ${r.copies_total - r.copies.length} more in the cluster`) : null));
  });
  panel.append(list);

  function selectReuse(i) {
    for (const m of marks) m.classList.toggle('selected', +m.dataset.index === i);
    const li = document.getElementById(`reuse-${i}`);
    if (li) { li.scrollIntoView({ block: 'nearest' }); li.style.background = '#fffbe0'; setTimeout(() => { li.style.background = ''; }, 1200); }
  }

  const quotes = h('div', { class: 'card', id: 'quotes-panel' }, h('h3', {}, 'Quotes'),
    d.quotes.length ? h('ul', {}, d.quotes.map((q) => h('li', {},
      q.speaker ? h('a', { href: `#/speaker/${enc(q.speaker)}` }, q.speaker) : h('span', { class: 'muted' }, 'unknown speaker'),
      h('span', { class: 'muted' }, ` (${q.kind}) `), `“${q.text}”`))) : empty('No quotes found (or the quotes stage has not run).'));

  show(
    h('div', { class: 'card' },
      h('h2', {}, d.title || d.id),
      h('p', { class: 'muted' }, [d.source, d.published || 'undated', d.language, d.url, `id ${d.id}`].filter(Boolean).join(' · '))),
    h('div', { class: 'doc-layout' },
      h('div', { class: 'card' }, textEl),
      h('div', {}, panel, quotes)));
}

// The compare view needs member indexes; they come from the cluster, fetched on click.
function compareLinkFor(docId, r, copy) {
  return h('a', {
    href: '#', class: 'compare-link',
    onclick: async (ev) => {
      ev.preventDefault();
      const c = await api(`/api/clusters/${enc(r.cluster)}`);
      const find = (doc, span) => c.members.find((m) => m.doc === doc && m.span.start === span.start && m.span.end === span.end);
      const here = find(docId, r.span);
      const there = find(copy.doc, copy.span);
      if (here && there) location.hash = `#/compare/${enc(r.cluster)}/${here.index}/${there.index}`;
    },
  }, 'side by side');
}

// ---- clusters ------------------------------------------------------------------------------

async function clustersView() {
  const r = await api('/api/clusters?limit=100');
  show(h('div', { class: 'card' }, h('h2', {}, `Reuse clusters (${r.total})`),
    r.clusters.length ? h('table', {},
      h('tr', {}, h('th', {}, 'cluster'), h('th', {}, 'documents'), h('th', {}, 'sources'), h('th', {}, 'origin'), h('th', {}, 'first'), h('th', {}, 'last')),
      r.clusters.map((c) => h('tr', {},
        h('td', {}, h('span', { class: 'swatch', style: { background: colour(c.id, 0.9) } }), clusterLink(c.id)),
        h('td', {}, c.documents), h('td', {}, c.sources),
        h('td', {}, c.origin ? docLink(c.origin) : h('span', { class: 'muted' }, 'undecided')),
        h('td', {}, c.first_published || '—'), h('td', {}, c.last_published || '—'))))
      : empty('No reuse clusters: the reuse stage has not run or found nothing.')));
}

async function clusterView(id) {
  const [c, t] = await Promise.all([api(`/api/clusters/${enc(id)}`), api(`/api/clusters/${enc(id)}/timeline`)]);
  const origin = c.members.find((m) => m.is_origin) || c.members[0];
  const canvas = h('canvas', { id: 'timeline-chart' });
  const tl = t.timeline;
  show(
    h('div', { class: 'card' }, h('h2', {}, h('span', { class: 'swatch', style: { background: colour(c.id, 0.9) } }), `Cluster ${c.id}`),
      h('p', { class: 'muted' }, `${c.members_total} copies; origin ${c.origin || 'undecided'} (confidence ${c.origin_confidence.toFixed(2)})`)),
    h('div', { class: 'card', id: 'timeline' }, h('h3', {}, `Timeline (copies per ${tl.bucket}, per source)`),
      tl.buckets.length ? h('div', { class: 'chart-box' }, canvas) : empty('No copy of this cluster is dated precisely enough to place on a timeline.'),
      h('p', { class: 'muted' }, `${tl.total} documents; ${tl.imprecise} dated less precisely than a ${tl.bucket}; ${tl.undated} undated.`)),
    h('div', { class: 'card' }, h('h3', {}, 'Copies'),
      h('table', {}, h('tr', {}, h('th', {}, 'document'), h('th', {}, 'source · date'), h('th', {}, 'passage'), h('th', {}, '')),
        c.members.map((m) => h('tr', {},
          h('td', {}, docLink(m.doc, m.document.title || m.doc), m.is_origin ? h('span', { class: 'pill' }, 'origin') : null),
          h('td', { class: 'muted' }, [m.document.source, m.document.published || 'undated'].filter(Boolean).join(' · ')),
          h('td', {}, m.text.length > 160 ? m.text.slice(0, 160) + '…' : m.text),
          h('td', {}, m === origin ? '' : h('a', { href: `#/compare/${enc(c.id)}/${origin.index}/${m.index}` }, 'side by side')))))),
  );
  if (tl.buckets.length) chart = timelineChart(canvas, tl);
}

function timelineChart(canvas, tl) {
  const sources = [...new Set(tl.buckets.flatMap((b) => b.per_source.map((s) => s.source)))];
  const labels = tl.buckets.map((b) => (tl.bucket === 'hour' ? b.start.slice(0, 16).replace('T', ' ') : b.start.slice(0, 10)));
  const datasets = sources.map((s) => ({
    label: s,
    data: tl.buckets.map((b) => (b.per_source.find((p) => p.source === s) || { count: 0 }).count),
    backgroundColor: colour(s, 0.8),
  }));
  const other = tl.buckets.map((b) => b.total - b.per_source.reduce((n, p) => n + p.count, 0));
  if (other.some((n) => n > 0)) datasets.push({ label: 'no source', data: other, backgroundColor: '#bbb' });
  return new Chart(canvas, {
    type: 'bar',
    data: { labels, datasets },
    options: {
      animation: false, maintainAspectRatio: false,
      scales: { x: { stacked: true, title: { display: true, text: tl.bucket === 'hour' ? 'hour (UTC)' : 'day (UTC)' } }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text: 'copies' } } },
      plugins: { legend: { position: 'bottom' } },
    },
  });
}

// ---- side by side --------------------------------------------------------------------------

async function compareView(id, i, j) {
  const c = await api(`/api/clusters/${enc(id)}`);
  const a = c.members.find((m) => m.index === i);
  const b = c.members.find((m) => m.index === j);
  if (!a || !b) throw new Error('no such copies in this cluster');
  const left = h('div', { class: 'pane', id: 'compare-left' });
  const right = h('div', { class: 'pane', id: 'compare-right' });
  let same = 0; let changed = 0;
  for (const part of diffWords(a.text, b.text)) {
    if (part.added) { right.append(h('ins', { class: 'diff' }, part.value)); changed += part.value.length; }
    else if (part.removed) { left.append(h('del', { class: 'diff' }, part.value)); changed += part.value.length; }
    else { left.append(part.value); right.append(part.value); same += part.value.length; }
  }
  const aligned = c.alignments.filter((x) => (x.a === a.doc && x.b === b.doc) || (x.a === b.doc && x.b === a.doc));
  const head = (m) => h('div', {}, h('h3', {}, docLink(m.doc, m.document.title || m.doc), m.is_origin ? h('span', { class: 'pill' }, 'origin') : null),
    h('p', { class: 'muted' }, [m.document.source, m.document.published || 'undated', `characters ${m.span.start}–${m.span.end}`].filter(Boolean).join(' · ')));
  show(
    h('div', { class: 'card' }, h('h2', {}, 'Side by side: ', clusterLink(c.id, `cluster ${c.id}`)),
      h('p', { class: 'muted' }, `Struck through in red: only on the left; green: only on the right. ${Math.round((100 * same) / Math.max(1, same + changed))}% of characters shared.`),
      aligned.length ? h('p', { class: 'muted' }, `Alignment: ${aligned.map((x) => `identity ${(x.identity * 100).toFixed(0)}%, score ${x.score.toFixed(1)}`).join('; ')}`) : null),
    h('div', { class: 'side-by-side', id: 'side-by-side' },
      h('div', { class: 'card' }, head(a), left),
      h('div', { class: 'card' }, head(b), right)),
  );
}

// ---- people and quotes ---------------------------------------------------------------------

async function peopleView() {
  const r = await api('/api/people?limit=200');
  show(h('div', { class: 'card' }, h('h2', {}, 'People quoted'),
    r.people.length ? h('table', {}, r.people.map((p) => h('tr', {},
      h('td', {}, h('a', { href: `#/speaker/${enc(p.name)}` }, p.name)), h('td', {}, `${p.quotes} quotes`))))
      : empty('No quotes: the quotes stage has not run or found nothing.')));
}

async function speakerView(name) {
  const r = await api(`/api/quotes?speaker=${enc(name)}&limit=200`);
  show(h('div', { class: 'card' }, h('h2', {}, `Quotes of ${name}`),
    r.quotes.length ? h('ul', {}, r.quotes.map((q) => h('li', {}, `“${q.text}” `,
      h('span', { class: 'muted' }, `(${q.kind}) in `), docLink(q.doc, q.document.title || q.doc),
      h('span', { class: 'muted' }, ' ' + [q.document.source, q.document.published].filter(Boolean).join(' · ')))))
      : empty('No quotes of this speaker.')));
}

// ---- network -------------------------------------------------------------------------------

const GROUP_COLOURS = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e', '#17becf', '#8c564b', '#e377c2', '#bcbd22', '#7f7f7f'];

async function networkView() {
  const net = await api('/api/network');
  const evidence = h('div', { class: 'card', id: 'edge-evidence' }, h('h3', {}, 'Evidence'),
    h('p', { class: 'muted' }, 'Click an edge to see the clusters the two sources published within the interval.'));
  const box = h('div', { id: 'cy' });
  const groups = h('div', { class: 'card' }, h('h3', {}, 'Groups'),
    net.groups.length ? h('ul', {}, net.groups.map((g, i) => h('li', {},
      h('span', { class: 'swatch', style: { background: GROUP_COLOURS[i % GROUP_COLOURS.length] } }),
      `${g.kind}: `, g.members.join(', '), g.center ? ` — center ${g.center} (${Math.round(g.center_support * 100)}%)` : '',
      h('span', { class: 'muted' }, ` · ${g.clusters.length} clusters, ${g.edges} edges`))))
      : empty('No coordinated group found.'));
  show(
    h('div', { class: 'card' }, h('h2', {}, 'Source network'),
      h('p', { class: 'muted' }, `Two sources are linked when they repeatedly publish the same text within ${Math.round(net.interval.seconds)} s (interval ${net.interval.source}). Edge width: clusters co-published. Colour: group.`)),
    net.edges.length ? box : h('div', { class: 'card' }, empty('No coordination edges: no two sources repeatedly published the same clusters within the interval (or the reuse stage has not run).')),
    evidence, groups);
  if (!net.edges.length) return;
  const maxW = Math.max(...net.edges.map((e) => e.weight));
  cy = cytoscape({
    container: box,
    elements: [
      ...net.nodes.map((n) => ({ data: { id: n.id, label: n.id, colour: n.group === null ? '#9aa5b1' : GROUP_COLOURS[n.group % GROUP_COLOURS.length], shape: n.role === 'center' ? 'diamond' : 'ellipse' } })),
      ...net.edges.map((e, i) => ({ data: { id: `e${i}`, source: e.a, target: e.b, width: 1 + (7 * e.weight) / maxW, index: i, label: String(e.weight) } })),
    ],
    style: [
      { selector: 'node', style: { 'background-color': 'data(colour)', label: 'data(label)', shape: 'data(shape)', 'font-size': 10, width: 18, height: 18 } },
      { selector: 'edge', style: { width: 'data(width)', 'line-color': '#8894a3', 'curve-style': 'bezier', label: 'data(label)', 'font-size': 8, 'text-background-color': '#fff', 'text-background-opacity': 1 } },
      { selector: 'edge:selected', style: { 'line-color': '#d62728' } },
    ],
    layout: { name: 'cose', animate: false, randomize: false, nodeRepulsion: 8000 },
  });
  cy.on('tap', 'edge', (ev) => {
    const e = net.edges[ev.target.data('index')];
    evidence.replaceChildren(h('h3', {}, `Evidence: ${e.a} — ${e.b}`),
      h('p', { class: 'muted' }, `${e.weight} clusters co-published; mean delay ${Math.round(e.mean_delay_s)} s; symmetry ${e.symmetry.toFixed(2)}${e.center ? `; center ${e.center}` : ''}`),
      h('table', {}, h('tr', {}, h('th', {}, 'cluster'), h('th', {}, e.a), h('th', {}, e.b), h('th', {}, 'delay'), h('th', {}, 'earliest')),
        e.evidence.map((x) => h('tr', {}, h('td', {}, clusterLink(x.cluster)), h('td', {}, x.a_time), h('td', {}, x.b_time), h('td', {}, `${Math.round(x.delay_s)} s`), h('td', {}, x.earliest.join(', '))))));
  });
  window.__echotraceNetwork = cy; // for the browser tests
}

// ---- narratives ----------------------------------------------------------------------------

async function narrativesView() {
  const r = await api('/api/narratives?limit=50');
  show(h('div', { class: 'card' }, h('h2', {}, `Narratives (${r.total})`),
    r.narratives.length ? h('ul', {}, r.narratives.map((n) => h('li', {},
      h('strong', {}, n.label), h('div', { class: 'muted' }, `${n.documents.length} documents, ${n.sources.length} sources, ${n.first || '?'} → ${n.last || '?'}`),
      h('div', {}, 'clusters: ', n.clusters.map((c) => [clusterLink(c), ' '])))))
      : empty('No narratives: the clusters and quotes in this store do not group into stories yet (or the analysis has not run).')));
}

route();
