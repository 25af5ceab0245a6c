// scanLines fills its line arrays in one pass, sized from the text's length and grown when the
// lines are shorter than that guess: it must give exactly what counting the lines first gave,
// on every fixture log and on random text (line breaks of both kinds, a BOM, runs of empty
// lines that make it grow).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { scanLines } from '../../src/core/reader/lineScan';

/** The line scan as it was: count the lines, then fill arrays of that size. */
function oracle(text: string, start: number): { starts: number[]; ends: number[] } {
  const n = text.length;
  let count = 1;
  for (let i = text.indexOf('\n', start); i !== -1 && i + 1 < n; i = text.indexOf('\n', i + 1)) count++;
  const starts: number[] = new Array(count).fill(0);
  const ends: number[] = new Array(count).fill(0);
  let i = start;
  for (let li = 0; li < count; li++) {
    starts[li] = i;
    const nl = text.indexOf('\n', i);
    if (nl === -1) {
      ends[li] = n;
      break;
    }
    ends[li] = nl > i && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
    i = nl + 1;
  }
  return { starts, ends };
}

function same(text: string, start = text.charCodeAt(0) === 0xfeff ? 1 : 0): void {
  const lines = scanLines(text, start);
  const want = oracle(text, start);
  assert.deepEqual([...lines.starts], want.starts, JSON.stringify(text.slice(0, 40)));
  assert.deepEqual([...lines.ends], want.ends, JSON.stringify(text.slice(0, 40)));
  assert.equal(lines.skip.length, want.starts.length);
  assert.equal(lines.level.length, want.starts.length);
}

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

test('scanLines: the lines counting first gave, on every fixture log', () => {
  const paths = files(join(__dirname, '../fixtures/logs'));
  assert.ok(paths.length > 10);
  for (const path of paths) same(readFileSync(path, 'utf8'));
});

test('scanLines: the edges (empty text, a final line break, CRLF, a BOM alone, lines shorter than the size guessed)', () => {
  for (const text of ['', '\n', '\n\n', 'a', 'a\n', 'a\nb', '\r\n', 'a\r\n', '\r', 'a\r\nb\r\n\r\n', '\uFEFF', '\uFEFF\n', '\uFEFFa\r\nb']) same(text);
  same('\n'.repeat(5000));
  same('a\n'.repeat(3000) + 'end');
  same('\r\n'.repeat(2500));
  same(`${'x'.repeat(100)}\n`.repeat(50) + '\n'.repeat(2000));
});

test('scanLines: the lines counting first gave, on random text', () => {
  const unit = fc.constantFrom('a', ' ', '\n', '\r', '\r\n', '\uFEFF', '—', '#', 'xxxxxxxxxxxxxxxxxxxxxxxx');
  fc.assert(
    fc.property(fc.string({ unit, maxLength: 400 }), fc.boolean(), (text, bom) => same(bom ? `\uFEFF${text}` : text)),
    { numRuns: 5000, seed: 20261207 },
  );
});
