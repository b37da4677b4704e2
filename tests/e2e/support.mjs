// Shared by the browser tests and the benchmark: a static server for dist/
// (optionally under a sub-directory, as on real static hosting) and Debian's
// headless Chromium driven by playwright-core.

import { createServer } from 'node:http';
import { brotliCompressSync, constants as brotliConstants } from 'node:zlib';
import { readFile, mkdir } from 'node:fs/promises';
import { extname, join, normalize, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { before, after } from 'node:test';
import { AssertionError } from 'node:assert';
import { isDeepStrictEqual, inspect } from 'node:util';
import { chromium } from 'playwright-core';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DIST = process.env.KAMA_DIST ?? join(ROOT, 'dist');
export const ARTIFACTS = join(ROOT, 'test-artifacts');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/** Serves `dir` at http://127.0.0.1:<port><prefix>. No SPA fallback: a static host has none.
 * `brotli`: every file sent brotli-compressed (quality 11), as a production host would. */
export async function serveStatic(dir = DIST, prefix = '/', { brotli = false } = {}) {
  const compressed = new Map();
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (!path.startsWith(prefix)) {
      res.writeHead(404).end('not found');
      return;
    }
    let rel = normalize(path.slice(prefix.length)).replace(/^(\.\.[/\\])+/, '');
    if (rel === '' || rel.endsWith('/') || rel === '.') rel = join(rel, 'index.html');
    try {
      const type = { 'content-type': TYPES[extname(rel)] ?? 'application/octet-stream' };
      if (brotli) {
        if (!compressed.has(rel)) {
          const quality = { [brotliConstants.BROTLI_PARAM_QUALITY]: 11 };
          compressed.set(rel, brotliCompressSync(await readFile(join(dir, rel)), { params: quality }));
        }
        res.writeHead(200, { ...type, 'content-encoding': 'br' });
        res.end(compressed.get(rel));
        return;
      }
      const body = await readFile(join(dir, rel));
      res.writeHead(200, type);
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}${prefix}`, close: () => new Promise((r) => server.close(r)) };
}

/** Debian's Chromium, headless, with no background network traffic. Playwright
 * gives every launch a new empty profile. */
export async function launchChromium() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Who records in a test's browser unless it says otherwise (`staff`). */
export const TEST_STAFF = { role: 'recorder', name: '検査 花子', owner: '商工観光課' };

/**
 * A page that fails the test on any uncaught error or console error. Its
 * browser records as `staff` (default `TEST_STAFF`; `null`: a visitor's fresh
 * browser), set before the app starts and again whenever storage lost it.
 */
export async function newPage(browser, { staff = TEST_STAFF, ...options } = {}) {
  const context = await browser.newContext({ locale: 'ja-JP', ...options });
  if (staff) {
    await context.addInitScript(({ role, name, owner }) => {
      try {
        if (localStorage.getItem('kama-sme-tracker:role') !== null) return;
        localStorage.setItem('kama-sme-tracker:role', role);
        localStorage.setItem('kama-sme-tracker:author', name);
        localStorage.setItem('kama-sme-tracker:owner', owner);
      } catch {
        // A test of a browser that keeps nothing: it sets its recorder in the page.
      }
    }, staff);
  }
  const page = await context.newPage();
  // `./scripts/test --stress` runs the page's CPU this many times slower, as
  // on a slow phone or a fresh machine: a read that races the app fails there.
  const throttle = Number(process.env.KAMA_CPU_THROTTLE ?? 1);
  if (throttle > 1) await (await context.newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate: throttle });
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(String(e)));
  page.on('console', (m) => {
    // The app looks for an optional published progress.json; its absence (a
    // 404 Chromium always logs) is the normal case, not an error.
    const optional404 = m.text().startsWith('Failed to load resource') && m.location().url.endsWith('/progress.json');
    if (m.type() === 'error' && !optional404) page.errors.push(m.text());
  });
  return page;
}

/**
 * Sets this browser's recorder through the page, as staff do: the record
 * bar's 記入する (or the recorder's name), the name and 担当 typed, then 記入を始める (or 閉じる).
 */
export async function setStaff(page, { name, owner, role } = {}) {
  const bar = page.locator('.record-bar');
  await bar.locator('#start-recording, .staff-chip').first().click();
  const setup = page.locator('.staff-setup');
  if (name !== undefined) await setup.getByLabel('記入者名').fill(name);
  if (owner !== undefined) await setup.getByLabel(/^担当/).fill(owner);
  if (role === 'secretariat') await setup.getByLabel(/^事務局/).check();
  if (role === 'recorder') await setup.getByLabel(/^記入者（/).check();
  const start = setup.locator('#staff-start');
  if (await start.count()) await start.click();
  else await setup.getByRole('button', { name: '閉じる' }).click();
  await setup.waitFor({ state: 'detached' });
}

export async function screenshot(page, name) {
  await mkdir(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: false });
}

/** axe-core's violations on the current page (WCAG 2.1 A/AA rules). */
export async function axeViolations(page) {
  // Evaluated over the DevTools protocol, not added as a <script>
  // (page.addScriptTag): the app's CSP refuses inline scripts, rightly.
  await page.evaluate(await readFile(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8'));
  const result = await page.evaluate(() =>
    window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } }),
  );
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length}× e.g. ${v.nodes[0]?.target})`);
}

