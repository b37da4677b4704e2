// Recording progress in headless Chromium: annotate and reload, undo/redo,
// corrupted/unavailable/full storage, two tabs, export → clear → import,
// refused imports, the published layer with local drafts over it, and notes
// that look like HTML.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import {
  useApp,
  newPage,
  serveCopy,
  screenshot,
  axeViolations,
  ARTIFACTS,
  waitForReady,
  waitForSettled,
  eventually,
  expectCount,
  expectText,
  expectTextContent,
  expectValue,
  expectUrl,
  yearCard,
  setStaff,
} from './support.mjs';

const app = useApp('/');
const { open } = app;
const KEY = 'kama-sme-tracker:progress:kama-sme-2023-2027';
const BACKUP_PREFIX = 'kama-sme-tracker:progress-backup:kama-sme-2023-2027:';

const card = yearCard;
const stored = (page) => page.evaluate((k) => localStorage.getItem(k), KEY);
/** Saves are debounced; wait until the stored record says `text`. */
const storedContains = (page, text) =>
  page.waitForFunction(([k, t]) => (localStorage.getItem(k) ?? '').includes(t), [KEY, text]);

async function annotate(page, year, status, note) {
  await (await card(page, year)).locator('select.status-select').selectOption({ label: status });
  if (note !== undefined) await (await card(page, year)).locator('textarea.note-input').fill(note);
}

test('a status and a note survive a reload, and undo/redo walk them back and forth', async () => {
  const page = await open('?id=2-1-a');
  await annotate(page, 2024, '遅れ', '事業者説明会を延期\n来年度に2回開催予定');
  await storedContains(page, '来年度に2回開催予定');
  await page.reload();
  await waitForReady(page, 'list 2-①-a');
  await page.waitForSelector('fieldset.year-card');
  await expectValue((await card(page, 2024)).locator('select.status-select'), '遅れ');
  await expectValue((await card(page, 2024)).locator('textarea.note-input'), '事業者説明会を延期\n来年度に2回開催予定');

  // Undo is per session: a new edit, undone and redone.
  await annotate(page, 2025, '実施中');
  await page.getByRole('button', { name: /元に戻す/ }).click();
  await expectValue((await card(page, 2025)).locator('select.status-select'), '');
  await page.getByRole('button', { name: /やり直す/ }).click();
  await expectValue((await card(page, 2025)).locator('select.status-select'), '実施中');
  await page.getByRole('button', { name: /元に戻す/ }).click();
  await page.waitForFunction((k) => !(localStorage.getItem(k) ?? '').includes('実施中'), KEY);
  assert.deepEqual(page.errors, []);
  await screenshot(page, 'progress-editor');
  assert.deepEqual(await axeViolations(page), []);
  await page.context().close();
});

test('a note that looks like HTML is shown as text', async () => {
  const page = await open('?id=1-1-a');
  const payload = '<script>window.__xss=1</script><img src=x onerror="window.__xss=2">';
  await annotate(page, 2023, '完了', payload);
  await storedContains(page, 'onerror');
  await page.reload();
  await waitForReady(page, 'list 1-①-a');
  await page.waitForSelector('fieldset.year-card');
  await expectValue((await card(page, 2023)).locator('textarea.note-input'), payload);
  await page.goto(page.url().replace(/\?.*/, '?view=progress&year=2023'));
  await waitForReady(page, 'progress');
  await page.waitForSelector('.progress-view');
  assert.equal(await page.evaluate(() => window.__xss), undefined);
  await expectCount(page.locator('img[src="x"]'), 0);
  await page.context().close();
});

