// A node:test reporter for `./scripts/test --stress`: one line per failed
// test, "<file> › <test>: <first line of the error>", so that failures of
// many runs can be listed side by side. Files that fail as a whole (a hook,
// a crash) are listed too.

import { relative } from 'node:path';

export default async function* failures(source) {
  for await (const event of source) {
    if (event.type !== 'test:fail') continue;
    const { name, file, details } = event.data;
    const error = details?.error;
    // A failing test also fails the file-level test that holds it; report the test.
    if (error?.failureType === 'subtestsFailed') continue;
    const cause = error?.cause ?? error;
    const message = String(cause?.message ?? cause ?? 'failed').split('\n')[0];
    const where = file ? relative(process.cwd(), file) : '';
    yield `${where} › ${name}: ${message}\n`;
  }
}
