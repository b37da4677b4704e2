// The year's round of 照会 and 取りまとめ with three browsers: the 事務局
// (商工観光課) makes one request file per 担当; 商工会 and the 商工観光課's
// own recorder open theirs, fill their rows and answer with files; 商工会議所
// answers in Excel (its 評価シート). The 事務局 imports them, the board shows
// who has answered, a line is confirmed, the year closed and published, and a
// fresh visitor sees the published, closed year read-only.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  useApp,
  newPage,
  waitForReady,
  waitForSettled,
  expectText,
  expectCount,
  eventually,
  yearCard,
  axeViolations,
  screenshot,
  ARTIFACTS,
  serveCopy,
  editStoredEntry,
} from './support.mjs';

const app = useApp();
const KEY = 'kama-sme-tracker:progress:kama-sme-2023-2027';
const DIR = join(ARTIFACTS, 'cycle');
const AT = Date.parse('2026-04-10T09:00:00+09:00');

/** The 事務局's record: who answers for which initiative in FY2025. */
const OWNERS = JSON.stringify({
  format: 'kama-sme-progress',
  version: 3,
  plan_id: 'kama-sme-2023-2027',
  initiatives: [
    { id: '1-①-a', year: 2025, owners: ['商工会'], author: '事務局', updated_at: AT },
    { id: '2-①-a', year: 2025, owners: ['商工会'], author: '事務局', updated_at: AT },
    { id: '3-①-a', year: 2025, owners: ['商工観光課'], author: '事務局', updated_at: AT },
    // 商工会議所 answers in Excel; a first draft is in the record already.
    { id: '5-①-a', year: 2025, owners: ['商工会議所'], status: '実施中', results: '合同企業説明会を1回開催予定', author: '事務局', updated_at: AT },
    // Last year's answer, to start from.
    { id: '2-①-a', year: 2024, status: '実施中', results: '説明会1回', author: '商工会', updated_at: AT - 1e10 },
  ],
});

async function browser(staff, seed) {
  const page = await newPage(app.browser, { staff, timezoneId: 'Asia/Tokyo', acceptDownloads: true });
  if (seed) await page.addInitScript(([k, v]) => localStorage.getItem(k) ?? localStorage.setItem(k, v), [KEY, seed]);
  await page.goto(app.server.url + '?view=progress&year=2025');
  await waitForReady(page, 'progress');
  await page.locator('.cycle').waitFor();
  return page;
}

async function download(page, click) {
  const waiting = page.waitForEvent('download');
  await click();
  const file = await waiting;
  await mkdir(DIR, { recursive: true });
  const path = join(DIR, file.suggestedFilename());
  await file.saveAs(path);
  return { name: file.suggestedFilename(), path };
}

/** A 担当 opens its request, fills `rows` ({ id: [status, results] }) and makes its answer. */
async function answer(staff, requestPath, rows) {
  const page = await browser(staff);
  await page.locator('.files-panel .import input[type=file]').setInputFiles(requestPath);
  const opened = page.locator('.opened-request');
  await opened.waitFor();
  // Last year's answers come with the request, applied after a look.
  await page.locator('.import-preview').getByRole('button', { name: '読み込む', exact: true }).click();
  await expectCount(page.locator('.import-preview'), 0);
  for (const [id, [status, results]] of Object.entries(rows)) {
    await opened.locator(`.to-do-row[data-initiative-id="${id}"] a`).click();
    await waitForReady(page, `list ${id}`);
    const card = await yearCard(page, 2025);
    await card.locator('select.status-select').selectOption({ label: status });
    await card.locator('textarea.results-input').fill(results);
    await page.goBack();
    await waitForReady(page, 'progress');
  }
  return page;
}