/** Waits until the app has started (the tabs come with every view; the
 * prerendered first paint has tabs of its own, `.prerendered-tabs`), whether
 * or not its view could be shown. Tests that read a view use `waitForReady`. */
export async function waitForApp(page) {
  await page.waitForSelector('nav.view-tabs:not(.prerendered-tabs) a[aria-current="page"]', { state: 'attached' });
}

/**
 * Waits until the view the address asks for has rendered its content: the app
 * sets `<main data-ready="…">` (src/ui/ready.rs) to the view's name (`list`,
 * `timeline`, `progress`, `report`, `kpis`, `charts`), followed in the list by
 * the open initiative's id (`list 2-①-a`); `load-error` when the plan could
 * not be read. Without `mark`, any view will do (the address decides which).
 */
export async function waitForReady(page, mark) {
  const selector = mark === undefined ? 'main[data-ready]' : `main[data-ready="${mark}"]`;
  await page.waitForSelector(selector, { state: 'attached' });
}

/**
 * Waits until none of `works` is pending: the app lists what it has scheduled
 * and not yet done in `<html data-pending="…">` (src/adapters/pending.rs):
 * `address` (the URL waits for filter changes to pause), `save` (a change
 * waits to be stored), `idle` (start-up work in idle time), `preload` (a split
 * file fetched ahead of a click). A test that checks
 * that something did *not* happen waits for this, never for a time.
 */
export async function waitForSettled(page, ...works) {
  await page.waitForFunction((works) => {
    const pending = (document.documentElement.dataset.pending ?? '').split(' ');
    return works.every((w) => !pending.includes(w));
  }, works.length > 0 ? works : ['address', 'save', 'idle', 'preload']);
}

// --- Reads that wait ---------------------------------------------------------
// A read that follows an action polls until the expected value holds, and
// fails after WAIT_MS with the last value seen. Never a one-shot read of a
// view that may still be rendering.

export const WAIT_MS = Number(process.env.KAMA_WAIT_MS ?? 20_000);
const POLL_MS = 25;

/**
 * Polls `read()` until its value meets `expected` and returns that value.
 * `expected`: a RegExp (the value, as a string, must match), a function (a
 * predicate on the value) or a value (deep strict equality). A read that
 * throws (e.g. the element is not there yet) counts as not yet.
 */
