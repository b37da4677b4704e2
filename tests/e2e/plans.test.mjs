// 「別の計画を開く」: another municipality's plan of the same shape, opened from
// its .xlsx in the page, speaks of itself everywhere, stays in the address
// through clicks and reloads, and keeps a record apart from Kama's.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readFile } from 'node:fs/promises';
import {
  ROOT,
  useApp,
  newPage,
  waitForReady,
  expectText,
  expectCount,
  expectUrl,
  expectValue,
  eventually,
  yearCard,
  axeViolations,
} from './support.mjs';

const app = useApp();
const FIXTURE = join(ROOT, 'tests', 'e2e', 'fixtures', 'other-city-plan.xlsx');
const ID = 'plan-0514c5bf-2024-2030';
const KAMA_KEY = 'kama-sme-tracker:progress:kama-sme-2023-2027';
const OTHER_KEY = `kama-sme-tracker:progress:${ID}`;

/** Clicks the tab of `view` and waits for it, the plan kept in the address. */
async function tab(page, view, id = ID) {
  await page.locator(`.view-tabs a[href*="view=${view}"]`).first().click();
  await waitForReady(page, view);
  await expectUrl(page, new RegExp(`plan=saved:${id}.*view=${view}`), `${view}: the plan stays in the address`);
}

