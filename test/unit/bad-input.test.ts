// Bad input gets a clear message, never a throw, a hang or a damaged file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appendTimelineEntry, applySplices, checkLog, defaultPolicy, incidentDetail, indexLog } from '../../src/core';

const policy = defaultPolicy();

function timed<T>(fn: () => T): { value: T; ms: number } {
  const t0 = performance.now();
  const value = fn();
  return { value, ms: performance.now() - t0 };
}

test('empty and whitespace-only logs have no incidents and no problems', () => {
  for (const text of ['', '\n', '\r\n', '   ', '\ufeff', '\ufeff\r\n']) {
    const idx = indexLog(text);
    assert.deepEqual(idx.incidents, []);
    assert.deepEqual(idx.problems, []);
  }
});

test('broken front matter is reported, and the body is still read', () => {
  const unclosed = indexLog('---\ntitle: x\n\n## INC-2026-0101-001: A\n- **Severity:** SEV-1\n');
  assert.equal(unclosed.problems[0].code, 'bad-front-matter');
  assert.match(unclosed.problems[0].message, /never closed/);
  assert.equal(unclosed.incidents.length, 1);
  const invalid = indexLog('---\ntitle: [unclosed\n---\n## INC-2026-0101-001: A\n- **Severity:** SEV-1\n- **Status:** Resolved\n');
  assert.equal(invalid.incidents.length, 1);
  const problems = checkLog(invalid, policy);
  assert.equal(problems[0].code, 'bad-front-matter');
  assert.match(problems[0].message, /not valid YAML/);
});

test('an unterminated fence is a warning naming its line, and hides what follows', () => {
  const idx = indexLog('## INC-2026-0101-001: A\n- **Severity:** SEV-1\n\n```js\n## INC-2026-0101-002: B\n');
  assert.deepEqual(idx.incidents.map((i) => i.id), ['INC-2026-0101-001']);
  assert.deepEqual(idx.problems.map((p) => [p.code, p.line]), [['unterminated-fence', 4], ['swallowed-heading', 5]]);
  assert.match(idx.problems[1].message, /code fence opened on line 4, which is never closed.*close that fence before line 5/);
});

test('a 5 MB single line is indexed quickly and untouched by an append', () => {
  const huge = 'x'.repeat(5 * 1024 * 1024);
  const text = `## INC-2026-0101-001: A\n- **Severity:** SEV-1\n\n${huge}\n\n### Timeline\n- 2026-01-01 10:00 UTC — start\n`;
  const { value: idx, ms } = timed(() => indexLog(text));
  assert.ok(ms < 2000, `indexing took ${ms.toFixed(0)} ms`);
  assert.equal(idx.incidents[0].timeline.length, 1);
  const after = applySplices(text, appendTimelineEntry(idx, 'INC-2026-0101-001', { at: new Date('2026-01-01T11:00:00Z'), text: 'next' }, policy));
  assert.equal(after.length, text.length + '- 2026-01-01 11:00 UTC — next\n'.length);
  assert.ok(after.includes(huge));
  const headingLine = indexLog(`## ${'y'.repeat(5 * 1024 * 1024)}\n`);
  assert.deepEqual(headingLine.incidents, []);
});

test('impossible dates are problems on their lines, not shifted dates', () => {
  const idx = indexLog('## INC-2026-0101-001: A\n- **Severity:** SEV-1\n- **Detected:** 2026-02-30 10:00 UTC\n\n### Timeline\n- 2026-01-01 25:61 UTC — bad\n');
  assert.equal(idx.incidents[0].detected, null);
  assert.deepEqual(idx.problems.map((p) => [p.code, p.line]), [['bad-date', 3], ['bad-date', 6]]);
});

test('duplicate ids are reported on the second occurrence', () => {
  const idx = indexLog('## INC-2026-0101-001: A\n- **Severity:** SEV-1\n- **Status:** Resolved\n\n## INC-2026-0101-001: B\n- **Severity:** SEV-1\n- **Status:** Resolved\n');
  const dup = checkLog(idx, policy).filter((p) => p.code === 'duplicate-id');
  assert.equal(dup.length, 1);
  assert.equal(dup[0].line, 5);
  assert.match(dup[0].message, /INC-2026-0101-001 is used twice \(also on line 1\)/);
});

test('deep nesting neither overflows the index nor the per-incident parse', async () => {
  const big = indexLog('## INC-2026-0101-001: Deep\n' + Array.from({ length: 5000 }, (_, i) => '>'.repeat(i + 1) + ' level').join('\n'));
  assert.equal(big.incidents.length, 1);
  const depth = 300;
  const quotes = Array.from({ length: depth }, (_, i) => '>'.repeat(i + 1) + ' level').join('\n');
  const lists = Array.from({ length: depth }, (_, i) => ' '.repeat(i * 2) + '- item').join('\n');
  const text = `## INC-2026-0101-001: Deep\n- **Severity:** SEV-2\n\n${quotes}\n\n${lists}\n\n${'['.repeat(depth)}${']'.repeat(depth)}\n`;
  const { value: idx, ms } = timed(() => indexLog(text));
  assert.ok(ms < 2000, `indexing took ${ms.toFixed(0)} ms`);
  assert.equal(idx.incidents.length, 1);
  const t0 = performance.now();
  const detail = await incidentDetail(idx, idx.incidents[0]);
  assert.ok(performance.now() - t0 < 2000);
  assert.match(detail.skipped ?? '', /nests \d+ levels deep/);
  // A normal incident is parsed for real.
  const plain = indexLog('## INC-2026-0101-001: A\nThe [runbook](https://example.com/rb) says restart.\n\n### Timeline\n- 2026-01-01 10:00 UTC — x\n');
  const d = await incidentDetail(plain, plain.incidents[0]);
  assert.equal(d.description, 'The runbook says restart.');
  assert.deepEqual(d.links, [{ text: 'runbook', url: 'https://example.com/rb' }]);
});

test('pathological lines do not make the index hang', () => {
  const lines = [
    '**' + 'a'.repeat(50_000),
    '- **' + ':'.repeat(50_000),
    '|'.repeat(100_000),
    '2026-01-01 ' + '1'.repeat(100_000),
    '#'.repeat(100_000),
    '`'.repeat(100_000),
    '<!--'.repeat(10_000),
  ];
  for (const l of lines) {
    const { ms } = timed(() => indexLog(`## INC-2026-0101-001: A\n- **Severity:** SEV-1\n${l}\n### Timeline\n- ${l}\n`));
    assert.ok(ms < 2000, `${l.slice(0, 10)}… took ${ms.toFixed(0)} ms`);
  }
});

test('NUL bytes and lone surrogates in text do not throw', () => {
  const idx = indexLog('## INC-2026-0101-001: A\u0000\ud800\n- **Severity:** SEV-1\n');
  assert.equal(idx.incidents.length, 1);
});

test('front matter over 64 KB is reported, not parsed', () => {
  const big = '---\ntitle: "' + '"'.repeat(70_000) + '"\n---\n## INC-2026-0101-001: A\n- **Severity:** SEV-1\n';
  const t = performance.now();
  const idx = indexLog(big);
  const problems = checkLog(idx, policy);
  assert.ok(performance.now() - t < 2000);
  assert.equal(idx.incidents.length, 1);
  const bad = problems.find((p) => p.code === 'bad-front-matter');
  assert.equal(bad?.message, 'The front matter is over 64 KB; it is not read.');
});