test('corrupted storage: the raw text is kept as a backup, offered for download, and the app works', async () => {
  const page = await newPage(app.browser);
  await page.addInitScript((k) => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem(k, '{"format":"kama-sme-progress","version":1,"plan_id":"kama-sme-2023-2027","initiatives":[{"id":"1-①-a","yea');
      sessionStorage.setItem('seeded', '1');
    }
  }, KEY);
  await page.goto(app.server.url + '?id=1-1-a');
  await waitForReady(page, 'list 1-①-a');
  const alert = page.locator('.record-bar [role="alert"]', { hasText: '読み取れませんでした' });
  await alert.waitFor();
  const backups = await page.evaluate((p) => Object.keys(localStorage).filter((k) => k.startsWith(p)), BACKUP_PREFIX);
  assert.equal(backups.length, 1);

  const download = page.waitForEvent('download');
  await alert.getByRole('button', { name: '控えをダウンロード' }).click();
  const file = await download;
  const text = await readFile(await file.path(), 'utf8');
  assert.match(text, /"initiatives":\[\{"id":"1-①-a","yea$/, 'the raw text, byte for byte');

  // The app runs on an empty record, and saving never touches the backup.
  await annotate(page, 2023, '実施中', '新しい記録');
  await storedContains(page, '新しい記録');
  const backup = await page.evaluate((k) => localStorage.getItem(k), backups[0]);
  assert.equal(backup, text);
  await page.reload();
  await waitForReady(page, 'list 1-①-a');
  await page.waitForSelector('fieldset.year-card');
  await expectValue((await card(page, 2023)).locator('textarea.note-input'), '新しい記録');
  await eventually(() => page.evaluate((p) => Object.keys(localStorage).filter((k) => k.startsWith(p)).length, BACKUP_PREFIX), 1);
  await screenshot(page, 'progress-corrupted-storage');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a record saved by a newer version is neither read nor overwritten', async () => {
  const page = await newPage(app.browser);
  const newer = '{"format":"kama-sme-progress","version":99,"plan_id":"kama-sme-2023-2027","initiatives":[]}';
  await page.addInitScript(([k, v]) => localStorage.setItem(k, v), [KEY, newer]);
  await page.goto(app.server.url + '?id=1-1-a');
  await waitForReady(page, 'list 1-①-a');
  await page.locator('[role="alert"]', { hasText: '新しい版のアプリで保存' }).waitFor();
  await annotate(page, 2023, '完了', 'メモ');
  // The edit is taken (in memory) and its save has come and gone.
  await expectValue((await card(page, 2023)).locator('textarea.note-input'), 'メモ');
  await waitForSettled(page, 'save');
  assert.equal(await stored(page), newer);
  await page.context().close();
});

test('storage disabled or full: the app keeps working and says changes are not kept', async () => {
  const disabled = await newPage(app.browser);
  await disabled.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
  });
  await disabled.goto(app.server.url + '?id=1-1-a');
  await waitForReady(disabled, 'list 1-①-a');
  // Nothing is kept, not even who records: they say it again on each visit.
  await setStaff(disabled, { name: '検査 花子', owner: '商工観光課' });
  await disabled.locator('[role="alert"]', { hasText: '保存できません' }).waitFor();
  await annotate(disabled, 2023, '完了', '保存されないメモ');
  await expectValue((await card(disabled, 2023)).locator('select.status-select'), '完了', 'edits still work in memory');
  await disabled.context().close();

  const full = await newPage(app.browser);
  await full.addInitScript(() => {
    const original = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key, value) {
      if (key.startsWith('kama-sme-tracker:progress:')) throw new DOMException('quota', 'QuotaExceededError');
      return original.call(this, key, value);
    };
  });
  await full.goto(app.server.url + '?id=1-1-a');
  await waitForReady(full, 'list 1-①-a');
  await annotate(full, 2023, '完了', 'いっぱい');
  await full.locator('[role="alert"]', { hasText: '保存領域がいっぱい' }).waitFor();
  await expectValue((await card(full, 2023)).locator('textarea.note-input'), 'いっぱい');
  assert.deepEqual(full.errors, []);
  await full.context().close();
});

test('two tabs: each sees the other, different cells both survive, a same-cell clash is listed', async () => {
  const first = await open('?id=3-1-a');
  const second = await first.context().newPage();
  second.errors = [];
  await second.goto(first.url());
  await waitForReady(second, 'list 3-①-a');
  await second.waitForSelector('fieldset.year-card');

  await annotate(first, 2023, '完了', '一つ目のタブ');
  await card(second, 2023);
  await second.waitForFunction(() => document.querySelector('fieldset[data-year="2023"] textarea.note-input')?.value === '一つ目のタブ');
  await annotate(second, 2024, '実施中', '二つ目のタブ');
  await card(first, 2024);
  await first.waitForFunction(() => document.querySelector('fieldset[data-year="2024"] textarea.note-input')?.value === '二つ目のタブ');
  await eventually(async () => JSON.parse(await stored(first)).initiatives.length, 2, 'edits to different cells both survive');

  // The same cell typed in both before either has saved (saves wait 300 ms):
  // the newer edit wins in both tabs, and the tab that saved second, having
  // met the other's edit, lists the one that lost.
  const [inFirst, inSecond] = [await card(first, 2025), await card(second, 2025)];
  await Promise.all([
    inFirst.locator('textarea.note-input').fill('Aの記録'),
    inSecond.locator('textarea.note-input').fill('Bの記録'),
  ]);
  const noticeIn = (page) => page.locator('.record-bar', { hasText: '別の場所でも変更' }).waitFor().then(() => page);
  const listing = await Promise.any([noticeIn(first), noticeIn(second)]);
  await listing.locator('.record-bar').getByRole('button', { name: /競合を確認/ }).click();
  const conflict = listing.locator('.conflict');
  await conflict.waitFor();
  const kept = (await expectText(conflict.locator('.kept'), /([AB])の記録/)).match(/([AB])の記録/)[1];
  const other = (await expectText(conflict.locator('.other'), /([AB])の記録/)).match(/([AB])の記録/)[1];
  assert.notEqual(kept, other);
  // The newer is what both tabs now have (the listing tab has moved to the progress view).
  const follower = listing === first ? second : first;
  await storedContains(listing, `"${kept}の記録"`);
  await follower.waitForFunction((t) => document.querySelector('fieldset[data-year="2025"] textarea.note-input')?.value === t, `${kept}の記録`);
  await screenshot(listing, 'progress-conflicts');
  await conflict.getByRole('button', { name: 'もう一方を採用' }).click();
  await expectCount(listing.locator('.conflict'), 0, 'settled');
  await storedContains(listing, `"${other}の記録"`);
  // The tab that did not list it (still on the initiative) follows.
  await follower.waitForFunction((t) => document.querySelector('fieldset[data-year="2025"] textarea.note-input')?.value === t, `${other}の記録`);
  assert.deepEqual([...first.errors, ...second.errors], []);
  await first.context().close();
});

