// A plan of 10,000 generated initiatives (the real plan multiplied), loaded
// through `?plan=FILE` like the benchmark does: the list is windowed, and
// stays usable — search, scrolling to the end, opening a row, the timeline.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ROOT,
  serveCopy,
  launchChromium,
  newPage,
  screenshot,
  axeViolations,
  waitForReady,
  waitForSettled,
  eventually,
  expectCount,
  expectTextContent,
  expectText,
  expectAttribute,
  expectUrl,
} from './support.mjs';

const LARGE = 10_000;
let site, browser, large;

before(async () => {
  site = await serveCopy('/large/');
  const file = join(site.dir, `plan-${LARGE}.json`);
  execFileSync('cargo', ['run', '-q', '--locked', '-p', 'kama-plan', '--bin', 'generate-plan', '--', String(LARGE), file], { cwd: ROOT, stdio: 'inherit' });
  large = JSON.parse(readFileSync(file, 'utf8'));
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  await site?.close();
});

async function open(query = '') {
  const page = await newPage(browser, { viewport: { width: 1280, height: 900 } });
  await page.goto(`${site.url}?plan=plan-${LARGE}.json${query}`);
  await waitForReady(page);
  if (!query.includes('view=')) await page.waitForSelector('.plan-window [data-initiative-id]');
  return page;
}

const rows = (page) => page.locator('[data-initiative-id]');

test('10,000 initiatives: the list is windowed, positions are announced, the end is reachable', async () => {
  const page = await open();
  await expectTextContent(page.locator('.result-count'), `${LARGE}件中 ${LARGE}件`);
  const rendered = await expectCount(rows(page), (n) => n > 5 && n < 100, 'a window of rows in the DOM');
  assert.ok(rendered > 5 && rendered < 100, `${rendered} rows in the DOM`);
  const first = page.locator('.plan-window [data-initiative-id]').first();
  await expectAttribute(first, 'data-initiative-id', large.initiatives[0].id);
  await expectAttribute(first, 'aria-posinset', '3', 'after the policy and sub-policy headings');
  const subs = large.policies.reduce((n, p) => n + p.sub_policies.length, 0);
  const size = Number(await expectAttribute(first, 'aria-setsize', String(LARGE + large.policies.length + subs), 'the set size'));
  assert.equal(size, LARGE + large.policies.length + subs);

  // Scrolled to the bottom, the last initiative is there and still few rows are.
  await page.locator('.plan-window').evaluate((el) => { el.scrollTop = el.scrollHeight; });
  const last = large.initiatives.at(-1).id;
  await page.waitForSelector(`.plan-window [data-initiative-id="${last}"]`);
  await expectAttribute(page.locator(`[data-initiative-id="${last}"]`), 'aria-posinset', String(size));
  await expectCount(rows(page), (n) => n < 100, 'few rows in the DOM at the end');
  await screenshot(page, 'large-list-end-1280');
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(page.errors, []);
});

test('10,000 initiatives: searching narrows the window, a row opens, nothing found says so', async () => {
  const page = await open();
  await page.locator('.plan-window').evaluate((el) => { el.scrollTop = 50_000; });
  await page.locator('#search-input').fill('デジタル化');
  await page.waitForFunction((n) => !document.querySelector('.result-count').textContent.endsWith(` ${n}件`), LARGE);
  // The search is complete (its address written) before the results are read.
  await waitForSettled(page, 'address');
  const count = await page.locator('.result-count').textContent();
  const shown = Number(count.match(/ (\d+)件$/)[1]);
  assert.ok(shown > 0 && shown < LARGE, count);
  await eventually(() => page.locator('.plan-window').evaluate((el) => el.scrollTop), 0, 'new results start at the top');
  const row = page.locator('.plan-window [data-initiative-id]').first();
  const id = await expectAttribute(row, 'data-initiative-id', (v) => v !== null, 'a first result');
  // The hit is marked in the row (its name, or the excerpt kept in the DOM).
  await expectCount(row.locator('mark'), (n) => n > 0, `${id} shows no marked hit`);
  await row.locator('a').click();
  await waitForReady(page, `list ${id}`);
  await page.waitForSelector(`[data-detail-id="${id}"]`);

  await page.locator('#search-input').fill('該当しない語句ZZZ');
  await page.waitForSelector('.plan-tree .empty:not([hidden])');
  await expectCount(rows(page), 0);
  assert.deepEqual(page.errors, []);
});

test('10,000 initiatives: the timeline draws the first 300 and says so; the real plan is not windowed', async () => {
  const page = await open('&view=timeline');
  await waitForReady(page, 'timeline');
  await page.waitForSelector('.timeline-view .tl-row');
  await expectCount(page.locator('.tl-row'), 300);
  await expectText(page.locator('.timeline-view .notice'), /10000件のうち最初の300件/);

  const real = await newPage(browser);
  await real.goto(site.url);
  await waitForReady(real, 'list');
  await expectCount(real.locator('[data-initiative-id]'), 86);
  await expectCount(real.locator('.plan-window'), 0);
  assert.deepEqual(page.errors, []);
  assert.deepEqual(real.errors, []);
});

test('a plan opened by its file stays through every click and a reload (the record is its own)', async () => {
  const page = await open();
  const named = new RegExp(`[?&]plan=plan-${LARGE}\\.json(&|$)`);
  await page.locator('.view-tabs:not(.prerendered-tabs)').getByRole('link', { name: 'スケジュール（タイムライン）' }).click();
  await waitForReady(page, 'timeline');
  await expectUrl(page, named, 'the timeline tab keeps the plan');
  await page.locator('.view-tabs:not(.prerendered-tabs)').getByRole('link', { name: '進捗', exact: true }).click();
  await waitForReady(page, 'progress');
  await expectUrl(page, named, 'the progress tab keeps the plan');
  for (const link of await page.locator('.view-tabs:not(.prerendered-tabs) a').all()) {
    assert.match(decodeURIComponent(await link.getAttribute('href')), named, 'every tab links with the plan');
  }
  await page.reload();
  await waitForReady(page, 'progress');
  await page.locator('.view-tabs:not(.prerendered-tabs)').getByRole('link', { name: '一覧' }).click();
  await waitForReady(page, 'list');
  await expectTextContent(page.locator('.result-count'), `${LARGE}件中 ${LARGE}件`, 'still the plan of the file after a reload');
  await page.context().close();
});
