// Security in headless Chromium, against the release build:
// - the Content-Security-Policy (a <meta> in index.html; scripts/csp.mjs moves
//   Trunk's inline loader out and checks the page) is there, is enforced, and
//   no view of the app violates it, service worker and charts included;
// - the app asks nothing of any origin but its own, offline path included;
// - whatever a user types, a file brings or a link carries is shown as text,
//   never run as markup.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, mkdir, readFile, readdir, writeFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ROOT,
  DIST,
  ARTIFACTS,
  useApp,
  newPage,
  serveCopy,
  waitForReady,
  waitForSettled,
  waitForServiceWorker,
  eventually,
  expectCount,
  expectText,
  expectValue,
  yearCard,
  setStaff,
} from './support.mjs';

const app = useApp('/');
const KEY = 'kama-sme-tracker:progress:kama-sme-2023-2027';
const PLAN_ID = 'kama-sme-2023-2027';

const VIEWS = [
  '',
  '?view=timeline',
  '?view=progress',
  '?view=report',
  '?view=kpis',
  '?view=kpis&code=2-2',
  '?view=charts',
  '?id=2-1-a',
];
const CHART_VIEWS = new Set(['?view=kpis&code=2-2', '?view=charts']);

/** Markup that would run script if it were ever parsed as HTML. */
const PAYLOADS = [
  '<img src=x onerror="window.__xss=1">',
  '<script>window.__xss=1</script>',
  '"><svg onload=window.__xss=1>',
  'javascript:window.__xss=1',
];
const ALL = PAYLOADS.join(' ');

// --- Watching a browser context ---------------------------------------------

/**
 * Records, for every page of `context` from its first byte: CSP violation
 * events (reported to Node through a binding, so navigations lose none),
 * console messages about the Content Security Policy, and every request
 * (the service worker's too).
 */
async function watch(context) {
  const seen = { violations: [], consoleCsp: [], requests: [] };
  await context.exposeBinding('__reportCspViolation', ({ page }, v) => seen.violations.push({ page: page?.url(), ...v }));
  await context.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener(
      'securitypolicyviolation',
      (e) => {
        const v = { directive: e.effectiveDirective, blocked: e.blockedURI, sample: e.sample, source: `${e.sourceFile}:${e.lineNumber}` };
        window.__cspViolations.push(v);
        window.__reportCspViolation?.(v);
      },
      true,
    );
  });
  const onConsole = (m) => {
    if (/Content[- ]Security[- ]Policy/i.test(m.text())) seen.consoleCsp.push(m.text());
  };
  context.on('page', (p) => p.on('console', onConsole));
  for (const p of context.pages()) p.on('console', onConsole);
  context.on('request', (r) => seen.requests.push({ url: r.url(), fromWorker: r.serviceWorker() !== null }));
  return seen;
}

/** Requests to anything but `origin`; data: and blob: URLs stay in the page. */
function foreign(requests, origin) {
  return requests.filter(({ url }) => {
    const u = new URL(url);
    return u.origin !== origin && u.protocol !== 'data:' && u.protocol !== 'blob:';
  });
}

/** Opens `query` on `base` in `page` and waits for the view (charts drawn, then hovered for tooltips). */
async function visit(page, base, query) {
  await page.goto(base + query);
  await waitForReady(page);
  if (CHART_VIEWS.has(query)) {
    await page.waitForFunction(() => {
      const figures = [...document.querySelectorAll('[data-chart-state]')];
      return figures.length > 0 && figures.every((f) => f.dataset.chartState === 'drawn');
    });
    // Tooltips are where ECharts writes markup: pass the pointer over each chart.
    for (const canvas of await page.locator('.chart-canvas canvas').all()) {
      await canvas.scrollIntoViewIfNeeded();
      const box = await canvas.boundingBox();
      if (!box) continue;
      for (const x of [0.25, 0.5, 0.75]) await page.mouse.move(box.x + box.width * x, box.y + box.height * 0.5);
    }
  }
  await page.waitForLoadState('networkidle');
}