export async function eventually(read, expected, message = '') {
  const holds =
    expected instanceof RegExp
      ? (v) => typeof v === 'string' && expected.test(v)
      : typeof expected === 'function'
        ? (v) => expected(v)
        : (v) => isDeepStrictEqual(v, expected);
  const deadline = Date.now() + WAIT_MS;
  let last;
  let error;
  for (;;) {
    try {
      last = await read();
      error = undefined;
      if (holds(last)) return last;
    } catch (e) {
      error = e;
    }
    if (Date.now() > deadline) break;
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
  const want = typeof expected === 'function' ? `a value for which ${expected}` : inspect(expected);
  const seen = error ? `an error: ${error.message?.split('\n')[0]}` : inspect(last);
  throw new AssertionError({
    message: `${message ? `${message}: ` : ''}waited ${WAIT_MS} ms for ${want}; last saw ${seen}`,
    actual: last,
    expected: typeof expected === 'function' ? undefined : expected,
    operator: 'eventually',
  });
}

/** Waits until `locator` matches `expected` elements (a number or a predicate). */
export const expectCount = (locator, expected, message) => eventually(() => locator.count(), expected, message);

/** Waits until the element's `innerText` is (or matches, or satisfies) `expected`. */
export const expectText = (locator, expected, message) =>
  eventually(() => locator.innerText({ timeout: POLL_MS * 4 }), expected, message);

/** Waits until the element's `textContent` is (or matches, or satisfies) `expected`. */
export const expectTextContent = (locator, expected, message) =>
  eventually(() => locator.textContent({ timeout: POLL_MS * 4 }), expected, message);

/** Waits until attribute `name` is `expected` (`null`: absent). */
export const expectAttribute = (locator, name, expected, message) =>
  eventually(() => locator.getAttribute(name, { timeout: POLL_MS * 4 }), expected, message);

/** Waits until a form control's value is `expected`. */
export const expectValue = (locator, expected, message) =>
  eventually(() => locator.inputValue({ timeout: POLL_MS * 4 }), expected, message);

/** Waits until the element is visible (`true`) or hidden or absent (`false`). */
export const expectVisible = (locator, visible, message) => eventually(() => locator.isVisible(), visible, message);

/** Waits until the page's address, decoded, is (or matches) `expected`. */
export const expectUrl = (page, expected, message) => eventually(() => decodeURIComponent(page.url()), expected, message);

/** The open initiative's editor showing `year` (its year button pressed
 * first if another year is shown); resolves once that year's fields are there. */
export async function yearCard(page, year) {
  const tab = page.locator(`.progress-editor button.year-tab[data-year="${year}"]`);
  await tab.waitFor();
  if ((await tab.getAttribute('aria-pressed')) !== 'true') await tab.click();
  const card = page.locator(`fieldset.year-card[data-year="${year}"]`);
  await card.waitFor();
  return card;
}

/**
 * Registers a server for dist/ under `prefix` and one browser for a test file.
 * `open(query, options)` loads the app (options: viewport, clock = fixed time)
 * and waits until the view the query asks for has rendered (`waitForReady`).
 */
export function useApp(prefix) {
  const app = { server: null, browser: null };
  before(async () => {
    app.server = await serveStatic(DIST, prefix);
    app.browser = await launchChromium();
  });
  after(async () => {
    await app.browser?.close();
    await app.server?.close();
  });
  app.open = async (query = '', { clock, ...options } = {}) => {
    const page = await newPage(app.browser, options);
    if (clock) await page.clock.setFixedTime(new Date(clock));
    await page.goto(app.server.url + query);
    await waitForReady(page);
    return page;
  };
  return app;
}

// --- Offline and updates (service worker) ----------------------------------
// (Imports here rather than at the top keep this section self-contained; ES
// module imports are hoisted either way.)

import { mkdtemp, cp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';

TYPES['.webmanifest'] = 'application/manifest+json';

/**
 * A private copy of dist/ served under `prefix`, for tests that change files
 * on the "server" (a new deployment, a published progress.json).
 * `stop()` stops the server (the site goes offline); `close()` also deletes the copy.
 */
export async function serveCopy(prefix = '/') {
  const dir = await mkdtemp(join(tmpdir(), 'kama-dist-'));
  await cp(DIST, dir, { recursive: true });
  const server = await serveStatic(dir, prefix);
  return {
    ...server,
    dir,
    stop: server.close,
    async close() {
      await server.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Waits until the service worker controls `page` (the first install claims
 * the page it was registered from, so no reload is needed). */
export async function waitForServiceWorker(page) {
  await page.waitForFunction(() => navigator.serviceWorker?.controller != null, null, { timeout: 30_000 });
}

// --- Workbooks ----------------------------------------------------------------

import zlib from 'node:zlib';
import assert from 'node:assert/strict';

/** `zip` with the stored entry `name` changed by `edit`, which must keep its
 * length in bytes (so no offset moves): what a spreadsheet saving one edited
 * cell amounts to, for a workbook of stored entries like ours. */
export function editStoredEntry(zip, name, edit) {
  const buf = Buffer.from(zip);
  const crcOf = (data) => zlib.crc32(data) >>> 0;
  for (let at = buf.indexOf('PK\x03\x04'); at >= 0; at = buf.indexOf('PK\x03\x04', at + 4)) {
    const size = buf.readUInt32LE(at + 18);
    const nameLength = buf.readUInt16LE(at + 26);
    const extra = buf.readUInt16LE(at + 28);
    if (buf.toString('utf8', at + 30, at + 30 + nameLength) !== name) continue;
    assert.equal(buf.readUInt16LE(at + 8), 0, `${name} is stored, not compressed`);
    const start = at + 30 + nameLength + extra;
    const changed = Buffer.from(edit(buf.toString('utf8', start, start + size)), 'utf8');
    assert.equal(changed.length, size, 'the edit keeps the entry\'s length');
    changed.copy(buf, start);
    const crc = crcOf(changed);
    buf.writeUInt32LE(crc, at + 14);
    // The central directory's copy of the same header.
    for (let c = buf.indexOf('PK\x01\x02'); c >= 0; c = buf.indexOf('PK\x01\x02', c + 4)) {
      if (buf.readUInt32LE(c + 42) === at) buf.writeUInt32LE(crc, c + 16);
    }
    return buf;
  }
  throw new Error(`no entry ${name}`);
}
