// The prerendered first paint (crates/prerender, written into
// index.html at build time): the plan is on screen before the wasm runs, it
// is readable with scripts off, and the app takes its place without
// duplicates, other text or a jump.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ROOT,
  useApp,
  newPage,
  waitForReady,
  screenshot,
  axeViolations,
  eventually,
  expectCount,
  expectText,
  expectAttribute,
  expectValue,
  expectUrl,
} from './support.mjs';

const plan = JSON.parse(readFileSync(join(ROOT, 'data', 'plan.json'), 'utf8'));
const app = useApp('/kama/');

/** Every row's id, text and distance from the top of the page. */
const readRows = (page) =>
  page.locator('[data-initiative-id]').evaluateAll((els) =>
    els.map((e) => ({ id: e.dataset.initiativeId, text: e.innerText, top: Math.round(e.getBoundingClientRect().top + window.scrollY) })),
  );

async function withoutScripts(viewport) {
  const page = await newPage(app.browser, { javaScriptEnabled: false, viewport });
  await page.goto(app.server.url);
  return page;
}

test('with scripts off, the page lists all 86 initiatives with their badges, in table order', async () => {
  const page = await withoutScripts({ width: 1280, height: 900 });
  // With scripts off nothing changes the page after it loaded (goto waits
  // for `load`); the reads wait all the same.
  // What cannot work without scripts is not shown; the notice says why, first.
  for (const control of ['.prerendered-tabs', '.record-bar', '.lang-switch', '#prerendered .filters']) {
    await eventually(() => page.locator(control).isVisible(), false, control);
  }
  const notice = page.locator('body > noscript > p.noscript-notice');
  await eventually(async () => (await notice.boundingBox())?.y, (y) => y < 5, 'the notice opens the page');
  await expectAttribute(notice.getByRole('link', { name: 'plan.json' }), 'href', 'plan.json');
  await eventually(async () => (await readRows(page)).map((r) => r.id), plan.initiatives.map((i) => i.id), 'the rows, in table order');
  await expectCount(page.locator('[data-initiative-id] .badge-priority'), 41);
  await expectCount(page.locator('.policy'), 6);
  await expectCount(page.locator('.sub-policy'), 21);
  await expectText(page.locator('h1'), /第2次嘉麻市中小企業振興基本計画/);
  // A row is a link to the initiative, as in the app.
  await expectAttribute(page.locator('[data-initiative-id="2-①-a"] a'), 'href', /^\?id=2-1-a$/);
  await screenshot(page, 'first-paint-no-script-1280');
  await page.context().close();
});

test('the first paint has no accessibility violations', async () => {
  // axe needs scripts, so here only the app's own are refused.
  const page = await newPage(app.browser);
  await page.route(/\.(js|wasm)$/, (route) => route.abort());
  await page.goto(app.server.url);
  await expectCount(page.locator('#prerendered [data-initiative-id]'), 86);
  assert.deepEqual(await axeViolations(page), []);
  await page.context().close();
});

/** The page with its wasm held back until `release()`: the first paint alone. */
async function heldBack(viewport = { width: 1280, height: 900 }, query = '') {
  const page = await newPage(app.browser, { viewport });
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await page.route('**/*.wasm', async (route) => {
    await held;
    await route.continue();
  });
  // Not until `load`: the held wasm is preloaded, so `load` waits for it.
  await page.goto(app.server.url + query, { waitUntil: 'commit' });
  await page.waitForSelector('#prerendered [data-initiative-id="6-①-a"]', { state: 'attached' });
  return { page, release };
}