/** Every view in Japanese, then in English, with the service worker in control. */
async function walkAllViews(page, base) {
  await page.goto(base);
  await waitForReady(page);
  await waitForServiceWorker(page);
  for (const query of VIEWS) await visit(page, base, query);
  await page.getByRole('button', { name: 'English' }).click();
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  for (const query of VIEWS) await visit(page, base, query);
  await eventually(() => page.evaluate(() => document.documentElement.lang), 'en', 'the English interface is kept');
}

/** Script-free, markup-free: the payloads did nothing and added no element. */
async function assertInert(page, where) {
  const state = await page.evaluate(() => ({
    xss: window.__xss,
    injected: [
      ...document.querySelectorAll(
        'img, iframe, object, embed, script:not([src]), svg:not(.sparkline), [onerror], [onload], [onclick], [onmouseover], a[href^="javascript:" i]',
      ),
    ].map((e) => e.outerHTML.slice(0, 120)),
    violations: window.__cspViolations ?? [],
  }));
  assert.equal(state.xss, undefined, `${where}: a payload ran`);
  assert.deepEqual(state.injected, [], `${where}: markup from a payload is in the DOM`);
  assert.deepEqual(state.violations, [], `${where}: something tried what the CSP forbids`);
}

const KEEP_404 = (e) => !e.startsWith('Failed to load resource: the server responded with a status of 404');

// --- The policy ---------------------------------------------------------------

/** The policy's directives, by name. */
function directives(policy) {
  return Object.fromEntries(
    policy
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name, values]),
  );
}

