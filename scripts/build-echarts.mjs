#!/usr/bin/env node
// Trunk post_build hook (Trunk.toml, before make-sw): bundles the parts of
// Apache ECharts the app draws with into one minified file of our own,
//
//   <dir>/vendor/echarts-<version>-kama.js      (dir: $TRUNK_STAGING_DIR or the argument)
//
// which the app loads only when a chart is on screen (src/adapters/echarts.rs).
// Never a CDN: the code comes from the npm package pinned in package-lock.json.
//
//   node scripts/build-echarts.mjs [--report] [dir]
//
// --report prints the bundle's size beside the full dist/echarts.min.js
// (raw, gzip -9, brotli -11); with --report and no directory nothing is written.
//
// The file name is shared with the app: src/adapters/echarts.rs has
// `ECHARTS_VERSION`, which must equal the echarts version in package-lock.json
// (and in node_modules). This script stops the build when they disagree, so a
// version bump cannot ship a page asking for a file the build did not make.

import { readFile, mkdir, writeFile } from 'node:fs/promises';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { build } from 'esbuild';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const ADAPTER = join(ROOT, 'src', 'adapters', 'echarts.rs');

const args = process.argv.slice(2);
const report = args.includes('--report');
const dir = args.find((a) => !a.startsWith('--')) ?? process.env.TRUNK_STAGING_DIR;

function fail(message) {
  console.error(`build-echarts: ${message}`);
  process.exit(1);
}

// --- One version, three places ----------------------------------------------
const lock = JSON.parse(await readFile(join(ROOT, 'package-lock.json'), 'utf8'));
const locked = lock.packages?.['node_modules/echarts']?.version;
if (!locked) fail('package-lock.json has no echarts: run `npm install`');
let installed;
try {
  installed = JSON.parse(await readFile(join(ROOT, 'node_modules', 'echarts', 'package.json'), 'utf8')).version;
} catch {
  fail('node_modules/echarts is missing: run `npm ci`');
}
if (installed !== locked) fail(`node_modules has echarts ${installed}, package-lock.json ${locked}: run \`npm ci\``);
const rust = (await readFile(ADAPTER, 'utf8')).match(/pub const ECHARTS_VERSION: &str = "([^"]+)";/)?.[1];
if (rust !== locked) {
  fail(`src/adapters/echarts.rs ECHARTS_VERSION is ${rust ?? '(missing)'}, package-lock.json has echarts ${locked}: make them equal`);
}
const file = `vendor/echarts-${locked}-kama.js`;

// --- The bundle ---------------------------------------------------------------
// Only what the charts use (src/ui/views/chart.rs, crates/plan/src/present/charts): bar and
// line series on a grid, with title, tooltip, legend (plain and scroll) and
// aria, drawn on canvas. `window.echarts` is the one global: the adapter calls
// init/getInstanceByDom/dispose; getInstanceById lets tests count live charts.
const entry = `
import { use, init, dispose, getInstanceByDom, getInstanceById, version } from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
use([BarChart, LineChart, AriaComponent, GridComponent, LegendComponent, TitleComponent, TooltipComponent, CanvasRenderer]);
window.echarts = Object.freeze({ init, use, dispose, getInstanceByDom, getInstanceById, version });
`;

const result = await build({
  stdin: { contents: entry, resolveDir: ROOT, sourcefile: 'echarts-kama-entry.js', loader: 'js' },
  bundle: true,
  minify: true,
  format: 'iife',
  target: ['es2019'],
  platform: 'browser',
  define: { 'process.env.NODE_ENV': '"production"' },
  legalComments: 'none',
  banner: {
    js: `/*! Apache ECharts ${locked} (https://echarts.apache.org), Apache License 2.0, with zrender and tslib (0BSD). Custom bundle: bar, line, grid, title, tooltip, legend, aria, canvas. Built by scripts/build-echarts.mjs. */`,
  },
  write: false,
  logLevel: 'warning',
});
const code = result.outputFiles[0].contents;

if (dir) {
  await mkdir(join(dir, 'vendor'), { recursive: true });
  await writeFile(join(dir, file), code);
  console.log(`build-echarts: ${file} (${kb(code.length)})`);
} else if (!report) {
  fail('no directory (run as a Trunk hook, or pass one, or --report)');
}

if (report) {
  const full = await readFile(join(ROOT, 'node_modules', 'echarts', 'dist', 'echarts.min.js'));
  const row = (name, bytes) => ({
    file: name,
    raw: kb(bytes.length),
    gzip: kb(gzipSync(bytes, { level: 9 }).length),
    brotli: kb(brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length),
  });
  const rows = [row(file, Buffer.from(code)), row(`echarts.min.js ${locked} (full)`, full)];
  console.log('| file | raw | gzip | brotli |\n|---|---:|---:|---:|');
  for (const r of rows) console.log(`| ${r.file} | ${r.raw} | ${r.gzip} | ${r.brotli} |`);
}

function kb(bytes) {
  return `${(bytes / 1024).toFixed(1)} KiB`;
}
