// Offline use and clean updates: the service worker (sw.js, written by
// scripts/make-sw.mjs as a Trunk hook), the update banner and the manifest.
// Each test serves its own copy of the build (under a sub-directory, as on
// real hosting) so it can change files or take the "server" down.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, mkdir, readFile, writeFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ROOT,
  DIST,
  launchChromium,
  newPage,
  serveCopy,
  waitForServiceWorker,
  screenshot,
  axeViolations,
  waitForReady,
  eventually,
  expectCount,
  expectValue,
} from './support.mjs';

const PREFIX = '/kama/sme-plan/';
let browser;
before(async () => {
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
});

/** The app from `site`, rendered and controlled by its service worker. */
async function openControlled(site) {
  const page = await newPage(browser);
  await page.goto(site.url);
  await waitForReady(page, 'list');
  await page.waitForSelector('.result-count', { state: 'attached' });
  await waitForServiceWorker(page);
  return page;
}

const rows = (page) => page.locator('.plan-tree [data-initiative-id]');
const cacheNames = (page) => page.evaluate(() => caches.keys());
const swVersion = (source) => source.match(/const CACHE = '(kama-sme-[0-9a-f]+)'/)?.[1];
/** `file` fetched by the page (through its service worker): status and text, or the network error. */
const fetchFromPage = (page, file) =>
  page.evaluate(async (f) => {
    try {
      const r = await fetch(f, { cache: 'no-store' });
      return { status: r.status, type: r.headers.get('content-type'), text: await r.text() };
    } catch (e) {
      return { error: String(e) };
    }
  }, file);

test('after one visit the app opens with the network off', async () => {
  const site = await serveCopy(PREFIX);
  try {
    const page = await openControlled(site);
    const version = swVersion(await readFile(join(site.dir, 'sw.js'), 'utf8'));
    await eventually(() => cacheNames(page), [version]);

    // Both ways of going offline: the browser's switch, and the host gone.
    await page.context().setOffline(true);
    await site.stop();
    await page.reload();
    await waitForReady(page, 'list');
    await page.waitForSelector('.result-count', { state: 'attached' });
    await expectCount(rows(page), 86);

    // A shared link too: the query is the app's, the page is the cached one.
    await page.goto(`${site.url}?id=4-1-a`);
    await waitForReady(page, 'list 4-①-a');
    await page.waitForSelector('[data-detail-id="4-①-a"]');
    // The views' split-off code (src/ui/lazy.rs) was never opened online: precached.
    await page.locator('nav.view-tabs:not(.prerendered-tabs)').getByRole('link', { name: '数値目標', exact: true }).click();
    await waitForReady(page, 'kpis');
    await page.waitForSelector('.kpi-view');
    assert.equal((await fetchFromPage(page, 'plan.json')).status, 200, 'the open data file is kept too');
    // No progress.json was published: offline that is still a plain 404, so
    // the app has nothing to complain about.
    assert.equal((await fetchFromPage(page, 'progress.json')).status, 404);
    // (The view is ready only once the app has heard back about progress.json.)
    await expectCount(page.getByText(/progress\.json/), 0);
    await screenshot(page, 'offline-detail');
    // ECharts was never loaded online, but the worker kept it: the charts draw.
    await page.locator('nav.view-tabs:not(.prerendered-tabs)').getByRole('link', { name: 'グラフ', exact: true }).click();
    await waitForReady(page, 'charts');
    await expectCount(page.locator('.chart-canvas canvas'), 3, 'every chart drawn offline');
    assert.deepEqual(page.errors.filter((e) => !e.startsWith('Failed to load resource: the server responded with a status of 404')), []);
  } finally {
    await site.close();
  }
});