test('index.html carries a strict CSP in a <meta>, before any script or stylesheet, and nothing inline', async () => {
  const html = await (await fetch(app.server.url)).text();
  const meta = html.match(/<meta\s[^>]*http-equiv=["']?Content-Security-Policy[^>]*>/i)?.[0];
  assert.ok(meta, 'a CSP <meta> in the served index.html');
  const policy = meta.match(/content="([^"]*)"/)?.[1] ?? '';
  const d = directives(policy);
  assert.deepEqual(d['default-src'], ["'none'"]);
  assert.deepEqual(d['script-src'], ["'self'", "'wasm-unsafe-eval'"]);
  assert.deepEqual(d['style-src'], ["'self'"]);
  assert.deepEqual(d['connect-src'], ["'self'"]);
  assert.deepEqual(d['object-src'], ["'none'"]);
  assert.deepEqual(d['base-uri'], ["'none'"]);
  assert.deepEqual(d['form-action'], ["'none'"]);
  for (const loose of ["'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", '*', 'data:', 'blob:', 'http:', 'https:']) {
    assert.ok(!Object.values(d).flat().includes(loose), `nothing allows ${loose}`);
  }
  const firstGuarded = html.search(/<(script|link|style)\b/i);
  assert.ok(html.indexOf(meta) < firstGuarded, 'the policy comes before what it guards');

  assert.equal(html.match(/<script\b(?![^>]*\bsrc=)[^>]*>/gi), null, 'no inline script');
  assert.equal(html.match(/<[a-z][^>]*\son[a-z]+=/gi), null, 'no event-handler attribute');
  assert.equal(html.match(/<[a-z][^>]*\sstyle=/gi), null, 'no style attribute');
  // Trunk's loader lives in its own file, which the service worker precaches.
  const boot = html.match(/<script type="?module"? src="?\.\/(boot-[0-9a-f]{16}\.js)"?/)?.[1];
  assert.ok(boot, 'the loader is a boot-<hash>.js module');
  assert.ok((await readdir(DIST)).includes(boot));
  const sw = await readFile(join(DIST, 'sw.js'), 'utf8');
  assert.ok(JSON.parse(sw.match(/const PRECACHE = (\[[\s\S]*?\]);/)[1]).includes(boot), 'sw.js precaches the boot file');
});

test('the policy is enforced: injected script, handlers, eval, styles and foreign fetches are blocked', async () => {
  const page = await newPage(app.browser);
  const seen = await watch(page.context());
  await page.goto(app.server.url);
  await waitForReady(page);
  await expectCount(page.locator('meta[http-equiv="Content-Security-Policy"]'), 1);
  assert.deepEqual(seen.violations, [], 'the app itself starts clean');

  const outcome = await page.evaluate(async () => {
    const s = document.createElement('script');
    s.textContent = 'window.__xss = "inline script"';
    document.head.append(s);
    const holder = document.createElement('div');
    holder.innerHTML = '<img src="nothing-here.png" onerror="window.__xss = \'handler\'">';
    document.body.append(holder);
    await new Promise((r) => holder.querySelector('img').addEventListener('error', r));
    let evalResult;
    try {
      evalResult = eval('"eval ran"');
    } catch (e) {
      evalResult = e.name;
    }
    const styled = document.createElement('p');
    styled.setAttribute('style', 'color: rgb(255, 0, 0)');
    document.body.append(styled);
    const color = getComputedStyle(styled).color;
    let fetched;
    try {
      await fetch('http://127.0.0.2:9/');
      fetched = 'fetched';
    } catch (e) {
      fetched = e.name;
    }
    holder.remove();
    styled.remove();
    return { xss: window.__xss, evalResult, color, fetched };
  });
  assert.equal(outcome.xss, undefined, 'neither the inline script nor the handler ran');
  assert.equal(outcome.evalResult, 'EvalError');
  assert.notEqual(outcome.color, 'rgb(255, 0, 0)', 'the style attribute was not applied');
  assert.equal(outcome.fetched, 'TypeError');
  // Reports are queued tasks, sent on to Node through a binding: wait for the last ones.
  const expected = ['script-src-elem', 'script-src-attr', 'style-src-attr', 'connect-src'];
  const reported = () => new Set(seen.violations.map((v) => v.directive));
  await eventually(() => expected.filter((d) => reported().has(d)), expected, 'every blocked kind reported');
  for (const d of expected) assert.ok(reported().has(d), `${d} reported: ${JSON.stringify(seen.violations)}`);
  await eventually(() => seen.consoleCsp.length, (n) => n > 0, 'Chromium says so in the console too');
  await page.context().close();
});

test('no view violates the policy: every view, English, charts with tooltips, the service worker', async () => {
  const site = await serveCopy('/');
  try {
    const page = await newPage(app.browser);
    const seen = await watch(page.context());
    await walkAllViews(page, site.url);
    assert.ok(seen.requests.some((r) => /\/vendor\/echarts-[^/]+\.js$/.test(r.url)), 'the chart views loaded ECharts');
    assert.deepEqual(seen.violations, []);
    assert.deepEqual(seen.consoleCsp, []);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  } finally {
    await site.close();
  }
});

test('every request goes to the app’s own origin: every view, downloads, the service worker, offline', async () => {
  const site = await serveCopy('/kama/');
  try {
    const page = await newPage(app.browser);
    const seen = await watch(page.context());
    const origin = new URL(site.url).origin;
    await walkAllViews(page, site.url);
    // Downloads are blob: URLs made in the page.
    await page.goto(`${site.url}?view=progress`);
    await waitForReady(page, 'progress');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: /JSON/ }).first().click();
    await download;

    // Offline: the service worker answers, from its cache, for this origin only.
    await page.context().setOffline(true);
    await site.stop();
    for (const query of ['', '?view=charts', '?id=4-1-a']) await visit(page, site.url, query);

    await eventually(() => seen.requests.length, (n) => n > 50, 'requests were recorded');
    await eventually(() => seen.requests.some((r) => r.fromWorker), true, 'the service worker’s own requests were recorded');
    assert.deepEqual(foreign(seen.requests, origin), []);
    assert.deepEqual(seen.violations, []);
    assert.deepEqual(page.errors.filter(KEEP_404), []);
    await page.context().close();
  } finally {
    await site.close();
  }
});

