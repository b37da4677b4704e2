// Whole journeys as a new user would take them, across views, through what
// the page shows (roles, labels, visible text); then every view in both
// languages at 360 px and 1280 px: axe-core, no sideways scrolling, and a
// screenshot of each in test-artifacts/ (view-<view>-<lang>-<width>.png).
// The other files test each flow's edge cases; these check that the flows
// join up.

import { test, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import {
  useApp,
  newPage,
  axeViolations,
  serveCopy,
  waitForServiceWorker,
  waitForReady,
  waitForSettled,
  eventually,
  expectCount,
  expectText,
  expectAttribute,
  expectValue,
  expectUrl,
  ARTIFACTS,
  expectVisible,
  yearCard as pickYear,
  setStaff,
} from './support.mjs';

const app = useApp('/');
const KEY = 'kama-sme-tracker:progress:kama-sme-2023-2027';
const PHONE = { width: 360, height: 740 };
const DESKTOP = { width: 1280, height: 800 };
// 10 June 2025 in Japan: fiscal year 2025 (R7) is under way.
const NOW = '2025-06-10T10:00:00+09:00';
const AT = Date.parse('2025-05-20T09:30:00+09:00');

/** A full-page screenshot in test-artifacts/ (the first 6000 px of the longest pages). */
async function shoot(page, name) {
  await mkdir(ARTIFACTS, { recursive: true });
  const { width } = page.viewportSize();
  const height = Math.min(6000, await page.evaluate(() => document.documentElement.scrollHeight));
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true, clip: { x: 0, y: 0, width, height } });
}

