// Code splitting (src/ui/lazy.rs, scripts/wasm-split/, scripts/link-split.mjs):
// what a first visit loads, a view's file loaded once on demand, and what the
// user sees when such a file (a view's, or the record store's) is slow or
// cannot be had.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DIST,
  ROOT,
  newPage,
  useApp,
  waitForApp,
  waitForReady,
  waitForSettled,
  screenshot,
  expectCount,
  expectText,
  expectValue,
  yearCard,
} from './support.mjs';

const app = useApp('/');
const VIEWS = '**/split/split-views-*.wasm';
const EXPORT = '**/split/split-plan-export-*.wasm';
const LOAD_FAILED = 'この画面を読み込めませんでした。';

/** A page that records every request from its first, then opens the app
 * and waits for the view asked for. */
async function openRecording(query = '') {
  const page = await newPage(app.browser, NO_SW);
  page.requested = [];
  page.on('request', (r) => page.requested.push(new URL(r.url()).pathname));
  await page.goto(app.server.url + query);
  await waitForReady(page);
  return page;
}

/** A page whose requests for `pattern` are refused, opened at `query`; only
 * the app is waited for (the view asked for may be the one refused). */
async function openBlocking(pattern, query = '') {
  const page = await newPage(app.browser, NO_SW);
  await page.route(pattern, (route) => route.abort());
  await page.goto(app.server.url + query);
  await waitForApp(page);
  return page;
}

const resourceSeen = (part) => performance.getEntriesByType('resource').some((e) => e.name.includes(part));
const viewFiles = (page) => page.requested.filter((p) => /\/split\/split-views-[0-9a-f]{16}\.wasm$/.test(p));
const tab = (page, name) => page.locator('nav.view-tabs:not(.prerendered-tabs)').getByRole('link', { name, exact: true });
// Requests the service worker answers from its cache never reach page.route().
const NO_SW = { serviceWorkers: 'block' };
/** What a blocked file leaves in the console: Chromium's line and the loader's. */
const blockedFileErrors = (errors) =>
  errors.filter((e) => !/^Failed to load resource: net::ERR_FAILED$|^TypeError: Failed to fetch\b/.test(e));