test('scripts/csp.mjs moves the inline loader into a file and fails the build on anything inline', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'kama-csp-'));
  const run = () => execFileSync('node', [join(ROOT, 'scripts', 'csp.mjs'), dir], { stdio: 'pipe' }).toString();
  const page = (body) => `<!doctype html><html><head><meta charset=utf-8><meta http-equiv=Content-Security-Policy content="default-src 'none'; script-src 'self'">${body}</head><body></body></html>`;
  const refusal = async (html) => {
    await writeFile(join(dir, 'index.html'), html);
    try {
      run();
    } catch (e) {
      return e.stderr.toString();
    }
    return null;
  };
  try {
    const loader = `import init from './app-1.js';\nawait init({ module_or_path: './app-1_bg.wasm' });\ndispatchEvent(new CustomEvent("TrunkApplicationStarted"));`;
    await writeFile(join(dir, 'index.html'), page(`<script type=module>${loader}</script><link href=./styles.css rel=stylesheet>`));
    assert.match(run(), /moved inline script to boot-[0-9a-f]{16}\.js/);
    const html = await readFile(join(dir, 'index.html'), 'utf8');
    const [, src, integrity] = html.match(/<script type="module" src="\.\/(boot-[0-9a-f]{16}\.js)" integrity="(sha384-[^"]+)"><\/script>/) ?? [];
    assert.ok(src, html);
    assert.equal(await readFile(join(dir, src), 'utf8'), loader, 'the code, byte for byte');
    assert.equal(integrity, `sha384-${(await import('node:crypto')).createHash('sha384').update(loader).digest('base64')}`);
    assert.match(run(), /no inline script/, 'a second run changes nothing');
    assert.equal(await readFile(join(dir, 'index.html'), 'utf8'), html);

    for (const [body, reason] of [
      ['<button onclick="go()">x</button>', /event-handler attribute onclick/],
      ['<p style="color:red">x</p>', /style attribute/],
      ['<style>p{}</style>', /inline <style>/],
      ['<a href=" javascript:go()">x</a>', /javascript: URL/],
      ['<script type=importmap>{}</script>', /inline script/],
    ]) {
      assert.match((await refusal(page(body))) ?? 'accepted', reason, body);
    }
    assert.match((await refusal('<html><head><script src=a.js></script></head></html>')) ?? 'accepted', /0 Content-Security-Policy/);
    assert.match(
      (await refusal(`<html><head><link rel=stylesheet href=a.css><meta http-equiv=Content-Security-Policy content="script-src 'self'"></head></html>`)) ?? 'accepted',
      /comes before the policy/,
    );
    assert.match(
      (await refusal(`<html><head><meta http-equiv=Content-Security-Policy content="script-src 'self' 'unsafe-inline'"></head></html>`)) ?? 'accepted',
      /allows 'unsafe-inline'/,
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

// --- Everything from outside is text -------------------------------------------

const card = yearCard;

const NAME = '<img src=x onerror="window.__xss=1"><b>嘉麻</b>';

test('a note and an author name typed in the UI are shown as text everywhere', async () => {
  const page = await newPage(app.browser);
  await watch(page.context());
  await page.goto(`${app.server.url}?view=progress`);
  await waitForReady(page, 'progress');
  // A name is cut at 60 characters: this one fits, and is markup.
  await setStaff(page, { name: NAME });

  await page.goto(`${app.server.url}?id=1-1-a`);
  await waitForReady(page, 'list 1-①-a');
  await page.waitForSelector('fieldset.year-card');
  await (await card(page, 2023)).locator('select.status-select').selectOption({ label: '完了' });
  await (await card(page, 2023)).locator('textarea.note-input').fill(ALL);
  await page.waitForFunction((k) => (localStorage.getItem(k) ?? '').includes('onerror'), KEY);
  await expectText((await card(page, 2023)).locator('.stamp'), new RegExp(escapeRegExp(NAME)), 'the author, in the stamp');
  await assertInert(page, 'the detail');

  await page.reload();
  await waitForReady(page, 'list 1-①-a');
  await page.waitForSelector('fieldset.year-card');
  await expectValue((await card(page, 2023)).locator('textarea.note-input'), ALL);
  await assertInert(page, 'the detail, reloaded');

  await page.goto(`${app.server.url}?view=progress&year=2023`);
  await waitForReady(page, 'progress');
  const noted = page.locator('.noted-item[data-initiative-id="1-1-a"]');
  await noted.waitFor();
  await expectText(noted.locator('.note-text'), ALL, 'the progress view');
  await expectText(noted.locator('.stamp'), new RegExp(escapeRegExp(NAME)));
  await assertInert(page, 'the progress view');

  await page.goto(`${app.server.url}?view=report&year=2023`);
  await waitForReady(page, 'report');
  const note = page.locator('.note-text', { hasText: 'window.__xss' });
  await note.first().waitFor();
  await expectText(note.first(), ALL, 'the report');
  await assertInert(page, 'the report');

  await page.getByRole('button', { name: 'English' }).click();
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  await page.goto(`${app.server.url}?view=progress&year=2023`);
  await waitForReady(page, 'progress');
  await noted.waitFor();
  await expectText(noted.locator('.note-text'), ALL, 'in English too');
  await assertInert(page, 'the progress view in English');
  assert.deepEqual(page.errors.filter(KEEP_404), []);
  await page.context().close();
});

test('a KPI note and a KPI value that look like HTML stay text', async () => {
  const page = await newPage(app.browser);
  await watch(page.context());
  await page.goto(`${app.server.url}?view=kpis&code=2-2`);
  await waitForReady(page, 'kpis');
  await page.waitForSelector('.kpi-values');
  const row = page.locator('.kpi-values tr[data-year="2023"]');
  await row.locator('textarea.kpi-note').fill(ALL);
  await row.locator('textarea.kpi-note').blur();
  for (const payload of PAYLOADS) {
    // Every payload gets the same message: clear the previous one first (an
    // empty value is no value, and changes nothing), so that the message
    // read below is this payload's.
    await row.locator('input.actual').fill('');
    await row.locator('input.actual').press('Enter');
    await expectCount(row.locator('.field-error'), 0, `no message left before ${payload}`);
    await row.locator('input.actual').fill(payload);
    await row.locator('input.actual').press('Enter');
    await expectText(row.locator('.field-error'), /数値として読めません/, payload);
    await expectValue(row.locator('input.actual'), payload, 'kept as typed, to correct');
    await assertInert(page, `KPI value ${payload}`);
  }
  await page.waitForFunction((k) => (localStorage.getItem(k) ?? '').includes('onerror'), KEY);
  await page.reload();
  await waitForReady(page, 'kpis');
  await page.waitForSelector('.kpi-values');
  await expectValue(row.locator('textarea.kpi-note'), ALL);
  await assertInert(page, 'the KPI page, reloaded');
  assert.deepEqual(page.errors.filter(KEEP_404), []);
  await page.context().close();
});

/** A progress document for this plan. */
const progressDocument = (initiatives, kpis = [], planId = PLAN_ID) =>
  JSON.stringify({ format: 'kama-sme-progress', version: 1, plan_id: planId, exported_at: 1764028800000, initiatives, kpis });

const hostileRecord = progressDocument(
  [{ id: '1-①-a', year: 2023, status: '完了', note: ALL, author: ALL, updated_at: 1717200000000 }],
  [{ code: '2-2', year: 2023, actual: 10, note: ALL, author: ALL, updated_at: 1717200000000 }],
);

test('an imported file: notes, authors and its name are text; hostile ids, codes and plans are refused', async () => {
  const page = await newPage(app.browser);
  await watch(page.context());
  await page.goto(`${app.server.url}?view=progress&year=2023`);
  await waitForReady(page, 'progress');
  await page.waitForSelector('.files-panel');
  const dir = join(ARTIFACTS, 'hostile-imports');
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const input = page.locator('.import input[type=file]');

  // File names are text too ("/" aside, anything goes in a name).
  const name = `<img src=x onerror=window.__xss=1>"><svg onload=window.__xss=1>.json`;
  await writeFile(join(dir, name), hostileRecord);
  await input.setInputFiles(join(dir, name));
  const preview = page.locator('.import-preview');
  await preview.waitFor();
  await expectText(preview.locator('h3'), (t) => t.includes(name), 'the file name, verbatim');
  await assertInert(page, 'the import preview');
  await preview.getByRole('button', { name: '読み込む' }).click();
  const noted = page.locator('.noted-item[data-initiative-id="1-1-a"]');
  await noted.waitFor();
  await expectText(noted.locator('.note-text'), ALL);
  await expectText(noted.locator('.stamp'), new RegExp(escapeRegExp(ALL)));
  await assertInert(page, 'after the import');
  await page.goto(`${app.server.url}?view=kpis&code=2-2`);
  await waitForReady(page, 'kpis');
  await page.waitForSelector('.kpi-values');
  await expectValue(page.locator('.kpi-values tr[data-year="2023"] textarea.kpi-note'), ALL);
  await assertInert(page, 'the imported KPI');

  await page.goto(`${app.server.url}?view=progress`);
  await waitForReady(page, 'progress');
  await page.waitForSelector('.files-panel');
  await waitForSettled(page, 'save');
  const before = await page.evaluate((k) => localStorage.getItem(k), KEY);
  const refusals = {
    'hostile-id.json': [progressDocument([{ id: PAYLOADS[0], year: 2023, note: 'x', updated_at: 1 }]), PAYLOADS[0]],
    'hostile-id-2.json': [progressDocument([{ id: PAYLOADS[2], year: 2023, note: 'x', updated_at: 1 }]), PAYLOADS[2]],
    'hostile-code.json': [progressDocument([], [{ code: PAYLOADS[1], year: 2023, actual: 1, updated_at: 1 }]), PAYLOADS[1]],
    'hostile-plan.json': [progressDocument([], [], ALL), ALL],
    'hostile-year.json': [progressDocument([{ id: '1-①-a', year: PAYLOADS[3], note: 'x', updated_at: 1 }]), null],
  };
  // The refusal of the previous file stays until the next one is read (and
  // each file is refused for a different reason): wait for a new message.
  let previous;
  for (const [file, [body, echoed]] of Object.entries(refusals)) {
    await writeFile(join(dir, file), body);
    await input.setInputFiles(join(dir, file));
    const refused = page.locator('.import-refused');
    await refused.waitFor();
    const text = await expectText(refused, (t) => t !== previous && /何も変更していません/.test(t), file);
    previous = text;
    assert.match(text, /何も変更していません/, file);
    if (echoed) assert.ok(quotes(text, echoed), `${file}: the refusal quotes ${echoed} as text: ${text}`);
    await expectCount(page.locator('.import-preview'), 0, file);
    await assertInert(page, file);
  }
  await waitForSettled(page, 'save');
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), KEY), before, 'nothing was written');
  assert.deepEqual(page.errors.filter(KEEP_404), []);
  await page.context().close();
});

