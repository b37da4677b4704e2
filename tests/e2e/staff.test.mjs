// Who records: the page opens read-only for everyone; 「記入する」 asks once for
// the name and the 担当 (kept as typed) and a role; no edit is made without a
// name; staff's controls are a split file visitors never fetch.

import { test } from 'node:test';
import assert from 'node:assert/strict';
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
  setStaff,
} from './support.mjs';

const app = useApp();
const KEY = 'kama-sme-tracker:progress:kama-sme-2023-2027';

/** A visitor's fresh browser at `query`, listing the split files it fetched. */
async function visit(query, options = {}) {
  const page = await newPage(app.browser, { staff: null, ...options });
  page.fetched = [];
  page.on('request', (r) => page.fetched.push(new URL(r.url()).pathname));
  await page.goto(app.server.url + query);
  await waitForReady(page);
  return page;
}

test('a visitor reads the record with every editor disabled, and fetches no staff code', async () => {
  const page = await visit('?id=2-1-a');
  await waitForReady(page, 'list 2-①-a');
  const bar = page.locator('.record-bar');
  await expectText(bar, /公表されている記録（閲覧のみ）/);
  await expectCount(bar.getByRole('button', { name: /元に戻す|↶/ }), 0, 'no undo where nothing can be done');
  const card = await yearCard(page, 2025);
  assert.equal(await card.locator('select.status-select').isDisabled(), true);
  assert.equal(await card.locator('textarea.note-input').isDisabled(), true);

  // The other editors too: KPI values, the council's notes, importing.
  await page.goto(app.server.url + '?view=kpis&code=2-2');
  await waitForReady(page, 'kpis');
  await eventually(() => page.locator('input.kpi-input').evaluateAll((els) => els.length > 0 && els.every((e) => e.disabled)), true);
  await page.goto(app.server.url + '?view=report');
  await waitForReady(page, 'report');
  await eventually(() => page.locator('.council-field textarea').evaluateAll((els) => els.length > 0 && els.every((e) => e.disabled)), true);
  await page.goto(app.server.url + '?view=progress');
  await waitForReady(page, 'progress');
  await page.waitForSelector('.files-panel');
  assert.equal(await page.locator('.files-panel .import').isVisible(), false, 'no import for visitors');

  await waitForSettled(page, 'idle', 'preload');
  assert.deepEqual(page.fetched.filter((f) => f.includes('split-staff-')), [], 'the staff file is not fetched');
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('記入する asks for the name and the 担当, keeps them as typed, and every edit carries the name', async () => {
  const page = await visit('?id=2-1-a', { timezoneId: 'Asia/Tokyo' });
  await waitForReady(page, 'list 2-①-a');
  await page.locator('#start-recording').click();
  const setup = page.locator('.staff-setup');
  await setup.waitFor();
  const start = setup.getByRole('button', { name: '記入を始める' });
  assert.equal(await start.isDisabled(), true, 'nothing recorded without a name');
  await expectText(setup.locator('.missing'), /記入者名を入力してください。\s*担当を入力してください。/);
  assert.deepEqual(await axeViolations(page), []);
  await screenshot(page, 'staff-setup');

  // Typed and not confirmed: kept over a reload (no blur, no button).
  await setup.getByLabel('記入者名').fill('嘉麻 次郎');
  await page.reload();
  await waitForReady(page, 'list 2-①-a');
  await page.locator('#start-recording').click();
  await eventually(() => setup.getByLabel('記入者名').inputValue(), '嘉麻 次郎');
  assert.equal(await start.isDisabled(), true, 'the 担当 is still missing');
  await setup.getByLabel(/^担当/).fill('商工会');
  await setup.getByLabel(/^事務局/).check();
  await start.click();
  await setup.waitFor({ state: 'detached' });

  const bar = page.locator('.record-bar');
  await expectText(bar.locator('.staff-chip'), /記入者: 嘉麻 次郎（商工会） · 事務局/);
  const card = await yearCard(page, 2025);
  await card.locator('select.status-select').selectOption({ label: '実施中' });
  await expectText(card.locator('.stamp'), /嘉麻 次郎/);
  await waitForSettled(page, 'save');
  const stored = JSON.parse(await page.evaluate((k) => localStorage.getItem(k), KEY));
  assert.equal(stored.initiatives[0].author, '嘉麻 次郎');
  await bar.getByRole('button', { name: /元に戻す/ }).waitFor();

  // Back to reading: the editors close again; the name stays for next time.
  await bar.locator('.staff-chip').click();
  await setup.getByRole('button', { name: /閲覧に戻る/ }).click();
  await page.locator('#start-recording').waitFor();
  assert.equal(await (await yearCard(page, 2025)).locator('select.status-select').isDisabled(), true);
  await page.locator('#start-recording').click();
  await eventually(() => setup.getByLabel('記入者名').inputValue(), '嘉麻 次郎');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a browser that kept only a name before roles existed goes on recording under it', async () => {
  const page = await newPage(app.browser, { staff: null });
  await page.addInitScript(() => localStorage.setItem('kama-sme-tracker:author', '古い 名前'));
  await page.goto(app.server.url + '?id=2-1-a');
  await waitForReady(page, 'list 2-①-a');
  await expectText(page.locator('.record-bar .staff-chip'), /記入者: 古い 名前/);
  assert.equal(await (await yearCard(page, 2025)).locator('select.status-select').isDisabled(), false);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the recorder set in one tab is the one every open tab records with', async () => {
  const first = await newPage(app.browser);
  await first.goto(app.server.url + '?id=2-1-a');
  await waitForReady(first, 'list 2-①-a');
  const second = await first.context().newPage();
  await second.goto(app.server.url + '?id=3-1-a');
  await waitForReady(second, 'list 3-①-a');
  await expectText(second.locator('.record-bar .staff-chip'), /検査 花子/);

  await setStaff(first, { name: '新しい 名前' });
  await expectText(second.locator('.record-bar .staff-chip'), /新しい 名前（商工観光課）/);
  await (await yearCard(second, 2025)).locator('select.status-select').selectOption({ label: '完了' });
  await expectText((await yearCard(second, 2025)).locator('.stamp'), /新しい 名前/);
  await first.context().close();
});
