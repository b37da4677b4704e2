// The progress view's summaries (status counts, notes, checks) and the
// printable annual progress report, over a record seeded in LocalStorage and
// a fixed clock (25 Nov 2026 in Japan: FY2026 is under way, so FY2023–2025
// are closed and checked).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  useApp,
  newPage,
  serveCopy,
  screenshot,
  axeViolations,
  waitForReady,
  expectCount,
  expectTextContent,
  expectUrl,
  expectValue,
  expectVisible,
  waitForSettled,
} from './support.mjs';

const app = useApp('/');
const KEY = 'kama-sme-tracker:progress:kama-sme-2023-2027';
const NOW = '2026-11-25T10:00:00+09:00';
const AT = Date.parse('2025-05-20T09:30:00+09:00');
const XSS = '<img src=x onerror="window.__xss=1">説明会は延期';

const cell = (id, status, note, author) => ({
  id,
  year: 2024,
  ...(status ? { status } : {}),
  ...(note ? { note } : {}),
  ...(author ? { author } : {}),
  updated_at: AT,
});

// FY2024 for policy 1: 未着手 1, 実施中 2, 完了 1, 遅れ 1, the other 5 unrecorded.
const RECORD = {
  format: 'kama-sme-progress',
  version: 1,
  plan_id: 'kama-sme-2023-2027',
  initiatives: [
    cell('1-①-a', '完了', '創業相談会を4回開催\n参加者 延べ32名', '商工観光課'),
    cell('1-①-b', '実施中'),
    cell('1-①-c', '実施中'),
    cell('1-①-d', '遅れ', XSS),
    cell('1-②-a', '未着手'),
    // Scheduled 2023 only for one activity (and 2024–2027 for another): its
    // 2023 activity is over, and the latest closed year says 未着手.
    cell('5-③-b', '未着手'),
  ],
  kpis: [
    { code: '1-1', year: 2024, target: 40, actual: 38, updated_at: AT },
    { code: '2-2', year: 2024, target: 30, updated_at: AT },
    { code: '4-1', year: 2024, target: 1200000, actual: 1234567.5, updated_at: AT },
  ],
};

/** Opens the app on `query` with the record seeded and the clock fixed, and
 * waits until the view the query asks for has rendered. */
async function openSeeded(query, options = {}) {
  const page = await newPage(app.browser, { timezoneId: 'Asia/Tokyo', ...options });
  await page.clock.setFixedTime(new Date(NOW));
  await page.addInitScript(([k, v]) => localStorage.setItem(k, v), [KEY, JSON.stringify(RECORD)]);
  await page.goto(app.server.url + query);
  await waitForReady(page);
  return page;
}

const texts = (locator) => locator.evaluateAll((els) => els.map((e) => e.textContent.trim()));