test('a first visit loads the list without the views’ code; the first tab loads it once, for all five', async () => {
  const page = await openRecording();
  // Start-up's own work done, idle time included: none of it wants the views.
  await waitForSettled(page);
  const wasm = page.requested.filter((p) => p.endsWith('.wasm'));
  assert.ok(wasm.some((p) => /\/kama-sme-app-[0-9a-f]+_bg\.wasm$/.test(p)), 'the main module');
  assert.deepEqual(viewFiles(page), [], 'no view code before a view is wanted');
  assert.ok(page.requested.some((p) => /\/split\/load-[0-9a-f]{16}\.js$/.test(p)), 'the loader');
  assert.ok(page.requested.some((p) => /\/split\/split-store-[0-9a-f]{16}\.wasm$/.test(p)), 'the record’s store, after the first paint');

  for (const [name, selector, ready] of [
    ['スケジュール（タイムライン）', '.timeline-view', 'timeline'],
    ['進捗', '.progress-view', 'progress'],
    ['進捗報告', '.report', 'report'],
    ['数値目標', '.kpi-view', 'kpis'],
    ['グラフ', '.charts-view', 'charts'],
  ]) {
    await tab(page, name).click();
    await waitForReady(page, ready);
    await page.waitForSelector(selector);
  }
  assert.equal(viewFiles(page).length, 1, 'one file serves every view, fetched once');
  await tab(page, '一覧').click();
  await waitForReady(page, 'list');
  await expectCount(page.locator('.plan-tree [data-initiative-id]'), 86);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('pointing at a tab, or at the list, starts loading what a click there opens; start-up loads neither', async () => {
  const page = await openRecording();
  // Start-up's own work done (the idle warm-up has run to its end), with nothing pointed at.
  await waitForSettled(page);
  assert.equal(await page.evaluate(resourceSeen, 'split-detail-'), false, 'start-up leaves the detail for later');
  await tab(page, 'スケジュール（タイムライン）').hover();
  await page.waitForFunction(resourceSeen, 'split-views-');
  await waitForSettled(page, 'preload');
  assert.equal(await page.locator('.timeline-view').count(), 0, 'only loaded, not shown');
  await page.locator('.plan-tree [data-initiative-id] a').nth(5).hover();
  await page.waitForFunction(resourceSeen, 'split-detail-');
  await waitForSettled(page, 'preload');
  assert.equal(await page.locator('[data-detail-id]').count(), 0);
  await page.context().close();
});

test('a view whose file cannot be fetched says so, leaves the list working, and loads on retry', async () => {
  const page = await openBlocking(VIEWS, '?view=timeline');
  const alert = page.locator('.view-load-failed[role="alert"]');
  await alert.waitFor();
  await expectText(alert, new RegExp(LOAD_FAILED));
  await screenshot(page, 'split-view-failed');

  await tab(page, '一覧').click();
  await waitForReady(page, 'list');
  await expectCount(page.locator('.plan-tree [data-initiative-id]'), 86);
  await page.locator('.plan-tree [data-initiative-id] a').nth(2).click();
  await page.waitForSelector('[data-detail-id]');
  await waitForReady(page, `list ${await page.locator('[data-detail-id]').getAttribute('data-detail-id')}`);

  await tab(page, 'スケジュール（タイムライン）').click();
  await alert.waitFor();
  await page.unroute(VIEWS);
  await alert.getByRole('button', { name: 'もう一度読み込む' }).click();
  await waitForReady(page, 'timeline');
  await page.waitForSelector('.timeline-view');
  await expectCount(alert, 0);
  assert.deepEqual(blockedFileErrors(page.errors), []);
  await page.context().close();
});

test('the English interface says the same in English', async () => {
  const page = await openBlocking(VIEWS, '?view=kpis');
  await page.getByRole('button', { name: 'English' }).click();
  const alert = page.locator('.view-load-failed[role="alert"]');
  await alert.waitFor();
  await expectText(alert, /This view could not be loaded\./);
  await expectCount(alert.getByRole('button', { name: 'Try again' }), 1);
  await page.context().close();
});

test('a slow view file shows 「読み込み中…」 until it arrives', async () => {
  const page = await openRecording();
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await page.route(VIEWS, async (route) => {
    await held;
    await route.continue();
  });
  await tab(page, '進捗報告').click();
  const loading = page.locator('.view-loading[role="status"]');
  await loading.waitFor({ state: 'visible' });
  await expectText(loading, '読み込み中…');
  release();
  await waitForReady(page, 'report');
  await page.waitForSelector('.report');
  await expectCount(loading, 0);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a download whose encoder cannot be fetched says so; the next click downloads', async () => {
  const page = await openBlocking(EXPORT);
  await waitForReady(page, 'list');
  await page.locator('[data-download="csv-all"]').click();
  const error = page.locator('.downloads .error');
  await error.waitFor({ state: 'visible' });
  await expectText(error, /ダウンロードできませんでした。 必要なプログラムを読み込めませんでした。/);

  await page.unroute(EXPORT);
  const [csv] = await Promise.all([page.waitForEvent('download'), page.locator('[data-download="csv-all"]').click()]);
  assert.equal(csv.suggestedFilename(), 'kama-sme-plan.csv');
  await error.waitFor({ state: 'hidden' });
  assert.deepEqual(blockedFileErrors(page.errors), []);
  await page.context().close();
});

test('a record store whose file cannot be fetched says so, saves nothing, and reads the record on retry', async () => {
  const STORE = '**/split/split-store-*.wasm';
  const KEY = 'kama-sme-tracker:progress:kama-sme-2023-2027';
  const seeded = JSON.stringify({
    format: 'kama-sme-progress',
    version: 2,
    plan_id: 'kama-sme-2023-2027',
    initiatives: [{ id: '2-①-a', year: 2024, status: '遅れ', updated_at: 1 }],
  });
  const page = await newPage(app.browser, NO_SW);
  await page.addInitScript(([k, v]) => { if (!localStorage.getItem(k)) localStorage.setItem(k, v); }, [KEY, seeded]);
  await page.route(STORE, (route) => route.abort());
  await page.goto(app.server.url);
  const alert = page.locator('.record-bar [role="alert"]');
  await expectText(alert, /進捗の記録を読み書きするプログラムを読み込めませんでした。/);
  // The list does not wait for the record's code it could not have.
  await waitForReady(page, 'list');
  await expectCount(page.locator('.plan-tree [data-initiative-id]'), 86);

  await page.unroute(STORE);
  await alert.getByRole('button', { name: 'もう一度読み込む' }).click();
  await expectCount(alert, 0);
  await page.locator('.plan-tree [data-initiative-id="2-①-a"] a').click();
  await waitForReady(page, 'list 2-①-a');
  await expectValue((await yearCard(page, 2024)).locator('select.status-select'), '遅れ');
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), KEY), seeded, 'read, not rewritten');
  assert.deepEqual(blockedFileErrors(page.errors), []);
  await page.context().close();
});