test('the manifest is linked and valid, and its icons have the sizes it states', async () => {
  const site = await serveCopy(PREFIX);
  try {
    const page = await newPage(browser);
    await page.goto(site.url);
    await waitForReady(page, 'list');
    await page.waitForSelector('.result-count', { state: 'attached' });
    const href = await page.evaluate(() => document.querySelector('link[rel="manifest"]')?.href);
    assert.ok(href, 'a <link rel="manifest">');
    const response = await fetch(href);
    assert.equal(response.status, 200);
    const manifest = await response.json();
    assert.equal(manifest.name, '第2次嘉麻市中小企業振興基本計画 進捗トラッカー');
    assert.equal(manifest.short_name, '嘉麻市 計画の進捗');
    assert.equal(manifest.lang, 'ja');
    assert.equal(manifest.display, 'standalone');
    // Relative, so the installed app opens wherever the site is hosted.
    assert.equal(new URL(manifest.start_url, href).href, site.url);
    assert.equal(new URL(manifest.scope, href).href, site.url);
    const themeColor = await page.getAttribute('meta[name="theme-color"]', 'content');
    assert.equal(manifest.theme_color, themeColor);

    for (const icon of manifest.icons) {
      const r = await fetch(new URL(icon.src, href));
      assert.equal(r.status, 200, icon.src);
      const png = Buffer.from(await r.arrayBuffer());
      assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG', icon.src);
      // IHDR: width and height, big-endian, right after the signature and chunk header.
      assert.equal(`${png.readUInt32BE(16)}x${png.readUInt32BE(20)}`, icon.sizes, icon.src);
    }
    const purposes = manifest.icons.map((i) => `${i.sizes} ${i.purpose ?? 'any'}`);
    for (const wanted of ['192x192 any', '512x512 any', '512x512 maskable']) assert.ok(purposes.includes(wanted), wanted);
    const touchIcon = await page.evaluate(() => document.querySelector('link[rel="apple-touch-icon"]')?.href);
    assert.equal((await fetch(touchIcon)).status, 200, 'apple-touch-icon');

    // Chromium's own verdict, once the service worker is in place.
    await waitForServiceWorker(page);
    const cdp = await page.context().newCDPSession(page);
    const { errors } = await cdp.send('Page.getAppManifest');
    assert.deepEqual(errors, [], 'Chromium parses the manifest without complaint');
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    // Playwright's contexts are off-the-record profiles, where nothing installs.
    const blocking = installabilityErrors.map((e) => e.errorId).filter((id) => id !== 'in-incognito');
    assert.deepEqual(blocking, []);
    assert.deepEqual(page.errors, []);
  } finally {
    await site.close();
  }
});

test('a new deployment is offered with 「再読み込み」 and then replaces the old files', async () => {
  const site = await serveCopy(PREFIX);
  try {
    const page = await openControlled(site);
    const swPath = join(site.dir, 'sw.js');
    const oldVersion = swVersion(await readFile(swPath, 'utf8'));
    const readmePath = join(site.dir, 'README.md');
    const oldReadme = await readFile(readmePath, 'utf8');
    assert.equal((await fetchFromPage(page, 'README.md')).text, oldReadme);

    // Deploy: a changed file, and the hook's new sw.js for it.
    const newReadme = `${oldReadme}\n<!-- deployed again -->\n`;
    await writeFile(readmePath, newReadme);
    execFileSync('node', [join(ROOT, 'scripts', 'make-sw.mjs'), site.dir]);
    const newVersion = swVersion(await readFile(swPath, 'utf8'));
    assert.notEqual(newVersion, oldVersion, 'the cache name follows the content');

    // Until the user agrees, the open page keeps its own build's files.
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
    const banner = page.getByRole('status').filter({ hasText: '新しい版があります' });
    await banner.waitFor({ state: 'visible' });
    assert.equal((await fetchFromPage(page, 'README.md')).text, oldReadme, 'no mixing while the old page runs');
    await screenshot(page, 'update-banner');
    assert.deepEqual(await axeViolations(page), []);

    // Typed just before (the address waits for a pause): the reload keeps it.
    await page.getByLabel('キーワード検索').fill('創業');
    await Promise.all([page.waitForEvent('load'), banner.getByRole('button', { name: '再読み込み' }).click()]);
    await waitForReady(page, 'list');
    await page.waitForSelector('.result-count', { state: 'attached' });
    await waitForServiceWorker(page);
    await eventually(() => cacheNames(page), [newVersion], 'the old cache is gone');
    await eventually(() => page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).waiting), null);
    await expectCount(page.getByText('新しい版があります'), 0, 'no banner after the switch');
    assert.equal((await fetchFromPage(page, 'README.md')).text, newReadme);
    await expectCount(rows(page), 86);
    await expectValue(page.getByLabel('キーワード検索'), '創業');
    assert.deepEqual(page.errors, []);
  } finally {
    await site.close();
  }
});

