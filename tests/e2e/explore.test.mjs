// Filters, search, shareable URLs, the timeline, downloads and the language
// switch, in headless Chromium against the release build.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import {
  useApp,
  newPage,
  waitForReady,
  waitForSettled,
  screenshot,
  axeViolations,
  eventually,
  expectCount,
  expectText,
  expectAttribute,
  expectValue,
} from './support.mjs';

// A sub-directory, as on most static hosts: every asset URL must be relative.
const app = useApp('/sub/dir/');
const { open } = app;

const shown = (page) => page.locator('[data-initiative-id]:not([hidden])');
const count = (page) => shown(page).count();
const resultCount = (page) => page.locator('.result-count').innerText();
const search = (page) => page.getByLabel('キーワード検索');
/** Waits until the address (written once filter changes pause) has the query `pattern`. */
const addressHas = (page, pattern) => page.waitForURL((u) => pattern.test(decodeURIComponent(u.search)));
/** Waits until a filter change just made has taken effect everywhere: the
 * address is written once changes pause, a timer that fires after the list
 * and the marks have followed the change (they do so at once, in effects). */
const changed = (page) => waitForSettled(page, 'address');
/** The time on the page's clock (ahead of the real one once a test has run it forward). */
const pageNow = (page) => page.evaluate(() => Date.now());

test('URL parameters select the results, and the count says so', async () => {
  const cases = [
    ['?policy=2&priority=1', 11],
    ['?policy=1,6', 23],
    ['?policy=1&policy=6', 23],
    ['?sub=2-1', 5],
    ['?first=%E6%94%B9', 7],
    ['?dir=none', 9],
    ['?kpi=4-5', 6],
    ['?relisted=fold', 75],
    ['?fy=2023&policy=5', 4],
  ];
  for (const [query, expected] of cases) {
    const page = await open(query);
    assert.equal(await count(page), expected, query);
    assert.match(await resultCount(page), new RegExp(`件中 ${expected}件`), query);
    await page.context().close();
  }
});

test('malformed, unknown or non-existent parameter values are ignored, never a blank page', async () => {
  for (const query of ['?policy=abc', '?policy=9', '?fy=1999', '?sub=9-9', '?kpi=9-9', '?kpi=%', '?dir=foo', '?dir=', '?unknown=1&&=', '?id=2-%E2%91%A0']) {
    const page = await open(query);
    assert.equal(await page.locator('.result-count').textContent(), '86件中 86件', query);
    assert.equal(await page.locator('.facet .chosen:visible').count(), 0, `${query}: no hidden filter`);
    assert.deepEqual(page.errors, [], query);
    await page.context().close();
  }
  // A broken escape in the search is kept as text the user can see and clear.
  const page = await open('?q=%E0%A4%A');
  assert.notEqual(await page.getByLabel('キーワード検索').inputValue(), '');
  assert.deepEqual(page.errors, []);
});

test('search as you type: Japanese-aware, several words, highlighted, kept in the URL', async () => {
  const page = await open();
  const historyLength = await page.evaluate(() => history.length);
  await search(page).fill('デジタル');
  const digital = await eventually(() => count(page), (n) => n > 5 && n < 86, 'デジタル → between 5 and 86 rows');
  await expectCount(page.locator('.plan-tree mark'), (n) => n > 0, 'matches are highlighted');
  // The same count as before each spelling: read once the change has taken effect.
  await search(page).fill('ﾃﾞｼﾞﾀﾙ');
  await changed(page);
  assert.equal(await count(page), digital, 'half-width katakana');
  await search(page).fill('でじたる');
  await changed(page);
  assert.equal(await count(page), digital, 'hiragana');
  // Combining voiced marks (U+3099), as some IMEs and pasted text give: the
  // browser's own NFKC composes them, as the crate does natively.
  await search(page).fill('テ\u3099シ\u3099タル');
  await changed(page);
  assert.equal(await count(page), digital, 'combining marks');
  await search(page).fill('デジタル 補助金');
  await eventually(() => count(page), (n) => n < digital, 'several words narrow');
  await addressHas(page, /q=デジタル[+ ]補助金/);
  assert.equal(await page.evaluate(() => history.length), historyLength, 'typing replaces the history entry');
  await search(page).fill('２－③－ｂ');
  const ids = () => shown(page).evaluateAll((els) => els.map((e) => e.dataset.initiativeId));
  await eventually(ids, ['2-③-b', '4-①-e'], 'ids in full width; 4-①-e re-lists 2-③-b');
  await screenshot(page, 'search-1280');
  assert.deepEqual(page.errors, []);
});