test('request → answers by file and in Excel → board → review → close → publish → a visitor sees it', async () => {
  const office = await browser({ role: 'secretariat', name: '嘉麻 事務', owner: '商工観光課' }, OWNERS);
  const make = office.locator('.make-requests');
  await make.locator('#request-deadline').fill('2026-05-15');
  await make.locator('#request-instructions').fill('令和7年度の実績を5月15日までに記入してください。');
  await make.getByRole('button', { name: '担当ごとの照会ファイルを作る' }).click();
  await expectCount(make.locator('.requests-made li'), 3);
  await expectText(make.locator('.requests-made li[data-owner="商工会"]'), /商工会 · 2件の取組/);
  const requests = {};
  for (const owner of ['商工会', '商工観光課']) {
    const file = await download(office, () => make.locator(`.requests-made li[data-owner="${owner}"] .request-json`).click());
    assert.match(file.name, new RegExp(`^kama-sme-2023-2027-2025年度-${owner}-照会-`));
    requests[owner] = file.path;
  }
  // For a 担当 who answers in Excel, the request as a 評価シート of its rows only.
  const excelRequest = await download(office, () => make.locator('.requests-made li[data-owner="商工会議所"] .request-xlsx').click());
  assert.match(excelRequest.name, /^kama-sme-2023-2027-2025年度-商工会議所-照会-.+\.xlsx$/);
  let sheetXml = '';
  editStoredEntry(await readFile(excelRequest.path), 'xl/worksheets/sheet3.xml', (xml) => (sheetXml = xml));
  assert.ok(sheetXml.includes('5-①-a') && sheetXml.includes('1回開催予定'), 'its row, as recorded');
  assert.ok(!sheetXml.includes('1-①-a') && !sheetXml.includes('3-①-a'), 'no other 担当\'s rows');

  // Nobody has answered yet.
  const board = office.locator('.answer-board');
  await expectText(board.locator('tr[data-owner="商工会"] .answered'), '0');
  assert.deepEqual(await axeViolations(office), []);
  await screenshot(office, 'cycle-requests');

  // 商工会 answers one of its two rows; the 商工観光課 its one.
  const shokokai = await answer({ role: 'recorder', name: '商工 花子', owner: '商工会' }, requests['商工会'], {
    '2-①-a': ['完了', 'セミナー3回、延べ45名'],
  });
  const todo = shokokai.locator('.opened-request');
  await expectText(todo, /令和7年度の実績を5月15日までに記入してください。/);
  await eventually(() => todo.locator('.to-do-row[data-initiative-id="2-①-a"]').getAttribute('data-state'), 'answered');
  await eventually(() => todo.locator('.to-do-row[data-initiative-id="1-①-a"]').getAttribute('data-state'), 'empty');
  await screenshot(shokokai, 'cycle-to-do');
  const fromShokokai = await download(shokokai, () => todo.getByRole('button', { name: '回答ファイルを作る' }).click());
  assert.match(fromShokokai.name, /^kama-sme-2023-2027-2025年度-商工会-回答-商工花子-\d{8}-\d{4}\.json$/);
  const answerJson = JSON.parse(await readFile(fromShokokai.path, 'utf8'));
  assert.equal(answerJson.owner, '商工会');
  assert.equal(answerJson.author, '商工 花子');

  const section = await answer({ role: 'recorder', name: '観光 次郎', owner: '商工観光課' }, requests['商工観光課'], {
    '3-①-a': ['実施中', '商談会に2社出展'],
  });
  const fromSection = await download(section, () => section.locator('.opened-request').getByRole('button', { name: '回答ファイルを作る' }).click());

  // 商工会議所 answers in Excel: its workbook, one figure changed.
  const inExcel = editStoredEntry(await readFile(excelRequest.path), 'xl/worksheets/sheet3.xml', (xml) => xml.replaceAll('1回開催予定', '2回開催済み'));

  // The 事務局 picks both answer files at once, then the workbook.
  await office.locator('.files-panel .import input[type=file]').setInputFiles([fromShokokai.path, fromSection.path]);
  await expectCount(office.locator('.answers-read .answers-taken li'), 2);
  await office.locator('.import-preview').getByRole('button', { name: '読み込む', exact: true }).click();
  await expectCount(office.locator('.import-preview'), 0);
  const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  await office.locator('.files-panel .import input[type=file]').setInputFiles({ name: excelRequest.name, mimeType: xlsx, buffer: inExcel });
  const sheetPreview = office.locator('.sheet-preview');
  await expectCount(sheetPreview.locator('tbody tr'), 1, 'the one figure');
  await expectText(sheetPreview.locator('td.incoming'), '合同企業説明会を2回開催済み');
  await sheetPreview.getByRole('button', { name: '読み込む', exact: true }).click();
  await expectCount(sheetPreview, 0);
  await expectText(board.locator('tr[data-owner="商工会"] .answered'), '1');
  await expectText(board.locator('tr[data-owner="商工会"] .empty'), '1');
  // Answers over lines untouched here since the requests are no conflicts.
  await expectText(board.locator('tr[data-owner="商工会"] .conflict'), '0');
  await expectCount(office.getByRole('region', { name: '競合した記録' }), 0);
  await expectText(board.locator('tr[data-owner="商工観光課"] .answered'), '1');
  await office.locator('details.board-rows[data-owner="商工会議所"] summary').click();
  const fromExcel = office.locator('details.board-rows[data-owner="商工会議所"] .review-row[data-initiative-id="5-①-a"]');
  await eventually(() => fromExcel.getAttribute('data-review'), 'submitted', 'the workbook is the 担当\'s answer');
  await waitForSettled(office, 'save');
  const stored = JSON.parse(await office.evaluate((k) => localStorage.getItem(k), KEY));
  const cell = stored.initiatives.find((c) => c.id === '2-①-a' && c.year === 2025);
  assert.equal(cell.results, 'セミナー3回、延べ45名');
  assert.equal(cell.author, '商工 花子', 'the answer keeps who wrote it');
  await screenshot(office, 'cycle-board');

  // Review: 商工会's answered line is 提出済; the 事務局 confirms it with a comment.
  await office.locator('details.board-rows[data-owner="商工会"] summary').click();
  const line = office.locator('details.board-rows[data-owner="商工会"] .review-row[data-initiative-id="2-①-a"]');
  await eventually(() => line.getAttribute('data-review'), 'submitted');
  await line.locator('input.review-comment').fill('参加事業者数も次回お願いします');
  await line.getByRole('button', { name: '確認済にする' }).click();
  await eventually(() => line.getAttribute('data-review'), 'confirmed');
  await expectText(line.locator('.confirmed-by'), /嘉麻 事務 · .*参加事業者数も次回お願いします/);

  // Close the year: its editors are read-only, with who closed it and why.
  const closing = office.locator('.year-closing');
  await closing.locator('#year-reason').fill('令和7年度の取りまとめ完了');
  await closing.getByRole('button', { name: 'この年度を締める' }).click();
  await expectText(closing.locator('.year-closed'), /令和7年度（2025年度）は締められています（嘉麻 事務 · .*理由: 令和7年度の取りまとめ完了）/);
  // Reopening asks for a reason first.
  await closing.getByRole('button', { name: '締めを解除して再開する' }).click();
  await expectText(closing.locator('.field-error'), /再開する理由を入力してください/);
  await expectText(closing.locator('.year-closed'), /締められています/);

  // Publish the confirmed lines only.
  const publish = office.locator('.publish');
  await expectText(publish.locator('.publish-withheld'), /確認していない取組の記録 \d+ 件は公表されません/);
  const published = await download(office, () => publish.getByRole('button', { name: 'progress.json を書き出す' }).click());
  assert.equal(published.name, 'progress.json');
  const json = JSON.parse(await readFile(published.path, 'utf8'));
  assert.deepEqual(json.initiatives.map((c) => `${c.id} ${c.year}`), ['2-①-a 2025'], 'only the confirmed line');
  assert.equal(json.years?.find((y) => y.year === 2025)?.closed, true, 'the closing travels');

  // A fresh visitor of the site with that file sees the line, closed, read-only.
  const site = await serveCopy('/');
  await writeFile(join(site.dir, 'progress.json'), await readFile(published.path, 'utf8'));
  const visitor = await newPage(app.browser, { staff: null, timezoneId: 'Asia/Tokyo' });
  await visitor.goto(site.url + '?id=2-1-a&year=2025');
  await waitForReady(visitor, 'list 2-①-a');
  const card = await yearCard(visitor, 2025);
  await eventually(() => card.locator('textarea.results-input').inputValue(), 'セミナー3回、延べ45名');
  await expectText(card.locator('.year-closed'), /令和7年度（2025年度）は締められています/);
  assert.equal(await card.locator('select.status-select').isDisabled(), true);
  await screenshot(visitor, 'cycle-published-closed');
  assert.deepEqual(visitor.errors, []);
  await visitor.context().close();
  await site.close();

  for (const page of [office, shokokai, section]) {
    assert.deepEqual(page.errors, []);
    await page.context().close();
  }
});

