#!/usr/bin/env node
// Trunk post_build hook (Trunk.toml, before make-sw): makes the staged
// index.html obey its own Content-Security-Policy (the <meta> in index.html).
//
//   node scripts/csp.mjs [dir]     (dir defaults to $TRUNK_STAGING_DIR)
//
// Trunk writes the wasm loader as an inline <script type=module>, which
// `script-src 'self'` refuses. This moves every inline script into a file of
// its own beside index.html,
//
//   <dir>/boot-<hash>.js       (referenced by src, with an SRI integrity like Trunk's files)
//
// and then stops the build if index.html still has anything the policy would
// block: an inline script, an event-handler attribute (onload=…), a
// javascript: URL, a style attribute or <style> element, or a policy that is
// missing, allows 'unsafe-inline'/'unsafe-eval', or comes after what it guards.
// It runs before make-sw.mjs, so sw.js hashes and precaches the boot file.
// Running it twice changes nothing.

import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
if (!dir) fail('no directory (run as a Trunk hook, or pass one)');
// Where Trunk's own asset URLs point (Trunk.toml public_url): the boot file sits beside them.
const base = process.env.TRUNK_PUBLIC_URL ?? './';
const JS_TYPES = new Set(['', 'module', 'text/javascript', 'application/javascript']);
// Elements whose content is text, not markup: a `<` inside does not start a tag.
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes']);

function fail(message) {
  console.error(`csp: ${message}`);
  process.exit(1);
}

/**
 * The start tags of `html` (minified or not) with their attributes and, for
 * raw-text elements, their content. A small tokenizer, enough for the page
 * Trunk writes from our index.html: comments and end tags are skipped,
 * attribute values may be quoted or not.
 */
function parseTags(html) {
  const tags = [];
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt < 0) break;
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      i = end < 0 ? html.length : end + 3;
      continue;
    }
    if (!/[a-zA-Z]/.test(html[lt + 1] ?? '')) {
      // An end tag, a doctype, or a stray `<` in text.
      const end = html[lt + 1] === '/' || html[lt + 1] === '!' ? html.indexOf('>', lt) : lt;
      i = end < 0 ? html.length : end + 1;
      continue;
    }
    let j = lt + 1;
    while (j < html.length && !/[\s/>]/.test(html[j])) j++;
    const name = html.slice(lt + 1, j).toLowerCase();
    const attrs = [];
    for (;;) {
      while (j < html.length && /[\s/]/.test(html[j])) j++;
      if (j >= html.length || html[j] === '>') break;
      const nameStart = j;
      while (j < html.length && !/[\s/>=]/.test(html[j])) j++;
      const attr = html.slice(nameStart, j).toLowerCase();
      let value = '';
      while (j < html.length && /\s/.test(html[j])) j++;
      if (html[j] === '=') {
        j++;
        while (j < html.length && /\s/.test(html[j])) j++;
        const quote = html[j];
        if (quote === '"' || quote === "'") {
          const end = html.indexOf(quote, j + 1);
          value = html.slice(j + 1, end < 0 ? html.length : end);
          j = end < 0 ? html.length : end + 1;
        } else {
          const start = j;
          while (j < html.length && !/[\s>]/.test(html[j])) j++;
          value = html.slice(start, j);
        }
      }
      attrs.push([attr, decodeEntities(value)]);
    }
    const tag = { name, attrs: new Map(attrs), attrList: attrs, start: lt, openEnd: Math.min(j + 1, html.length) };
    tag.end = tag.openEnd;
    if (RAW_TEXT.has(name)) {
      const close = html.toLowerCase().indexOf(`</${name}`, tag.openEnd);
      const closeEnd = close < 0 ? html.length : html.indexOf('>', close) + 1 || html.length;
      tag.content = html.slice(tag.openEnd, close < 0 ? html.length : close);
      tag.end = closeEnd;
    }
    tags.push(tag);
    i = tag.end;
  }
  return tags;
}