test('the build: split files are named by their content, and index.html preloads the loader with its SRI hash', async () => {
  const files = await readdir(join(DIST, 'split'));
  const hash = (body) => createHash('sha256').update(body).digest('hex').slice(0, 16);
  const wasm = files.filter((f) => f.endsWith('.wasm'));
  assert.ok(wasm.some((f) => f.startsWith('split-views-')) && wasm.some((f) => f.startsWith('split-detail-')));
  for (const f of files) {
    const body = await readFile(join(DIST, 'split', f));
    assert.equal(f.match(/-([0-9a-f]{16})\.(wasm|js)$/)?.[1], hash(body), `${f} carries its content hash`);
  }
  const loaders = files.filter((f) => f.endsWith('.js'));
  assert.equal(loaders.length, 1);
  const loader = await readFile(join(DIST, 'split', loaders[0]), 'utf8');
  const loaded = [...loader.matchAll(/"\.\/([^"]+\.wasm)"/g)].map((m) => m[1]).sort();
  assert.deepEqual(loaded, wasm.sort(), 'the loader fetches exactly the split files');

  const glue = (await readdir(DIST)).find((f) => /^kama-sme-app-[0-9a-f]+\.js$/.test(f));
  assert.match(await readFile(join(DIST, glue), 'utf8'), new RegExp(`from"\\./split/${loaders[0].replace('.', '\\.')}"`));
  assert.match(loader, new RegExp(`from"\\.\\./${glue.replace('.', '\\.')}"`));
  const html = await readFile(join(DIST, 'index.html'), 'utf8');
  const preload = html.match(new RegExp(`<link[^>]*modulepreload[^>]*split/${loaders[0]}[^>]*>`))?.[0];
  assert.ok(preload, 'index.html preloads the loader');
  const sri = `sha384-${createHash('sha384').update(loader).digest('base64')}`;
  assert.ok(preload.includes(`integrity="${sri}"`), 'with the loader’s SRI hash');
});

test('link-split stops the build, saying why, when Trunk ran without the splitting wasm-bindgen', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'kama-split-'));
  try {
    // What Trunk stages when the plain wasm-bindgen ran: the glue imports the
    // placeholder module of wasm_split_helpers, not the loader.
    await writeFile(join(dir, 'kama-sme-app-0123456789abcdef.js'), 'import * as a from "__wasm_split_placeholder__";');
    await writeFile(join(dir, 'index.html'), '<!doctype html><html><head></head><body></body></html>');
    const run = spawnSync('node', [join(ROOT, 'scripts', 'link-split.mjs'), dir], { encoding: 'utf8' });
    assert.equal(run.status, 1);
    assert.match(run.stderr, /does not import \.\/__wasm_split\.js: was the app built through scripts\/wasm-split\/wasm-bindgen/);
    assert.deepEqual((await readdir(dir)).sort(), ['index.html', 'kama-sme-app-0123456789abcdef.js'], 'nothing written');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