test('answer files that do not fit, dropped together, are listed with why, and change nothing', async () => {
  const office = await browser({ role: 'secretariat', name: '嘉麻 事務', owner: '商工観光課' }, OWNERS);
  await mkdir(DIR, { recursive: true });
  const other = join(DIR, 'other-plan-answer.json');
  await writeFile(other, JSON.stringify({ format: 'kama-sme-answer', version: 1, plan: 'other-city', year: 2025, owner: '商工会' }));
  const broken = join(DIR, 'broken.json');
  await writeFile(broken, '{"format":"kama-sme-answer"');
  // Dropped on the files panel, as from a mail attachment.
  const files = [
    { name: 'other-plan-answer.json', text: await readFile(other, 'utf8') },
    { name: 'broken.json', text: await readFile(broken, 'utf8') },
  ];
  const dropped = await office.evaluateHandle((files) => {
    const data = new DataTransfer();
    for (const f of files) data.items.add(new File([f.text], f.name, { type: 'application/json' }));
    return data;
  }, files);
  await office.locator('.files-panel').dispatchEvent('dragover', { dataTransfer: dropped });
  await office.locator('.files-panel').dispatchEvent('drop', { dataTransfer: dropped });
  const refused = office.locator('.files-refused');
  await expectCount(refused.locator('li'), 2);
  await expectText(refused, /other-plan-answer\.json/);
  await expectText(refused, /broken\.json/);
  await expectCount(office.locator('.import-preview'), 0);
  assert.deepEqual(office.errors, []);
  await office.context().close();
});