test('a three-level plan of seven years opens from its workbook and is the page’s plan everywhere', async () => {
  const page = await app.open('?view=progress');
  await page.locator('#plan-file').setInputFiles(FIXTURE);
  const preview = page.locator('.plan-preview');
  await expectText(preview, /さくら架空町 第3次さくら架空町産業振興ビジョン/);
  await expectText(preview, /令和6年度（2024年度）〜令和12年度（2030年度）/);
  await expectText(preview, /基本目標: 2[\s\S]*施策の方向: 3[\s\S]*事業: 5[\s\S]*数値目標: 4/);
  assert.deepEqual(await axeViolations(page), []);

  await preview.getByRole('button', { name: 'この計画を開く' }).click();
  await waitForReady(page, 'list');
  await expectUrl(page, new RegExp(`plan=saved:${ID}`));
  const masthead = page.locator('.masthead');
  await expectText(masthead, /さくら架空町/);
  await expectText(masthead, /第3次さくら架空町産業振興ビジョン/);
  await expectText(masthead, /令和12年度（2030年度）/);
  await expectText(masthead, /5 件の事業/, 'its count, in its word for initiatives');
  assert.doesNotMatch(await masthead.innerText(), /嘉麻/);
  await eventually(() => page.title(), /^第3次さくら架空町産業振興ビジョン — /, 'the title is the plan’s');
  await expectText(page.locator('.plan-tree'), /町内事業者の商談会への出展を支援します/);
  // The filters offer its policies, and a download is its plan.
  await expectCount(page.locator('.facet-option', { hasText: 'Ⅱ 暮らしを支える商業' }), 1, 'its policy is a filter');
  // Its levels, named as it names them, on the filters and the overview.
  for (const level of ['基本目標', '施策の方向']) await expectCount(page.locator('.filters .facet summary', { hasText: level }), 1, level);
  assert.equal(await page.locator('.filters .facet summary', { hasText: '基本施策' }).count(), 0, 'not Kama’s level names');
  // Only the marks its table has (重点), by its words: no 第1次 or 方針 filter.
  await expectCount(page.getByRole('checkbox', { name: /^重点のみ/ }), 1, 'its priority mark');
  for (const mark of ['第1次計画との関連', '実施方針区分']) {
    assert.equal(await page.locator('.filters .facet summary', { hasText: mark }).count(), 0, `no ${mark} filter`);
  }
  await expectText(page.locator('.overview .stats'), /基本目標\s*2[\s\S]*施策の方向\s*3[\s\S]*事業\s*5/);
  const [json] = await Promise.all([page.waitForEvent('download'), page.locator('[data-download="json-all"]').click()]);
  const exported = JSON.parse(await readFile(await json.path(), 'utf8'));
  assert.equal(exported.plan.id, ID);
  assert.equal(exported.plan.municipality, 'さくら架空町');
  assert.deepEqual(exported.plan.levels, ['基本目標', '施策の方向', '事業']);
  assert.equal(exported.initiatives.length, 5);

  await tab(page, 'timeline');
  await expectText(page.locator('main'), /2030/);
  await tab(page, 'charts');
  await expectCount(page.locator('#chart-status'), 1, 'its progress chart');
  assert.equal(await page.locator('#chart-direction, #chart-first-plan').count(), 0, 'no chart of marks it does not use');
  await tab(page, 'report');
  await expectText(page.locator('#report-title'), /第3次さくら架空町産業振興ビジョン/);
  await page.reload();
  await waitForReady(page, 'report');
  await expectText(page.locator('.masthead'), /さくら架空町/, 'a reload keeps the plan');

  // Its own record: a status recorded here is not Kama's.
  await page.goto(`${app.server.url}?plan=saved:${ID}&id=1-1-a`);
  await waitForReady(page, 'list 1-①-a');
  await expectText(page.locator('.detail'), /目標値[\s\S]*年30件/, 'the custom field, under its title');
  await expectCount(page.locator('.detail dt', { hasText: /^事業$/ }), 1, 'the initiative’s text under the plan’s word');
  await (await yearCard(page, 2030)).locator('select.status-select').selectOption({ label: '実施中' });
  await page.waitForFunction((k) => (localStorage.getItem(k) ?? '').includes('実施中'), OTHER_KEY);
  await page.goto(`${app.server.url}?id=1-1-a`);
  await waitForReady(page, 'list 1-①-a');
  await expectText(page.locator('.masthead'), /嘉麻市/);
  await expectValue((await yearCard(page, 2025)).locator('select.status-select'), '');
  assert.doesNotMatch((await page.evaluate((k) => localStorage.getItem(k), KAMA_KEY)) ?? '', /実施中/);

  // Listed for switching back.
  await page.goto(`${app.server.url}?view=progress`);
  await waitForReady(page, 'progress');
  await expectText(page.locator('.kept-plans'), /さくら架空町 第3次さくら架空町産業振興ビジョン/);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a plan file in its own words (statuses, relation to its previous plan) is offered, counted and charted in them', async () => {
  // Kama's plan under another id, with four of the six statuses, three
  // reworded, and a relation to its previous plan Kama's table does not use.
  const plan = JSON.parse(await readFile(join(ROOT, 'data', 'plan.json'), 'utf8'));
  const id = 'own-statuses-2023-2027';
  plan.plan.id = id;
  plan.initiatives[0].first_plan = '拡充';
  plan.initiatives[1].first_plan = '拡充';
  plan.evaluation = {
    statuses: [
      { code: '未着手', ja: '未実施', en: 'Not done' },
      { code: '実施中', ja: '実施中', en: 'Under way' },
      { code: '中止', ja: '休止', en: 'Paused' },
      { code: '完了', ja: '完了', en: 'Done' },
    ],
    grades: [{ code: 'A', ja: '達成', en: 'Achieved' }],
    directions: [{ code: '継続', ja: '継続', en: 'Continue' }],
  };
  const page = await app.open('?view=progress');
  await page.locator('#plan-file').setInputFiles({
    name: 'own-statuses.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(plan)),
  });
  await page.locator('.plan-preview').getByRole('button', { name: 'この計画を開く' }).click();
  await waitForReady(page, 'list');
  await expectCount(page.locator('.facet-option', { hasText: '拡充' }), 1, 'its own word is a filter');
  await page.goto(`${app.server.url}?plan=saved:${id}&first=${encodeURIComponent('拡充')}`);
  await waitForReady(page, 'list');
  await expectText(page.locator('.result-count'), /^86件中 2件$/, 'the address filters by its word');
  await page.goto(`${app.server.url}?plan=saved:${id}&id=1-1-a`);
  await waitForReady(page, 'list 1-①-a');
  const select = (await yearCard(page, 2023)).locator('select.status-select');
  await eventually(() => select.locator('option').allTextContents(), ['（未記録）', '未実施', '実施中', '休止', '完了'], 'its statuses, in its order');
  await select.selectOption({ label: '休止' });
  // The record keeps the status the word stands for, as every plan's record does.
  await page.waitForFunction((k) => (localStorage.getItem(k) ?? '').includes('中止'), `kama-sme-tracker:progress:${id}`);

  await page.goto(`${app.server.url}?plan=saved:${id}&view=progress&year=2023`);
  await waitForReady(page, 'progress');
  const heads = page.locator('table.status-table thead th');
  await eventually(() => heads.allTextContents(), ['基本施策', '未実施', '実施中', '休止', '完了', '未記録', '計'], 'its columns');
  await expectText(page.locator('table.status-table tbody tr[data-policy="1"]'), /^\s*1\s*中小企業の創業の促進を図る\s*0\s*0\s*1\s*0\s*9\s*10\s*$/);
  await tab(page, 'charts', id);
  await eventually(() => page.locator('#chart-status .chart-table thead th').allTextContents(), (heads) => heads.includes('休止') && !heads.includes('中止'), 'the chart’s table');
  await page.goto(`${app.server.url}?plan=saved:${id}&view=report&year=2023`);
  await waitForReady(page, 'report');
  await expectText(page.locator('.report-initiative[data-initiative-id="1-1-a"] .report-status'), /^休止$/, 'the report, in its words');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a table with problems opens nothing and says which row and column', async () => {
  const page = await app.open('?view=progress');
  const table = '計画名,架空市計画\n自治体,架空市\n基本施策,取組,重点,2024\n産業,商談会,たぶん,○\n';
  await page.locator('#plan-file').setInputFiles({ name: 'plan.csv', mimeType: 'text/csv', buffer: Buffer.from(table) });
  await expectText(page.locator('.plan-refused'), /何も読み込んでいません[\s\S]*4 行目、C 列「重点」/);
  assert.equal(await page.locator('.plan-preview').count(), 0);
  assert.equal(await page.evaluate(() => localStorage.getItem('kama-sme-tracker:plans')), null, 'nothing kept');
  await page.context().close();
});

