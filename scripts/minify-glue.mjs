#!/usr/bin/env node
// Trunk post_build hook (Trunk.toml, after link-split.mjs): minifies the wasm-bindgen glue.
//
//   node scripts/minify-glue.mjs [dir]     (dir defaults to $TRUNK_STAGING_DIR)
//
// Trunk 0.21's own JS minifier fails on the glue wasm-bindgen 0.2.130 writes
// (`export { …, __wbg_init as default }`: "RequiredTokenNotFound"), warns, and
// ships it unminified. esbuild (pinned in package-lock.json, already used for
// the ECharts bundle) minifies it instead, keeping it an ES module with the
// same exports; the file keeps Trunk's name and its SRI integrity in
// index.html is recomputed. Running it twice changes nothing that matters.

import { createHash } from 'node:crypto';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { transform } from 'esbuild';

const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('minify-glue: no directory (run as a Trunk hook, or pass one)');
  process.exit(1);
}
const sri = (code) => `sha384-${createHash('sha384').update(code).digest('base64')}`;

const glue = (await readdir(dir)).filter((f) => /^kama-sme-app-[0-9a-f]+\.js$/.test(f));
if (glue.length !== 1) {
  console.error(`minify-glue: expected one kama-sme-app-<hash>.js in ${dir}, found ${glue.length}`);
  process.exit(1);
}
const file = join(dir, glue[0]);
const before = await readFile(file, 'utf8');
const { code } = await transform(before, { format: 'esm', minify: true, target: 'es2020', legalComments: 'none' });
await writeFile(file, code);

const indexFile = join(dir, 'index.html');
const html = await readFile(indexFile, 'utf8');
const tag = new RegExp(`(<link[^>]*href=["']?\\./${glue[0].replace('.', '\\.')}["']?[^>]*integrity=["']?)(sha384-[A-Za-z0-9+/=]+)`);
if (!tag.test(html)) {
  console.error(`minify-glue: index.html has no integrity for ${glue[0]}`);
  process.exit(1);
}
await writeFile(indexFile, html.replace(tag, (_, head) => head + sri(code)));
console.log(`minify-glue: ${glue[0]} ${before.length} -> ${code.length} bytes`);