test('the plan is on screen while the app is still loading', async () => {
  const { page, release } = await heldBack();
  await expectCount(page.locator('[data-initiative-id]'), 86);
  // The wasm is held back: neither the alarm nor the app can come meanwhile.
  assert.equal(await page.locator('.boot-failed').isVisible(), false, 'no alarm while loading');
  assert.equal(await page.locator('nav.view-tabs:not(.prerendered-tabs)').count(), 0, 'the app has not started');
  release();
  await waitForReady(page, 'list');
  await expectCount(page.locator('#prerendered'), 0);
  await expectCount(page.locator('[data-initiative-id]'), 86, 'no row twice');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

for (const viewport of [{ width: 1280, height: 900 }, { width: 360, height: 740 }]) {
  for (const scrolled of [0, 3000]) {
    test(`at ${viewport.width} px, scrolled ${scrolled} px: the app's rows read as the first paint's, where they were`, async () => {
      const { page, release } = await heldBack(viewport);
      await page.evaluate((y) => window.scrollTo(0, y), scrolled);
      const before = await readRows(page);
      release();
      // The app has rendered its list (it took the first paint's place in the same task).
      await waitForReady(page, 'list');
      await expectCount(page.locator('#prerendered'), 0);
      await eventually(() => page.evaluate(() => window.scrollY), scrolled, 'the scroll position');
      const after = await readRows(page);
      assert.deepEqual(after.map(({ id, text }) => ({ id, text })), before.map(({ id, text }) => ({ id, text })));
      const moved = after.filter((r, n) => Math.abs(r.top - before[n].top) > 1);
      assert.deepEqual(moved.map((r) => `${r.id} ${before[after.indexOf(r)].top}→${r.top}`), [], 'rows moved');
      assert.deepEqual(page.errors, []);
      await page.context().close();
    });
  }
}

test('at another plan (?plan=), the first paint says that plan is loading and shows none of the embedded one', async () => {
  const { page, release } = await heldBack(undefined, '?plan=saved:plan-0514c5bf-2024-2030');
  await page.locator('#prerendered .plan-loading').waitFor({ state: 'visible' });
  await expectText(page.locator('#prerendered .plan-loading'), '計画を読み込んでいます…');
  for (const part of ['.masthead', '[data-initiative-id="1-①-a"]', '.site-footer']) {
    assert.equal(await page.locator(`#prerendered ${part}`).isVisible(), false, `${part} is hidden`);
  }
  release();
  // This browser does not keep that plan: the app says so (and how to open it).
  await waitForReady(page, 'load-error');
  await expectCount(page.locator('#prerendered'), 0);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('without ?plan=, the first paint has no loading line in view', async () => {
  const { page, release } = await heldBack();
  // public/boot-check.js (deferred) has run.
  await page.waitForFunction(() => document.readyState !== 'loading');
  assert.equal(await page.locator('#prerendered .plan-loading').isVisible(), false);
  assert.equal(await page.locator('#prerendered .masthead').isVisible(), true);
  release();
  await waitForReady(page, 'list');
  await page.context().close();
});

test('what is typed into the first paint’s search box before the app starts is its search, the focus still in the box', async () => {
  const { page, release } = await heldBack({ width: 360, height: 740 });
  // On a phone the search box is in view at first sight, and takes keystrokes at once.
  const box = page.locator('#prerendered #search-input');
  await box.waitFor({ state: 'visible' });
  await box.pressSequentially('創業');
  release();
  await waitForReady(page, 'list');
  await expectCount(page.locator('#prerendered'), 0);
  const search = page.locator('#search-input');
  await expectValue(search, '創業', 'the typed text carried over');
  await page.waitForFunction(() => document.activeElement?.id === 'search-input');
  await expectUrl(page, /q=創業/, 'the address says what is searched');
  await eventually(() => page.locator('.plan-tree [data-initiative-id]:visible').count(), (n) => n > 0 && n < 86, 'the list narrowed');
  // The next keystroke lands after what was typed.
  await page.keyboard.type('塾');
  await expectValue(search, '創業塾');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a row focused in the first paint is focused in the app', async () => {
  const { page, release } = await heldBack();
  await page.locator('#prerendered [data-initiative-id="1-②-a"] a').focus();
  release();
  await waitForReady(page, 'list');
  await page.waitForFunction(() => document.activeElement?.closest('[data-initiative-id]')?.dataset.initiativeId === '1-②-a');
  assert.equal(await page.evaluate(() => document.activeElement.closest('#prerendered')), null, "the app's own row");
  await page.keyboard.press('Tab');
  await eventually(() => page.evaluate(() => document.activeElement.closest('[data-initiative-id]')?.dataset.initiativeId), '1-②-b', 'Tab moves to the next row');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('when the app cannot start, the first paint says so and stays readable', async () => {
  const page = await newPage(app.browser);
  await page.route('**/*.wasm', (route) => route.abort());
  await page.goto(app.server.url);
  const notice = page.locator('#prerendered .boot-failed');
  await notice.waitFor({ state: 'visible' });
  await expectText(notice, /アプリを起動できませんでした。[\s\S]*The app could not start\./);
  await expectCount(page.locator('#prerendered [data-initiative-id]'), 86);
  assert.ok(page.errors.length > 0, 'the failure itself is an error in the console');
  await page.context().close();
});