test('export JSON → clear storage → import gives back the identical record', async () => {
  const page = await open('?id=2-1-a');
  await annotate(page, 2023, '完了', '書き出し前の記録, "引用" と改行\n2行目');
  await page.goto(app.server.url + '?id=4-1-a');
  await waitForReady(page, 'list 4-①-a');
  await annotate(page, 2026, '見直し', '=HYPERLINK("x")');
  await storedContains(page, 'HYPERLINK');
  await page.goto(app.server.url + '?view=progress');
  await waitForReady(page, 'progress');
  await setStaff(page, { name: '嘉麻 太郎' });

  await waitForSettled(page, 'save');
  const before = JSON.parse(await stored(page));
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: /JSONで書き出す/ }).click();
  const file = await download;
  // Plan, contents, the author (spaces dropped) and the local time.
  assert.match(file.suggestedFilename(), /^kama-sme-2023-2027-進捗-嘉麻太郎-\d{8}-\d{4}\.json$/);
  const exported = JSON.parse(await readFile(await file.path(), 'utf8'));
  assert.equal(exported.plan_id, 'kama-sme-2023-2027');
  assert.equal(exported.version, 4);
  assert.ok(exported.exported_at > 0);

  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await waitForReady(page, 'progress');
  await page.waitForSelector('.files-panel');
  await page.locator('.import input[type=file]').setInputFiles(await file.path());
  const preview = page.locator('.import-preview');
  await preview.waitFor();
  await expectText(preview, /追加される項目 \(2\)/);
  await screenshot(page, 'progress-import-preview');
  await preview.getByRole('button', { name: '読み込む' }).click();
  await page.waitForFunction((k) => localStorage.getItem(k) !== null, KEY);
  await waitForSettled(page, 'save');
  const after = JSON.parse(await stored(page));
  assert.deepEqual(after.initiatives, before.initiatives, 'identical, stamps included');

  // CSV and xlsx downloads start, with Excel-safe content.
  const csv = page.waitForEvent('download');
  await page.getByRole('button', { name: /CSVで書き出す/ }).click();
  const csvText = await readFile(await (await csv).path(), 'utf8');
  assert.ok(csvText.startsWith('\uFEFF'), 'BOM for Excel');
  assert.match(csvText, /'=HYPERLINK/, 'formula neutralised');
  const xlsx = page.waitForEvent('download');
  await page.getByRole('button', { name: /xlsx/ }).click();
  const xlsxBytes = await readFile(await (await xlsx).path());
  assert.equal(xlsxBytes.subarray(0, 2).toString(), 'PK');
  assert.deepEqual(page.errors, []);
  assert.deepEqual(await axeViolations(page), []);
  await page.context().close();
});

test('malformed, wrong-plan, future-version and oversized files are refused and change nothing', async () => {
  const page = await open('?view=progress');
  const dir = join(ARTIFACTS, 'imports');
  await mkdir(dir, { recursive: true });
  const files = {
    'broken.json': ['{"format":"kama-sme-progress", "versi', /JSON形式ではない/],
    'other-plan.json': ['{"format":"kama-sme-progress","version":1,"plan_id":"other-city","initiatives":[]}', /別の計画/],
    'future.json': ['{"format":"kama-sme-progress","version":99,"plan_id":"kama-sme-2023-2027"}', /新しい版のアプリ/],
    'unknown-id.json': ['{"format":"kama-sme-progress","version":1,"plan_id":"kama-sme-2023-2027","initiatives":[{"id":"9-①-z","year":2023,"status":"完了","updated_at":1}]}', /計画にない取組/],
    'huge.json': [' '.repeat(5 * 1024 * 1024 + 1), /大きすぎます/],
  };
  for (const [name, [body, reason]] of Object.entries(files)) {
    await writeFile(join(dir, name), body);
    await page.locator('.import input[type=file]').setInputFiles(join(dir, name));
    const refused = page.locator('.import-refused');
    await refused.waitFor();
    // The refusal of the previous file stays until this one is read: wait for this one's reason.
    await expectText(refused, reason, name);
    await expectText(refused, /何も変更していません/);
    await expectCount(page.locator('.import-preview'), 0, name);
  }
  await waitForSettled(page, 'save');
  assert.equal(await stored(page), null, 'nothing was written');
  await page.context().close();
});

