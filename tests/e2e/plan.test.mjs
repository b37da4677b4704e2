// The first screen in a real headless Chromium, against the release build in dist/.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ROOT,
  useApp,
  screenshot,
  axeViolations,
  waitForReady,
  eventually,
  expectCount,
  expectText,
} from './support.mjs';

const plan = JSON.parse(readFileSync(join(ROOT, 'data', 'plan.json'), 'utf8'));
// A sub-directory, as on most static hosts: every asset URL must be relative.
const app = useApp('/kama/sme-plan/');
const { open } = app;

const rows = (page) => page.locator('[data-initiative-id]');
const detailHeading = (page) => page.locator('.initiative-detail h2');

test('the whole plan is listed: 6 policies, 21 sub-policies, 86 initiatives, in table order', async () => {
  const page = await open();
  assert.equal(await page.getAttribute('html', 'lang'), 'ja');
  assert.equal(await rows(page).count(), 86);
  assert.equal(await page.locator('.policy').count(), 6);
  assert.equal(await page.locator('.sub-policy').count(), 21);
  const ids = await rows(page).evaluateAll((els) => els.map((e) => e.dataset.initiativeId));
  assert.deepEqual(ids, plan.initiatives.map((i) => i.id));
  // Badges: 41 priority initiatives in the table.
  assert.equal(await page.locator('[data-initiative-id] .badge-priority').count(), 41);
  await screenshot(page, 'list-1280');
  assert.deepEqual(page.errors, []);
});

test('a re-listed initiative shows its original and links back', async () => {
  const page = await open();
  await page.locator('[data-initiative-id="4-①-a"] a').click();
  await waitForReady(page, 'list 4-①-a');
  await page.waitForSelector('[data-detail-id="4-①-a"]');
  await expectText(detailHeading(page), /4-①-a/);
  await eventually(() => page.url(), /\?id=4-1-a$/, 'the address names it');
  const detail = page.locator('.initiative-detail');
  await expectText(detail, /再掲元/);
  await expectText(detail, /（3-①-aの再掲）/, 'text verbatim');
  await screenshot(page, 'detail-relisted-1280');

  // To the original, which names its re-listing.
  await detail.locator('a', { hasText: '3-①-a' }).click();
  await waitForReady(page, 'list 3-①-a');
  await page.waitForSelector('[data-detail-id="3-①-a"]');
  await expectText(page.locator('.initiative-detail'), /再掲先[\s\S]*4-①-a/);

  // The browser's back button returns to the re-listed one.
  await page.goBack();
  await waitForReady(page, 'list 4-①-a');
  await page.waitForSelector('[data-detail-id="4-①-a"]');
  assert.deepEqual(page.errors, []);
});

test('a shared link opens the initiative; malformed links fall back to the list', async () => {
  const page = await open('?id=6-%E2%91%A1-e');
  await page.waitForSelector('[data-detail-id="6-②-e"]');
  const text = await page.locator('.initiative-detail').innerText();
  assert.match(text, /2-①-a/, 're-listed from 2-①-a');
  assert.match(text, /6-5/, 'its KPI');

  // The table's own spelling of ids works too.
  const plain = await open('?id=2-1-a');
  await plain.waitForSelector('[data-detail-id="2-①-a"]');

  for (const bad of ['?id=zzz', '?id=', '?id=9-9-z', '?%E0%A4%A=1', '?id=2-%E2%91%A0']) {
    const p = await open(bad);
    await expectCount(rows(p), 86, bad);
    assert.deepEqual(p.errors, [], bad);
    await p.context().close();
  }
  assert.deepEqual(page.errors, []);
});

test('a shared link to an initiative far down the list scrolls its row into view', async () => {
  const page = await open('?id=6-3-a', { viewport: { width: 1280, height: 900 } });
  await page.waitForSelector('[data-detail-id="6-③-a"]');
  const row = page.locator('[data-initiative-id="6-③-a"]');
  await page.waitForFunction(() => window.scrollY > 0);
  const box = await eventually(() => row.boundingBox(), (b) => b.y >= 0 && b.y + b.height <= 900, 'the row is in view');
  assert.ok(box.y >= 0 && box.y + box.height <= 900, `the row is at ${box.y} px`);
  assert.equal(await row.locator('a').getAttribute('aria-current'), 'true');
  // The detail, sticky beside the list, stays in view too.
  const heading = await eventually(
    () => page.locator('.initiative-detail h2').boundingBox(),
    (b) => b.y >= 0 && b.y < 900,
    'the detail heading is in view',
  );
  assert.ok(heading.y >= 0 && heading.y < 900, `the detail heading is at ${heading.y} px`);
  assert.deepEqual(page.errors, []);
});

