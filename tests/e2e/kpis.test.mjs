// The KPI catalog and a KPI's values: entry with unit-aware checks, the
// achievement rate and rating, persistence through the progress store.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, screenshot, axeViolations } from './support.mjs';

const app = useApp('/');
const KEY = 'kama-sme-tracker:progress:kama-sme-2023-2027';
const row = (page, year) => page.locator(`.kpi-values tr[data-year="${year}"]`);
const stored = (page) => page.evaluate((k) => localStorage.getItem(k), KEY);

async function enter(page, year, field, text) {
  const input = row(page, year).locator(`input.${field}`);
  await input.fill(text);
  await input.press('Enter');
}

test('the catalog lists the 27 KPIs by policy, with the initiatives that name them', async () => {
  const page = await app.open('?view=kpis');
  assert.equal(await page.locator('.kpi-card').count(), 27);
  assert.equal(await page.locator('.kpi-policy').count(), 6);
  const card = page.locator('.kpi-card[data-kpi-code="2-2"]');
  assert.match(await card.innerText(), /企業におけるデジタル化進捗割合/);
  assert.ok((await card.locator('.kpi-initiatives a').count()) >= 1, 'linked initiatives');
  await card.locator('h4 a').click();
  await page.waitForSelector('.kpi-detail[data-kpi-code="2-2"]');
  assert.match(page.url(), /view=kpis&code=2-2/);
  await page.goBack();
  await page.waitForSelector('.kpi-card');
  assert.deepEqual(await axeViolations(page), []);
  await screenshot(page, 'kpi-catalog');
  await page.context().close();
});

test('values are entered per year, rated, kept across a reload and undone', async () => {
  const page = await app.open('?view=kpis&code=2-2', { viewport: { width: 1280, height: 900 } });
  const { width } = await page.locator('.kpi-values').boundingBox();
  assert.ok(width > 900, `the KPI page uses the whole width (${width}px)`);
  await enter(page, 2024, 'target', '40');
  await enter(page, 2024, 'actual', '３０．５');
  assert.equal(await row(page, 2024).locator('input.actual').inputValue(), '30.5', 'full-width input is read');
  assert.equal(await row(page, 2024).locator('.num').innerText(), '76.3%');
  assert.equal(await row(page, 2024).locator('.rating').innerText(), 'B');
  await enter(page, 2025, 'target', '45');
  await enter(page, 2025, 'actual', '45');
  assert.equal(await row(page, 2025).locator('.rating').innerText(), 'S');
  await page.waitForFunction((k) => /"actual":\s?45\b/.test(localStorage.getItem(k) ?? ''), KEY);
  await page.reload();
  await page.waitForSelector('.kpi-values');
  assert.equal(await row(page, 2024).locator('input.target').inputValue(), '40');
  assert.equal(await row(page, 2024).locator('.rating').innerText(), 'B');

  await enter(page, 2026, 'baseline', '12');
  await page.getByRole('button', { name: /元に戻す/ }).click();
  assert.equal(await row(page, 2026).locator('input.baseline').inputValue(), '');
  assert.deepEqual(await axeViolations(page), []);
  await screenshot(page, 'kpi-detail');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a value the unit does not allow shows why beside the field and saves nothing', async () => {
  const page = await app.open('?view=kpis&code=2-2');
  for (const [text, message] of [['120', /0〜100/], ['abc', /数値として読めません/], ['-5', /0以上/]]) {
    await enter(page, 2023, 'actual', text);
    const input = row(page, 2023).locator('input.actual');
    assert.equal(await input.getAttribute('aria-invalid'), 'true', text);
    const describedBy = await input.getAttribute('aria-describedby');
    assert.match(await page.locator(`#${describedBy}`).innerText(), message, text);
  }
  assert.equal(await stored(page), null, 'nothing saved');
  await enter(page, 2023, 'actual', '55');
  assert.equal(await row(page, 2023).locator('input.actual').getAttribute('aria-invalid'), null, 'fixed');
  await page.waitForFunction((k) => /"actual":\s?55\b/.test(localStorage.getItem(k) ?? ''), KEY);
  await page.context().close();

  const counts = await app.open('?view=kpis&code=1-1');
  await enter(counts, 2023, 'actual', '12.5');
  assert.match(await row(counts, 2023).locator('.field-error').innerText(), /整数/);
  await enter(counts, 2023, 'actual', '1,200');
  assert.equal(await row(counts, 2023).locator('input.actual').inputValue(), '1200');
  await counts.context().close();
});

test('an initiative links to its KPIs, and the catalog sparkline shows recorded actuals', async () => {
  const page = await app.open('?id=2-1-a');
  const link = page.locator('.kpi-list a').first();
  const code = await page.locator('.kpi-list li').first().getAttribute('data-kpi-code');
  await link.click();
  await page.waitForSelector(`.kpi-detail[data-kpi-code="${code}"]`);
  await enter(page, 2023, 'actual', '3');
  await enter(page, 2024, 'actual', '5');
  await page.locator('.kpi-detail > a').first().click();
  const spark = page.locator(`.kpi-card[data-kpi-code="${code}"] svg.sparkline`);
  await spark.waitFor();
  assert.match(await spark.getAttribute('aria-label'), /2023 3, 2024 5/);
  await page.context().close();
});

test('the KPI page draws target vs actual, and the chart and its table follow what is entered', async () => {
  const page = await app.open('?view=kpis&code=4-1');
  const figure = page.locator('#chart-kpi');
  await figure.locator('.chart-canvas canvas').waitFor();
  await enter(page, 2023, 'target', '150000');
  await enter(page, 2023, 'actual', '123456.5');
  await figure.locator('.chart-table-toggle').click();
  const table = figure.locator('.chart-table');
  await page.waitForFunction(() => /123,?456\.5/.test(document.querySelector('#chart-kpi .chart-table')?.innerText ?? ''));
  assert.match(await table.innerText(), /150,?000/);
  assert.match(await table.locator('caption').innerText(), /千円/, 'the unit is stated');
  assert.match(await figure.locator('.chart-canvas').getAttribute('aria-label'), /123,?456\.5/, 'the description follows');
  const instances = () => page.evaluate(() => document.querySelectorAll('[_echarts_instance_]:not([_echarts_instance_=""])').length);
  assert.equal(await instances(), 1);
  // Leaving and coming back, many times, leaves one live chart.
  for (let i = 0; i < 20; i++) {
    await page.locator('.kpi-detail > a').first().click();
    await page.waitForSelector('.kpi-card');
    await page.goBack();
    await figure.locator('.chart-canvas canvas').waitFor();
  }
  assert.equal(await instances(), 1);
  assert.deepEqual(page.errors, []);
  await screenshot(page, 'kpi-chart');
  await page.context().close();
});
