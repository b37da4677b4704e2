// The KPI catalog and a KPI's values: entry with unit-aware checks, the
// achievement rate and rating, persistence through the progress store.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  useApp,
  screenshot,
  axeViolations,
  waitForReady,
  waitForSettled,
  eventually,
  expectCount,
  expectText,
  expectAttribute,
  expectValue,
  expectUrl,
} from './support.mjs';

const app = useApp('/');
const KEY = 'kama-sme-tracker:progress:kama-sme-2023-2027';
const row = (page, year) => page.locator(`.kpi-values tr[data-year="${year}"]`);
const stored = (page) => page.evaluate((k) => localStorage.getItem(k), KEY);

async function enter(page, year, field, text) {
  const input = row(page, year).locator(`input.${field}`);
  await input.fill(text);
  await input.press('Enter');
}

/** Waits until the KPI page of `code` has replaced whatever was shown (the
 * catalog and a KPI's page are both the `kpis` view: `data-ready` stays). */
const kpiPage = (page, code) => page.waitForSelector(`.kpi-detail[data-kpi-code="${code}"] .kpi-values`);

/** Waits until the catalog, all 27 cards, has replaced a KPI's page. */
async function catalog(page) {
  await expectCount(page.locator('.kpi-detail'), 0, 'the KPI page is gone');
  await expectCount(page.locator('.kpi-card'), 27, 'the whole catalog is back');
}

/** Waits until chart `id` has drawn its current option (ECharts' `finished`). */
const chartDrawn = (page, id) =>
  page.waitForFunction((id) => document.getElementById(id)?.dataset.chartState === 'drawn', id);

test('the catalog lists the 27 KPIs by policy, with the initiatives that name them', async () => {
  const page = await app.open('?view=kpis');
  await expectCount(page.locator('.kpi-card'), 27);
  await expectCount(page.locator('.kpi-policy'), 6);
  const card = page.locator('.kpi-card[data-kpi-code="2-2"]');
  await expectText(card, /企業におけるデジタル化進捗割合/);
  await expectCount(card.locator('.kpi-initiatives a'), (n) => n >= 1, 'linked initiatives');
  await card.locator('h4 a').click();
  await kpiPage(page, '2-2');
  await expectUrl(page, /view=kpis&code=2-2/);
  await page.goBack();
  await waitForReady(page, 'kpis');
  await catalog(page);
  assert.deepEqual(await axeViolations(page), []);
  await screenshot(page, 'kpi-catalog');
  await page.context().close();
});

test('values are entered per year, rated, kept across a reload and undone', async () => {
  const page = await app.open('?view=kpis&code=2-2', { viewport: { width: 1280, height: 900 } });
  const { width } = await eventually(
    () => page.locator('.kpi-values').boundingBox(),
    (box) => box !== null && box.width > 900,
    'the KPI page uses the whole width',
  );
  assert.ok(width > 900, `the KPI page uses the whole width (${width}px)`);
  await enter(page, 2024, 'target', '40');
  await enter(page, 2024, 'actual', '３０．５');
  await expectValue(row(page, 2024).locator('input.actual'), '30.5', 'full-width input is read');
  await expectText(row(page, 2024).locator('.num'), '76.3%');
  await expectText(row(page, 2024).locator('.rating'), 'B');
  await enter(page, 2025, 'target', '45');
  await enter(page, 2025, 'actual', '45');
  await expectText(row(page, 2025).locator('.rating'), 'S');
  await page.waitForFunction((k) => /"actual":\s?45\b/.test(localStorage.getItem(k) ?? ''), KEY);
  await page.reload();
  await waitForReady(page, 'kpis');
  await page.waitForSelector('.kpi-values');
  await expectValue(row(page, 2024).locator('input.target'), '40');
  await expectText(row(page, 2024).locator('.rating'), 'B');

  await enter(page, 2026, 'baseline', '12');
  // The edit is in the record (stored) before it is undone: otherwise the
  // empty field below could be the one before the edit.
  await page.waitForFunction((k) => /"baseline":\s?12\b/.test(localStorage.getItem(k) ?? ''), KEY);
  await page.getByRole('button', { name: /元に戻す/ }).click();
  await expectValue(row(page, 2026).locator('input.baseline'), '');
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
    await expectAttribute(input, 'aria-invalid', 'true', text);
    const describedBy = await expectAttribute(input, 'aria-describedby', (id) => id !== null, text);
    // Each value's message differs from the one before: this waits for this value's.
    await expectText(page.locator(`#${describedBy}`), message, text);
  }
  // Nothing saved: checked once no save is pending.
  await waitForSettled(page, 'save');
  assert.equal(await stored(page), null, 'nothing saved');
  await enter(page, 2023, 'actual', '55');
  await expectAttribute(row(page, 2023).locator('input.actual'), 'aria-invalid', null, 'fixed');
  await page.waitForFunction((k) => /"actual":\s?55\b/.test(localStorage.getItem(k) ?? ''), KEY);
  await page.context().close();

  const counts = await app.open('?view=kpis&code=1-1');
  await enter(counts, 2023, 'actual', '12.5');
  await expectText(row(counts, 2023).locator('.field-error'), /整数/);
  await enter(counts, 2023, 'actual', '1,200');
  await expectValue(row(counts, 2023).locator('input.actual'), '1200');
  await counts.context().close();
});

