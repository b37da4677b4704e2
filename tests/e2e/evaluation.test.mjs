// The 評価シート in the detail: every field by its label, kept over a reload;
// re-listed rows sharing one record; the year being reported opening first and
// staying open from one initiative to the next; links checked and opened safely.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  useApp,
  newPage,
  serveCopy,
  waitForReady,
  waitForSettled,
  expectAttribute,
  expectCount,
  expectText,
  expectValue,
  expectUrl,
  yearCard,
  axeViolations,
  ROOT,
  setStaff,
  editStoredEntry,
} from './support.mjs';

const app = useApp('/');
const KEY = 'kama-sme-tracker:progress:kama-sme-2023-2027';
// Written by LibreOffice, with cells it turned into a date and a number (crates/plan/tests/fixtures/README.md).
const BAD_SHEET = 'evaluation-2024-libreoffice-mangled.xlsx';
const editor = (page) => page.locator('.progress-editor');
const field = (page, label) => editor(page).getByLabel(label, { exact: true });

test('every field of the 評価シート is found by its label, and kept over a reload', async () => {
  const page = await app.open('?id=2-1-a&year=2025');
  await yearCard(page, 2025);
  await field(page, '進捗状況').selectOption({ label: '実施中' });
  await field(page, '実績').fill('経営セミナーを3回開催\n延べ45名');
  await field(page, '自己評価').selectOption('B');
  await field(page, '課題').fill('=参加者の固定化');
  await field(page, '今後の方向性').selectOption('拡充');
  await field(page, '担当').fill('商工観光課、商工会');
  await field(page, '担当').press('Tab');
  await editor(page).getByLabel('リンクの名前').fill('セミナー報告');
  await editor(page).getByLabel('アドレス（URL）').fill('https://www.city.kama.lg.jp/seminar.html');
  await editor(page).getByRole('button', { name: '根拠を追加' }).click();
  await field(page, 'メモ').fill('<b>太字ではない</b>');
  await waitForSettled(page, 'save');
  const stored = JSON.parse(await page.evaluate((k) => localStorage.getItem(k), KEY));
  assert.equal(stored.version, 4);

  await page.reload();
  await waitForReady(page, 'list 2-①-a');
  await yearCard(page, 2025);
  await expectValue(field(page, '進捗状況'), '実施中');
  await expectValue(field(page, '実績'), '経営セミナーを3回開催\n延べ45名');
  await expectValue(field(page, '自己評価'), 'B');
  await expectValue(field(page, '課題'), '=参加者の固定化');
  await expectValue(field(page, '今後の方向性'), '拡充');
  await expectValue(field(page, '担当'), '商工観光課、商工会');
  await expectValue(field(page, 'メモ'), '<b>太字ではない</b>');
  const link = editor(page).getByRole('link', { name: 'セミナー報告' });
  await expectAttribute(link, 'href', 'https://www.city.kama.lg.jp/seminar.html');
  await expectAttribute(link, 'rel', 'noopener noreferrer');
  // 担当 carries over to the next year until changed.
  await yearCard(page, 2026);
  await expectAttribute(field(page, '担当'), 'placeholder', /商工観光課、商工会（2025年度から引き継ぎ）/);
  await expectValue(field(page, '担当'), '');
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a link that is not http(s) is refused with a reason, and nothing is added', async () => {
  const page = await app.open('?id=1-1-a&year=2024');
  await yearCard(page, 2024);
  await editor(page).getByLabel('アドレス（URL）').fill('javascript:alert(1)');
  await editor(page).getByRole('button', { name: '根拠を追加' }).click();
  await expectText(editor(page).locator('.links .error'), /http:\/\/ か https:\/\/ で始まるアドレスだけ/);
  await expectCount(editor(page).locator('.link-list a'), 0);
  await expectValue(editor(page).getByLabel('アドレス（URL）'), 'javascript:alert(1)', 'what was typed is kept to correct');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a re-listed row and its original show and edit one record', async () => {
  // 6-②-e re-lists 2-①-a.
  const page = await app.open('?id=6-2-e&year=2024');
  await yearCard(page, 2024);
  await expectText(editor(page).locator('.relisted-shares'), /2-①-a の再掲です/);
  await field(page, '進捗状況').selectOption({ label: '中止' });
  await field(page, '実績').fill('再掲の行から記入');
  await waitForSettled(page, 'save');
  await page.goto(`${app.server.url}?id=2-1-a&year=2024`);
  await waitForReady(page, 'list 2-①-a');
  await yearCard(page, 2024);
  await expectValue(field(page, '進捗状況'), '中止');
  await expectValue(field(page, '実績'), '再掲の行から記入');
  const stored = JSON.parse(await page.evaluate((k) => localStorage.getItem(k), KEY));
  assert.deepEqual(stored.initiatives.map((r) => r.id), ['2-①-a'], 'one cell, kept under the original');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the year chosen stays chosen from one initiative to the next, by keyboard', async () => {
  const page = await app.open('?id=1-1-a&year=2024');
  await yearCard(page, 2023);
  await expectUrl(page, /year=2023/);
  await editor(page).getByRole('button', { name: /次の取組へ/ }).press('Enter');
  await waitForReady(page, 'list 1-①-b');
  // The keyboard lands in the next initiative's editor, on the same year.
  await expectAttribute(editor(page).locator('button.year-tab[data-year="2023"]'), 'aria-pressed', 'true');
  await page.waitForFunction(() => document.activeElement?.id === 'editor-status');
  await page.keyboard.press('ArrowDown');
  await waitForSettled(page, 'save');
  await expectValue(field(page, '進捗状況'), '未着手');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the detail opens on the year being reported: in May, the year just ended', async () => {
  const page = await app.open('?id=1-1-a', { clock: '2026-05-15T09:00:00+09:00' });
  await expectAttribute(editor(page).locator('button.year-tab[data-year="2025"]'), 'aria-pressed', 'true');
  await editor(page).locator('fieldset.year-card[data-year="2025"]').waitFor();
  // One tap from the top of the detail.
  await page.getByRole('button', { name: '2025年度の評価を記入する' }).click();
  await page.waitForFunction(() => document.activeElement?.id === 'editor-status');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('taking the other side of a conflict keeps that side as its author, and the taking is in the history', async () => {
  // The city wrote FY2025 of 2-①-a here; 商工会's file has a later answer.
  const mine = {
    format: 'kama-sme-progress', version: 2, plan_id: 'kama-sme-2023-2027',
    initiatives: [{ id: '2-①-a', year: 2025, results: '市の記入', author: '商工観光課', updated_at: Date.parse('2026-05-15T09:30:00+09:00') }],
  };
  const theirs = {
    format: 'kama-sme-progress', version: 2, plan_id: 'kama-sme-2023-2027',
    initiatives: [{ id: '2-①-a', year: 2025, results: '商工会の記入', grade: 'A', author: '商工会', updated_at: Date.parse('2026-05-20T10:00:00+09:00') }],
  };
  const page = await newPage(app.browser, { timezoneId: 'Asia/Tokyo' });
  await page.clock.setFixedTime(new Date('2026-06-01T09:00:00+09:00'));
  await page.addInitScript(([k, v]) => { if (!localStorage.getItem(k)) localStorage.setItem(k, v); }, [KEY, JSON.stringify(mine)]);
  await page.goto(`${app.server.url}?view=progress&year=2025`);
  await waitForReady(page, 'progress');
  await setStaff(page, { name: '嘉麻 太郎' });
  await page.locator('.import input[type=file]').setInputFiles({ name: 'shokokai.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(theirs)) });
  const preview = page.locator('.import-preview');
  // Both values, before anything is applied.
  await expectText(preview.locator('.import-changed dd.local'), /実績: 市の記入 .*\(商工観光課, 2026年5月15日 09:30\)/);
  await expectText(preview.locator('.import-changed dd.incoming'), /実績: 商工会の記入 \/ 自己評価: A .*\(商工会, 2026年5月20日 10:00\)/);
  await preview.getByRole('button', { name: '読み込む' }).click();
  // The replaced answer is listed; the city takes it back.
  await page.locator('.conflict').getByRole('button', { name: 'もう一方を採用' }).click();
  await expectCount(page.locator('.conflict'), 0, 'settled');
  await waitForSettled(page, 'save');

  await page.goto(`${app.server.url}?id=2-1-a&year=2025`);
  await waitForReady(page, 'list 2-①-a');
  const card = await yearCard(page, 2025);
  await expectValue(field(page, '実績'), '市の記入');
  // Still 商工観光課's words, and who took them back, when.
  await expectText(card.locator('p.stamp'), /記入: 商工観光課 · 2026年5月15日 09:30（嘉麻 太郎が採用 · 2026年6月1日 09:00）/);
  await card.locator('.cell-history summary').click();
  await expectText(
    card.locator('.cell-history li', { hasText: '実績' }).first(),
    /嘉麻 太郎 · 2026年6月1日 09:00 実績: 商工会の記入 → 市の記入（商工観光課 · 2026年5月15日 09:30）/,
  );
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('公表版からの変更 lists, field by field, what this browser would change in the published record', async () => {
  const site = await serveCopy('/');
  try {
    const published = {
      format: 'kama-sme-progress', version: 2, plan_id: 'kama-sme-2023-2027',
      initiatives: [{ id: '2-①-a', year: 2025, status: '実施中', results: '公表済みの実績', author: '商工観光課', updated_at: 1 }],
    };
    await writeFile(join(site.dir, 'progress.json'), JSON.stringify(published));
    const page = await newPage(app.browser);
    await page.goto(`${site.url}?view=progress&year=2025`);
    await waitForReady(page, 'progress');
    const section = page.getByRole('region', { name: '公表版からの変更' });
    await expectText(section, /公表済みの progress\.json との違いはありません/);

    await page.goto(`${site.url}?id=2-1-a&year=2025`);
    await waitForReady(page, 'list 2-①-a');
    await yearCard(page, 2025);
    await field(page, '進捗状況').selectOption({ label: '完了' });
    await field(page, '課題').fill('来年度は周知を強化');
    await waitForSettled(page, 'save');
    await page.goto(`${site.url}?view=progress&year=2025`);
    await waitForReady(page, 'progress');
    const items = section.locator('li');
    await expectCount(items, 2, 'two fields differ; the unchanged 実績 is not listed');
    await expectText(items.nth(0), /2-①-a .* 進捗状況: 実施中 → 完了/);
    await expectText(items.nth(1), /2-①-a .* 課題: （空欄） → 来年度は周知を強化/);
    assert.deepEqual(await axeViolations(page), []);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  } finally {
    await site.close();
  }
});

test('the 評価シート exported as .xlsx and edited in one cell imports back: that cell previewed, applied, undone', async () => {
  const mine = {
    format: 'kama-sme-progress', version: 2, plan_id: 'kama-sme-2023-2027',
    initiatives: [
      { id: '2-①-a', year: 2025, status: '実施中', results: 'セミナー3回\n延べ45名', grade: 'B', owners: ['商工観光課', '商工会'], author: '商工観光課', updated_at: Date.parse('2026-05-15T09:30:00+09:00') },
      { id: '3-①-a', year: 2025, results: '=SUM(A1) <b>そのまま</b>', author: '商工会', updated_at: Date.parse('2026-05-16T09:30:00+09:00') },
    ],
  };
  const page = await newPage(app.browser, { timezoneId: 'Asia/Tokyo', acceptDownloads: true });
  await page.clock.setFixedTime(new Date('2026-06-01T09:00:00+09:00'));
  await page.addInitScript(([k, v]) => { if (!localStorage.getItem(k)) localStorage.setItem(k, v); }, [KEY, JSON.stringify(mine)]);
  await page.goto(`${app.server.url}?view=progress&year=2025`);
  await waitForReady(page, 'progress');
  await setStaff(page, { name: '嘉麻 太郎' });
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('button.export-xlsx').click()]);
  const exported = await readFile(await download.path());

  // Unchanged, the sheet changes nothing.
  const input = page.locator('.import input[type=file]');
  const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  await input.setInputFiles({ name: 'hyoka.xlsx', mimeType: xlsx, buffer: exported });
  const preview = page.locator('.sheet-preview');
  await expectText(preview.locator('h3'), /hyoka\.xlsx · 令和7年度（2025年度）/);
  await expectText(preview, /このファイルには新しい記録はありません。/);
  await preview.getByRole('button', { name: '取り消す' }).click();
  await expectCount(preview, 0, 'cancelled');

  // One cell changed, as a spreadsheet would save it: 3回 → 4回.
  const edited = editStoredEntry(exported, 'xl/worksheets/sheet3.xml', (xml) => {
    assert.ok(xml.includes('セミナー3回'), 'the sheet holds the answer');
    return xml.replace('セミナー3回', 'セミナー4回');
  });
  await input.setInputFiles({ name: 'hyoka-edited.xlsx', mimeType: xlsx, buffer: edited });
  const rows = preview.locator('tbody tr');
  await expectCount(rows, 1, 'exactly the one cell');
  const row = rows.first();
  assert.equal(await row.getAttribute('data-initiative-id'), '2-1-a');
  assert.equal(await row.getAttribute('data-field'), 'results');
  assert.equal(await row.locator('td.local').textContent(), 'セミナー3回\n延べ45名');
  assert.equal(await row.locator('td.incoming').textContent(), 'セミナー4回\n延べ45名');
  assert.deepEqual(await axeViolations(page), []);
  await preview.getByRole('button', { name: '読み込む' }).click();
  await expectCount(preview, 0, 'applied');
  await waitForSettled(page, 'save');
  const stored = () =>
    page.evaluate((k) => JSON.parse(localStorage.getItem(k)).initiatives.find((r) => r.id === '2-①-a' && r.year === 2025), KEY);
  const applied = await stored();
  assert.equal(applied.results, 'セミナー4回\n延べ45名');
  assert.equal(applied.grade, 'B', 'the other fields as they were');
  assert.equal(applied.author, '嘉麻 太郎', 'applied by whoever imported it');
  // One step of undo takes the whole sheet back.
  await page.getByRole('button', { name: '元に戻す' }).click();
  await waitForSettled(page, 'save');
  assert.equal((await stored()).results, 'セミナー3回\n延べ45名');
  await page.getByRole('button', { name: 'やり直す' }).click();
  await waitForSettled(page, 'save');

  await page.goto(`${app.server.url}?id=2-1-a&year=2025`);
  await waitForReady(page, 'list 2-①-a');
  const card = await yearCard(page, 2025);
  await expectValue(field(page, '実績'), 'セミナー4回\n延べ45名');
  await card.locator('.cell-history summary').click();
  await expectText(card.locator('.cell-history li', { hasText: '実績' }).last(), /嘉麻 太郎 .*実績: セミナー3回\n?延べ45名 → セミナー4回/);
  assert.equal(await page.evaluate(() => window.__xss), undefined);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a workbook that is not the 評価シート, or whose cells are wrong, is refused naming the row and column', async () => {
  const page = await app.open('?view=progress&year=2025');
  const input = page.locator('.import input[type=file]');
  const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  await input.setInputFiles({ name: 'broken.xlsx', mimeType: xlsx, buffer: Buffer.from('not a zip at all') });
  await expectText(page.locator('.import-refused'), /Excel のブック（\.xlsx）として読めない/);
  const fixture = await readFile(join(ROOT, 'crates/plan/tests/fixtures', BAD_SHEET));
  await input.setInputFiles({ name: BAD_SHEET, mimeType: xlsx, buffer: fixture });
  // 1-①-b is the sheet's 4th row (title, header, 1-①-a first).
  await expectText(page.locator('.import-refused'), /何も読み込んでいません。[\s\S]*4 行目「自己評価」: Excel などが日付・時刻/);
  await expectText(page.locator('.import-refused'), /5 行目「進捗状況」: Excel などが論理値（TRUE）/);
  await expectCount(page.locator('.sheet-preview'), 0, 'nothing previewed');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a note too long for an Excel cell: the .xlsx export says which cell, and JSON still exports', async () => {
  const long = {
    format: 'kama-sme-progress', version: 3, plan_id: 'kama-sme-2023-2027',
    initiatives: [{ id: '1-①-a', year: 2025, note: 'あ'.repeat(32_768), updated_at: Date.parse('2026-05-15T09:30:00+09:00') }],
  };
  const page = await newPage(app.browser, { timezoneId: 'Asia/Tokyo', acceptDownloads: true });
  await page.clock.setFixedTime(new Date('2026-06-01T09:00:00+09:00'));
  await page.addInitScript(([k, v]) => { if (!localStorage.getItem(k)) localStorage.setItem(k, v); }, [KEY, JSON.stringify(long)]);
  await page.goto(`${app.server.url}?view=progress&year=2025`);
  await waitForReady(page, 'progress');
  await page.locator('button.export-xlsx').click();
  await expectText(page.locator('.export-failed'), /ダウンロードできませんでした。 「取組進捗」の [A-Z]+\d+ のセルが長すぎて Excel のファイルに書けません（32768文字/);
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('button.export-json').click()]);
  assert.match(download.suggestedFilename(), /\.json$/);
  await expectCount(page.locator('.export-failed:visible'), 0, 'the JSON export went through');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
