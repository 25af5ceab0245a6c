// readHeading's title clean-up is a few hand scans; on short headings it must read exactly as
// the patterns it replaced (kept here as the reference), and on hostile ones stay linear.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { readHeading } from '../../src/core/indexer';
import { atxHeadingContent } from '../../src/core/reader/lineScan';
import { defaultPolicy, stripInline } from '../../src/core';

const policy = defaultPolicy();

function referenceTitle(rest: string): string {
  let t = rest
    .replace(/[[(]\s*[\])]/g, ' ')
    .replace(/^[\s:|—–\-·•,.]+/, '')
    .replace(/[\s:|—–\-·•,]+$/, '')
    .replace(/\s+[:|—–·•]\s+/g, ' — ')
    .replace(/^\s*[—–-]\s*/, '');
  // A leading bracket group before more title (`[component] X`) is not part of the title.
  for (let k = 0; k < 8; k++) {
    const before = t;
    t = t.replace(/^\[(?!\[)[^\]]{1,39}\](?!\()(?=.*\S)/, '').replace(/^[\s:|—–\-·•,.]+/, '').replace(/^\s*[—–-]\s*/, '');
    if (t === before) break;
  }
  return stripInline(t)
    .replace(/^[—–-]\s*/, '')
    .replace(/\s*[—–-]$/, '')
    .trim();
}

const PIECES = [' ', '  ', '\t', '\u00a0', ':', '|', '—', '–', '-', '·', '•', ',', '.', '(', ')', '[', ']', '*', 'a', 'Checkout', 'SEV-1', '(P2)', 'INC-2026-0101-001', '2026-01-02', '#'];

test('heading titles read as the reference patterns read them', () => {
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 14 }), (parts) => {
      const raw = parts.join('');
      // With no id, severity or date in the text, the title is the clean-up of the whole text.
      const facts = readHeading(raw, policy);
      if (facts.id === null && facts.severityText === null && facts.date === null && !/INC-|SEV|P2|2026/.test(raw)) {
        assert.equal(facts.title, referenceTitle(raw), JSON.stringify(raw));
      }
    }),
    { numRuns: 20_000 },
  );
  assert.equal(readHeading('INC-2026-0101-001 — Checkout down (SEV-1) · 2026-01-01', policy).title, 'Checkout down');
  assert.equal(readHeading('2026-01-01 | Payments : webhooks delayed -', policy).title, 'Payments — webhooks delayed');
  // A slash and a space after the date separate it; a path keeps its slash.
  assert.equal(readHeading('2026-08-13 / 데이터 복사 경로 오류', policy).title, '데이터 복사 경로 오류');
  assert.equal(readHeading('/api/v1 returns 500', policy).title, '/api/v1 returns 500');
  assert.equal(readHeading('2026-08-13 /health answers 503', policy).title, '/health answers 503');
  // Day-first dates with dots or slashes date a heading; a slash date that could be either month stays in the title, undated.
  assert.deepEqual([readHeading('28.07.2026 — Login fails', policy).date, readHeading('28.07.2026 — Login fails', policy).title], ['2026-07-28', 'Login fails']);
  assert.deepEqual([readHeading('Login fails (28/07/2026)', policy).date, readHeading('Login fails (28/07/2026)', policy).title], ['2026-07-28', 'Login fails']);
  assert.deepEqual([readHeading('03/04/2026 Login fails', policy).date, readHeading('03/04/2026 Login fails', policy).title], [null, '03/04/2026 Login fails']);
  assert.equal(readHeading('v1.10.2026 build broke', policy).date, null);
  assert.deepEqual([readHeading('障害 2025年12月24日 ログイン不可', policy).date, readHeading('障害 2025年12月24日 ログイン不可', policy).title], ['2025-12-24', '障害 ログイン不可']);
  assert.equal(readHeading('2025년 12월 24일 — 결제 실패', policy).title, '결제 실패');
});

test('ATX heading content drops the closing # run as CommonMark does', () => {
  const read = (line: string) => {
    const level = /^#+/.exec(line)![0].length;
    return atxHeadingContent(line, level, line.length);
  };
  assert.equal(read('## Title ##'), 'Title');
  assert.equal(read('## Title ##   '), 'Title');
  assert.equal(read('## Title#'), 'Title#');
  assert.equal(read('## ###'), '');
  assert.equal(read('##'), '');
  assert.equal(read('## C# \t#'), 'C#');
});

test('hostile headings are read in linear time', () => {
  const n = 200_000;
  const time = (s: string) => {
    const t = performance.now();
    readHeading(s, policy);
    return performance.now() - t;
  };
  const benign = 'INC-2026-0101-001 Checkout latency rising on the east cluster '.repeat(n / 62);
  time(benign);
  const base = Math.max(1, Math.min(time(benign), time(benign)));
  for (const unit of [' ', ' -', ' : ', '\t', '[(', ' — ', '(SEV-1 ', 'INC-2026-', '2026-']) {
    const hostile = 'A' + unit.repeat(Math.floor(n / unit.length)) + 'x';
    const ms = Math.min(time(hostile), time(hostile));
    assert.ok(ms < 40 * base, `${JSON.stringify(unit)} × ${hostile.length}: ${ms.toFixed(1)} ms, a benign heading ${base.toFixed(1)} ms`);
  }
});
