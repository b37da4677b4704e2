// Charts in headless Chromium: ECharts (our own bundle in vendor/) is loaded
// only by a chart view; every chart has a data table with the same numbers;
// the plan charts follow the explore view's filters; leaving and coming back
// disposes the charts; a failed load leaves the tables and says so; and the
// service worker keeps the bundle for offline use without precaching it.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, mkdir, readFile, writeFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import {
  ROOT,
  DIST,
  useApp,
  newPage,
  serveCopy,
  waitForServiceWorker,
  screenshot,
  axeViolations,
  waitForReady,
  waitForSettled,
  eventually,
  expectCount,
  expectTextContent,
  expectAttribute,
  expectVisible,
} from './support.mjs';

const app = useApp('/');
const KEY = 'kama-sme-tracker:progress:kama-sme-2023-2027';
const ECHARTS = /\/vendor\/echarts-[^/]*\.js$/;
const FIGURES = ['chart-direction', 'chart-first-plan', 'chart-status'];

/** The requests of the page's context for the ECharts bundle: `page` those
 * the page makes, `worker` those the service worker makes while answering
 * them. Once the worker has claimed the page one load is two requests, and
 * when it claims is a race no count may depend on. */
function recordEchartsRequests(context) {
  const seen = { page: [], worker: [] };
  context.on('request', (r) => {
    if (ECHARTS.test(new URL(r.url()).pathname)) seen[r.serviceWorker() ? 'worker' : 'page'].push(r.url());
  });
  return seen;
}

/** Opens `query` in a new context, recording ECharts requests from the start. */
async function openRecording(query, { init } = {}) {
  const page = await newPage(app.browser);
  const requests = recordEchartsRequests(page.context());
  if (init) await page.addInitScript(...init);
  await page.goto(app.server.url + query);
  await waitForReady(page);
  return { page, requests };
}

/** Waits until every chart of `ids` has drawn its current option, animation
 * included (`data-chart-state` is set from ECharts' `finished` event). */
const drawn = (page, ids = FIGURES) =>
  page.waitForFunction((ids) => ids.every((id) => document.getElementById(id)?.dataset.chartState === 'drawn'), ids);

/**
 * Waits until chart `id` has been given an option whose description matches
 * `pattern` (the app sets `data-chart-state` to `rendering` before it gives
 * ECharts a new option, so from then on `drawn` means this option is drawn),
 * then until it is drawn.
 */
async function redrawn(page, id, pattern) {
  await page.waitForFunction(
    ([id, source]) => {
      const chart = window.echarts?.getInstanceByDom(document.querySelector(`#${id} .chart-canvas`));
      const aria = chart?.getOption()?.aria;
      const description = (Array.isArray(aria) ? aria[0] : aria)?.label?.description ?? '';
      return new RegExp(source).test(description);
    },
    [id, pattern.source],
  );
  await drawn(page, [id]);
}


/** Live ECharts instances, counted without the app's help. `marked`: the
 * containers ECharts marks with `_echarts_instance_` (it blanks the mark on
 * dispose). `registered`: of every instance id `seen` so far (pass the same
 * set each time), how many ECharts' own registry still holds. */
const liveCharts = (page, seen = new Set()) =>
  page
    .evaluate((before) => {
      const ids = [...document.querySelectorAll('[_echarts_instance_]')]
        .map((e) => e.getAttribute('_echarts_instance_'))
        .filter((id) => id !== '');
      const all = [...new Set([...before, ...ids])];
      return { marked: ids.length, all, registered: all.filter((id) => window.echarts?.getInstanceById(id)).length };
    }, [...seen])
    .then(({ marked, all, registered }) => {
      all.forEach((id) => seen.add(id));
      return { marked, registered };
    });

/** A table's body as text cells, row by row. */
const tableRows = (page, id) =>
  page.evaluate(
    (id) =>
      [...document.querySelectorAll(`#${id} .chart-table tbody tr`)].map((tr) =>
        [...tr.children].map((c) => c.textContent.trim()),
      ),
    id,
  );

/**
 * What hides a legend name in chart `id`, as ECharts drew it: every series
 * name must be drawn once, inside the canvas, above the plot and clear of
 * the value axis' name (a scrolling legend leaves names off the canvas until
 * its arrows are used). Read from ECharts' instance and zrender's drawn
 * elements, so it checks the real layout, fonts included.
 */