test('the address follows the search once typing pauses: one history write, none onto the entry Back returns to', async () => {
  const page = await open('?policy=4');
  await page.evaluate(() => {
    window.__writes = [];
    const replace = history.replaceState.bind(history);
    history.replaceState = (state, title, url) => { window.__writes.push(String(url)); replace(state, title, url); };
  });
  // The page's clock is held while typing, however long the keys take to
  // arrive; then the pause passes on the page's clock.
  await page.clock.install();
  await page.clock.pauseAt((await pageNow(page)) + 1000);
  await search(page).pressSequentially('交流');
  await page.clock.runFor(250);
  await addressHas(page, /policy=4&q=交流$/);
  assert.deepEqual(await page.evaluate(() => window.__writes.map(decodeURIComponent)), ['?policy=4&q=交流'], 'one write, after the last key');
  await page.clock.resume();

  // Open one, type in the list meanwhile and go Back at once: the pending
  // address belongs to the entry being left, never to the one arrived at.
  await page.locator('[data-initiative-id]:not([hidden]) a').first().click();
  await page.waitForSelector('[data-detail-id]');
  await search(page).fill('');
  await page.goBack();
  await page.waitForFunction(() => !new URL(location.href).searchParams.has('id'));
  // Back drops the pending address (of the entry left); once nothing is
  // pending, nothing more can be written.
  await waitForSettled(page, 'address');
  assert.equal(decodeURIComponent(new URL(page.url()).search), '?policy=4&q=交流', 'the list entry kept its own address');
  await expectValue(search(page), '交流');

  // Hiding or leaving the page right after typing writes the address first
  // (the back/forward cache and a restored tab keep what was typed). The
  // page's clock is held, so the pause cannot write it first.
  await page.clock.pauseAt((await pageNow(page)) + 1000);
  await search(page).fill('創業');
  assert.equal(decodeURIComponent(new URL(page.url()).search), '?policy=4&q=交流', 'still waiting for the pause');
  await page.evaluate(() => window.dispatchEvent(new PageTransitionEvent('pagehide')));
  assert.equal(decodeURIComponent(new URL(page.url()).search), '?policy=4&q=創業');
  assert.deepEqual(page.errors, []);
});

test('without requestIdleCallback (Safari) the app starts and searches, with no error', async () => {
  const page = await newPage(app.browser);
  await page.addInitScript(() => { delete Window.prototype.requestIdleCallback; });
  await page.goto(app.server.url);
  await waitForReady(page, 'list');
  // The start-up warm-up, in timer slices here, has run to its end.
  await waitForSettled(page, 'idle');
  await search(page).fill('デジタル');
  await expectCount(page.locator('.plan-tree mark'), (n) => n > 0, 'matches are marked');
  await expectCount(page.locator('.plan-tree .excerpt mark'), (n) => n > 0, 'excerpts are marked');
  assert.deepEqual(page.errors, []);
});

test('facet counts follow the other facets; zero values are disabled; clear all resets', async () => {
  const page = await open('?priority=1');
  const policy1 = page.locator('.facet-option', { hasText: '1 中小企業の創業の促進を図る' });
  assert.equal(await policy1.locator('.count').innerText(), '0');
  assert.equal(await policy1.locator('input').isDisabled(), true, 'zero shown disabled, not hidden');
  await page.locator('.facet-option', { hasText: '2 中小企業者の経営基盤の安定強化を図る' }).locator('input').check();
  await expectCount(shown(page), 11);
  await addressHas(page, /policy=2/);
  await page.getByRole('button', { name: '条件をすべて解除' }).click();
  await expectCount(shown(page), 86);
  await addressHas(page, /^$/);
});

test('opening an initiative keeps the filters and the back button returns', async () => {
  const page = await open('?policy=4&q=%E5%86%8D%E6%8E%B2');
  const n = await count(page);
  await page.locator('[data-initiative-id="4-①-a"] a').click();
  await waitForReady(page, 'list 4-①-a');
  await page.waitForSelector('[data-detail-id="4-①-a"]');
  await eventually(() => page.url(), /policy=4/);
  await eventually(() => page.url(), /id=4-1-a/);
  await page.reload();
  await waitForReady(page, 'list 4-①-a');
  await page.waitForSelector('[data-detail-id="4-①-a"]');
  await expectCount(shown(page), n, 'state restored on reload');
  await page.goBack();
  await page.waitForFunction(() => !new URL(location.href).searchParams.has('id'));
  await waitForReady(page, 'list');
  await expectCount(page.locator('[data-detail-id]'), 0);
});