test('a published progress.json: notes and authors are text; a hostile one is refused with its reason as text', async () => {
  const site = await serveCopy('/');
  try {
    await writeFile(join(site.dir, 'progress.json'), hostileRecord);
    const page = await newPage(app.browser);
    await watch(page.context());
    await page.goto(`${site.url}?view=progress&year=2023`);
    await waitForReady(page, 'progress');
    const noted = page.locator('.noted-item[data-initiative-id="1-1-a"]');
    await noted.waitFor();
    await expectText(noted.locator('.note-text'), ALL);
    await expectText(noted.locator('.stamp'), new RegExp(escapeRegExp(ALL)));
    await assertInert(page, 'the published progress');
    await page.goto(`${site.url}?id=1-1-a&year=2023`);
    await waitForReady(page, 'list 1-①-a');
    await page.waitForFunction((t) => document.querySelector('fieldset[data-year="2023"] textarea.note-input')?.value === t, ALL);
    await assertInert(page, 'the published note in the detail');
    await page.goto(`${site.url}?view=report&year=2023`);
    await waitForReady(page, 'report');
    await page.locator('.note-text', { hasText: 'window.__xss' }).first().waitFor();
    await assertInert(page, 'the published note in the report');
    await page.context().close();

    for (const [body, echoed] of [
      [progressDocument([{ id: PAYLOADS[0], year: 2023, note: 'x', updated_at: 1 }]), PAYLOADS[0]],
      [progressDocument([], [], ALL), ALL],
    ]) {
      await writeFile(join(site.dir, 'progress.json'), body);
      const refused = await newPage(app.browser);
      await watch(refused.context());
      await refused.goto(`${site.url}?view=progress`);
      await waitForReady(refused, 'progress');
      const alert = refused.locator('[role="alert"]', { hasText: 'progress.json' });
      await alert.waitFor();
      const text = await expectText(alert, (t) => quotes(t, echoed), `the reason quotes ${echoed} as text`);
      assert.ok(quotes(text, echoed), `the reason quotes ${echoed} as text: ${text}`);
      await expectCount(refused.locator('.noted-item'), 0, 'nothing of it is used');
      await assertInert(refused, 'a refused progress.json');
      await refused.context().close();
    }
  } finally {
    await site.close();
  }
});