const legendProblems = (page, id) =>
  page.evaluate((id) => {
    const chart = window.echarts.getInstanceByDom(document.querySelector(`#${id} .chart-canvas`));
    const option = chart.getOption();
    const width = chart.getWidth();
    const plot = chart.getModel().getComponent('grid').coordinateSystem.getRect();
    const drawn = chart
      .getZr()
      .storage.getDisplayList(true)
      .filter((d) => typeof d.style?.text === 'string' && d.style.text !== '' && !d.invisible)
      .map((d) => {
        const r = d.getBoundingRect().clone();
        if (d.transform) r.applyTransform(d.transform);
        return { text: d.style.text, left: r.x, right: r.x + r.width, top: r.y, bottom: r.y + r.height };
      });
    const overlap = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
    const axisName = drawn.find((t) => t.text === option.yAxis[0].name);
    const problems = [];
    if (option.legend[0].type !== 'plain') problems.push(`${id}: a ${option.legend[0].type} legend`);
    for (const name of option.series.map((s) => s.name)) {
      const items = drawn.filter((t) => t.text === name);
      if (items.length !== 1) {
        problems.push(`${id}: «${name}» drawn ${items.length} times`);
        continue;
      }
      const [item] = items;
      const at = `${Math.round(item.left)}–${Math.round(item.right)} × ${Math.round(item.top)}–${Math.round(item.bottom)}`;
      if (item.left < 0 || item.right > width || item.top < 0) problems.push(`${id}: «${name}» off the ${width}px canvas (${at})`);
      if (item.bottom > plot.y) problems.push(`${id}: «${name}» runs into the plot at ${plot.y}px (${at})`);
      if (axisName && overlap(item, axisName)) problems.push(`${id}: «${name}» covers the axis name «${axisName.text}»`);
    }
    return problems;
  }, id);

test('the list, a detail and the timeline never request ECharts', async () => {
  for (const query of ['', '?id=1-1-a', '?view=timeline']) {
    const { page, requests } = await openRecording(query);
    // Nothing may load ECharts: checked once the start-up work is done and
    // nothing is on its way.
    await waitForSettled(page);
    await page.waitForLoadState('networkidle');
    // The page loads none; its service worker keeps a copy for offline use (see offline.test.mjs).
    assert.deepEqual(requests.page, [], `${query || 'the list'} loads no ECharts`);
    assert.equal(await page.locator('script[src*="vendor/echarts"]').count(), 0);
    assert.equal(await page.evaluate(() => typeof window.echarts), 'undefined');
    assert.deepEqual(page.errors, []);
    await page.context().close();
  }
  // Not in the precache the install needs whole, but kept after it, best effort.
  const sw = await readFile(join(DIST, 'sw.js'), 'utf8');
  const precache = JSON.parse(sw.match(/const PRECACHE = (\[[\s\S]*?\]);/)[1]);
  const after = JSON.parse(sw.match(/const AFTER_INSTALL = (\[[\s\S]*?\]);/)[1]);
  assert.ok(!precache.some((f) => f.startsWith('vendor/')), 'vendor/ is not precached');
  assert.ok(after.some((f) => /^vendor\/echarts-.*\.js$/.test(f)), 'vendor/ is kept after the install');
});