test('browser Back from a detail returns keyboard focus to its row; the tab title follows', async () => {
  const page = await open();
  await page.locator('[data-initiative-id="2-①-c"] a').click();
  await waitForReady(page, 'list 2-①-c');
  await page.waitForSelector('[data-detail-id="2-①-c"]');
  await eventually(() => page.title(), /^2-①-c デジタル化促進事業の活用 — /, 'the title names the initiative');
  await page.goBack();
  await page.waitForFunction(() => document.activeElement?.closest('[data-initiative-id]')?.dataset.initiativeId === '2-①-c');
  await eventually(() => page.title(), /^第2次嘉麻市中小企業振興基本計画/, 'the title is the plan’s again');
});

test('the timeline: rows follow the filters, inferred spans are marked, the current FY from an injected clock', async () => {
  const page = await open('?view=timeline&policy=3', { clock: '2025-05-01T09:00:00+09:00' });
  assert.equal(await count(page), 13);
  assert.ok((await page.locator('.tl-bar.inferred').count()) >= 13, 'page 3 spans are inferred');
  assert.match(await page.locator('.tl-legend').innerText(), /推定/);
  assert.match(await page.locator('.tl-year.current').innerText(), /2025 \(R7\)/);
  await screenshot(page, 'timeline-1280');

  const march = await open('?view=timeline', { clock: '2026-03-31T12:00:00+09:00' });
  assert.match(await march.locator('.tl-year.current').innerText(), /2025 \(R7\)/, '31 March is still FY2025');

  // A row opens its initiative.
  await page.locator('[data-initiative-id="3-①-a"] a').click();
  await waitForReady(page, 'list 3-①-a');
  await page.waitForSelector('[data-detail-id="3-①-a"]');
  await page.goBack();
  await waitForReady(page, 'timeline');
  await page.waitForSelector('.timeline-view');
  assert.deepEqual(await axeViolations(page), []);
});

test('downloads: CSV for Excel with a BOM, and the filtered view as JSON', async () => {
  const page = await open('?policy=5');
  const [csv] = await Promise.all([page.waitForEvent('download'), page.locator('[data-download="csv-all"]').click()]);
  const bytes = await readFile(await csv.path());
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM');
  const text = bytes.toString('utf8');
  assert.match(text, /5-③-b/);
  assert.match(text, /"'-"|,'-,/, 'a cell that starts with - is neutralised');

  const [json] = await Promise.all([page.waitForEvent('download'), page.locator('[data-download="json-filtered"]').click()]);
  const subset = JSON.parse(await readFile(await json.path(), 'utf8'));
  assert.equal(subset.initiatives.length, 14);
  assert.ok(subset.initiatives.every((i) => i.policy === 5));

  // The field documentation the downloads link to is served beside the page.
  const docs = page.locator('.downloads a', { hasText: 'データ項目の説明' });
  const response = await page.request.get(new URL(await docs.getAttribute('href'), page.url()).href);
  assert.equal(response.status(), 200);
  assert.match(await response.text(), /relisted_from/);
});

test('English interface: switched, remembered, plan text unchanged, accessible', async () => {
  const page = await open('?id=2-1-a');
  await page.getByRole('button', { name: 'English' }).click();
  await expectAttribute(page.locator('html'), 'lang', 'en');
  await expectText(page.locator('.filters'), /Search/);
  await expectText(page.locator('.initiative-detail'), /Current situation/);
  await expectText(page.locator('.initiative-detail'), /デジタル化の導入及び促進支援/, 'plan text as published');
  await page.reload();
  await waitForReady(page, 'list 2-①-a');
  await page.waitForSelector('[data-detail-id="2-①-a"]');
  await expectAttribute(page.locator('html'), 'lang', 'en', 'remembered');
  await expectText(page.locator('.initiative-detail'), /Current situation/, 'remembered');
  assert.deepEqual(await axeViolations(page), []);
  await screenshot(page, 'detail-en-1280');
  await page.getByRole('button', { name: '日本語' }).click();
  await expectAttribute(page.locator('html'), 'lang', 'ja');
});

test('360 px: filters fold into a panel; everything fits the width', async () => {
  const page = await open('', { viewport: { width: 360, height: 740 } });
  // The search box is in view; the other filters are folded behind their button.
  assert.equal(await page.locator('#search-input').isVisible(), true);
  assert.equal(await page.locator('.filter-options').isVisible(), false);
  const toggle = page.locator('.filters-toggle');
  await toggle.click();
  await expectAttribute(toggle, 'aria-expanded', 'true');
  await search(page).fill('創業');
  await eventually(() => count(page), (n) => n < 86, 'the search narrows the list');
  await changed(page);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `content is ${width}px wide`);
  await screenshot(page, 'filters-360');
  assert.deepEqual(await axeViolations(page), []);
  const timeline = await open('?view=timeline', { viewport: { width: 360, height: 740 } });
  assert.ok((await timeline.evaluate(() => document.documentElement.scrollWidth)) <= 360);
  await screenshot(timeline, 'timeline-360');
});