test('URL parameters that look like HTML or script are ignored or shown as text', async () => {
  const params = ['q', 'id', 'view', 'policy', 'sub', 'priority', 'first', 'dir', 'kpi', 'fy', 'relisted', 'year', 'plan'];
  const page = await newPage(app.browser);
  await watch(page.context());
  const open = async (query) => {
    await page.goto(app.server.url + query);
    await waitForReady(page);
    await assertInert(page, query);
  };
  for (const param of params) await open(`?${param}=${encodeURIComponent(ALL)}`);
  for (const param of ['q', 'id', 'view']) {
    for (const value of PAYLOADS) await open(`?${param}=${encodeURIComponent(value)}`);
  }
  // Unknown or hostile views fall back to the list; hostile codes and ids find nothing.
  await open(`?view=${encodeURIComponent(ALL)}`);
  await expectCount(page.locator('[data-initiative-id]'), 86);
  await open(`?id=${encodeURIComponent(PAYLOADS[0])}`);
  await expectCount(page.locator('[data-initiative-id]'), 86, 'the list is there');
  await expectCount(page.locator('[data-detail-id]'), 0);
  await open(`?view=kpis&code=${encodeURIComponent(PAYLOADS[2])}`);
  await open(`?view=report&year=${encodeURIComponent(PAYLOADS[1])}`);
  await open(`?view=progress&year=${encodeURIComponent(PAYLOADS[3])}`);
  await open(`?plan=${encodeURIComponent('javascript:window.__xss=1')}`);
  await open(`#${encodeURIComponent(ALL)}`);
  // The search words are kept verbatim in the box (and find nothing).
  await open(`?q=${encodeURIComponent(ALL)}`);
  await expectValue(page.getByLabel('キーワード検索'), ALL);
  await expectCount(page.locator('[data-initiative-id]'), 86, 'the list is there');
  await expectCount(page.locator('[data-initiative-id]:not([hidden])'), 0);
  assert.deepEqual(page.errors.filter(KEEP_404), []);
  await page.context().close();
});

/** Whether `text` shows `s` as it is, or quoted with escapes (Rust's `{:?}`, as the English messages do). */
function quotes(text, s) {
  return text.includes(s) || text.includes(JSON.stringify(s));
}

function escapeRegExp(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
