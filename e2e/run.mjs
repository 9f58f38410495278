// Browser tests of the web page in real headless Chromium (Debian's /usr/bin/chromium),
// against a server already running at $ECHOTRACE_URL on the demo store. Screenshots go to
// $SCREENSHOTS (default ../target/e2e). Exits non-zero on the first failed check.
import { chromium } from 'playwright-core';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const base = process.env.ECHOTRACE_URL || 'http://127.0.0.1:8080';
const shots = process.env.SCREENSHOTS || new URL('../target/e2e', import.meta.url).pathname;
mkdirSync(shots, { recursive: true });
const profile = mkdtempSync(join(tmpdir(), 'echotrace-e2e-'));

// A fresh profile directory per run (Playwright passes it as --user-data-dir).
const browser = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  viewport: { width: 1400, height: 1000 },
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
let failed = 0;
const consoleErrors = [];

async function check(name, fn) {
  try {
    await fn();
    console.log(`ok   ${name}`);
  } catch (e) {
    failed++;
    console.log(`FAIL ${name}: ${e.message}`);
  }
}
function assert(cond, msg) { if (!cond) throw new Error(msg); }

try {
  const page = await browser.newPage();
  page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
  page.on('pageerror', (e) => consoleErrors.push(e.message));
  // Nothing but the server may be contacted: the page must work offline (no CDN).
  const foreign = [];
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(base)) return route.continue();
    foreign.push(url);
    return route.abort();
  });

  await check('overview loads', async () => {
    await page.goto(`${base}/`);
    await page.waitForSelector('text=This store');
    await page.screenshot({ path: `${shots}/01-overview.png` });
  });

  await check('search for Tokayev finds the seed page', async () => {
    await page.fill('#search-input', 'Tokayev');
    await page.click('header button[type=submit]');
    await page.waitForSelector('#search-results .hit');
    const hits = await page.$$eval('#search-results .hit', (els) => els.map((e) => e.textContent));
    assert(hits.length > 0, 'no hits');
    assert(await page.$('#search-results .hit b'), 'no highlighted match in snippets');
    await page.screenshot({ path: `${shots}/02-search.png` });
  });

  let seedId;
  await check('open the seed document from the results', async () => {
    const seed = await (await fetch(`${base}/api/documents/000_1da12e83afc5f8cf`)).json();
    seedId = seed.id;
    await page.click(`#search-results a[href="#/doc/${seedId}"]`);
    await page.waitForSelector('#doc-text');
  });

  await check('reused span of lines 3/7 is highlighted and linked', async () => {
    const marks = await page.$$eval('#doc-text mark.reuse', (els) => els.map((e) => ({ text: e.textContent, cluster: e.dataset.cluster, bg: getComputedStyle(e).backgroundColor })));
    assert(marks.length >= 2, `only ${marks.length} highlighted spans`);
    const shared = marks.filter((m) => m.text.includes('Collective Security Treaty'));
    assert(shared.length >= 2, 'lines 3 and 7 are not both highlighted');
    assert(shared.every((m) => m.cluster && m.bg !== 'rgba(0, 0, 0, 0)'), 'highlight without cluster or colour');
    const text = await page.$eval('#doc-text', (e) => e.textContent);
    const lines = text.split('\n');
    for (const n of [3, 7]) {
      assert(shared.some((m) => lines[n - 1].includes(m.text.trim().slice(0, 40))), `line ${n} has no highlighted span`);
    }
    // Linked: the reuse list names the cluster and the copies, with links to them.
    const links = await page.$$eval('#reuse-list a', (els) => els.map((e) => e.getAttribute('href')));
    assert(links.some((h) => h.startsWith('#/cluster/')), 'no link to the cluster');
    assert(links.some((h) => h.startsWith('#/doc/')), 'no link to a copy');
    assert(await page.$('span.quote'), 'no quote marked');
    assert(await page.$('.speaker-tag'), 'no speaker tag');
    await page.click('#doc-text mark.reuse');
    await page.screenshot({ path: `${shots}/03-document.png`, fullPage: true });
  });

  await check('side-by-side view of two copies', async () => {
    await page.click('#reuse-list a.compare-link');
    await page.waitForSelector('#side-by-side');
    const left = await page.$eval('#compare-left', (e) => e.textContent);
    const right = await page.$eval('#compare-right', (e) => e.textContent);
    assert(left.includes('Collective Security') && right.includes('Collective Security'), 'panes lack the shared text');
    assert(await page.$('#side-by-side del.diff, #side-by-side ins.diff'), 'no difference marked');
    await page.screenshot({ path: `${shots}/04-side-by-side.png` });
  });

  await check('cluster timeline of the largest cluster', async () => {
    const list = await (await fetch(`${base}/api/clusters?limit=1`)).json();
    const id = list.clusters[0].id;
    await page.goto(`${base}/#/cluster/${encodeURIComponent(id)}`);
    await page.waitForSelector('#timeline');
    const canvas = await page.$('#timeline-chart');
    assert(canvas, 'no chart drawn');
    const box = await canvas.boundingBox();
    assert(box && box.width > 100 && box.height > 100, 'chart has no size');
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${shots}/05-timeline.png`, fullPage: true });
  });

  await check('source network with evidence on edge click', async () => {
    await page.goto(`${base}/#/network`);
    await page.waitForSelector('#edge-evidence');
    const net = await (await fetch(`${base}/api/network`)).json();
    if (net.edges.length) {
      await page.waitForFunction(() => window.__echotraceNetwork && window.__echotraceNetwork.edges().length > 0);
      // Tap the first edge through cytoscape (edges are canvas pixels, not DOM nodes).
      await page.evaluate(() => window.__echotraceNetwork.edges()[0].emit('tap'));
      await page.waitForSelector('#edge-evidence table');
      const rows = await page.$$('#edge-evidence table tr');
      assert(rows.length >= 2, 'no evidence rows');
    } else {
      assert(await page.$('text=No coordination edges'), 'empty network not explained');
    }
    await page.screenshot({ path: `${shots}/06-network.png`, fullPage: true });
  });

  // The demo corpus's synthetic outlets publish at random times, so its network has no edge;
  // the graph drawing and the edge evidence are checked on a small fixed network served in
  // place of /api/network.
  await check('network graph: groups coloured, edge click shows evidence (fixture network)', async () => {
    const ev = (cluster, delay) => ({ cluster, a_time: '2022-01-10T09:00:00Z', b_time: '2022-01-10T09:05:00Z', delay_s: delay, earliest: ['wire.example'] });
    const edge = (a, b, weight) => ({ a, b, weight, mean_delay_s: 300, symmetry: 0.5, center: 'wire.example', center_weight: weight, strong: true, evidence: Array.from({ length: weight }, (_, i) => ev(`r${a[0]}${b[0]}${i}`, 300)) });
    const fixture = {
      interval: { seconds: 1800, source: 'estimated', clusters_used: 20 }, weight_cut: 2, candidate_edges: 5,
      edges: [edge('alpha.example', 'beta.example', 6), edge('beta.example', 'gamma.example', 3), edge('delta.example', 'epsilon.example', 2)],
      groups: [
        { members: ['alpha.example', 'beta.example', 'gamma.example'], kind: 'coordinated', center: 'wire.example', center_support: 0.8, center_in_community: false, clusters: ['r1', 'r2'], credits: [], edges: 2, strong_edges: 2 },
        { members: ['delta.example', 'epsilon.example'], kind: 'syndication', center: null, center_support: 0, center_in_community: false, clusters: ['r3'], credits: [], edges: 1, strong_edges: 1 },
      ],
      nodes: [
        { id: 'alpha.example', documents: 10, group: 0, role: 'member' }, { id: 'beta.example', documents: 8, group: 0, role: 'member' },
        { id: 'gamma.example', documents: 5, group: 0, role: 'member' }, { id: 'delta.example', documents: 4, group: 1, role: 'member' },
        { id: 'epsilon.example', documents: 4, group: 1, role: 'member' },
      ],
    };
    await page.route(`${base}/api/network`, (route) => route.fulfill({ json: fixture }));
    await page.goto(`${base}/#/overview`);
    await page.goto(`${base}/#/network`);
    await page.waitForFunction(() => window.__echotraceNetwork && window.__echotraceNetwork.edges().length === 3);
    const colours = await page.evaluate(() => window.__echotraceNetwork.nodes().map((n) => n.style('background-color')));
    assert(new Set(colours).size === 2, `groups not coloured apart: ${colours}`);
    const widths = await page.evaluate(() => window.__echotraceNetwork.edges().map((e) => parseFloat(e.style('width'))));
    assert(widths[0] > widths[1] && widths[1] > widths[2], `edge width not by weight: ${widths}`);
    // A real click on the middle of the heaviest edge, once the renderer has placed it (the
    // layout runs after the elements exist, and an edge has no midpoint before that).
    // Polled from here rather than with waitForFunction: its requestAnimationFrame polling
    // can stall in headless Chromium while the page is idle.
    let placed = false;
    for (let i = 0; i < 100 && !placed; i++) {
      placed = await page.evaluate(() => {
        try {
          const p = window.__echotraceNetwork.edges()[0].renderedMidpoint();
          return Number.isFinite(p.x) && Number.isFinite(p.y);
        } catch (_) {
          return false;
        }
      });
      if (!placed) await new Promise((r) => setTimeout(r, 100));
    }
    assert(placed, 'the heaviest edge was never drawn');
    const pos = await page.evaluate(() => {
      const cy = window.__echotraceNetwork;
      const m = cy.edges()[0].renderedMidpoint();
      const r = cy.container().getBoundingClientRect();
      return { x: r.left + m.x, y: r.top + m.y };
    });
    await page.mouse.click(pos.x, pos.y);
    await page.waitForSelector('#edge-evidence table');
    const rows = await page.$$('#edge-evidence table tr');
    assert(rows.length === 7, `expected 6 evidence rows, got ${rows.length - 1}`);
    await page.screenshot({ path: `${shots}/06b-network-graph.png`, fullPage: true });
    await page.unroute(`${base}/api/network`);
  });

  await check('people and narratives panels', async () => {
    await page.goto(`${base}/#/people`);
    await page.waitForSelector('text=People quoted');
    await page.goto(`${base}/#/narratives`);
    await page.waitForSelector('text=Narratives (');
    await page.screenshot({ path: `${shots}/07-narratives.png` });
  });

  await check('an unknown document shows an error, not a blank page', async () => {
    await page.goto(`${base}/#/doc/no-such-document`);
    await page.waitForSelector('.error');
  });

  await check('no request left the server, no script error', async () => {
    assert(foreign.length === 0, `requests elsewhere: ${foreign.join(', ')}`);
    const real = consoleErrors.filter((e) => !e.includes('404'));
    assert(real.length === 0, `console errors: ${real.join(' | ')}`);
  });
} finally {
  await browser.close();
  rmSync(profile, { recursive: true, force: true });
}
console.log(failed ? `${failed} check(s) failed` : 'all browser checks passed');
process.exit(failed ? 1 : 0);