test('an initiative links to its KPIs, and the catalog sparkline shows recorded actuals', async () => {
  const page = await app.open('?id=2-1-a');
  const link = page.locator('.kpi-list a').first();
  const code = await expectAttribute(page.locator('.kpi-list li').first(), 'data-kpi-code', (c) => c !== null, 'a KPI code');
  await link.click();
  await waitForReady(page, 'kpis');
  await kpiPage(page, code);
  await enter(page, 2023, 'actual', '3');
  await enter(page, 2024, 'actual', '5');
  await page.locator('.kpi-detail > a').first().click();
  const spark = page.locator(`.kpi-card[data-kpi-code="${code}"] svg.sparkline`);
  await spark.waitFor();
  await expectAttribute(spark, 'aria-label', /2023 3, 2024 5/);
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
  await expectText(table, /150,?000/);
  await expectText(table.locator('caption'), /千円/, 'the unit is stated');
  await expectAttribute(figure.locator('.chart-canvas'), 'aria-label', /123,?456\.5/, 'the description follows');
  const instances = () => page.evaluate(() => document.querySelectorAll('[_echarts_instance_]:not([_echarts_instance_=""])').length);
  await chartDrawn(page, 'chart-kpi');
  await eventually(instances, 1, 'one live chart');
  // Leaving and coming back, many times, leaves one live chart.
  for (let i = 0; i < 20; i++) {
    await page.locator('.kpi-detail > a').first().click();
    await catalog(page);
    await page.goBack();
    await kpiPage(page, '4-1');
    await figure.locator('.chart-canvas canvas').waitFor();
  }
  await chartDrawn(page, 'chart-kpi');
  await eventually(instances, 1, 'one live chart after 20 visits');
  assert.deepEqual(page.errors, []);
  await screenshot(page, 'kpi-chart');
  await page.context().close();
});

/** A cell's visible name: its label without the parts only screen readers get. */
const visibleNames = (tr) =>
  tr.evaluate((tr) =>
    [...tr.querySelectorAll('.field-label, .cell-label')]
      .filter((e) => e.getBoundingClientRect().width > 1)
      .map((e) => {
        const copy = e.cloneNode(true);
        copy.querySelectorAll('.visually-hidden').forEach((h) => h.remove());
        return copy.textContent.trim();
      }),
  );

/** Chromium's own accessibility tree: how many nodes have each role. */
async function axRoles(page) {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  await cdp.detach();
  const count = {};
  for (const n of nodes) if (!n.ignored && n.role?.value) count[n.role.value] = (count[n.role.value] ?? 0) + 1;
  return count;
}

