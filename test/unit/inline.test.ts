// stripInline reads every field and timeline entry of a log. It is a set of linear scans; this
// holds it to the regular expressions it replaced (quadratic on hostile lines, but a clear
// statement of the intended reading) on short random lines, where those are fast.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { isTableDelimiterRow, stripInline } from '../../src/core/reader/text';
import { extractOwner } from '../../src/core/reader/timeline';

function referenceStripInline(text: string): string {
  if (!/[[\]<>`*_~\\&!]/.test(text)) {
    return text.indexOf('  ') === -1 && text.indexOf('\t') === -1 && text.indexOf('\n') === -1 && text.indexOf('\r') === -1 ? text.trim() : text.replace(/\s+/g, ' ').trim();
  }
  let s = text;
  s = s.replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1');
  s = s.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1');
  s = s.replace(/\[([^\]]*)\]\[[^\]]*\]/g, '$1');
  s = s.replace(/<(https?:[^>\s]+)>/g, '$1');
  s = s.replace(/<\/?[A-Za-z][^>]*>/g, '');
  s = s.replace(/`+([^`]*)`+/g, '$1');
  s = s.replace(/(\*\*|__)(?=\S)([\s\S]*?\S)\1/g, '$2');
  s = s.replace(/(^|[^\w*])\*(?=\S)([^*]*?\S)\*(?!\w)/g, '$1$2');
  s = s.replace(/(^|[^\w_])_(?=\S)([^_]*?\S)_(?!\w)/g, '$1$2');
  s = s.replace(/~~(?=\S)([\s\S]*?\S)~~/g, '$1');
  s = s.replace(/\\([!-/:-@[-`{-~])/g, '$1');
  const entities: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };
  s = s.replace(/&(?:amp|lt|gt|quot|#39);/g, (m) => entities[m]);
  return s.replace(/\s+/g, ' ').trim();
}

const PIECES = ['[', ']', '(', ')', '!', '<', '>', '/', '`', '``', '*', '**', '_', '__', '~~', '\\', '&amp;', '&lt;', ' ', '  ', 'a', 'b', 'x1', 'http:', 'https:', 'b>', '\t', '\u00a0', 'é'];

test('stripInline reads inline markup as the reference patterns do', () => {
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 24 }), (parts) => {
      const line = parts.join('');
      assert.equal(stripInline(line), referenceStripInline(line), JSON.stringify(line));
    }),
    { numRuns: 20_000 },
  );
});

test('stripInline on familiar values', () => {
  const cases: Array<[string, string]> = [
    ['**SEV-1**', 'SEV-1'],
    ['[Dana Reyes](https://example.com/dana)', 'Dana Reyes'],
    ['![logo](a.png) Checkout', 'logo Checkout'],
    ['`kubectl rollout undo` done', 'kubectl rollout undo done'],
    ['<https://status.example.com>', 'https://status.example.com'],
    ['<b>bold</b> and *it* and _it_ and ~~gone~~', 'bold and it and it and gone'],
    ['a\\*b &amp; c', 'a*b & c'],
    ['&amp;lt;script&amp;gt;', '&lt;script&gt;'],
    ['snake_case_name stays', 'snake_case_name stays'],
  ];
  for (const [input, want] of cases) assert.equal(stripInline(input), want, input);
});

test('stripInline is linear on hostile runs', () => {
  const n = 200_000;
  const time = (s: string) => {
    const t = performance.now();
    stripInline(s);
    return performance.now() - t;
  };
  const benign = '**Lorem** ipsum [dolor](x) '.repeat(n / 27);
  time(benign);
  const base = Math.max(1, Math.min(time(benign), time(benign), time(benign)));
  for (const unit of ['[(', '[a](', '](', '**a ', '__a ', '*a', '_a', '<a', '<http:', '`a ', '~~a ', '\\', '[a][', '*', '_ ']) {
    const hostile = unit.repeat(Math.floor(n / unit.length));
    const ms = Math.min(time(hostile), time(hostile));
    assert.ok(ms < 40 * base, `${JSON.stringify(unit)} × ${hostile.length}: ${ms.toFixed(1)} ms, a benign line ${base.toFixed(1)} ms`);
  }
});

test('isTableDelimiterRow agrees with the GFM delimiter pattern', () => {
  const reference = (line: string) => /^\s*\|?\s*:?-{1,}:?\s*(\|\s*:?-{1,}:?\s*)*\|?\s*$/.test(line) && line.includes('-');
  fc.assert(
    fc.property(fc.array(fc.constantFrom('|', '-', '--', ':', ' ', '\t', 'a'), { maxLength: 16 }), (parts) => {
      const line = parts.join('');
      assert.equal(isTableDelimiterRow(line), reference(line), JSON.stringify(line));
    }),
    { numRuns: 20_000 },
  );
  const t = performance.now();
  assert.equal(isTableDelimiterRow('|-' + ' '.repeat(200_000) + 'x'), false);
  assert.ok(performance.now() - t < 200, 'a |- line of 200 KB spaces is read at once');
});

test('extractOwner reads a trailing owner as the reference pattern does', () => {
  const reference = (text: string) => {
    const at = text.lastIndexOf('@');
    if (at === -1) return { text: text.trim(), owner: null };
    const open = text.lastIndexOf('(@');
    if (open !== -1 && /^\(@[^()]+\)\s*$/.test(text.slice(open))) return { text: text.slice(0, open).trim(), owner: text.slice(open + 2, text.lastIndexOf(')')).trim() };
    const m = /\s+[—–-]{1,2}\s*@([\p{L}\p{N}._-][\p{L}\p{N} ._-]*?)\s*$/u.exec(text);
    if (m) return { text: text.slice(0, m.index).trim(), owner: m[1].trim() };
    return { text: text.trim(), owner: null };
  };
  fc.assert(
    fc.property(fc.array(fc.constantFrom(' ', '\t', '-', '—', '–', '@', 'ana', 'B.', '_', '(', ')', 'x', 'é', '#'), { maxLength: 14 }), (parts) => {
      const line = parts.join('');
      assert.deepEqual(extractOwner(line), reference(line), JSON.stringify(line));
    }),
    { numRuns: 20_000 },
  );
  assert.deepEqual(extractOwner('Rolled back deploy — @sam'), { text: 'Rolled back deploy', owner: 'sam' });
});