/** How far the page scrolls sideways (0 when everything fits). */
const sideways = (page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

// --- Journeys -----------------------------------------------------------------

/** The fieldset for one fiscal year in an open initiative's progress record. */
const yearCard = (page, label) => page.getByRole('group', { name: label });
/** Shows `year` in the open initiative's editor (one year at a time). */
const showYear = (page, year) => pickYear(page, year);
/** The ids of the initiatives listed, in order. */
const listedIds = (page) =>
  page.locator('.plan-tree [data-initiative-id]:not([hidden])').evaluateAll((els) => els.map((e) => e.dataset.initiativeId));

// The phone journey's export, imported by the desktop journey.
let exportedFile = null;

test('商工会 staff on a phone: find an initiative, record this year, undo/redo, reload, export', async () => {
  // A phone that has never recorded: the page opens read-only.
  const page = await app.open('', { viewport: PHONE, clock: NOW, timezoneId: 'Asia/Tokyo', staff: null });
  await page.getByRole('heading', { level: 1, name: '第2次嘉麻市中小企業振興基本計画' }).waitFor();

  // Search and filter in the folded panel.
  const toggle = page.getByRole('button', { name: '絞り込みの条件' });
  await expectText(page.locator('.filters').getByRole('status'), /86件中 86件/);
  await toggle.click();
  await expectAttribute(toggle, 'aria-expanded', 'true');
  await page.getByLabel('キーワード検索').fill('デジタル');
  await page.getByRole('status').filter({ hasText: /86件中 \d+件/ }).filter({ hasNotText: '86件中 86件' }).waitFor();
  const afterSearch = (await eventually(() => listedIds(page), (ids) => ids.length > 2 && ids.length < 86, 'デジタル → listed')).length;
  await page.getByRole('checkbox', { name: /^2 中小企業者の経営基盤の安定強化を図る/ }).check();
  await page.waitForFunction((n) => document.querySelectorAll('.plan-tree [data-initiative-id]:not([hidden])').length < n, afterSearch);
  const ids = await eventually(() => listedIds(page), (ids) => ids.length > 0 && ids.every((id) => id.startsWith('2-')), 'only policy 2');
  await expectText(page.locator('.filters').getByRole('status'), new RegExp(`86件中 ${ids.length}件`));
  await page.waitForURL((u) => /policy=2/.test(u.search) && /q=デジタル/.test(decodeURIComponent(u.search)));
  await shoot(page, 'journey-phone-1-filtered');
  await toggle.click();
  await expectVisible(page.locator('.filter-options'), false, 'the options fold away');
  await expectVisible(page.getByLabel('キーワード検索'), true, 'the search box stays in view');

  // Open one; on a phone the detail takes the screen.
  await page.getByRole('link', { name: /2-①-a デジタル化の導入及び促進支援/ }).first().click();
  const heading = page.getByRole('heading', { level: 2, name: '2-①-a デジタル化の導入及び促進支援' });
  await waitForReady(page, 'list 2-①-a');
  await heading.waitFor();
  await expectVisible(page.locator('.plan-tree'), false, 'the list gives way to the detail');

  // Recording starts with who records, asked once.
  assert.equal(await page.locator('select.status-select').first().isDisabled(), true, 'read-only until 記入する');
  await setStaff(page, { name: '商工 花子', owner: '商工会' });

  // In June the year just ended is the one being reported: the editor opens
  // on FY2024, and this fiscal year (from the clock) is one tap away, marked.
  await expectAttribute(page.locator('button.year-tab[data-year="2024"]'), 'aria-pressed', 'true');
  await expectText(page.locator('button.year-tab[data-year="2025"]'), /今年度/);
  await showYear(page, 2025);
  const thisYear = yearCard(page, /令和7年度（2025年度）/);
  await thisYear.getByLabel('進捗状況').selectOption({ label: '実施中' });
  await thisYear.getByLabel('メモ').fill('デジタル化セミナーを7月に開催予定\n参加申込 12社');
  await page.getByRole('status').filter({ hasText: 'このブラウザに保存済み' }).waitFor();
  await showYear(page, 2024);
  await yearCard(page, /令和6年度（2024年度）/).getByLabel('進捗状況').selectOption({ label: '完了' });

  // Undo walks back one step at a time (the typed note is one step); redo returns.
  const undo = page.getByRole('button', { name: /元に戻す/ });
  const redo = page.getByRole('button', { name: /やり直す/ });
  await undo.click();
  await expectValue(yearCard(page, /令和6年度/).getByLabel('進捗状況'), '', 'the first undo clears FY2024');
  await undo.click();
  await showYear(page, 2025);
  await expectValue(thisYear.getByLabel('メモ'), '', 'the second undo takes the note back');
  // The note is gone (the undo took effect): the status before it stays.
  await expectValue(thisYear.getByLabel('進捗状況'), '実施中');
  await redo.click();
  await redo.click();
  await expectValue(thisYear.getByLabel('メモ'), 'デジタル化セミナーを7月に開催予定\n参加申込 12社');
  await showYear(page, 2024);
  await expectValue(yearCard(page, /令和6年度/).getByLabel('進捗状況'), '完了');
  await eventually(() => redo.isDisabled(), true, 'nothing left to redo');
  await shoot(page, 'journey-phone-2-recorded');

  // Reloading straight away keeps everything (saved when the page is hidden).
  await page.reload();
  await waitForReady(page, 'list 2-①-a');
  await heading.waitFor();
  await expectValue(yearCard(page, /令和6年度/).getByLabel('進捗状況'), '完了', 'the year chosen is in the address');
  await showYear(page, 2025);
  await expectValue(thisYear.getByLabel('進捗状況'), '実施中');
  await expectValue(thisYear.getByLabel('メモ'), 'デジタル化セミナーを7月に開催予定\n参加申込 12社');
  await expectText(thisYear, /記入: 商工 花子 · 2025年6月10日 10:00/);

  // The progress view lists the note; export the record as JSON.
  await page.getByRole('navigation', { name: '表示の切り替え' }).getByRole('link', { name: '進捗', exact: true }).click();
  await waitForReady(page, 'progress');
  const noted = page.getByRole('region', { name: 'メモのある取組' });
  await noted.getByText('デジタル化セミナーを7月に開催予定').waitFor();
  await expectText(noted, /2-①-a デジタル化の導入及び促進支援\s*実施中/);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'JSONで書き出す（読み込み・公表用）' }).click();
  const file = await download;
  // Plan, contents, who and local time.
  assert.match(file.suggestedFilename(), /^kama-sme-2023-2027-進捗-商工花子-20250610-10\d\d\.json$/);
  exportedFile = join(ARTIFACTS, 'journeys', file.suggestedFilename());
  await mkdir(join(ARTIFACTS, 'journeys'), { recursive: true });
  await file.saveAs(exportedFile);
  const exported = JSON.parse(await readFile(exportedFile, 'utf8'));
  assert.equal(exported.plan_id, 'kama-sme-2023-2027');
  assert.deepEqual(
    exported.initiatives.map(({ id, year, status, note }) => ({ id, year, status, note })),
    [
      { id: '2-①-a', year: 2024, status: '完了', note: undefined },
      { id: '2-①-a', year: 2025, status: '実施中', note: 'デジタル化セミナーを7月に開催予定\n参加申込 12社' },
    ],
  );
  await page.getByText('最後に書き出した時刻: 2025年6月10日 10:00').waitFor();
  await shoot(page, 'journey-phone-3-exported');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('city staff on a desktop, in English: import the phone export over their own edit, settle the conflict', async () => {
  assert.ok(exportedFile, 'needs the export of the phone journey (run the whole file)');
  // Ten days later, in a browser that has never seen the app.
  const later = '2025-06-20T14:00:00+09:00';
  // They look at this fiscal year (in June the views open on the one just ended).
  const progress = await app.open('?view=progress&year=2025', { viewport: DESKTOP, clock: later, timezoneId: 'Asia/Tokyo' });
  await progress.getByRole('button', { name: 'English' }).click();
  await progress.getByRole('heading', { level: 2, name: 'Progress' }).waitFor();
  await expectAttribute(progress.locator('html'), 'lang', 'en');

  // Meanwhile, in a second tab, they write their own note for the same cell.
  const detail = await progress.context().newPage();
  detail.errors = [];
  detail.on('pageerror', (e) => detail.errors.push(String(e)));
  await detail.goto(app.server.url + '?id=2-1-a');
  await waitForReady(detail, 'list 2-①-a');
  await detail.getByRole('heading', { name: 'Progress record' }).waitFor();
  await showYear(detail, 2025);
  const card = yearCard(detail, /FY2025 \(R7\)/);
  await card.getByLabel('Status').selectOption({ label: 'Delayed' });
  await card.getByLabel('Note').fill('Venue not booked yet');
  // The first tab follows.
  await progress.getByRole('region', { name: 'Initiatives with a note' }).getByText('Venue not booked yet').waitFor();

  // Import: checked and previewed first, nothing changed yet.
  await progress.getByLabel('Import a file').setInputFiles(exportedFile);
  const preview = progress.getByRole('region', { name: /^Before importing: kama-sme-2023-2027-進捗-商工花子-20250610-10\d\d\.json/ });
  await preview.waitFor();
  await expectText(preview, /Cells added \(1\)\s*2-①-a デジタル化の導入及び促進支援 · FY2024 \(R6\)/);
  await expectText(preview, /Cells kept \(yours are newer\) \(1\)\s*2-①-a デジタル化の導入及び促進支援 · FY2025 \(R7\)/);
  // Both sides of that cell, before anything is applied.
  const kept = preview.locator('.import-kept li');
  await expectText(kept.locator('dd.local'), /^Delayed \/ Venue not booked yet \(検査 花子, 2025-06-20 14:00\)$/);
  await expectText(kept.locator('dd.incoming'), /^In progress \/ デジタル化セミナーを7月に開催予定\s*参加申込 12社 \(商工 花子, 2025-06-10 10:00\)$/);
  // Nothing applied: no save waits in either tab, and the other tab still shows no FY2024 status.
  await waitForSettled(progress, 'save');
  await waitForSettled(detail, 'save');
  await showYear(detail, 2024);
  assert.equal(await yearCard(detail, /FY2024 \(R6\)/).getByLabel('Status').inputValue(), '', 'nothing applied yet');
  assert.deepEqual(await axeViolations(progress), [], 'the import preview');
  await shoot(progress, 'journey-desktop-1-import-preview');
  await preview.getByRole('button', { name: 'Import' }).click();
  await progress.getByText('Imported. Use Undo to revert.').waitFor();

  // The added cell reaches the other tab; the clash is listed, theirs shown as the other side.
  await detail.waitForFunction(() => document.querySelector('fieldset[data-year="2024"] select')?.value === '完了');
  const conflicts = progress.getByRole('region', { name: 'Conflicting records' });
  await conflicts.waitFor();
  const conflict = conflicts.getByRole('listitem');
  await expectCount(conflict, 1, 'one conflict');
  await expectText(conflict, /2-①-a デジタル化の導入及び促進支援 · FY2025 \(R7\)/);
  await expectText(conflict, /Shown\s*Delayed \/ Venue not booked yet \(検査 花子, 2025-06-20 14:00\)/);
  await expectText(conflict, /Other\s*In progress \/ デジタル化セミナーを7月に開催予定\s*参加申込 12社 \(商工 花子, 2025-06-10 10:00\)/);
  assert.deepEqual(await axeViolations(progress), [], 'the conflict list');
  await shoot(progress, 'journey-desktop-2-conflict');

  // They take the phone's version: settled here, followed in the other tab.
  await conflict.getByRole('button', { name: 'Use the other' }).click();
  await conflicts.waitFor({ state: 'hidden' });
  await showYear(detail, 2025);
  await detail.waitForFunction(() => document.querySelector('fieldset[data-year="2025"] select')?.value === '実施中');
  await expectValue(card.getByLabel('Note'), 'デジタル化セミナーを7月に開催予定\n参加申込 12社');
  await expectText(card.getByLabel('Status').locator('option:checked'), 'In progress');
  await shoot(detail, 'journey-desktop-3-settled');
  assert.deepEqual([...progress.errors, ...detail.errors], []);
  await progress.context().close();
});

test('a shared filtered link, the timeline for a year, a KPI, the charts and the printed report', async () => {
  const page = await app.open('', { viewport: DESKTOP, clock: NOW, timezoneId: 'Asia/Tokyo' });
  await page.getByRole('checkbox', { name: /^重点のみ/ }).check();
  await page.getByRole('checkbox', { name: /^2 中小企業者の経営基盤の安定強化を図る/ }).check();
  await page.getByRole('checkbox', { name: /^2024 / }).check();
  const count = page.locator('.filters').getByRole('status');
  await count.filter({ hasText: /^86件中 \d+件$/ }).filter({ hasNotText: '86件中 86件' }).waitFor();
  // The address holds all three filters once the app has taken them all in;
  // the list then shows as many rows as the count says.
  await page.waitForURL((u) => ['priority=1', 'policy=2', 'fy=2024'].every((p) => u.search.includes(p)));
  await waitForSettled(page, 'address');
  const { ids: shown, text: countText } = await eventually(
    async () => ({ ids: await listedIds(page), text: await count.innerText() }),
    ({ ids, text }) => ids.length > 0 && ids.length < 22 && text.includes(`86件中 ${ids.length}件`),
    'shown (fewer than 22, as many as counted)',
  );
  const link = page.url();

  // A colleague opens the link in their own browser: same filters, same results.
  const colleague = await app.open(link.slice(app.server.url.length), { viewport: DESKTOP, clock: NOW });
  await eventually(() => listedIds(colleague), shown, 'the same rows');
  await expectText(colleague.locator('.filters').getByRole('status'), countText);
  for (const name of [/^重点のみ/, /^2 中小企業者の経営基盤の安定強化を図る/, /^2024 /]) {
    await eventually(() => colleague.getByRole('checkbox', { name }).isChecked(), true, String(name));
  }
  await colleague.context().close();

  // The timeline keeps the filters; this fiscal year is marked.
  const tabs = page.getByRole('navigation', { name: '表示の切り替え' });
  await tabs.getByRole('link', { name: 'スケジュール（タイムライン）' }).click();
  await waitForReady(page, 'timeline');
  await page.locator('.timeline-view').waitFor();
  await eventually(() => page.locator('.tl-row').evaluateAll((els) => els.map((e) => e.dataset.initiativeId)), shown, 'the timeline lists the same rows');
  await expectText(page.locator('.tl-year.current'), /2025 \(R7\)\s*今年度/);
  await shoot(page, 'journey-share-1-timeline');

  // From an initiative to its KPI (a percentage): a refused value, then a valid one, rated.
  assert.ok(shown.includes('2-①-a'));
  await page.getByRole('link', { name: /^2-①-a / }).click();
  await waitForReady(page, 'list 2-①-a');
  await page.getByRole('heading', { level: 2, name: '2-①-a デジタル化の導入及び促進支援' }).waitFor();
  await page.getByRole('link', { name: /^2-2 企業におけるデジタル化進捗割合/ }).click();
  await waitForReady(page, 'kpis');
  await page.getByRole('heading', { level: 2, name: /^2-2 企業におけるデジタル化進捗割合/ }).waitFor();
  await expectUrl(page, /view=kpis&code=2-2/);
  const target = page.getByLabel('令和7年度（2025年度） 目標値');
  const actual = page.getByLabel('令和7年度（2025年度） 実績値');
  await target.fill('40');
  await target.press('Enter');
  await actual.fill('-3');
  await actual.press('Enter');
  await page.getByRole('alert').filter({ hasText: '0以上の数値を入力してください。保存していません。' }).waitFor();
  await expectAttribute(actual, 'aria-invalid', 'true');
  await actual.fill('34');
  await actual.press('Enter');
  await page.getByRole('alert').filter({ hasText: '保存していません' }).waitFor({ state: 'detached' });
  const row = page.getByRole('row', { name: /令和7年度（2025年度）/ });
  await expectText(row.getByRole('cell').nth(3), '85.0%', 'achievement');
  await expectText(row.getByRole('cell').nth(4), 'A', 'rating');
  await shoot(page, 'journey-share-2-kpi');

  // The charts follow the same filters; each has its numbers as a table.
  await tabs.getByRole('link', { name: 'グラフ', exact: true }).click();
  await waitForReady(page, 'charts');
  await chartsDrawn(page, CHARTS);
  await expectText(page.getByText(/一覧の絞り込みと検索の結果/), new RegExp(`86件中 ${shown.length}件`));
  const figure = page.getByRole('figure', { name: '基本施策別の取組数（実施方針区分別）' });
  await figure.getByRole('button', { name: 'データ表を表示' }).click();
  const table = figure.getByRole('table');
  await table.waitFor();
  const policy2 = table.getByRole('row', { name: /^2 中小企業者の経営基盤/ }).getByRole('cell');
  await eventually(
    async () => (await policy2.allInnerTexts()).reduce((a, c) => a + Number(c), 0),
    shown.length,
    'the table counts what the list shows',
  );
  await expectAttribute(figure.getByRole('button', { name: 'データ表を隠す' }), 'aria-expanded', 'true');
  await shoot(page, 'journey-share-3-charts');

  // The report of the year being reported (in June, the one just ended), as the browser would print it.
  await tabs.getByRole('link', { name: '進捗報告', exact: true }).click();
  await waitForReady(page, 'report');
  await page.getByRole('heading', { level: 2, name: /進捗報告 令和6年度（2024年度）$/ }).waitFor();
  const printButton = page.getByRole('button', { name: '印刷する' });
  await expectVisible(printButton, true, 'the print button on screen');
  await page.emulateMedia({ media: 'print' });
  await expectVisible(printButton, false, 'no controls on paper');
  await expectVisible(tabs, false, 'no tabs on paper');
  await expectVisible(page.getByRole('button', { name: /元に戻す/ }), false, 'no undo on paper');
  await expectVisible(page.getByLabel('年度', { exact: true }), false, 'no year picker on paper');
  await expectVisible(page.locator('.report-print-footer').getByText('2025年6月10日時点'), true, 'the date on paper');
  await shoot(page, 'journey-share-4-report-print');
  // The report follows the link's filters (policy 2, 重点, FY2024 activities) and says so.
  await expectCount(page.locator('.report-policy'), 1, 'policy 2 only');
  await expectVisible(page.locator('.report-narrowed'), true, 'the narrowing is printed too');
  const pdf = await page.pdf({ preferCSSPageSize: true });
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
  assert.ok(pages >= 1, `the narrowed report prints (${pages} pages)`);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('published progress and a local draft, then the same page offline', async () => {
  const site = await serveCopy('/kama/');
  try {
    const published = {
      format: 'kama-sme-progress',
      version: 1,
      plan_id: 'kama-sme-2023-2027',
      exported_at: AT,
      initiatives: [{ id: '3-①-a', year: 2024, status: '完了', note: 'Published: two trade fairs held', author: '商工観光課', updated_at: AT }],
      kpis: [],
    };
    await writeFile(join(site.dir, 'progress.json'), JSON.stringify(published));
    const page = await newPage(app.browser, { viewport: PHONE, timezoneId: 'Asia/Tokyo' });
    await page.clock.setFixedTime(new Date(NOW));
    await page.goto(site.url + '?view=progress&year=2024');
    await waitForReady(page, 'progress');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByText('Showing the published progress (progress.json).', { exact: false }).waitFor();
    const noted = page.getByRole('region', { name: 'Initiatives with a note' });
    await noted.getByText('Published: two trade fairs held').waitFor();
    // The view is ready (the published record read) and in English: a draft would show now.
    await expectCount(noted.getByText('Local draft (this browser only)'), 0, 'published, not a draft');
    await waitForServiceWorker(page);

    // A staff member changes the published status: a local draft over it.
    await noted.getByRole('link', { name: /3-①-a/ }).click();
    await waitForReady(page, 'list 3-①-a');
    const card = yearCard(page, /FY2024 \(R6\)/);
    await expectValue(card.getByLabel('Note'), 'Published: two trade fairs held');
    await card.getByLabel('Status').selectOption({ label: 'Under review' });
    await card.getByText('Local draft (this browser only)').waitFor();

    // Offline (network off and the host gone): the page, the published record and the draft are all there.
    await page.context().setOffline(true);
    await site.stop();
    await page.reload();
    await waitForReady(page, 'list 3-①-a');
    await card.getByText('Local draft (this browser only)').waitFor();
    await expectValue(card.getByLabel('Status'), '見直し');
    await expectValue(card.getByLabel('Note'), 'Published: two trade fairs held');
    await expectAttribute(page.locator('html'), 'lang', 'en');

    // Clearing the published cell here keeps it cleared: the published
    // status and note do not show through again after a reload.
    await card.getByLabel('Status').selectOption({ label: '(not recorded)' });
    await card.getByLabel('Note').fill('');
    await card.getByLabel('Note').blur();
    await card.getByText('Local draft (this browser only)').waitFor();
    // Saved as a clearing: the row keeps only its stamp.
    await page.waitForFunction(() =>
      Object.keys(localStorage)
        .filter((k) => k.includes(':progress:'))
        .some((k) => JSON.parse(localStorage.getItem(k)).initiatives.some((r) => r.id === '3-①-a' && !('status' in r) && !('note' in r))),
    );
    await page.reload();
    // Ready: the published record has been read (from the service worker's
    // cache) and the detail shows it with the local record over it; the draft
    // mark needs both. Only then can the published values show through.
    await waitForReady(page, 'list 3-①-a');
    await card.getByText('Local draft (this browser only)').waitFor();
    assert.equal(await card.getByLabel('Status').inputValue(), '', 'still cleared after a reload');
    assert.equal(await card.getByLabel('Note').inputValue(), '');

    await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Progress', exact: true }).click();
    await waitForReady(page, 'progress');
    await shoot(page, 'journey-offline-published-draft');
    assert.deepEqual(await axeViolations(page), []);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  } finally {
    await site.close();
  }
});

// --- Every view × language × width -----------------------------------------

// A record with something in each view: statuses and notes for FY2025, KPI values.
const SEEDED = {
  format: 'kama-sme-progress',
  version: 1,
  plan_id: 'kama-sme-2023-2027',
  initiatives: [
    { id: '2-①-a', year: 2025, status: '実施中', note: '事業者向け説明会を6月に開催', author: '商工観光課', updated_at: AT },
    { id: '2-①-a', year: 2024, status: '完了', updated_at: AT },
    { id: '1-①-a', year: 2025, status: '遅れ', note: '会場の都合で延期', updated_at: AT },
  ],
  kpis: [
    { code: '2-2', year: 2024, baseline: 20, target: 30, actual: 27, updated_at: AT },
    { code: '2-2', year: 2025, target: 35, updated_at: AT },
  ],
};

const CHARTS = ['chart-direction', 'chart-first-plan', 'chart-status'];
const chartsDrawn = (page, ids) =>
  page.waitForFunction((ids) => ids.every((id) => document.getElementById(id)?.dataset.chartState === 'drawn'), ids);

/** Each view: its address, its `data-ready` mark, and what else shows it is ready. */
const VIEWS = [
  ['list', '', 'list', (p) => p.locator('.plan-tree [data-initiative-id]').first().waitFor()],
  ['detail', '?id=2-1-a&year=2025', 'list 2-①-a', (p) => p.locator('[data-detail-id="2-①-a"] fieldset[data-year="2025"]').waitFor()],
  ['timeline', '?view=timeline', 'timeline', (p) => p.locator('.timeline-view .tl-row').first().waitFor()],
  ['progress', '?view=progress&year=2025', 'progress', (p) => p.locator('.noted-item').first().waitFor()],
  ['report', '?view=report&year=2025', 'report', (p) => p.locator('article.report .report-initiative').first().waitFor()],
  ['kpis', '?view=kpis', 'kpis', (p) => p.locator('.kpi-card svg.sparkline').first().waitFor()],
  ['kpi-2-2', '?view=kpis&code=2-2', 'kpis', (p) => chartsDrawn(p, ['chart-kpi'])],
  ['charts', '?view=charts', 'charts', (p) => chartsDrawn(p, CHARTS)],
];

/**
 * In the English interface, visible text that is mostly Japanese but not
 * inside a lang="ja" element: untranslated chrome, or plan text a screen
 * reader would read with an English voice (WCAG 3.1.2). Notes are whatever
 * staff typed; chart titles are composed in the core and mix both (known,
 * reported).
 */
const unmarkedJapanese = (page) =>
  page.evaluate(() => {
    const known = '.note-text, .report-text, textarea, .chart-figure figcaption';
    const japanese = /[\u3040-\u30ff\u3400-\u9fff\uff01-\uff60]/g;
    const found = new Set();
    const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walk.nextNode()) {
      const text = walk.currentNode.textContent.replace(/\s+/g, '');
      const el = walk.currentNode.parentElement;
      if (!text || (text.match(japanese)?.length ?? 0) * 2 < text.length || !el.getClientRects().length) continue;
      if (el.closest('[lang]').lang === 'ja' || el.closest(known)) continue;
      found.add(`${el.tagName.toLowerCase()}${el.className ? '.' + el.className.replaceAll(' ', '.') : ''} «${text.slice(0, 20)}»`);
    }
    return [...found];
  });

/** The report as printed on A4 (186 mm of text width at 96 dpi): controls
 * hidden, the summary table within the page, each policy on a new page. */
async function reportOnPaper(page, lang) {
  const problems = [];
  const viewport = page.viewportSize();
  await page.setViewportSize({ width: 703, height: 1000 });
  await page.emulateMedia({ media: 'print' });
  // The page has taken the new width and the print styles (layout reads below are then synchronous).
  await page.waitForFunction(() => window.innerWidth === 703 && matchMedia('print').matches);
  const layout = await page.evaluate(() => ({
    report: document.querySelector('article.report').getBoundingClientRect().right,
    table: document.querySelector('.report .status-table').getBoundingClientRect().right,
    controls: [...document.querySelectorAll('.report-controls, .view-tabs, .record-bar, .masthead')].filter((e) => e.getClientRects().length).length,
    breaks: [...document.querySelectorAll('.report-policy')].map((s) => getComputedStyle(s).breakBefore),
  }));
  if (layout.table > layout.report + 0.5) problems.push(`report ${lang} on A4: the summary table is cut (${Math.round(layout.table - layout.report)}px too wide)`);
  if (layout.controls) problems.push(`report ${lang} on A4: ${layout.controls} controls printed`);
  assert.deepEqual(layout.breaks, ['auto', 'page', 'page', 'page', 'page', 'page'], 'each policy after the first starts a page');
  await shoot(page, `view-report-print-${lang}-a4`);
  await page.emulateMedia({ media: 'screen' });
  await page.setViewportSize(viewport);
  return problems;
}

// Two at a time: a page's axe-core run keeps one core busy.
describe('every view', { concurrency: 2 }, () => {
  for (const viewport of [PHONE, DESKTOP]) {
    for (const lang of ['ja', 'en']) {
      it(`${lang === 'ja' ? 'Japanese' : 'English'} at ${viewport.width} px: axe-core, no sideways scrolling, screenshots`, async () => {
        const page = await newPage(app.browser, { viewport, timezoneId: 'Asia/Tokyo' });
        // The clock starts at NOW and runs (FY2025 is this year): a clock
        // stopped with setFixedTime would stop ECharts' animations too (they
        // time themselves with Date), and the KPI chart would never be drawn.
        await page.clock.setSystemTime(new Date(NOW));
        await page.addInitScript(([k, v]) => localStorage.setItem(k, v), [KEY, JSON.stringify(SEEDED)]);
        await page.goto(app.server.url);
        await waitForReady(page, 'list');
        if (lang === 'en') {
          // The switch names the other language in that language; it is remembered.
          await page.getByRole('button', { name: 'English' }).click();
          await page.getByRole('button', { name: '日本語' }).waitFor();
        }
        const problems = [];
        for (const [name, query, mark, ready] of VIEWS) {
          await page.goto(app.server.url + query);
          await waitForReady(page, mark);
          await ready(page);
          await expectAttribute(page.locator('html'), 'lang', lang, `${name}: the language is kept`);
          if (name === 'list' && viewport === PHONE) {
            // On a phone the filters are folded: check them open.
            await page.getByRole('button', { name: lang === 'ja' ? '絞り込みの条件' : 'Filter options' }).click();
            await page.locator('.filter-options').waitFor();
          }
          const label = `${name} ${lang} ${viewport.width}`;
          for (const v of await axeViolations(page)) problems.push(`${label}: ${v}`);
          const overflow = await sideways(page);
          if (overflow > 0) problems.push(`${label}: the page scrolls sideways by ${overflow}px`);
          if (lang === 'en') for (const t of await unmarkedJapanese(page)) problems.push(`${label}: Japanese text not marked lang="ja": ${t}`);
          await shoot(page, `view-${name}-${lang}-${viewport.width}`);
          if (name === 'report' && viewport === DESKTOP) problems.push(...(await reportOnPaper(page, lang)));
        }
        assert.deepEqual(problems, []);
        assert.deepEqual(page.errors, []);
        await page.context().close();
      });
    }
  }
});