test('a request put beside index.html opens from a link (?open=), checked like an import', async () => {
  const office = await browser({ role: 'secretariat', name: '嘉麻 事務', owner: '商工観光課' }, OWNERS);
  const make = office.locator('.make-requests');
  await make.locator('#request-deadline').fill('2026-05-15');
  await make.getByRole('button', { name: '担当ごとの照会ファイルを作る' }).click();
  const request = await download(office, () => make.locator('.requests-made li[data-owner="商工会"] .request-json').click());
  await office.context().close();

  const site = await serveCopy('/');
  await writeFile(join(site.dir, request.name), await readFile(request.path, 'utf8'));
  await writeFile(join(site.dir, 'not-ours.json'), '{"format":"something-else","version":1}');
  const page = await newPage(app.browser, { staff: { role: 'recorder', name: '商工 花子', owner: '商工会' } });
  // A link to the list still opens the file where files are read.
  await page.goto(`${site.url}?open=${encodeURIComponent(request.name)}`);
  await waitForReady(page, 'progress');
  const opened = page.locator('.opened-request');
  await expectCount(opened.locator('.to-do-row'), 2);
  await expectText(opened.locator('h3'), /2025年度 · 商工会 あて · 回答期限: 2026-05-15/);

  // A file that is not ours is refused by name; a path is not followed at all.
  await page.goto(`${site.url}?open=not-ours.json&view=progress`);
  await waitForReady(page, 'progress');
  await expectText(page.locator('.files-refused'), /not-ours\.json/);
  await page.goto(`${site.url}?open=..%2Fsecret.json&view=progress`);
  await waitForReady(page, 'progress');
  await waitForSettled(page, 'idle');
  await expectCount(page.locator('.files-refused'), 0);
  assert.deepEqual(page.errors, []);
  // A linked file the site does not have is named, with why in plain Japanese
  // (not as "not JSON"); Chromium logs the 404 itself.
  await page.goto(`${site.url}?open=missing.json&view=progress`);
  await waitForReady(page, 'progress');
  await expectText(page.locator('.files-refused'), /missing\.json[\s\S]*サイトにありません（HTTP 404）/);
  await page.context().close();
  await site.close();
});