test('on a 360 px phone each year is a card of named values, and nothing scrolls sideways', async () => {
  const page = await app.open('?view=kpis&code=2-2', { viewport: { width: 360, height: 740 } });
  await enter(page, 2024, 'target', '40');
  await enter(page, 2024, 'actual', '30');
  // Both values are in: the row shows its rate (the layout below is final).
  await expectText(row(page, 2024).locator('.num .cell-value'), '75.0%');
  const layout = await page.evaluate(() => {
    const region = document.querySelector('.kpi-detail .table-scroll');
    const outside = [...document.querySelectorAll('.kpi-values input, .kpi-values textarea')].filter((e) => {
      const r = e.getBoundingClientRect();
      return r.left < 0 || r.right > innerWidth;
    });
    return {
      page: document.documentElement.scrollWidth - innerWidth,
      table: region.scrollWidth - region.clientWidth,
      outside: outside.length,
    };
  });
  assert.ok(layout.page <= 0, `the page does not scroll sideways (${layout.page}px)`);
  assert.ok(layout.table <= 0, `the values do not scroll sideways inside their region (${layout.table}px)`);
  assert.equal(layout.outside, 0, 'every field is within the screen');
  await expectText(row(page, 2024).locator('.num .cell-value'), '75.0%');
  // Each value is named in its card; the year heads it.
  await eventually(() => visibleNames(row(page, 2024)), ['基準値', '目標値', '実績値', '達成率', '評価', 'メモ'], 'named values');
  await expectText(row(page, 2024).locator('th'), /令和6年度（2024年度）/);
  const head = await eventually(
    () => page.locator('.kpi-values thead').boundingBox(),
    (h) => h !== null && h.width <= 1 && h.height <= 1,
    'the header row is for screen readers only',
  );
  assert.ok(head.width <= 1 && head.height <= 1, `the header row is for screen readers only (${JSON.stringify(head)})`);
  // Still a table to assistive technology, and a field's name still says its year.
  const roles = await eventually(
    () => axRoles(page),
    (r) => r.columnheader === 7 && r.rowheader === 5 && r.table >= 1 && r.row >= 6,
    'the accessibility tree has the table',
  );
  assert.equal(roles.columnheader, 7);
  assert.equal(roles.rowheader, 5);
  assert.ok(roles.table >= 1 && roles.row >= 6, JSON.stringify(roles));
  await page.getByRole('textbox', { name: '令和6年度（2024年度） 実績値', exact: true }).waitFor();
  assert.deepEqual(await axeViolations(page), []);
  await row(page, 2024).scrollIntoViewIfNeeded();
  await screenshot(page, 'kpi-detail-360');
  assert.deepEqual(page.errors, []);
  await page.context().close();

  // On a desktop it stays one table row per year, under visible headers.
  const wide = await app.open('?view=kpis&code=2-2', { viewport: { width: 1280, height: 800 } });
  await eventually(() => wide.locator('.kpi-values thead').boundingBox(), (h) => h !== null && h.height > 20, 'visible column headers');
  await eventually(() => visibleNames(row(wide, 2024)), [], 'the headers name the columns');
  const cells = await eventually(
    () => row(wide, 2024).evaluate((tr) => [...tr.children].map((c) => Math.round(c.getBoundingClientRect().top))),
    (tops) => new Set(tops).size === 1,
    'the year, its values and its note on one line',
  );
  assert.equal(new Set(cells).size, 1, 'the year, its values and its note on one line');
  await wide.context().close();
});

test('a KPI with one recorded actual shows its year and value as text, not a lone dot', async () => {
  const page = await app.open('?view=kpis&code=1-1');
  await enter(page, 2024, 'actual', '12');
  await page.locator('.kpi-detail > a').first().click();
  const card = page.locator('.kpi-card[data-kpi-code="1-1"]');
  const single = card.locator('.sparkline-single');
  await single.waitFor();
  await expectText(single.locator('.sparkline-value'), '令和6年度（2024年度）の実績値：12人');
  await expectCount(card.locator('[role="img"]'), 0, 'no one-point chart');
  await expectAttribute(single.locator('svg'), 'aria-hidden', 'true', 'the dot is decoration');
  await expectCount(single.locator('svg circle'), 1);
  await card.scrollIntoViewIfNeeded();
  await screenshot(page, 'kpi-catalog-single-value');

  await page.locator('.lang-switch').click();
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  await expectText(single.locator('.sparkline-value'), 'Actual for FY2024 (R6): 12人');
  await expectText(single.locator('.sparkline-value [lang="ja"]'), '人', 'the unit is plan text');

  // A second value: a line again, its numbers in its label.
  await card.locator('h4 a').click();
  await kpiPage(page, '1-1');
  await enter(page, 2025, 'actual', '15');
  await page.locator('.kpi-detail > a').first().click();
  const spark = card.locator('svg.sparkline[role="img"]');
  await spark.waitFor();
  await expectAttribute(spark, 'aria-label', /2024 12, 2025 15/);
  await expectCount(card.locator('.sparkline-single'), 0);
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('yearly targets are filled in on a straight line from the baseline to the final target, as one undo step', async () => {
  const page = await app.open('?view=kpis&code=1-1');
  await kpiPage(page, '1-1');
  const fill = page.getByRole('button', { name: '各年度の目標値を入れる' });
  await expectAttribute(fill, 'disabled', '', 'nothing to start from yet');
  await enter(page, 2023, 'baseline', '10');
  await enter(page, 2027, 'target', '60');
  await enter(page, 2025, 'target', '45');
  await expectAttribute(fill, 'disabled', null);
  await fill.click();
  for (const [year, value] of [[2023, '20'], [2024, '30'], [2025, '45'], [2026, '50'], [2027, '60']]) {
    await expectValue(row(page, year).locator('input.target'), value, `FY${year} (a target typed before is kept)`);
  }
  // One step of undo takes the filled ones back.
  await page.getByRole('button', { name: /元に戻す/ }).click();
  for (const [year, value] of [[2023, ''], [2024, ''], [2025, '45'], [2026, ''], [2027, '60']]) {
    await expectValue(row(page, year).locator('input.target'), value, `FY${year} after undo`);
  }
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
