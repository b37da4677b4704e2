// Benchmark (not a test; it asserts nothing). Prints one table and saves
// bench-results/results.json. Every app number has a baseline measured in the
// same run, on the same machine and browser:
//   1. bytes of the release build (raw, gzip -9, brotli 11);
//   2. first render — navigation start until all 86 initiatives are in the DOM
//      (+ one frame) — alternating app / static pre-rendered HTML (no JS) /
//      vanilla-JS page with the plan inline; for the app both the prerendered
//      first paint and the moment its own rows have replaced those;
//   3. filter latency — a keystroke in search and a facet click until the DOM
//      has settled — at 86 and at 10,000 generated initiatives, against a
//      vanilla-JS page that filters the same rows in place;
//   4. store — loading and saving a full progress record (86 initiatives × 5 FY
//      with 200-character notes, 27 KPIs × 5 FY), as the app's own User Timing
//      measures, against plain JSON.parse/getItem and stringify/setItem of the
//      same document in the same page;
//   5. typed search answered — a query typed from navigation start, a
//      character every 10 ms into whatever search box the page has, until the
//      visible rows are the page's own steady answer and stay so; cold cache,
//      files served brotli-compressed; on Lighthouse's mobile profile and
//      unthrottled, against the plain filtering page of 3.

import { cp, mkdir, readFile, readdir, writeFile, rm } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { DIST, ROOT, serveStatic, launchChromium } from '../tests/e2e/support.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 9);
const FILTER_RUNS = Number(process.env.BENCH_FILTER_RUNS ?? 3);
const LARGE = 10_000;
const OUT = join(ROOT, 'bench-results');
const SITE = join(OUT, 'site');

const sizes = (buf) => ({
  raw: buf.length,
  gzip: gzipSync(buf, { level: 9 }).length,
  brotli: brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
});
const sum = (list) => list.reduce((a, s) => ({ raw: a.raw + s.raw, gzip: a.gzip + s.gzip, brotli: a.brotli + s.brotli }), { raw: 0, gzip: 0, brotli: 0 });
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const esc = (s) => String(s).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

// --- Baseline pages ----------------------------------------------------------

function rowsHtml(plan) {
  return plan.initiatives
    .map((i) => `<li class="initiative-row" data-initiative-id="${esc(i.id)}" data-policy="${i.policy}"><a href="?id=${encodeURIComponent(i.id)}"><span class="id">${esc(i.id)}</span> <span class="name">${esc(i.short_name)}</span> ${i.priority ? '<span class="badge">重点</span>' : ''}<span class="badge">${esc(i.first_plan)}</span>${i.direction ? `<span class="badge">${esc(i.direction)}</span>` : ''}</a></li>`)
    .join('\n');
}

/** The same rows as static HTML: the floor for "first render". */
const staticPage = (plan) => `<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>static baseline</title></head><body><input class="result-count" type="hidden"><ul>${rowsHtml(plan)}</ul></body></html>`;

/** The plan inline, rendered with plain DOM calls. */
const vanillaRenderPage = (plan) => `<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>vanilla baseline</title></head><body><script>
const PLAN = ${JSON.stringify(plan).replace(/</g, '\\u003c')};
const ul = document.createElement('ul');
for (const i of PLAN.initiatives) {
  const li = document.createElement('li'); li.className = 'initiative-row'; li.dataset.initiativeId = i.id;
  const a = document.createElement('a'); a.href = '?id=' + encodeURIComponent(i.id);
  const id = document.createElement('span'); id.className = 'id'; id.textContent = i.id;
  const name = document.createElement('span'); name.className = 'name'; name.textContent = i.short_name;
  a.append(id, ' ', name); li.append(a); ul.append(li);
}
const marker = document.createElement('input'); marker.type = 'hidden'; marker.className = 'result-count';
document.body.append(marker, ul);
</script></body></html>`;