test('the progress view counts statuses per policy, lists notes as text and the checks', async () => {
  const page = await openSeeded('?view=progress&year=2024');
  const table = page.locator('table.status-table');
  await table.waitFor();
  assert.match(await table.locator('caption').textContent(), /令和6年度（2024年度）/);
  assert.deepEqual(await texts(table.locator('thead th')), [
    '基本施策', '未着手', '実施中', '完了', '遅れ', '見直し', '中止', '未記録', '計',
  ]);
  assert.equal(await table.locator('thead th[scope="col"]').count(), 9);
  const row = table.locator('tbody tr[data-policy="1"]');
  assert.match(await row.locator('th[scope="row"]').textContent(), /^1 中小企業の創業の促進を図る$/);
  assert.deepEqual(await texts(row.locator('td')), ['1', '2', '1', '1', '0', '0', '5', '10']);
  // The totals row adds up the policies.
  const totals = await texts(table.locator('tfoot td'));
  const rows = await table.locator('tbody tr').evaluateAll((trs) =>
    trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => Number(td.textContent))),
  );
  assert.equal(rows.length, 6);
  assert.deepEqual(totals.map(Number), rows.reduce((a, r) => a.map((n, i) => n + r[i])));
  assert.match(await page.locator('.status-overview .hint').textContent(), /再掲/);

  // Notes: verbatim text, line breaks kept, markup never parsed.
  const noted = page.locator('.noted-item');
  assert.equal(await noted.count(), 2);
  const first = page.locator('.noted-item[data-initiative-id="1-1-a"]');
  assert.equal(await first.locator('.note-text').textContent(), '創業相談会を4回開催\n参加者 延べ32名');
  assert.equal(await first.locator('.note-text').evaluate((e) => getComputedStyle(e).whiteSpace), 'pre-line');
  assert.match(await first.textContent(), /完了/);
  assert.match(await first.locator('.stamp').textContent(), /商工観光課 · 2025年5月20日 09:30/);
  const html = page.locator('.noted-item[data-initiative-id="1-1-d"]');
  assert.equal(await html.locator('.note-text').textContent(), XSS);
  assert.equal(await page.locator('img[src="x"]').count(), 0);
  assert.equal(await page.evaluate(() => window.__xss), undefined);
  assert.equal(await page.locator('.noted .badge.draft').count(), 0, 'no published record: nothing is a draft');

  // Checks: one group per kind, each item naming what to look at.
  const checks = page.locator('section.checks');
  assert.equal(await checks.locator('[role="alert"]').count(), 0);
  assert.equal(await checks.locator('.checks-none').isVisible(), false);
  const notStarted = checks.locator('.check-not-started');
  assert.match(await notStarted.locator('h4').textContent(), /予定の年度を過ぎても「未着手」のままです/);
  assert.deepEqual(await texts(notStarted.locator('li')), [
    '5-③-b 子育て世代の雇用の創出とテレワークの拡大 · 令和6年度（2024年度）',
  ]);
  const missing = checks.locator('.check-missing-status');
  assert.match(await missing.locator('h4').textContent(), /終わった年度の進捗状況が未記録です/);
  const missingA = missing.locator('li', { hasText: '1-①-a' });
  assert.match(await missingA.textContent(), /· 令和5年度（2023年度）、令和7年度（2025年度）$/);
  // Nearly every initiative lacks a status somewhere: that long list starts folded.
  assert.equal(await missingA.isVisible(), false);
  await missing.locator('summary', { hasText: '一覧を表示' }).click();
  await expectVisible(missingA.locator('a'), true, 'the list unfolds');
  const kpi = checks.locator('.check-kpi-actual');
  assert.match(await kpi.locator('h4').textContent(), /目標値はありますが実績値が未記録です/);
  assert.deepEqual(await texts(kpi.locator('li')), ['2-2 企業におけるデジタル化進捗割合 · 令和6年度（2024年度）']);
  assert.match(await kpi.locator('li a').getAttribute('href'), /code=2-2/);

  await screenshot(page, 'progress-overview');
  assert.deepEqual(await axeViolations(page), []);

  // A note's link opens the initiative; the link is a real address.
  assert.match(await first.locator('a').getAttribute('href'), /id=1-1-a/);
  await first.locator('a').click();
  await waitForReady(page, 'list 1-①-a');
  await page.waitForSelector('[data-detail-id="1-①-a"]');
  await expectUrl(page, /id=1-1-a/);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a note changed in this browser over the published record is marked as a draft', async () => {
  const site = await serveCopy('/');
  const published = {
    format: 'kama-sme-progress',
    version: 1,
    plan_id: 'kama-sme-2023-2027',
    initiatives: [
      { id: '1-①-a', year: 2024, status: '完了', note: '公表済みのメモ', updated_at: AT },
      { id: '1-①-b', year: 2024, status: '実施中', note: '公表時のメモ', updated_at: AT },
    ],
    kpis: [],
  };
  await writeFile(join(site.dir, 'progress.json'), JSON.stringify(published));
  const local = { ...published, initiatives: [{ ...published.initiatives[1], note: 'このブラウザで書き直したメモ', updated_at: AT + 1000 }] };
  const page = await newPage(app.browser, { timezoneId: 'Asia/Tokyo' });
  await page.addInitScript(([k, v]) => localStorage.setItem(k, v), [KEY, JSON.stringify(local)]);
  await page.goto(site.url + '?view=progress&year=2024');
  // Ready includes the published record: both sides of the draft are known.
  await waitForReady(page, 'progress');
  const draft = page.locator('.noted-item[data-initiative-id="1-1-b"]');
  await draft.locator('.note-text', { hasText: 'このブラウザで書き直したメモ' }).waitFor();
  await expectCount(draft.locator('.badge.draft'), 1, 'the rewritten note is a draft');
  const kept = page.locator('.noted-item[data-initiative-id="1-1-a"]');
  await expectTextContent(kept.locator('.note-text'), '公表済みのメモ');
  assert.equal(await kept.locator('.badge.draft').count(), 0);
  assert.deepEqual(page.errors, []);
  await page.context().close();
  await site.close();
});