test('the charts view loads ECharts once and draws one canvas per chart', async () => {
  const { page, requests } = await openRecording('?view=charts');
  await drawn(page);
  assert.equal(requests.page.length, 1);
  assert.equal(await page.locator('script[src*="vendor/echarts"]').count(), 1);
  for (const id of FIGURES) {
    await expectCount(page.locator(`#${id} .chart-canvas canvas`), 1, id);
    const caption = await expectTextContent(page.locator(`#${id} figcaption`), (c) => c !== '', `${id}: a title`);
    const label = await expectAttribute(page.locator(`#${id} .chart-canvas`), 'aria-label', (l) => l !== null, `${id}: a description`);
    assert.ok(label.startsWith(caption), `${id}: the description starts with the title`);
  }
  await eventually(() => liveCharts(page), { marked: 3, registered: 3 }, 'three live charts');
  // Tables are one button away, with the same numbers.
  const toggle = page.locator('#chart-direction .chart-table-toggle');
  await expectAttribute(toggle, 'aria-expanded', 'false');
  await expectVisible(page.locator('#chart-direction-table'), false);
  await toggle.click();
  await expectAttribute(toggle, 'aria-expanded', 'true');
  await expectTextContent(toggle, 'データ表を隠す');
  await page.locator('#chart-direction-table').waitFor();
  await eventually(
    () => page.locator('#chart-direction .chart-table thead th').allTextContents(),
    ['基本施策', '継続', '強化', '新規', '継続/要検討', '拡大', '要検討', '未記載'],
    'the table head',
  );
  await eventually(
    () => tableRows(page, 'chart-direction').then((rows) => rows[0]),
    ['1 中小企業の創業の促進を図る', '7', '1', '1', '1', '0', '0', '0'],
    'the first row',
  );
  await expectTextContent(page.locator('#chart-direction caption'), /（単位：件）$/);
  await expectTextContent(page.locator('.charts-filter-note'), /86件中 86件/);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the status chart and its table show the progress recorded for the chosen year', async () => {
  const fixture = await readFile(join(ROOT, 'crates', 'plan', 'tests', 'fixtures', 'progress-v1.json'), 'utf8');
  const { page } = await openRecording('?view=charts&year=2023', {
    init: [([k, v]) => localStorage.setItem(k, v), [KEY, fixture]],
  });
  await drawn(page);
  await expectTextContent(page.locator('#chart-status figcaption'), /令和5年度（2023年度）/);
  const seen = new Set();
  await eventually(() => liveCharts(page, seen), { marked: 3, registered: 3 }, 'three live charts');
  await page.locator('#chart-status .chart-table-toggle').click();
  await eventually(
    () => page.locator('#chart-status .chart-table thead th').allTextContents(),
    ['基本施策', '未着手', '実施中', '完了', '遅れ', '見直し', '中止', '未記録'],
    'the table head',
  );
  // 1-①-a is 完了 in FY2023; everything else is unrecorded.
  const rows = await eventually(
    () => tableRows(page, 'chart-status'),
    (rows) =>
      isDeepStrictEqual(rows[0], ['1 中小企業の創業の促進を図る', '0', '0', '1', '0', '0', '0', '9']) &&
      isDeepStrictEqual(rows[1]?.slice(1), ['0', '0', '0', '0', '0', '0', '22']),
    'the FY2023 table',
  );
  assert.deepEqual(rows[0], ['1 中小企業の創業の促進を図る', '0', '0', '1', '0', '0', '0', '9']);
  assert.deepEqual(rows[1].slice(1), ['0', '0', '0', '0', '0', '0', '22']);
  await expectAttribute(page.locator('#chart-status .chart-canvas'), 'aria-label', /完了：1 中小企業の創業の促進を図る 1、/);

  // Another year: 2-①-a is 遅れ in FY2024; the chart and table follow.
  await page.locator('.charts-view .year-picker select').selectOption('2024');
  await page.waitForFunction(() => document.querySelector('#chart-status figcaption').textContent.includes('2024年度'));
  const rows2024 = await eventually(
    () => tableRows(page, 'chart-status'),
    (rows) =>
      isDeepStrictEqual(rows[0]?.slice(1), ['0', '0', '0', '0', '0', '0', '10']) &&
      isDeepStrictEqual(rows[1]?.slice(1), ['0', '0', '0', '1', '0', '0', '21']),
    'the FY2024 table',
  );
  assert.deepEqual(rows2024[0].slice(1), ['0', '0', '0', '0', '0', '0', '10']);
  assert.deepEqual(rows2024[1].slice(1), ['0', '0', '0', '1', '0', '0', '21']);
  // The chart has been given the new year's option and has drawn it: any
  // instance the change made would be there by now.
  await redrawn(page, 'chart-status', /2024年度/);
  await eventually(() => liveCharts(page, seen), { marked: 3, registered: 3 }, 'three live charts');
  assert.equal(seen.size, 3, 'updated in place (setOption), not re-created');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the plan charts follow the filters in the URL and as they change', async () => {
  const { page } = await openRecording('?view=charts&policy=2');
  await drawn(page);
  await expectTextContent(page.locator('.charts-filter-note'), /86件中 22件/);
  const rows = await eventually(() => tableRows(page, 'chart-direction'), (rows) => rows.length === 6, 'six policies');
  assert.deepEqual(rows[1].slice(1), ['8', '8', '3', '3', '0', '0', '0']);
  for (const n of [0, 2, 3, 4, 5]) assert.ok(rows[n].slice(1).every((c) => c === '0'), `policy ${n + 1} filtered out`);
  const first = await eventually(() => tableRows(page, 'chart-first-plan'), (rows) => rows.length === 6, 'six policies');
  assert.deepEqual(first[1].slice(1), ['11', '11', '0']);

  // A search typed in the filter panel narrows the charts too.
  await page.locator('.search input').fill('デジタル');
  await page.waitForFunction(() => !/86件中 22件/.test(document.querySelector('.charts-filter-note').textContent));
  // The filter change is complete (its address written) before the note and
  // the table are compared.
  await waitForSettled(page, 'address');
  const shownAndCounted = async () => {
    const note = await page.locator('.charts-filter-note').textContent();
    const shown = Number(note.match(/86件中 (\d+)件/)[1]);
    const counted = (await tableRows(page, 'chart-first-plan')).flatMap((r) => r.slice(1)).reduce((a, c) => a + Number(c), 0);
    return { shown, counted };
  };
  const { shown, counted } = await eventually(
    shownAndCounted,
    ({ shown, counted }) => shown !== 22 && counted === shown,
    'the charts count exactly the listed results',
  );
  assert.equal(counted, shown, 'the charts count exactly the listed results');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('going between the list and the charts 20 times leaves only the charts on screen alive', async () => {
  const { page, requests } = await openRecording('?view=charts');
  await drawn(page);
  const tabs = page.locator('nav.view-tabs');
  // Every instance id ever on screen: only the last three may stay alive.
  const seen = new Set();
  await eventually(() => liveCharts(page, seen), { marked: 3, registered: 3 }, 'three live charts');
  for (let n = 0; n < 20; n++) {
    await tabs.getByRole('link', { name: '一覧', exact: true }).click();
    await waitForReady(page, 'list');
    await page.locator('.plan-tree').waitFor();
    await eventually(() => liveCharts(page, seen), { marked: 0, registered: 0 }, `round ${n + 1}: disposed when leaving`);
    await tabs.getByRole('link', { name: 'グラフ', exact: true }).click();
    await waitForReady(page, 'charts');
    await drawn(page);
    await eventually(() => liveCharts(page, seen), { marked: 3, registered: 3 }, `round ${n + 1}`);
  }
  assert.equal(seen.size, 3 * 21, 'each visit made its own three charts');
  await expectCount(page.locator('.chart-canvas canvas'), 3);
  assert.equal(requests.page.length, 1, 'the bundle is loaded once');
  await expectCount(page.locator('script[src*="vendor/echarts"]'), 1);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('when ECharts cannot be loaded the tables show and say the charts are unavailable', async () => {
  const page = await newPage(app.browser);
  await page.route('**/vendor/echarts-*', (r) => r.abort());
  await page.goto(app.server.url + '?view=charts');
  await waitForReady(page, 'charts');
  await page.waitForFunction(
    (ids) => ids.every((id) => document.getElementById(id)?.dataset.chartState === 'unavailable'),
    FIGURES,
  );
  for (const id of FIGURES) {
    const message = page.locator(`#${id} .chart-unavailable`);
    await expectVisible(message, true, id);
    await expectTextContent(message, 'グラフを表示できません（データ表をご覧ください）');
    await expectVisible(page.locator(`#${id}-table`), true, `${id}: the table is open`);
    await expectVisible(page.locator(`#${id} .chart-canvas`), false);
  }
  await eventually(() => tableRows(page, 'chart-direction').then((rows) => rows[0]?.[1]), '7');
  await expectCount(page.locator('canvas'), 0);
  // The failed script is removed, so a later chart view tries again.
  await expectCount(page.locator('script[src*="vendor/echarts"]'), 0);
  // Chromium logs the blocked file; nothing else may fail.
  assert.deepEqual(page.errors.filter((e) => !e.startsWith('Failed to load resource')), []);
  await page.context().close();
});

test('the charts view passes axe-core with the tables open, and is screenshot', async () => {
  const fixture = await readFile(join(ROOT, 'crates', 'plan', 'tests', 'fixtures', 'progress-v1.json'), 'utf8');
  const { page } = await openRecording('?view=charts&year=2023', {
    init: [([k, v]) => localStorage.setItem(k, v), [KEY, fixture]],
  });
  await drawn(page);
  assert.deepEqual(await axeViolations(page), []);
  await screenshot(page, 'charts');
  for (const id of FIGURES) await page.locator(`#${id} .chart-table-toggle`).click();
  for (const id of FIGURES) {
    await expectAttribute(page.locator(`#${id} .chart-table-toggle`), 'aria-expanded', 'true', id);
    await expectVisible(page.locator(`#${id}-table`), true, `${id}: the table is open`);
  }
  assert.deepEqual(await axeViolations(page), []);
  await page.context().close();

  // A phone: the charts fit the width, nothing scrolls sideways.
  const phone = await newPage(app.browser, { viewport: { width: 360, height: 740 } });
  await phone.goto(app.server.url + '?view=charts');
  await waitForReady(phone, 'charts');
  await drawn(phone);
  const overflow = await eventually(
    () => phone.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
    (o) => o <= 0,
    'no sideways scrolling at 360 px',
  );
  assert.ok(overflow <= 0, `no sideways scrolling at 360 px (${overflow}px)`);
  const width = await eventually(
    () => phone.locator('#chart-status .chart-canvas canvas').evaluate((c) => c.getBoundingClientRect().width),
    (w) => w > 250 && w <= 360,
    "the canvas follows the phone's width",
  );
  assert.ok(width > 250 && width <= 360, `the canvas follows the phone's width (${width}px)`);
  await phone.locator('#chart-direction').scrollIntoViewIfNeeded();
  await screenshot(phone, 'charts-360');
  assert.deepEqual(phone.errors, []);
  await phone.context().close();
});

test('in English the charts, tables and messages are English; quoted plan text is marked Japanese', async () => {
  const { page } = await openRecording('?view=charts&year=2024');
  await drawn(page);
  await page.locator('.lang-switch').click();
  await page.waitForFunction(() => document.querySelector('#chart-status figcaption').textContent.includes('FY2024'));
  await expectTextContent(page.locator('#chart-status figcaption'), 'Status per basic policy (FY2024 (R6))');
  await page.locator('#chart-status .chart-table-toggle').click();
  await expectTextContent(page.locator('#chart-status .chart-table-toggle'), 'Hide data table');
  await expectTextContent(page.locator('#chart-status caption'), 'Status per basic policy (FY2024 (R6)) (unit: initiatives)');
  await eventually(
    () => page.locator('#chart-status thead th').allTextContents(),
    ['Basic policy', 'Not started', 'In progress', 'Done', 'Delayed', 'Under review', 'Stopped', 'Not recorded'],
    'the table head',
  );
  await expectAttribute(page.locator('#chart-status tbody th').first(), 'lang', 'ja');
  await expectAttribute(page.locator('#chart-status thead th').first(), 'lang', null);
  await expectTextContent(page.locator('.charts-filter-note'), /\(86 of 86 initiatives\)/);
  await expectAttribute(page.locator('#chart-status .chart-canvas'), 'aria-label', /^Status per basic policy \(FY2024 \(R6\)\)\. Unit: initiatives\. Not started: /);
  // Every chart has its English option, drawn.
  await redrawn(page, 'chart-direction', /^Initiatives per basic policy, by implementation direction/);
  await redrawn(page, 'chart-first-plan', /^Initiatives per basic policy, by relation to the 1st plan/);
  await redrawn(page, 'chart-status', /^Status per basic policy \(FY2024/);
  await eventually(() => liveCharts(page), { marked: 3, registered: 3 }, 'three live charts');
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the worker keeps ECharts at its install: the page loads it from there once, and offline', async () => {
  const site = await serveCopy('/kama/');
  try {
    const page = await newPage(app.browser);
    const requests = recordEchartsRequests(page.context());
    await page.goto(site.url);
    await waitForReady(page, 'list');
    await waitForServiceWorker(page);
    await waitForSettled(page);
    assert.deepEqual(requests.page, [], 'the list loads no ECharts');
    assert.equal(requests.worker.length, 1, 'installing the worker kept ECharts');
    await page.locator('nav.view-tabs').getByRole('link', { name: 'グラフ', exact: true }).click();
    await waitForReady(page, 'charts');
    await drawn(page);
    // The worker answers the page from its cache: one load, no second download.
    assert.equal(requests.page.length, 1, 'the page loads the bundle once');
    assert.equal(requests.worker.length, 1, 'from the cache');

    await page.context().setOffline(true);
    await site.stop();
    await page.reload();
    await waitForReady(page, 'charts');
    await drawn(page);
    await expectCount(page.locator('.chart-canvas canvas'), 3);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  } finally {
    await site.close();
  }
});

test('make-sw leaves vendor/ out of the precache list, to cache after it, and in the version hash', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'kama-sw-vendor-'));
  const make = async () => {
    execFileSync('node', [join(ROOT, 'scripts', 'make-sw.mjs'), dir]);
    const source = await readFile(join(dir, 'sw.js'), 'utf8');
    return {
      list: JSON.parse(source.match(/const PRECACHE = (\[[\s\S]*?\]);/)[1]),
      after: JSON.parse(source.match(/const AFTER_INSTALL = (\[[\s\S]*?\]);/)[1]),
      version: source.match(/const CACHE = '(kama-sme-[0-9a-f]+)'/)[1],
    };
  };
  try {
    await mkdir(join(dir, 'vendor'));
    await writeFile(join(dir, 'index.html'), '<!doctype html>');
    await writeFile(join(dir, 'vendor', 'echarts-6.1.0-kama.js'), 'a');
    const first = await make();
    assert.deepEqual(first.list, ['./', 'index.html']);
    assert.deepEqual(first.after, ['vendor/echarts-6.1.0-kama.js']);
    await writeFile(join(dir, 'vendor', 'echarts-6.1.0-kama.js'), 'b');
    assert.notEqual((await make()).version, first.version, 'a new bundle is a new version');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('one ECharts version names the bundle: adapter, lock file and build agree', async () => {
  const rust = await readFile(join(ROOT, 'src', 'adapters', 'echarts.rs'), 'utf8');
  const lock = JSON.parse(await readFile(join(ROOT, 'package-lock.json'), 'utf8'));
  const version = rust.match(/pub const ECHARTS_VERSION: &str = "([^"]+)";/)[1];
  assert.equal(version, lock.packages['node_modules/echarts'].version, 'one version in both places');
  const built = await readFile(join(DIST, 'vendor', `echarts-${version}-kama.js`), 'utf8');
  assert.match(built, /^\/\*! Apache ECharts /, 'the bundle keeps its licence banner');
});

test('every legend name is shown on a 360 px phone and at 1280 px, in both languages', async () => {
  const problems = [];
  for (const viewport of [{ width: 360, height: 740 }, { width: 1280, height: 800 }]) {
    for (const lang of ['ja', 'en']) {
      const page = await newPage(app.browser, { viewport });
      if (lang === 'en') await page.addInitScript(() => localStorage.setItem('kama-sme-tracker:lang', 'en'));
      await page.goto(app.server.url + '?view=charts');
      await waitForReady(page, 'charts');
      // Drawn: each chart's last option (its legend wrapped to the canvas'
      // width) is rendered and its animation over.
      await drawn(page);
      await expectAttribute(page.locator('html'), 'lang', lang);
      for (const id of FIGURES) problems.push(...(await legendProblems(page, id)).map((p) => `${viewport.width} ${lang} ${p}`));
      if (viewport.width === 360) {
        await page.locator('#chart-status').scrollIntoViewIfNeeded();
        await screenshot(page, `charts-legend-360-${lang}`);
      }
      assert.deepEqual(page.errors, []);
      await page.context().close();
    }
  }
  // The KPI chart (two series) too.
  const kpi = await newPage(app.browser, { viewport: { width: 360, height: 740 } });
  await kpi.goto(app.server.url + '?view=kpis&code=2-2');
  await waitForReady(kpi, 'kpis');
  await drawn(kpi, ['chart-kpi']);
  problems.push(...(await legendProblems(kpi, 'chart-kpi')).map((p) => `360 ja ${p}`));
  await kpi.context().close();
  assert.deepEqual(problems, []);
});

test('when the canvas narrows, the legend wraps onto more lines and the plot moves down', async () => {
  const page = await newPage(app.browser, { viewport: { width: 1280, height: 800 } });
  await page.goto(app.server.url + '?view=charts');
  await waitForReady(page, 'charts');
  await drawn(page);
  const plotTop = () =>
    page.evaluate(() =>
      window.echarts
        .getInstanceByDom(document.querySelector('#chart-status .chart-canvas'))
        .getModel()
        .getComponent('grid')
        .coordinateSystem.getRect().y,
    );
  const wide = await plotTop();
  await page.setViewportSize({ width: 360, height: 740 });
  await page.waitForFunction((wide) => {
    const chart = window.echarts.getInstanceByDom(document.querySelector('#chart-status .chart-canvas'));
    return chart.getModel().getComponent('grid').coordinateSystem.getRect().y > wide;
  }, wide);
  // The option for the narrow canvas has been given (the state went to
  // `rendering` before it was): the legend has settled once it is drawn.
  await drawn(page, ['chart-status']);
  assert.deepEqual(await legendProblems(page, 'chart-status'), []);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.waitForFunction((wide) => {
    const chart = window.echarts.getInstanceByDom(document.querySelector('#chart-status .chart-canvas'));
    return chart.getModel().getComponent('grid').coordinateSystem.getRect().y === wide;
  }, wide);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