test('the schedule shows spans and marks inferred ones', async () => {
  const page = await open('?id=5-%E2%91%A2-b');
  const schedule = page.locator('.initiative-detail table.schedule');
  assert.match(await schedule.innerText(), /関係機関連携協議\s+2023 \(R5\)/);
  assert.match(await schedule.innerText(), /支援策の実施\s+2024 \(R6\)〜2027 \(R9\)/);
  const inferred = await open('?id=3-%E2%91%A0-a');
  assert.equal(await inferred.locator('.initiative-detail tr.inferred').count(), 1);
  assert.match(await inferred.locator('.initiative-detail').innerText(), /推定/);
});

test('on a 360 px phone the detail replaces the list and 一覧に戻る brings it back', async () => {
  const page = await open('', { viewport: { width: 360, height: 740 } });
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `no horizontal scroll (content is ${width}px wide)`);
  await screenshot(page, 'list-360');
  await page.locator('[data-initiative-id="1-①-a"] a').click();
  await waitForReady(page, 'list 1-①-a');
  await page.waitForSelector('[data-detail-id="1-①-a"]');
  await eventually(() => page.locator('.plan-tree').isVisible(), false, 'the detail replaces the list');
  await expectCount(rows(page), 86, 'the list stays in the DOM');
  await screenshot(page, 'detail-360');
  await page.getByRole('button', { name: '一覧に戻る' }).click();
  await page.locator('.plan-tree').waitFor({ state: 'visible' });
  // Focus returns to the row the user came from.
  await page.waitForFunction(() => document.activeElement?.closest('[data-initiative-id]')?.dataset.initiativeId === '1-①-a');
  // 一覧に戻る went back in history rather than adding an entry: Forward reopens it.
  await page.goForward();
  await waitForReady(page, 'list 1-①-a');
  await page.waitForSelector('[data-detail-id="1-①-a"]');
});

test('keyboard only: Tab reaches an initiative and Enter opens it with focus on its heading', async () => {
  const page = await open();
  // Past the skip link, language switch, view tabs, search and filters, to the first initiative.
  const focusedRow = () => page.evaluate(() => document.activeElement.closest('[data-initiative-id]')?.dataset.initiativeId);
  let presses = 0;
  while ((await focusedRow()) === undefined && presses < 80) {
    await page.keyboard.press('Tab');
    presses += 1;
  }
  assert.equal(await focusedRow(), '1-①-a', `reached after ${presses} Tab presses`);
  await page.keyboard.press('Enter');
  await waitForReady(page, 'list 1-①-a');
  await page.waitForSelector('[data-detail-id="1-①-a"]');
  await eventually(() => page.evaluate(() => document.activeElement.tagName), 'H2', 'focus on the heading');
});

test('axe-core finds no accessibility violations in the list and the detail, wide and narrow', async () => {
  for (const viewport of [{ width: 1280, height: 800 }, { width: 360, height: 740 }]) {
    const list = await open('', { viewport });
    assert.deepEqual(await axeViolations(list), [], `list at ${viewport.width}px`);
    const detail = await open('?id=4-%E2%91%A0-a', { viewport });
    await detail.waitForSelector('[data-detail-id="4-①-a"]');
    assert.deepEqual(await axeViolations(detail), [], `detail at ${viewport.width}px`);
  }
});

test('printing shows every initiative, even with a detail open on a phone', async () => {
  const page = await open('?id=1-1-a', { viewport: { width: 360, height: 740 } });
  await page.waitForSelector('[data-detail-id="1-①-a"]');
  assert.equal(await page.locator('.plan-tree').isVisible(), false, 'on screen the detail replaces the list');
  await page.emulateMedia({ media: 'print' });
  await eventually(() => page.locator('.plan-tree').isVisible(), true, 'the list is printed');
  await eventually(() => page.locator('[data-initiative-id="6-③-a"]').isVisible(), true, 'the last row is printed');
  await eventually(() => page.locator('.filters-toggle').isVisible(), false, 'no controls printed');
});