/** Pre-rendered rows filtered in place by a search box and a policy checkbox. */
const vanillaFilterPage = (plan) => `<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>filter baseline</title></head><body>
<input id="search-input" type="search"><label><input id="f-policy-2" type="checkbox"> 2</label><p class="result-count"></p>
<ul>${rowsHtml(plan)}</ul><script>
const texts = ${JSON.stringify(plan.initiatives.map((i) => [i.id, i.text, i.short_name, i.situation, i.remarks ?? '', ...i.schedule.map((s) => s.label)].join('\n')))};
const fold = (s) => s.normalize('NFKC').toLowerCase().replace(/[\\u30a1-\\u30f6]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60)).replace(/\\s+/g, '');
const hay = texts.map(fold);
const rows = [...document.querySelectorAll('[data-initiative-id]')];
const q = document.getElementById('search-input'), p2 = document.getElementById('f-policy-2'), count = document.querySelector('.result-count');
function apply() {
  const words = q.value.split(/\\s+/).map(fold).filter(Boolean); let n = 0;
  rows.forEach((r, k) => { const show = words.every((w) => hay[k].includes(w)) && (!p2.checked || r.dataset.policy === '2'); r.hidden = !show; if (show) n++; });
  count.textContent = n + ' / ' + rows.length;
}
q.addEventListener('input', apply); p2.addEventListener('change', apply);
apply(); // what was typed before this script ran
</script></body></html>`;

// --- In-page measurement -------------------------------------------------------

