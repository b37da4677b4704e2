#!/usr/bin/env node
// The bytes a first visit fetches, brotli (quality 11), checked against the
// budget in bench/budget.json. Run by scripts/test after the release build.
//
//   node scripts/first-visit.mjs            prints each file, checks the budget
//   node scripts/first-visit.mjs --record   also writes each file's size into
//                                           bench/budget.json (after a change
//                                           that moved the figures on purpose)
//
// The files bench/run.mjs counts as the "first visit total": index.html and
// the top-level .wasm, .js and .css of dist/, and split/'s loader (the glue
// imports it); not sw.js (fetched after the first render), noscript.css (only
// without scripts) or the split-off wasm (fetched after the first paint or
// when a view needs it). The budget is bench/budget.json's
// first_visit_brotli_bytes, and only that; its `files` are each file's size
// when it was last recorded, to name what grew.

import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const ROOT = join(import.meta.dirname, '..');
const BUDGET = join(ROOT, 'bench', 'budget.json');

/** Paths under `dist` that a first visit with scripts fetches. */
export async function firstVisitFiles(dist) {
  const top = (await readdir(dist, { withFileTypes: true }))
    .filter((e) => e.isFile() && /\.(wasm|js|css)$/.test(e.name) && e.name !== 'sw.js' && e.name !== 'noscript.css')
    .map((e) => e.name);
  const split = (await readdir(join(dist, 'split')).catch(() => [])).filter((f) => f.endsWith('.js')).map((f) => `split/${f}`);
  return ['index.html', ...top, ...split].sort();
}

export const brotli = (buf) => brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

/** A file's name without its content hash (Trunk drops a hash's leading
 * zeros), so that budgets outlive builds. */
const stem = (file) => file.replace(/-[0-9a-f]{8,16}(?=[._])/, '');

async function main() {
  const dist = process.env.KAMA_DIST ?? join(ROOT, 'dist');
  const record = process.argv.includes('--record');
  const budget = JSON.parse(await readFile(BUDGET, 'utf8'));
  const sizes = {};
  for (const file of await firstVisitFiles(dist)) sizes[stem(file)] = brotli(await readFile(join(dist, file)));
  const total = Object.values(sizes).reduce((a, b) => a + b, 0);
  const kb = (b) => `${(b / 1024).toFixed(1)} KB`;
  for (const [file, size] of Object.entries(sizes)) {
    const was = budget.files?.[file];
    const delta = was === undefined ? ' (new)' : size === was ? '' : ` (${size > was ? '+' : ''}${kb(size - was)})`;
    console.log(`${kb(size).padStart(10)}  ${file}${delta}`);
  }
  console.log(`${kb(total).padStart(10)}  first visit, brotli 11 (budget ${kb(budget.first_visit_brotli_bytes)}, bench/budget.json)`);
  if (record) {
    budget.files = sizes;
    await writeFile(BUDGET, `${JSON.stringify(budget, null, 2)}\n`);
    console.log('recorded each file in bench/budget.json');
  }
  if (total > budget.first_visit_brotli_bytes) {
    const grown = Object.entries(sizes)
      .map(([file, size]) => [file, size - (budget.files?.[file] ?? 0)])
      .filter(([, d]) => d > 0)
      .sort((a, b) => b[1] - a[1])
      .map(([file, d]) => `${file} +${kb(d)}`);
    console.error(`first visit is ${kb(total)} brotli, over the budget of ${kb(budget.first_visit_brotli_bytes)} by ${kb(total - budget.first_visit_brotli_bytes)}`);
    console.error(`grown since bench/budget.json was recorded: ${grown.join(', ') || 'none (the budget was lowered)'}`);
    process.exit(1);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