test('a huge table is refused by its size before it is read, and the page stays usable', async () => {
  const page = await app.open('?view=progress');
  // 50,000 rows, 9 MB: over the bound, so refused without being read on the page's thread.
  let table = '計画名,架空市計画\n自治体,架空市\n基本施策,取組,2024\n';
  for (let k = 0; k < 50_000; k++) table += `産業,取組${k} 中小企業の経営基盤の強化のため、専門家派遣や相談窓口を設けます,○\n`;
  await page.locator('#plan-file').setInputFiles({ name: 'huge.csv', mimeType: 'text/csv', buffer: Buffer.from(table) });
  await expectText(page.locator('.plan-refused'), /ファイルが大きすぎます（\d+バイト。上限は4194304バイト）/);
  assert.equal(await page.locator('.plan-preview').count(), 0);
  // Still answering: a smaller, valid table opens its preview after it.
  await page.locator('#plan-file').setInputFiles(FIXTURE);
  await expectText(page.locator('.plan-preview'), /さくら架空町/);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('another plan is read by the JSON reader’s split file; when that cannot be fetched, the page says so', async () => {
  // plan.json beside the page (the prerender writes it) is read like any plan file.
  const page = await app.open('?plan=plan.json');
  await expectText(page.locator('.masthead'), /嘉麻市/);
  await page.context().close();
  const offline = await newPage(app.browser);
  await offline.route('**/split/split-plan-json-*', (route) => route.abort());
  await offline.goto(`${app.server.url}?plan=plan.json`);
  await waitForReady(offline, 'load-error');
  await expectText(offline.locator('.load-error'), /必要なプログラムを読み込めませんでした/);
  await offline.context().close();
});

test('a link to a plan this browser does not keep says how to open it', async () => {
  const page = await app.open(`?plan=saved:${ID}`);
  await waitForReady(page, 'load-error');
  await expectText(page.locator('.load-error'), /このブラウザにありません/);
  await expectText(page.locator('.load-error a'), /別の計画を開く/);
  await page.context().close();
});