test('with nothing to look at, the checks say so calmly', async () => {
  // 1 June 2023 is in FY2023, the plan's first year: no year has closed yet.
  const page = await newPage(app.browser, { timezoneId: 'Asia/Tokyo' });
  await page.clock.setFixedTime(new Date('2023-06-01T10:00:00+09:00'));
  await page.goto(app.server.url + '?view=progress');
  await waitForReady(page, 'progress');
  const none = page.locator('section.checks .checks-none');
  await none.waitFor();
  await expectTextContent(none, '確認が必要な項目はありません。');
  assert.equal(await page.locator('section.checks .check-group').count(), 0);
  assert.equal(await page.locator('.noted .empty').isVisible(), true);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the report groups the year by policy, with the stamp and the KPI values, and prints on A4', async () => {
  const page = await openSeeded('?view=progress&year=2024');
  await page.getByRole('link', { name: '印刷用の進捗報告を開く' }).click();
  await waitForReady(page, 'report');
  await page.waitForSelector('article.report');
  await expectUrl(page, /view=report/);
  await expectUrl(page, /year=2024/);

  assert.equal(
    (await page.locator('#report-title').textContent()).trim(),
    '第2次嘉麻市中小企業振興基本計画 進捗報告 令和6年度（2024年度）',
  );
  assert.equal(await page.locator('.report-head .report-as-of').textContent(), '2026年11月25日時点');
  const policies = await texts(page.locator('.report-policy > h3'));
  assert.deepEqual(
    policies.map((t) => t.split(' ')[0]),
    ['1', '2', '3', '4', '5', '6'],
  );
  assert.equal(await page.locator('.report-initiative').count(), 86, 'every row of the table, re-listed ones included');

  const a = page.locator('.report-initiative[data-initiative-id="1-1-a"]');
  assert.equal(await a.locator('.report-status').textContent(), '完了');
  assert.equal(await a.locator('.note-text').textContent(), '創業相談会を4回開催\n参加者 延べ32名');
  assert.match(await a.locator('.report-stamp').textContent(), /商工観光課/);
  const kpi11 = a.locator('tr[data-kpi="1-1"]');
  assert.equal(await kpi11.locator('.kpi-target').textContent(), '40人');
  assert.equal(await kpi11.locator('.kpi-actual').textContent(), '38人');
  const kpi22 = page.locator('.report-initiative[data-initiative-id="2-1-a"] tr[data-kpi="2-2"]');
  assert.equal(await kpi22.locator('.kpi-target').textContent(), '30%');
  assert.equal(await kpi22.locator('.kpi-actual').textContent(), '—');
  const kpi41 = page.locator('.report-initiative[data-initiative-id="4-2-b"] tr[data-kpi="4-1"]');
  assert.equal(await kpi41.locator('.kpi-target').textContent(), '1,200,000千円');
  assert.equal(await kpi41.locator('.kpi-actual').textContent(), '1,234,567.5千円');
  const none = page.locator('.report-initiative[data-initiative-id="3-1-b"]');
  assert.equal(await none.locator('.report-status').textContent(), '未記録');
  assert.equal(await page.locator('.report-initiative[data-initiative-id="1-1-d"] .note-text').textContent(), XSS);
  assert.equal(await page.locator('img[src="x"]').count(), 0);

  await screenshot(page, 'report-screen');
  assert.deepEqual(await axeViolations(page), []);

  // Print: only the report, with the date and the address on every page.
  await page.emulateMedia({ media: 'print' });
  // The print footer shows only on paper: once it shows, the print styles apply.
  const footer = page.locator('.report-print-footer');
  await expectVisible(footer, true, 'the print footer');
  for (const selector of ['.masthead', '.view-tabs', '.filters', '.filters-toggle', '.record-bar', '.site-footer']) {
    const el = page.locator(selector);
    if ((await el.count()) > 0) await expectVisible(el.first(), false, `${selector} is hidden in print`);
  }
  for (const el of await page.locator('.no-print').all()) await expectVisible(el, false, 'a .no-print element is hidden in print');
  await expectVisible(page.locator('.year-picker'), false, '.year-picker is hidden in print');
  await expectVisible(page.getByRole('button', { name: '印刷する' }), false, 'the print button is hidden in print');
  assert.equal(await footer.locator('.report-as-of').textContent(), '2026年11月25日時点');
  assert.equal(await footer.locator('.report-url').textContent(), page.url());
  assert.equal(await footer.evaluate((e) => getComputedStyle(e).position), 'fixed');
  await screenshot(page, 'report-print');

  const pdf = await page.pdf({ format: 'A4' });
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
  assert.ok(pages > 1, `the PDF has ${pages} pages`);
  assert.ok(pages >= 6, 'each policy starts a new page');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the report reads on a 360 px phone and follows the language switch', async () => {
  const page = await openSeeded('?view=report&year=2024', { viewport: { width: 360, height: 740 } });
  await waitForReady(page, 'report');
  await page.waitForSelector('article.report');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `no sideways scrolling (overflow ${overflow}px)`);
  await page.getByRole('button', { name: 'English' }).click();
  await page.locator('.report-head .report-as-of', { hasText: 'As of 25 Nov 2026' }).waitFor();
  await expectTextContent(page.locator('#report-title'), /Progress report FY2024 \(R6\)$/);
  // Plan text stays as published.
  await expectTextContent(page.locator('#report-title'), /^第2次嘉麻市中小企業振興基本計画 /);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the report narrowed to one policy is the council table: 評価シート columns, summary, landscape, page numbers', async () => {
  const evaluated = {
    ...RECORD,
    version: 2,
    initiatives: [
      ...RECORD.initiatives,
      {
        id: '2-①-a',
        year: 2024,
        status: '実施中',
        results: 'セミナーを3回開催\n延べ45名',
        grade: 'B',
        challenges: '参加者の固定化',
        way_forward: '拡充',
        owners: ['商工観光課', '商工会'],
        author: '商工観光課',
        updated_at: AT,
      },
      { id: '2-①-b', year: 2024, grade: 'A', updated_at: AT },
    ],
  };
  const page = await newPage(app.browser, { timezoneId: 'Asia/Tokyo' });
  await page.clock.setFixedTime(new Date(NOW));
  await page.addInitScript(([k, v]) => localStorage.setItem(k, v), [KEY, JSON.stringify(evaluated)]);
  await page.goto(`${app.server.url}?view=report&year=2024&policy=2`);
  await waitForReady(page, 'report');
  await expectTextContent(page.locator('.report-narrowed'), /一覧の絞り込みを反映しています（86件中 \d+件の取組）/);
  assert.deepEqual(await texts(page.locator('.report-policy > h3')), ['2 中小企業者の経営基盤の安定強化を図る'].map((t) => t), 'policy 2 only');
  const row = page.locator('tr.report-initiative[data-initiative-id="2-1-a"]');
  assert.equal(await row.locator('.report-results').textContent(), 'セミナーを3回開催\n延べ45名');
  assert.equal(await row.locator('.report-grade').textContent(), 'B');
  assert.equal(await row.locator('.report-challenges').textContent(), '参加者の固定化');
  assert.equal(await row.locator('.report-way-forward').textContent(), '拡充');
  assert.match(await row.textContent(), /商工観光課、商工会/);
  // A re-listed row shows its original's answer: one answer per initiative.
  assert.equal(await page.locator('tr.report-initiative[data-initiative-id="6-2-e"]').count(), 0, 'policy 6 is filtered out');
  // The summary counts grades by the plan's scale and KPIs by rating.
  const summary = page.locator('.summary-table tr[data-policy="2"] td');
  assert.deepEqual((await texts(summary)).slice(0, 2), ['1', '1'], 'one A, one B');
  assert.deepEqual(await axeViolations(page), []);

  await page.emulateMedia({ media: 'print' });
  await expectVisible(page.locator('.report-print-footer'), true, 'the print styles apply');
  const numbered = await page.evaluate(() =>
    [...document.styleSheets].flatMap((s) => [...s.cssRules]).some((r) => r instanceof CSSPageRule && r.selectorText === 'report' && /counter\(page\) " \/ " counter\(pages\)/.test(r.cssText)),
  );
  assert.ok(numbered, 'the report pages are numbered 「n / N」');
  const pdf = await page.pdf({ preferCSSPageSize: true });
  const box = pdf.toString('latin1').match(/\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/);
  assert.ok(box && Number(box[1]) > Number(box[2]), `landscape (${box?.slice(1)})`);
  const pageCount = (bytes) => (bytes.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
  const pages = pageCount(pdf);
  // The whole plan's report, for comparison: the narrowed one is shorter.
  await page.emulateMedia({ media: 'screen' });
  await page.getByRole('button', { name: 'すべての取組を表示' }).click();
  await expectCount(page.locator('.report-policy'), 6, 'every policy again');
  const whole = pageCount(await page.pdf({ preferCSSPageSize: true }));
  assert.ok(pages >= 1 && pages < whole, `policy 2 prints on fewer pages (${pages}) than the whole plan (${whole})`);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('振興会議の意見 and 市の対応 are kept per policy and year, and print under the policy\'s table', async () => {
  // Not seeded: the seed would be written again on reload.
  const page = await newPage(app.browser, { timezoneId: 'Asia/Tokyo' });
  await page.clock.setFixedTime(new Date(NOW));
  await page.goto(`${app.server.url}?view=report&year=2024&policy=2`);
  await waitForReady(page, 'report');
  const opinion = page.getByLabel('振興会議の意見', { exact: true });
  const response = page.getByLabel('市の対応', { exact: true });
  await expectCount(opinion, 1, 'one policy, one field');
  const said = 'デジタル化の支援を\n小規模事業者にも広げること。<b>強調</b>';
  await opinion.fill(said);
  await response.fill('出張相談を始める');
  await waitForSettled(page, 'save');
  await page.reload();
  await waitForReady(page, 'report');
  await expectValue(opinion, said, 'kept over a reload');
  await expectValue(response, '出張相談を始める');
  // Under policy 2's table, in print as text (markup shown as typed).
  const notes = page.locator('.report-policy[data-policy="2"] .evaluation-table ~ .council-notes, .report-policy[data-policy="2"] .table-scroll + .council-notes');
  await expectCount(notes, 1, 'the notes follow the table');
  await expectVisible(notes.locator('.council-opinion .council-text'), false, 'on screen, the field');
  await page.emulateMedia({ media: 'print' });
  await expectVisible(notes.locator('.council-opinion .council-text'), true, 'in print, the text');
  assert.equal(await notes.locator('.council-opinion .council-text').textContent(), said);
  assert.equal(await page.evaluate(() => window.__xss), undefined);
  await expectVisible(opinion, false, 'no field in print');
  await page.emulateMedia({ media: 'screen' });
  // Another year has its own notes.
  await page.goto(`${app.server.url}?view=report&year=2025&policy=2`);
  await waitForReady(page, 'report');
  await expectValue(opinion, '', 'FY2025 has none yet');
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