/** Enough entity decoding to read a URL or a policy as the browser would. */
function decodeEntities(value) {
  return value.replace(/&(#x[0-9a-f]+|#[0-9]+|quot|apos|amp|lt|gt|colon|tab|newline);?/gi, (m, e) => {
    const lower = e.toLowerCase();
    if (lower.startsWith('#x')) return String.fromCodePoint(parseInt(lower.slice(2), 16));
    if (lower.startsWith('#')) return String.fromCodePoint(parseInt(lower.slice(1), 10));
    return { quot: '"', apos: "'", amp: '&', lt: '<', gt: '>', colon: ':', tab: '\t', newline: '\n' }[lower];
  });
}

/** What in `html` the page's policy would refuse, or leave unguarded, in words. */
function violations(html) {
  const found = [];
  const tags = parseTags(html);
  const policies = tags.filter((t) => t.name === 'meta' && (t.attrs.get('http-equiv') ?? '').toLowerCase() === 'content-security-policy');
  if (policies.length !== 1) found.push(`${policies.length} Content-Security-Policy <meta> elements (want exactly 1)`);
  const policy = policies[0];
  if (policy) {
    const content = policy.attrs.get('content') ?? '';
    for (const loose of ["'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", "'strict-dynamic'", '*'])
      if (content.split(/[\s;]+/).includes(loose)) found.push(`the policy allows ${loose}`);
    if (!/(^|;)\s*script-src\s/.test(content)) found.push('the policy has no script-src');
    // A <meta> policy only governs what the parser meets after it.
    const first = tags.find((t) => ['script', 'link', 'style', 'base'].includes(t.name));
    if (first && first.start < policy.start) found.push(`<${first.name}> comes before the policy <meta>`);
  }
  for (const tag of tags) {
    const where = `<${tag.name}> at ${tag.start}`;
    if (tag.name === 'script' && !tag.attrs.has('src')) found.push(`inline script ${where}`);
    if (tag.name === 'style') found.push(`inline <style> ${where}`);
    for (const [attr, value] of tag.attrList) {
      if (attr.startsWith('on')) found.push(`event-handler attribute ${attr} on ${where}`);
      if (attr === 'style') found.push(`style attribute on ${where}`);
      // Control characters and spaces are ignored by URL parsing before the scheme.
      if (/^javascript:/i.test(value.replace(/[\u0000-\u0020]/g, ''))) found.push(`javascript: URL in ${attr} on ${where}`);
    }
  }
  return found;
}

/** Moves each inline JavaScript <script> of `html` into a file; returns the new page and files. */
function externalize(html) {
  const files = [];
  let out = '';
  let last = 0;
  for (const tag of parseTags(html)) {
    if (tag.name !== 'script' || tag.attrs.has('src')) continue;
    const type = (tag.attrs.get('type') ?? '').trim().toLowerCase();
    if (!JS_TYPES.has(type)) continue; // left in place: violations() reports it
    const code = tag.content ?? '';
    const name = `boot-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.js`;
    const integrity = `sha384-${createHash('sha384').update(code).digest('base64')}`;
    // Attributes other than the type (e.g. a nonce) mean nothing for a file: dropped.
    const typeAttr = type === 'module' ? ' type="module"' : '';
    out += html.slice(last, tag.start) + `<script${typeAttr} src="${base}${name}" integrity="${integrity}"></script>`;
    last = tag.end;
    files.push({ name, code });
  }
  return { html: out + html.slice(last), files };
}

// --- Run ---------------------------------------------------------------------
const page = join(dir, 'index.html');
let html;
try {
  html = await readFile(page, 'utf8');
} catch {
  fail(`${dir} has no index.html`);
}
const result = externalize(html);
for (const file of result.files) await writeFile(join(dir, file.name), file.code);
if (result.files.length) await writeFile(page, result.html);
const left = violations(result.html);
if (left.length) fail(`index.html would break its Content-Security-Policy:\n  ${left.join('\n  ')}`);
console.log(`csp: ${result.files.length ? `moved inline script to ${result.files.map((f) => f.name).join(', ')}` : 'no inline script'}; index.html complies`);
