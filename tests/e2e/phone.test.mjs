// A phone's screen (360 × 740): the page's own chrome leaves the content most
// of it, every view's tab can be reached in one row, wide tables scroll under
// their first column.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, waitForReady, eventually, expectVisible, screenshot, axeViolations } from './support.mjs';

const app = useApp('/');
const PHONE = { viewport: { width: 360, height: 740 } };
const VIEWS = ['list', 'timeline', 'progress', 'report', 'kpis', 'charts'];

/** Pixels from the top of the page to the bottom of the last chrome element
 * (masthead, tabs, the record bar when it shows anything). */
const chromeHeight = (page) =>
  page.evaluate(() =>
    Math.max(
      ...['.masthead', '.view-tabs:not(.prerendered-tabs)', '.record-bar']
        .map((s) => document.querySelector(s))
        .filter((e) => e && e.getBoundingClientRect().height > 0)
        .map((e) => e.getBoundingClientRect().bottom),
    ),
  );

/** Whether the current tab lies whole inside the tab row's visible part. */
const currentTabShown = (page) =>
  page.evaluate(() => {
    const row = document.querySelector('.view-tabs:not(.prerendered-tabs)').getBoundingClientRect();
    const tab = document.querySelector('.view-tabs:not(.prerendered-tabs) [aria-current="page"]').getBoundingClientRect();
    return tab.left >= row.left - 0.5 && tab.right <= row.right + 0.5;
  });

for (const [who, staff] of [
  ['a visitor', { staff: null }],
  ['staff', {}],
]) {
  test(`360 px, ${who}: every view's chrome fits a quarter of the screen, its tab in one scrolling row`, async () => {
    for (const view of VIEWS) {
      const page = await app.open(view === 'list' ? '' : `?view=${view}`, { ...PHONE, ...staff });
      await waitForReady(page, view);
      const edits = !['timeline', 'charts'].includes(view);
      const bar = page.locator(who === 'staff' ? '.record-bar .staff-chip' : '#start-recording');
      // Where nothing is edited, the bar gives the content its room.
      await expectVisible(bar, edits, `${view}: the record bar's controls are ${edits ? 'shown' : 'not shown'}`);
      const height = await chromeHeight(page);
      assert.ok(height <= 740 / 4, `${view}: the chrome ends at ${height}px, more than a quarter of 740`);
      const rows = await page.evaluate(() => {
        const tops = [...document.querySelectorAll('.view-tabs:not(.prerendered-tabs) a')].map((a) => a.getBoundingClientRect().top);
        return new Set(tops).size;
      });
      assert.equal(rows, 1, `${view}: the tabs are one row`);
      await eventually(() => currentTabShown(page), true, `${view}: its tab is scrolled into the row`);
      assert.ok((await page.evaluate(() => document.documentElement.scrollWidth)) <= 360, `${view}: the page does not scroll sideways`);
      if (view === 'charts') await screenshot(page, `phone-chrome-${who === 'staff' ? 'staff' : 'visitor'}-charts`);
      await page.context().close();
    }
  });
}

test('360 px: undo and redo keep their names when only their arrows show', async () => {
  const page = await app.open('', PHONE);
  const undo = page.getByRole('button', { name: '↶ 元に戻す' });
  await expectVisible(undo, true, 'undo is named');
  const width = await undo.evaluate((b) => b.getBoundingClientRect().width);
  assert.ok(width < 60, `undo is an arrow on a phone (${width}px wide)`);
  assert.deepEqual(await axeViolations(page), []);
  await page.context().close();
});

test('360 px: a wide table scrolls sideways under its first column; headers stay on one line', async () => {
  const page = await app.open('?view=progress', PHONE);
  await waitForReady(page, 'progress');
  const table = page.locator('.status-table').first();
  await expectVisible(table, true, 'the per-policy status table');
  const scroller = page.locator('.table-scroll', { has: table });
  const layout = () =>
    scroller.evaluate((s) => {
      const first = s.querySelector('tbody tr > :first-child').getBoundingClientRect();
      // Lines a header's words take: the distinct tops of their line boxes.
      const lines = (cell) => {
        const range = document.createRange();
        range.selectNodeContents(cell);
        return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
      };
      return {
        overflows: s.scrollWidth > s.clientWidth,
        firstLeft: first.left - s.getBoundingClientRect().left,
        headLines: Math.max(...[...s.querySelectorAll('thead th')].slice(1).map(lines)),
      };
    });
  const before = await layout();
  assert.equal(before.headLines, 1, 'each status header takes one line');
  assert.ok(before.overflows, 'the table is wider than the phone, and scrolls');
  await scroller.evaluate((s) => {
    s.scrollLeft = s.scrollWidth;
  });
  await eventually(() => scroller.evaluate((s) => s.scrollLeft > 0), true, 'the table scrolled');
  const after = await layout();
  assert.ok(Math.abs(after.firstLeft - before.firstLeft) < 1, `the first column stays put (${before.firstLeft} → ${after.firstLeft})`);
  await screenshot(page, 'phone-status-table-scrolled');
  await page.context().close();
});
