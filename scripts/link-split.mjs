#!/usr/bin/env node
// Trunk post_build hook (Trunk.toml, after build-echarts.mjs): puts the split-off wasm files
// (src/ui/lazy.rs) into the site.
//
//   node scripts/link-split.mjs [dir]     (dir defaults to $TRUNK_STAGING_DIR)
//
// scripts/wasm-split/wasm-bindgen, run by Trunk in place of wasm-bindgen,
// left in <target>/wasm-bindgen/<profile>/split/ one wasm file per split name
// (and one per piece of code that several names share) and `__wasm_split.js`,
// which the main module imports to load them. This script
// 1. optimises each file with the pinned wasm-opt, as Trunk does the main one,
//    and writes it as split/<name>-<hash>.wasm: a content hash in every name,
//    so no cache can pair one build's main module with another's pieces;
// 2. points the loader at those names and at Trunk's hashed glue, minifies it
//    and writes it as split/load-<hash>.js;
// 3. points the glue's imports at the loader, and preloads the loader from
//    index.html (with its SRI hash) so it is fetched beside the glue, not after.
// minify-glue.mjs then recomputes the glue's own SRI hash.

import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { transform } from 'esbuild';

const fail = (message) => {
  console.error(`link-split: ${message}`);
  process.exit(1);
};
const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
if (!dir) fail('no directory (run as a Trunk hook, or pass one)');
const profile = process.env.TRUNK_PROFILE ?? 'release';
const root = join(import.meta.dirname, '..');
const { target_directory: target } = JSON.parse(
  execFileSync('cargo', ['metadata', '--format-version', '1', '--no-deps'], { cwd: root, encoding: 'utf8' }),
);
const source = join(target, 'wasm-bindgen', profile, 'split');
const LOADER = '__wasm_split.js';
const OUT = 'split';

const hash = (bytes) => createHash('sha256').update(bytes).digest('hex').slice(0, 16);
const sri = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;

const glueName = (await readdir(dir)).find((f) => /^kama-sme-app-[0-9a-f]+\.js$/.test(f));
if (!glueName) fail(`no kama-sme-app-<hash>.js in ${dir}`);
const glueFile = join(dir, glueName);
const glue = await readFile(glueFile, 'utf8');
if (!glue.includes(`from "./${LOADER}"`)) {
  fail(`the glue does not import ./${LOADER}: was the app built through scripts/wasm-split/wasm-bindgen (scripts/serve, scripts/test)?`);
}
let loader;
try {
  loader = await readFile(join(source, LOADER), 'utf8');
} catch {
  fail(`no ${join(source, LOADER)}: scripts/wasm-split/wasm-bindgen did not run`);
}

await rm(join(dir, OUT), { recursive: true, force: true });
await mkdir(join(dir, OUT));
const wasmOpt = join(root, 'node_modules', '.bin', 'wasm-opt');
const main = /^kama-sme-app\.wasm$/;
const pieces = (await readdir(source)).filter((f) => f.endsWith('.wasm') && !main.test(f)).sort();
let bytes = 0;
for (const piece of pieces) {
  const stem = piece.replace(/\.wasm$/, '');
  const optimised = join(dir, OUT, `${stem}.tmp.wasm`);
  try {
    // Quiet: it warns about each file's name subsections, which -Oz drops anyway.
    execFileSync(wasmOpt, ['-Oz', join(source, piece), '-o', optimised], { stdio: ['ignore', 'ignore', 'pipe'] });
  } catch (e) {
    fail(`wasm-opt failed on ${piece}:\n${e.stderr ?? e}`);
  }
  const body = await readFile(optimised);
  await rm(optimised);
  const name = `${stem.replace(/_/g, '-')}-${hash(body)}.wasm`;
  await writeFile(join(dir, OUT, name), body);
  bytes += body.length;
  const reference = `"./${piece}"`;
  if (!loader.includes(reference)) fail(`${LOADER} does not load ${piece}`);
  loader = loader.replaceAll(reference, JSON.stringify(`./${name}`));
}

const mainImport = /from "\.\/kama-sme-app\.js"/;
if (!mainImport.test(loader)) fail(`${LOADER} does not import ./kama-sme-app.js`);
loader = loader.replace(mainImport, `from ${JSON.stringify(`../${glueName}`)}`);
const { code } = await transform(loader, { format: 'esm', minify: true, target: 'es2020', legalComments: 'none' });
const loaderName = `load-${hash(code)}.js`;
await writeFile(join(dir, OUT, loaderName), code);
// Only the module specifiers: the same string also keys the wasm's imports.
const fromLoader = new RegExp(`from\\s*"\\./${LOADER.replace('.', '\\.')}"`, 'g');
await writeFile(glueFile, glue.replace(fromLoader, `from ${JSON.stringify(`./${OUT}/${loaderName}`)}`));

const indexFile = join(dir, 'index.html');
const html = await readFile(indexFile, 'utf8');
const gluePreload = new RegExp(`<link[^>]*href=["']?\\./${glueName.replace('.', '\\.')}["']?[^>]*>`);
if (!gluePreload.test(html)) fail(`index.html does not preload ${glueName}`);
const preload = `<link rel="modulepreload" crossorigin href="./${OUT}/${loaderName}" integrity="${sri(code)}">`;
await writeFile(indexFile, html.replace(gluePreload, (tag) => `${tag}${preload}`));
console.log(`link-split: ${pieces.length} wasm files (${(bytes / 1024).toFixed(1)} KiB) and ${OUT}/${loaderName}`);
