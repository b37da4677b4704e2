#!/usr/bin/env node
// Renders the install icons in public/icons/ from public/favicon.svg with
// Debian's Chromium. Run by hand after changing the favicon (the PNGs are
// committed; the build only copies them):
//
//   node scripts/make-icons.mjs
//
// The 嘉 glyph is drawn by a system font (fonts-noto-cjk on Debian), so the
// output depends on the machine's fonts: check the PNGs before committing.

import { readFile, mkdir } from 'node:fs/promises';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'public', 'icons');
// The favicon's own blue (styles.css --accent), behind the maskable icon.
const ACCENT = '#0b5cad';

const icons = [
  // "any": the favicon as drawn, rounded corners transparent.
  { file: 'icon-192.png', size: 192, maskable: false },
  { file: 'icon-512.png', size: 512, maskable: false },
  // "maskable": full bleed, the glyph well inside the central 80 % circle
  // that every platform mask keeps.
  { file: 'icon-maskable-512.png', size: 512, maskable: true },
];

const svg = await readFile(join(ROOT, 'public', 'favicon.svg'), 'utf8');
const src = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;

await mkdir(OUT, { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu'],
});
try {
  for (const { file, size, maskable } of icons) {
    const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
    const inner = maskable ? Math.round(size * 0.8) : size;
    await page.setContent(`<!doctype html>
      <style>
        html, body { margin: 0; width: ${size}px; height: ${size}px; background: ${maskable ? ACCENT : 'transparent'}; }
        body { display: grid; place-items: center; }
        img { width: ${inner}px; height: ${inner}px; display: block; }
      </style>
      <img src="${src}" alt="">`);
    await page.waitForFunction(() => document.querySelector('img').complete);
    await page.screenshot({ path: join(OUT, file), omitBackground: !maskable, clip: { x: 0, y: 0, width: size, height: size } });
    await page.close();
    console.log(`public/icons/${file} (${size}×${size})`);
  }
} finally {
  await browser.close();
}