/** Runs `action` and resolves with ms until the DOM stops changing (two quiet frames). */
const SETTLE = () => {
  window.__settle = (action) => new Promise((resolve) => {
    const t0 = performance.now();
    let last = t0;
    const obs = new MutationObserver(() => { last = performance.now(); });
    obs.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
    action();
    let seen = last, quiet = 0;
    const tick = () => {
      if (last === seen) quiet += 1; else { quiet = 0; seen = last; }
      if (quiet >= 2) { obs.disconnect(); resolve(last - t0); } else requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  window.__type = (value) => window.__settle(() => {
    const input = document.getElementById('search-input');
    input.value = value;
    input.dispatchEvent(new InputEvent('input', { bubbles: true }));
  });
  window.__toggleFacet = () => window.__settle(() => {
    const box = document.getElementById('f-policy-2')
      ?? [...document.querySelectorAll('.facet-option')].find((l) => l.querySelector('.facet-label')?.textContent.startsWith('2 '))?.querySelector('input');
    box.click();
  });
};

const RENDER_PROBE = ([selector, expected]) => {
  const done = () => document.querySelectorAll(selector).length >= expected;
  // Once: DOMContentLoaded can come much later than the rows (the boot
  // module's top-level await holds it until the wasm has started).
  let marked = false;
  const mark = () => { if (!marked) { marked = true; requestAnimationFrame(() => { window.__rendered = performance.now(); }); } };
  if (document.readyState !== 'loading' && done()) { mark(); return; }
  new MutationObserver((_, obs) => { if (done()) { obs.disconnect(); mark(); } })
    .observe(document, { childList: true, subtree: true });
  document.addEventListener('DOMContentLoaded', () => { if (done()) mark(); });
};

async function firstRender(browser, url, expected, selector = '[data-initiative-id]') {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.addInitScript(RENDER_PROBE, [selector, expected]);
  await page.goto(url);
  await page.waitForFunction(() => window.__rendered !== undefined, null, { timeout: 120000 });
  const t = await page.evaluate(() => window.__rendered);
  // The browser's own first-contentful-paint, as a cross-check of the probe.
  const fcp = await page.evaluate(() => new Promise((resolve) => {
    new PerformanceObserver((list, obs) => {
      const entry = list.getEntriesByName('first-contentful-paint')[0];
      if (entry) { obs.disconnect(); resolve(entry.startTime); }
    })
      .observe({ type: 'paint', buffered: true });
  }));
  // The app's own marks (src/main.rs): when its code starts, and what the
  // mount spends reading the plan and building the page.
  const startup = await page.evaluate(() => {
    const mount = performance.getEntriesByName('kama:mount')[0];
    const parse = performance.getEntriesByName('kama:plan-parse')[0];
    return mount && parse ? { starts: mount.startTime, parse: parse.duration, build: mount.duration - parse.duration } : null;
  });
  await context.close();
  return { rendered: t, fcp, startup };
}

async function filterLatency(browser, url, word) {
  const keys = [];
  const facets = [];
  for (let run = 0; run < FILTER_RUNS; run++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.addInitScript(SETTLE);
    await page.goto(url);
    await page.waitForSelector('.result-count', { state: 'attached', timeout: 120000 });
    await page.waitForSelector('#search-input', { state: 'attached' });
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const chars = [...word];
    for (let n = 1; n <= chars.length; n++) keys.push(await page.evaluate((v) => window.__type(v), chars.slice(0, n).join('')));
    await page.evaluate(() => window.__type(''));
    facets.push(await page.evaluate(() => window.__toggleFacet()));
    facets.push(await page.evaluate(() => window.__toggleFacet()));
    await context.close();
  }
  return { keystroke: median(keys), facet: median(facets) };
}

const STORE_KEY = 'kama-sme-tracker:progress:kama-sme-2023-2027';

async function storeTiming(browser, url, record) {
  const load = [], save = [], baseLoad = [], baseSave = [];
  for (let run = 0; run < FILTER_RUNS; run++) {
    const context = await browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    // The page opens read-only; a recorder's browser edits (kama_plan::staff).
    await page.addInitScript(([key, value]) => {
      if (!sessionStorage.getItem('seeded')) {
        localStorage.setItem(key, value);
        localStorage.setItem('kama-sme-tracker:role', 'recorder');
        localStorage.setItem('kama-sme-tracker:author', '計測');
        localStorage.setItem('kama-sme-tracker:owner', '商工観光課');
        sessionStorage.setItem('seeded', '1');
      }
    }, [STORE_KEY, record]);
    await page.goto(`${url}?id=1-1-a&year=2024`);
    const note = page.locator('fieldset[data-year="2024"] textarea.note-input');
    await note.waitFor({ timeout: 120000 });
    load.push(await page.evaluate(() => performance.getEntriesByName('kama:store-load')[0]?.duration ?? NaN));
    await note.fill('保存の計測');
    await page.waitForFunction(() => performance.getEntriesByName('kama:store-save').length > 0, null, { timeout: 30000 });
    save.push(await page.evaluate(() => performance.getEntriesByName('kama:store-save')[0].duration));
    const base = await page.evaluate((key) => {
      const t0 = performance.now();
      const doc = JSON.parse(localStorage.getItem(key));
      const t1 = performance.now();
      localStorage.setItem(key, JSON.stringify(doc));
      return [t1 - t0, performance.now() - t1];
    }, STORE_KEY);
    baseLoad.push(base[0]);
    baseSave.push(base[1]);
    await context.close();
  }
  return { load: median(load), save: median(save), base_load: median(baseLoad), base_save: median(baseSave), bytes: Buffer.byteLength(record) };
}

// Lighthouse's mobile profile: 150 ms RTT, 1.6 Mbps down, 750 kbps up, the CPU 4× slower.
const PROFILES = {
  mobile: { latency: 150, downloadThroughput: (1638.4 * 1024) / 8, uploadThroughput: (750 * 1024) / 8, cpu: 4 },
  unthrottled: null,
};
const QUERY = 'デジタル化';

/** In the page from its start: types QUERY a character per 10 ms into
 * `#search-input` (again from the start when a new box replaces the old), and
 * notes each change of which rows are visible, with its time. */
const TYPIST = (query) => {
  const chars = [...query];
  window.__seen = [];
  const visible = () => [...document.querySelectorAll('[data-initiative-id]')]
    .filter((r) => r.offsetParent !== null).map((r) => r.dataset.initiativeId).join(' ');
  let last = null;
  const look = () => {
    const now = visible();
    if (now !== last) { last = now; window.__seen.push([performance.now(), now]); }
  };
  const timer = setInterval(() => {
    const box = document.getElementById('search-input');
    if (box) {
      const typed = [...box.value];
      if (typed.length < chars.length && chars.slice(0, typed.length).join('') === box.value) {
        box.value = chars.slice(0, typed.length + 1).join('');
        box.dispatchEvent(new InputEvent('input', { bubbles: true }));
      }
    }
    look();
  }, 10);
  new MutationObserver(look).observe(document, { childList: true, subtree: true, attributes: true });
  window.__stopTyping = () => clearInterval(timer);
};

/** ms from navigation start until the visible rows are, for good, what they
 * are once the page has been still for `STILL_MS`. */
async function typedSearch(browser, url, profile) {
  const STILL_MS = 1500;
  const context = await browser.newContext({ viewport: { width: 412, height: 823 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  if (profile) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: profile.latency, downloadThroughput: profile.downloadThroughput, uploadThroughput: profile.uploadThroughput });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpu });
  }
  await page.addInitScript(TYPIST, QUERY);
  await page.goto(url);
  await page.waitForFunction(
    (still) => { const s = window.__seen; return s.length > 0 && performance.now() - s[s.length - 1][0] > still && document.getElementById('search-input')?.value.length > 1; },
    STILL_MS, { timeout: 120000, polling: 100 },
  );
  const seen = await page.evaluate(() => { window.__stopTyping(); return window.__seen; });
  await context.close();
  return seen[seen.length - 1][0];
}

// --- Run ---------------------------------------------------------------------------

const plan = JSON.parse(await readFile(join(ROOT, 'data', 'plan.json'), 'utf8'));
await rm(SITE, { recursive: true, force: true });
await mkdir(SITE, { recursive: true });
await cp(DIST, join(SITE, 'app'), { recursive: true });
const largeFile = join(SITE, 'app', `plan-${LARGE}.json`);
execFileSync('cargo', ['run', '-q', '--release', '-p', 'kama-plan', '--bin', 'generate-plan', '--', String(LARGE), largeFile], { stdio: 'inherit' });
const large = JSON.parse(await readFile(largeFile, 'utf8'));
const recordFile = join(SITE, 'full-record.json');
execFileSync('cargo', ['run', '-q', '--release', '-p', 'kama-plan', '--bin', 'generate-plan', '--', 'record', recordFile], { stdio: 'inherit' });
const record = await readFile(recordFile, 'utf8');
await mkdir(join(SITE, 'base'), { recursive: true });
await writeFile(join(SITE, 'base', 'static.html'), staticPage(plan));
await writeFile(join(SITE, 'base', 'vanilla.html'), vanillaRenderPage(plan));
await writeFile(join(SITE, 'base', 'filter.html'), vanillaFilterPage(plan));
await writeFile(join(SITE, 'base', `filter-${LARGE}.html`), vanillaFilterPage(large));

// sw.js is fetched after the page has rendered, so it is reported on its own.
// noscript.css is linked from a <noscript>: a visit with scripts never loads it.
const files = (await readdir(DIST)).filter((f) => f !== 'sw.js' && f !== 'noscript.css');
const group = async (suffix) => sum(await Promise.all(files.filter((f) => f.endsWith(suffix)).map(async (f) => sizes(await readFile(join(DIST, f))))));
const serviceWorker = sizes(await readFile(join(DIST, 'sw.js')));
// ECharts: our bundle (loaded by chart views only) against the full prebuilt one.
const vendor = (await readdir(join(DIST, 'vendor'))).filter((f) => f.startsWith('echarts-'));
const echartsOurs = sum(await Promise.all(vendor.map(async (f) => sizes(await readFile(join(DIST, 'vendor', f))))));
const echartsFull = sizes(await readFile(join(ROOT, 'node_modules', 'echarts', 'dist', 'echarts.min.js')));
const wasm = await group('.wasm');
// split/ (src/ui/lazy.rs): the loader is imported by the glue, so it is part of
// the first visit; the split-off wasm files load when a view needs them.
// (A build from before the split has no split/.)
const splitFiles = (await readdir(join(DIST, 'split')).catch(() => [])).map((f) => join(DIST, 'split', f));
const splitSizes = async (test) => sum(await Promise.all(splitFiles.filter(test).map(async (f) => sizes(await readFile(f)))));
const splitLoader = await splitSizes((f) => f.endsWith('.js'));
const splitWasm = await splitSizes((f) => f.endsWith('.wasm'));
const js = sum([await group('.js'), splitLoader]);
const css = await group('.css');
const html = sizes(await readFile(join(DIST, 'index.html')));
const code = sum([wasm, js, css]);
const firstVisit = sum([code, html]);
const planData = sizes(await readFile(join(ROOT, 'data', 'plan.json')));
const baselineBytes = sizes(Buffer.from(vanillaRenderPage(plan)));

const server = await serveStatic(SITE, '/');
const browser = await launchChromium();
const n = plan.initiatives.length;
const urls = { app: `${server.url}app/`, static: `${server.url}base/static.html`, vanilla: `${server.url}base/vanilla.html` };
// "app": the rows of the prerendered first paint (crates/prerender)
// count, as any rows in the DOM do. "app_ready": the app's own rows, mounted
// by the wasm in place of the prerendered ones (those sit in #prerendered).
const probes = {
  app: [urls.app, '[data-initiative-id]'],
  app_ready: [urls.app, 'body > .explore [data-initiative-id]'],
  static: [urls.static, '[data-initiative-id]'],
  vanilla: [urls.vanilla, '[data-initiative-id]'],
};
const render = Object.fromEntries(Object.keys(probes).map((k) => [k, []]));
const paint = { app: [], static: [] };
const startup = { starts: [], parse: [], build: [] };
for (const [url, selector] of Object.values(probes)) await firstRender(browser, url, n, selector); // warm caches
for (let run = 0; run < RUNS; run++) {
  for (const [name, [url, selector]] of Object.entries(probes)) {
    const { rendered, fcp, startup: marks } = await firstRender(browser, url, n, selector);
    render[name].push(rendered);
    if (name === 'app_ready' && marks) for (const k of Object.keys(startup)) startup[k].push(marks[k]);
    if (name in paint) paint[name].push(fcp);
  }
}
const fcpMs = Object.fromEntries(Object.entries(paint).map(([k, v]) => [k, median(v)]));
const firstRenderMs = Object.fromEntries(Object.entries(render).map(([k, v]) => [k, median(v)]));
const startupMs = Object.fromEntries(Object.entries(startup).map(([k, v]) => [k, median(v)]));
// Large plans are windowed: rendered once the first rows of the list show.
const largeRenderMs = (await firstRender(browser, `${urls.app}?plan=plan-${LARGE}.json`, 1, '.plan-window [data-initiative-id]')).rendered;

const filter = {
  app86: await filterLatency(browser, urls.app, 'デジタル化'),
  base86: await filterLatency(browser, `${server.url}base/filter.html`, 'デジタル化'),
  appLarge: await filterLatency(browser, `${urls.app}?plan=plan-${LARGE}.json`, 'デジタル化'),
  baseLarge: await filterLatency(browser, `${server.url}base/filter-${LARGE}.html`, 'デジタル化'),
};
const store = await storeTiming(browser, urls.app, record);
await server.close();

const brotliServer = await serveStatic(SITE, '/', { brotli: true });
const typed = {};
for (const [profileName, profile] of Object.entries(PROFILES)) {
  const runs = { app: [], plain: [] };
  for (let run = 0; run < RUNS; run++) {
    runs.app.push(await typedSearch(browser, `${brotliServer.url}app/`, profile));
    runs.plain.push(await typedSearch(browser, `${brotliServer.url}base/filter.html`, profile));
  }
  typed[profileName] = { app: median(runs.app), plain: median(runs.plain) };
}
await browser.close();
await brotliServer.close();

// --- Report --------------------------------------------------------------------------

const kb = (b) => (b / 1024).toFixed(1).padStart(8);
const x = (a, b) => `${(a / b).toFixed(2)}×`;
const ms = (t) => `${t.toFixed(1)} ms`;
console.log('\n1. Bytes (KB)                          raw     gzip   brotli');
for (const [name, s] of [['wasm (plan embedded)', wasm], ['js (glue, boot, split loader)', js], ['css', css], ['  wasm + js + css', code], ['index.html', html], ['first visit total', firstVisit], ['  of which plan data (plan.json)', planData], ['baseline: vanilla page, plan inline', baselineBytes], ['sw.js (after first render)', serviceWorker], ['split-off wasm (on demand)', splitWasm], ['ECharts, ours (chart views only)', echartsOurs], ['ECharts, full echarts.min.js', echartsFull]]) {
  console.log(`${name.padEnd(36)} ${kb(s.raw)} ${kb(s.gzip)} ${kb(s.brotli)}`);
}
console.log(`first visit / vanilla baseline (brotli): ${x(firstVisit.brotli, baselineBytes.brotli)}; ECharts not on the first visit; ours / full (brotli): ${x(echartsOurs.brotli, echartsFull.brotli)}`);
console.log(`\n2. First render of all ${n} initiatives (median of ${RUNS}, alternated)`);
console.log(`static HTML, no JS   ${ms(firstRenderMs.static)}`);
console.log(`vanilla JS           ${ms(firstRenderMs.vanilla)}`);
console.log(`app, first paint     ${ms(firstRenderMs.app)}   app/static ${x(firstRenderMs.app, firstRenderMs.static)}   app/vanilla ${x(firstRenderMs.app, firstRenderMs.vanilla)}   (prerendered rows)`);
console.log(`app, ready           ${ms(firstRenderMs.app_ready)}   app/static ${x(firstRenderMs.app_ready, firstRenderMs.static)}   app/vanilla ${x(firstRenderMs.app_ready, firstRenderMs.vanilla)}   (the wasm's own rows, interactive)`);
console.log(`  of which: the app's code starts at ${ms(startupMs.starts)}, reads the plan in ${ms(startupMs.parse)}, builds the page in ${ms(startupMs.build)} (what hydrating the first paint could replace)`);
console.log(`first-contentful-paint (the browser's own): static ${ms(fcpMs.static)}, app ${ms(fcpMs.app)} = ${x(fcpMs.app, fcpMs.static)}`);
console.log(`app, ${LARGE} generated  ${ms(largeRenderMs)} (windowed list: until the first rows show)`);
console.log(`\n3. Filter latency until the DOM settles (median; ${FILTER_RUNS} runs; keystrokes typing デジタル化)`);
for (const [label, app, base] of [[`${n}`, filter.app86, filter.base86], [`${LARGE}`, filter.appLarge, filter.baseLarge]]) {
  console.log(`${label.padStart(6)} initiatives  keystroke app ${ms(app.keystroke)} / vanilla ${ms(base.keystroke)} = ${x(app.keystroke, base.keystroke)}   facet app ${ms(app.facet)} / vanilla ${ms(base.facet)} = ${x(app.facet, base.facet)}`);
}
console.log(`\n4. Store: a full record (${(store.bytes / 1024).toFixed(0)} KB JSON; median of ${FILTER_RUNS})`);
console.log(`load  app ${ms(store.load)} / JSON.parse+getItem ${ms(store.base_load)} = ${x(store.load, store.base_load)}`);
console.log(`save  app ${ms(store.save)} / stringify+setItem ${ms(store.base_save)} = ${x(store.save, store.base_save)}`);
console.log(`\n5. Typed search answered: ${QUERY} typed from navigation start (median of ${RUNS}, alternated; cold cache, brotli)`);
for (const [name, t] of Object.entries(typed)) {
  console.log(`${name.padEnd(12)} app ${ms(t.app)} / plain page ${ms(t.plain)} = ${x(t.app, t.plain)}`);
}

await writeFile(join(OUT, 'results.json'), JSON.stringify({
  date: new Date().toISOString(), runs: RUNS, filter_runs: FILTER_RUNS,
  bytes: { wasm, js, css, wasm_js_css: code, html, first_visit: firstVisit, split_wasm: splitWasm, plan_data: planData, vanilla_baseline: baselineBytes },
  first_render_ms: { ...firstRenderMs, app_large: largeRenderMs, large: LARGE },
  first_contentful_paint_ms: fcpMs,
  startup_ms: startupMs,
  filter_ms: filter,
  store_ms: store,
  typed_search_ms: typed,
  echarts_bytes: { ours: echartsOurs, full: echartsFull },
  service_worker_bytes: serviceWorker,
}, null, 2));
console.log('\nsaved bench-results/results.json');