test('a result matched outside its name shows where, highlighted', async () => {
  const page = await open('?q=%E6%94%AF%E6%8F%B4%E7%AD%96'); // 支援策
  const row = page.locator('[data-initiative-id="5-③-b"]');
  assert.match(await row.locator('.excerpt').innerText(), /年次別実行スケジュール: .*支援策/);
  assert.equal(await row.locator('.excerpt mark').innerText(), '支援策');
});

test('axe-core: no violations on list, detail and timeline, in Japanese and in English', async () => {
  for (const lang of ['ja', 'en']) {
    for (const query of ['?q=%E5%89%B5%E6%A5%AD', '?id=4-1-a', '?view=timeline&policy=3']) {
      const page = await open(query);
      if (lang === 'en') {
        await page.getByRole('button', { name: 'English' }).click();
        await expectAttribute(page.locator('html'), 'lang', 'en');
        // The switch offers Japanese once the whole interface is English.
        await page.getByRole('button', { name: '日本語' }).waitFor();
      }
      assert.deepEqual(await axeViolations(page), [], `${lang} ${query}`);
      await page.context().close();
    }
  }
});

test('printing the timeline: controls hidden, every row and bar kept', async () => {
  const page = await open('?view=timeline');
  await page.emulateMedia({ media: 'print' });
  await eventually(() => page.locator('.filters').isVisible(), false, '.filters printed');
  await eventually(() => page.locator('.view-tabs').isVisible(), false, '.view-tabs printed');
  await expectCount(shown(page), 86);
  await eventually(() => page.locator('.tl-row').last().isVisible(), true, 'the last row printed');
  await page.pdf({ path: 'test-artifacts/timeline-print.pdf', format: 'A4', landscape: true }).catch(() => {});
  await screenshot(page, 'timeline-print');
});

test('an open initiative outside the current results says so', async () => {
  const page = await open('?id=2-1-a');
  const note = page.locator('.initiative-detail .note', { hasText: '含まれていません' });
  assert.equal(await note.isVisible(), false);
  await page.getByLabel('キーワード検索').fill('創業');
  await eventually(() => note.isVisible(), true, 'the note shows');
});

test('a closed facet opens with its options, which filter like the others', async () => {
  const page = await open();
  const kpiFacet = page.locator('details.facet', { hasText: '関連する数値目標' });
  assert.equal(await kpiFacet.locator('.facet-option').count(), 0, 'built when first opened');
  await kpiFacet.locator('summary').click();
  await expectCount(kpiFacet.locator('.facet-option'), 27);
  await kpiFacet.locator('.facet-option', { hasText: '4-5 企業マッチングの場の創設' }).locator('input').check();
  await expectCount(shown(page), 6);
  await addressHas(page, /kpi=4-5/);
});

test('a row hidden while the filters changed shows again with the current link and marks', async () => {
  // Policy 2 only: policy 1's rows are hidden, and their links and marks
  // stop following the filters until they show again.
  const page = await open('?policy=2');
  const row = page.locator('[data-initiative-id="1-①-a"]');
  assert.equal(await row.isHidden(), true);
  await search(page).fill('創業');
  await page.locator('.facet-option', { hasText: '2 中小企業者の経営基盤の安定強化を図る' }).locator('input').uncheck();
  await row.waitFor({ state: 'visible' });
  // Shown, and everything that follows the change done: the link and marks now are final.
  await changed(page);
  const href = decodeURIComponent(await row.locator('a').getAttribute('href'));
  assert.match(href, /q=創業/, href);
  assert.doesNotMatch(href, /policy=/, href);
  await expectCount(row.locator('mark'), (n) => n > 0, 'the search words are marked');
  assert.deepEqual(page.errors, []);
});