test('the banner speaks English in the English interface', async () => {
  const site = await serveCopy(PREFIX);
  try {
    const page = await openControlled(site);
    await page.getByRole('button', { name: 'English' }).click();
    await writeFile(join(site.dir, 'README.md'), 'changed\n');
    execFileSync('node', [join(ROOT, 'scripts', 'make-sw.mjs'), site.dir]);
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
    const banner = page.getByRole('status').filter({ hasText: 'A new version is available' });
    await banner.getByRole('button', { name: 'Reload' }).waitFor({ state: 'visible' });
    // Printing leaves it out.
    await page.emulateMedia({ media: 'print' });
    await eventually(() => banner.isVisible(), false);
    assert.deepEqual(page.errors, []);
  } finally {
    await site.close();
  }
});

test('progress.json: a 404 stays a 404, a published file is kept for offline use', async () => {
  const site = await serveCopy(PREFIX);
  try {
    const page = await openControlled(site);
    const missing = await fetchFromPage(page, 'progress.json');
    assert.equal(missing.status, 404);
    assert.doesNotMatch(missing.type ?? '', /html/, 'not the app page in its place');

    const progressPath = join(site.dir, 'progress.json');
    await writeFile(progressPath, '{"v":1}');
    assert.deepEqual(await fetchFromPage(page, 'progress.json'), { status: 200, type: 'application/json; charset=utf-8', text: '{"v":1}' });
    // Withdrawn: the 404 wins over the kept copy.
    await rm(progressPath);
    assert.equal((await fetchFromPage(page, 'progress.json')).status, 404);
    // Network first: a new publication is seen at once.
    await writeFile(progressPath, '{"v":2}');
    assert.equal((await fetchFromPage(page, 'progress.json')).text, '{"v":2}');

    await page.context().setOffline(true);
    await site.stop();
    assert.equal((await fetchFromPage(page, 'progress.json')).text, '{"v":2}', 'offline: the last copy');
    // Chromium logs every 404 it receives as an error, including the ones asked for above.
    assert.deepEqual(page.errors.filter((e) => !e.startsWith('Failed to load resource: the server responded with a status of 404')), []);
  } finally {
    await site.close();
  }
});

test('make-sw: the version hashes every staged file, and only those', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'kama-sw-'));
  const make = async () => {
    execFileSync('node', [join(ROOT, 'scripts', 'make-sw.mjs'), dir]);
    const source = await readFile(join(dir, 'sw.js'), 'utf8');
    const list = JSON.parse(source.match(/const PRECACHE = (\[[\s\S]*?\]);/)[1]);
    return { source, version: swVersion(source), list };
  };
  try {
    await mkdir(join(dir, 'icons'));
    await mkdir(join(dir, '.stage'));
    await writeFile(join(dir, 'index.html'), '<!doctype html>');
    await writeFile(join(dir, 'app-1234_bg.wasm'), 'wasm');
    await writeFile(join(dir, 'icons', 'icon-192.png'), 'png');
    await writeFile(join(dir, '.stage', 'leftover'), 'x');
    const first = await make();
    assert.deepEqual(first.list, ['./', 'app-1234_bg.wasm', 'icons/icon-192.png', 'index.html']);

    // Same files, same worker: browsers see no update.
    assert.equal((await make()).source, first.source);
    // progress.json is published apart from the build: it changes nothing.
    await writeFile(join(dir, 'progress.json'), '{}');
    assert.equal((await make()).source, first.source);
    // Any byte of the build does.
    await writeFile(join(dir, 'icons', 'icon-192.png'), 'png2');
    assert.notEqual((await make()).version, first.version);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('the build in dist/ has its service worker', async () => {
  const source = await readFile(join(DIST, 'sw.js'), 'utf8');
  const list = JSON.parse(source.match(/const PRECACHE = (\[[\s\S]*?\]);/)[1]);
  for (const f of ['./', 'index.html', 'plan.json', 'README.md', 'manifest.webmanifest', 'icons/icon-512.png']) {
    assert.ok(list.includes(f), f);
  }
  assert.ok(list.some((f) => /_bg\.wasm$/.test(f)), 'the wasm');
  assert.ok(!list.includes('progress.json') && !list.includes('sw.js'));
});
