// Benchmark: bundle sizes and time to first render of the release build in
// dist/, each as a ratio against a baseline measured in the same run — a
// hand-written vanilla-JS page that renders the same plan into the same DOM.
// Not a test: it asserts nothing; scripts/bench prints and saves the numbers.

import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { DIST, ROOT, serveStatic, launchChromium } from '../tests/e2e/support.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const OUT = join(ROOT, 'bench-results');

function sizes(buf) {
  return {
    raw: buf.length,
    gzip: gzipSync(buf, { level: 9 }).length,
    brotli: brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

function sum(list) {
  return list.reduce((a, s) => ({ raw: a.raw + s.raw, gzip: a.gzip + s.gzip, brotli: a.brotli + s.brotli }), { raw: 0, gzip: 0, brotli: 0 });
}

/** The baseline: plan embedded in one script, rendered with plain DOM calls. */
function baselineHtml(plan) {
  const script = `
const PLAN = ${JSON.stringify(plan)};
const el = (tag, cls, text) => { const e = document.createElement(tag); if (cls) e.className = cls; if (text != null) e.textContent = text; return e; };
const nav = el('nav', 'plan-tree');
for (const p of PLAN.policies) {
  const ps = el('section', 'policy'); ps.append(el('h2', null, p.code + ' ' + p.name));
  for (const s of p.sub_policies) {
    const ss = el('section', 'sub-policy'); ss.append(el('h3', null, s.id + ' ' + s.name));
    const ul = el('ul', 'initiatives');
    for (const i of PLAN.initiatives) {
      if (i.policy !== p.code || i.sub_policy !== s.code) continue;
      const li = el('li', 'initiative-row'); li.dataset.initiativeId = i.id;
      const a = el('a'); a.href = '?id=' + encodeURIComponent(i.id);
      a.append(el('span', 'id', i.id), el('span', 'name', i.short_name));
      const b = el('span', 'badges');
      if (i.priority) b.append(el('span', 'badge', '重点'));
      b.append(el('span', 'badge', i.first_plan));
      if (i.direction) b.append(el('span', 'badge', i.direction));
      a.append(b); li.append(a); ul.append(li);
    }
    ss.append(ul); ps.append(ss);
  }
  nav.append(ps);
}
document.body.append(nav);`;
  return `<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>baseline</title></head><body><script>${script}</script></body></html>`;
}

/** Records when the Nth initiative row appears, then the next frame (≈ paint). */
const RENDER_PROBE = (expected) => {
  const done = () => document.querySelectorAll('[data-initiative-id]').length >= expected;
  const mark = () => requestAnimationFrame(() => { window.__rendered = performance.now(); });
  new MutationObserver((_, obs) => { if (done()) { obs.disconnect(); mark(); } })
    .observe(document, { childList: true, subtree: true });
};

async function firstRender(browser, url, expected) {
  const times = [];
  for (let n = 0; n < RUNS; n++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.addInitScript(RENDER_PROBE, expected);
    await page.goto(url);
    await page.waitForFunction(() => window.__rendered !== undefined, null, { timeout: 30000 });
    times.push(await page.evaluate(() => window.__rendered));
    await context.close();
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)], min: times[0], max: times[times.length - 1] };
}

const kb = (n) => (n / 1024).toFixed(1);
const ratio = (a, b) => (a / b).toFixed(2) + '×';

const plan = JSON.parse(await readFile(join(ROOT, 'data', 'plan.json'), 'utf8'));
const files = await readdir(DIST);
const pick = (suffix) => files.filter((f) => f.endsWith(suffix));
const read = (f) => readFile(join(DIST, f));
const wasm = sum(await Promise.all(pick('.wasm').map(async (f) => sizes(await read(f)))));
const js = sum(await Promise.all(pick('.js').map(async (f) => sizes(await read(f)))));
const css = sum(await Promise.all(pick('.css').map(async (f) => sizes(await read(f)))));
const html = sizes(await read('index.html'));
const app = sum([wasm, js, css, html]);

const baselineDir = join(OUT, 'baseline');
await mkdir(baselineDir, { recursive: true });
const baselinePage = baselineHtml(plan);
await writeFile(join(baselineDir, 'index.html'), baselinePage);
const baseline = sizes(Buffer.from(baselinePage));

const appServer = await serveStatic(DIST, '/');
const baseServer = await serveStatic(baselineDir, '/');
const browser = await launchChromium();
const n = plan.initiatives.length;
// Interleave nothing: warm both once, then measure each RUNS times.
await firstRender(browser, baseServer.url, n);
const baseTime = await firstRender(browser, baseServer.url, n);
const appTime = await firstRender(browser, appServer.url, n);
await browser.close();
await appServer.close();
await baseServer.close();

const rows = [
  ['wasm', wasm], ['js (wasm-bindgen glue)', js], ['css', css], ['index.html', html],
  ['app total', app], ['baseline: vanilla JS page with the plan inline', baseline],
];
console.log(`\nBundle sizes (KB)            raw     gzip    brotli`);
for (const [name, s] of rows) {
  console.log(`${name.padEnd(28).slice(0, 28)} ${kb(s.raw).padStart(7)} ${kb(s.gzip).padStart(8)} ${kb(s.brotli).padStart(9)}`);
}
console.log(`app / baseline (brotli)      ${ratio(app.brotli, baseline.brotli)}`);
console.log(`\nTime to first render of all ${n} initiatives (ms, median of ${RUNS}, headless Chromium)`);
console.log(`baseline (vanilla JS)  ${baseTime.median.toFixed(1)}  [${baseTime.min.toFixed(1)}–${baseTime.max.toFixed(1)}]`);
console.log(`app (Leptos/wasm)      ${appTime.median.toFixed(1)}  [${appTime.min.toFixed(1)}–${appTime.max.toFixed(1)}]`);
console.log(`app / baseline         ${ratio(appTime.median, baseTime.median)}`);

await writeFile(join(OUT, 'results.json'), JSON.stringify({
  date: new Date().toISOString(), runs: RUNS, initiatives: n,
  sizes: { wasm, js, css, html, app, baseline },
  first_render_ms: { app: appTime, baseline: baseTime, ratio: appTime.median / baseTime.median },
}, null, 2));
console.log(`\nsaved bench-results/results.json`);