test('a published progress.json is shown to every visitor, with local drafts marked over it', async () => {
  const site = await serveCopy('/');
  const published = {
    format: 'kama-sme-progress',
    version: 1,
    plan_id: 'kama-sme-2023-2027',
    exported_at: 1764028800000,
    initiatives: [
      { id: '1-①-a', year: 2023, status: '完了', note: '公表済みの記録', author: '商工観光課', updated_at: 1717200000000 },
    ],
    kpis: [],
  };
  await writeFile(join(site.dir, 'progress.json'), JSON.stringify(published));
  const page = await newPage(app.browser);
  await page.goto(site.url + '?id=1-1-a');
  await waitForReady(page, 'list 1-①-a');
  await card(page, 2023);
  await page.waitForFunction(() => document.querySelector('fieldset[data-year="2023"] textarea.note-input')?.value === '公表済みの記録');
  await expectCount((await card(page, 2023)).locator('.badge.draft'), 0, 'published, not a draft');
  await annotate(page, 2023, '遅れ');
  await (await card(page, 2023)).locator('.badge.draft').waitFor();
  await expectValue((await card(page, 2023)).locator('textarea.note-input'), '公表済みの記録', 'the published note is kept');
  await screenshot(page, 'progress-published-layer');
  await page.context().close();

  // A malformed file is reported and ignored.
  await writeFile(join(site.dir, 'progress.json'), '{ not json');
  const broken = await newPage(app.browser);
  await broken.goto(site.url + '?id=1-1-a');
  await waitForReady(broken, 'list 1-①-a');
  // Staff are told why in Japanese, once.
  const why = broken.locator('[role="alert"]', { hasText: 'progress.json' });
  await expectText(why, /JSON形式ではないか、途中で切れています/, 'the reason, worded');
  await expectCount(why, 1, 'one notice');
  await expectValue((await card(broken, 2023)).locator('textarea.note-input'), '');
  await broken.context().close();
  // A visitor is told that it failed.
  const visitor = await newPage(app.browser, { staff: null });
  await visitor.goto(site.url);
  await waitForReady(visitor, 'list');
  await expectCount(visitor.locator('[role="alert"]', { hasText: 'progress.json' }), 1, 'the visitor sees that the published file was not used');
  await visitor.context().close();
  await site.close();
});

test('the progress view puts the way to export and import at the top', async () => {
  const page = await open('?view=progress');
  await page.getByRole('link', { name: '記録の書き出し・読み込みへ' }).click();
  await page.waitForFunction(() => {
    const r = document.getElementById('files-title').getBoundingClientRect();
    return r.top >= 0 && r.top < window.innerHeight;
  });
  await expectUrl(page, /view=progress/, 'the view stays');
  await expectCount(page.locator('.progress-view'), 1);
  await page.context().close();
});

test('the checks ask only about the initiatives the status summary counts (re-listed rows are duplicates)', async () => {
  // 1 April 2024: FY2023 has just closed, and nothing is recorded.
  const page = await open('?view=progress&year=2023', { clock: '2024-04-01T10:00:00+09:00', timezoneId: 'Asia/Tokyo' });
  const total = page.locator('table.status-table tfoot td').last();
  await total.waitFor();
  await expectTextContent(total, '75', '86 initiatives, 11 of them re-listed');
  const missing = page.locator('section.checks .check-missing-status');
  // All 75 but the two whose activities start in FY2024 (4-①-f, 5-③-c).
  await expectTextContent(missing.locator('h4'), /\(73\)$/);
  await expectCount(missing.locator('li'), 73);
  // The list is complete (73 above): the re-listed rows are not in it.
  for (const relisted of ['4-①-c', '6-②-e', '6-②-f']) {
    await expectCount(missing.locator('li', { hasText: relisted }), 0, relisted);
  }
  await expectCount(missing.locator('li', { hasText: '2-①-a' }), 1, 'the original is asked for');
  await expectTextContent(page.locator('section.checks .checks-relisted'), /再掲/);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
