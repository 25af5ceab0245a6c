// The editor's check after a keystroke: the same problems as `checkLog`, reading only the
// incidents the edit changed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { type Incident, type LogIndex, type Problem, IncrementalCheck, applySplices, appendTimelineEntry, checkLog, defaultPolicy, indexLog, reindexLog } from '../../src/core';
import { fixture, indexFixture } from './helpers';

const policy = defaultPolicy();
const NOW = new Date('2026-01-01T12:00:00Z');

/** Same problems, whatever the order of those on one line. */
function sorted(problems: Problem[]): string[] {
  return problems.map((p) => JSON.stringify([p.line, p.code, p.message, p.severity, p.incidentId])).sort();
}

function bigLog(n: number): string {
  const parts = ['# Incident Log', ''];
  for (let k = n; k >= 1; k--) {
    const id = `INC-2026-0101-${String(k).padStart(3, '0')}`;
    const status = k % 3 === 0 ? 'Resolved' : 'Mitigating';
    const commander = k % 2 === 0 ? '- **Incident Commander:** Dana\n' : '';
    const badDate = k % 7 === 0 ? '- **Resolved:** 2026-02-31 10:00 UTC\n' : '';
    parts.push(`## ${id}: Incident ${k}\n- **Severity:** SEV-${(k % 3) + 1}\n- **Status:** ${status}\n${commander}${badDate}- **Detected:** 2026-01-01 10:${String(k % 60).padStart(2, '0')} UTC\n\n### Timeline\n- 2026-01-01 10:00 UTC — start (@a)\n`);
  }
  return parts.join('\n');
}

/** Counts the incidents whose body is read (shifted or read from the text) from now on. */
function countBodyReads(index: LogIndex): { reads: () => number } {
  const read = new Set<Incident>();
  for (const inc of index.incidents as Array<Incident & { body?: () => Incident }>) {
    const body = inc.body;
    if (typeof body !== 'function') continue;
    Object.defineProperty(inc, 'body', {
      configurable: true,
      writable: true,
      value: () => {
        read.add(inc);
        return body.call(inc);
      },
    });
  }
  return { reads: () => read.size };
}

test('after a keystroke, only the edited incident is read again', () => {
  const text = bigLog(200);
  const check = new IncrementalCheck();
  const first = indexLog(text, { policy });
  assert.deepEqual(sorted(check.run(first, policy, NOW)), sorted(checkLog(first, policy, NOW)));
  assert.equal(check.lastReads, 200);

  // A character typed into one timeline entry: the re-index shifts the other incidents.
  const at = text.indexOf('start (@a)', first.incidents[50].start);
  const typed = text.slice(0, at) + 'x' + text.slice(at);
  const next = reindexLog(first, typed, { policy });
  const counter = countBodyReads(next);
  const problems = check.run(next, policy, NOW);
  assert.equal(check.lastReads, 1, 'one incident read');
  assert.ok(counter.reads() <= 1, `bodies read: ${counter.reads()}`);
  assert.deepEqual(sorted(problems), sorted(checkLog(indexLog(typed, { policy }), policy, NOW)));

  // A new line inside an incident moves every incident after it: still one read.
  const nl = typed.indexOf('\n', typed.indexOf('start (@a)', next.incidents[120].start));
  const added = typed.slice(0, nl + 1) + '- 2026-01-01 10:05 UTC — more\n' + typed.slice(nl + 1);
  const third = reindexLog(next, added, { policy });
  const counter3 = countBodyReads(third);
  const problems3 = check.run(third, policy, NOW);
  assert.equal(check.lastReads, 1);
  assert.ok(counter3.reads() <= 1);
  assert.deepEqual(sorted(problems3), sorted(checkLog(indexLog(added, { policy }), policy, NOW)));
});

test('after a structural edit (a full re-index), unchanged incidents are found by their text', () => {
  const text = bigLog(100);
  const check = new IncrementalCheck();
  check.run(indexLog(text, { policy }), policy, NOW);
  // A backtick is structural: the whole log is indexed again, every incident a new object.
  const at = text.indexOf('start (@a)', indexLog(text, { policy }).incidents[30].start);
  const edited = text.slice(0, at) + '`code` ' + text.slice(at);
  const full = reindexLog(indexLog(text, { policy }), edited, { policy });
  const counter = countBodyReads(full);
  const problems = check.run(full, policy, NOW);
  assert.equal(check.lastReads, 1);
  assert.equal(counter.reads(), 1);
  assert.deepEqual(sorted(problems), sorted(checkLog(indexLog(edited, { policy }), policy, NOW)));
});

test('the clock still moves for kept incidents: an update falls overdue without a re-read', () => {
  const text = bigLog(10);
  const check = new IncrementalCheck();
  const index = indexLog(text, { policy });
  const early = new Date('2026-01-01T10:20:00Z');
  const late = new Date('2026-01-01T13:00:00Z');
  check.run(index, policy, early);
  const later = check.run(index, policy, late);
  assert.equal(check.lastReads, 0);
  assert.deepEqual(sorted(later), sorted(checkLog(index, policy, late)));
  assert.ok(later.some((p) => p.code === 'update-overdue'));
});

test('checkLog for chosen incidents: the log-wide problems and theirs, other bodies unread', () => {
  const text = bigLog(40) + '\n## INC-2026-0101-001: Duplicate\n- **Severity:** SEV-9\n\n```\nopen fence\n';
  const index = indexLog(text, { policy });
  const counter = countBodyReads(index);
  const chosen = [index.incidents[5]]; // INC-…-035: an impossible date
  const problems = checkLog(index, policy, NOW, { incidents: chosen });
  assert.equal(counter.reads(), 1);
  const all = checkLog(indexLog(text, { policy }), policy, NOW);
  const wanted = all.filter((p) => p.code === 'duplicate-id' || p.code === 'unterminated-fence' || (p.line >= chosen[0].line && p.line < index.incidents[6].line));
  assert.deepEqual(sorted(problems), sorted(wanted));
  assert.ok(problems.some((p) => p.code === 'bad-date'), 'the chosen incident has an impossible date');
});

test('random edits: the kept check always equals checkLog', () => {
  const corpus = ['canonical.md', 'bold-breaks.md', 'fences.md', 'crlf-bom.md', 'table-fields.md', 'table-rows.md'].map(fixture);
  corpus.push(bigLog(8));
  const pieces = fc.constantFrom('x', ' ', '\n', '- 2026-01-01 12:00 UTC — y\n', '**Status:** Resolved\n', '**Detected:** 2026-13-01\n', '## ', '```\n', '    ', '<!--', '|', '\r\n', 'SEV-1', '14:30 ');
  fc.assert(
    fc.property(fc.constantFrom(...corpus), fc.array(fc.tuple(fc.nat(), fc.nat({ max: 20 }), fc.array(pieces, { maxLength: 3 })), { minLength: 1, maxLength: 5 }), (log, edits) => {
      let text = log;
      let index = indexLog(text, { policy });
      const check = new IncrementalCheck();
      check.run(index, policy, NOW);
      for (const [at, len, insert] of edits) {
        const start = at % (text.length + 1);
        const end = Math.min(text.length, start + len);
        text = text.slice(0, start) + insert.join('') + text.slice(end);
        index = reindexLog(index, text, { policy });
        assert.deepEqual(sorted(check.run(index, policy, NOW)), sorted(checkLog(indexLog(text, { policy }), policy, NOW)));
      }
    }),
    { numRuns: 400, seed: 5 },
  );
});

test('a log with linked files: the kept check equals checkLog', () => {
  const index = indexFixture('index-table.md');
  const check = new IncrementalCheck();
  assert.deepEqual(sorted(check.run(index, policy, NOW)), sorted(checkLog(index, policy, NOW)));
});

test('an append, as a command writes it, reads one incident', () => {
  const text = bigLog(50);
  const check = new IncrementalCheck();
  const index = indexLog(text, { policy });
  check.run(index, policy, NOW);
  const edited = applySplices(text, appendTimelineEntry(index, index.incidents[10].id, { at: NOW, text: 'entry', owner: 'x' }, policy));
  check.run(reindexLog(index, edited, { policy }), policy, NOW);
  assert.equal(check.lastReads, 1);
});

test('a resolved incident is judged once; an active one, a future date and a clock gone back are judged again', () => {
  const policy = defaultPolicy();
  const log = [
    '# Log',
    '',
    '## INC-1: Active',
    '- **Severity:** SEV-2',
    '- **Status:** Investigating',
    '- **Detected:** 2026-11-20 14:00 UTC',
    '',
    '## INC-2: Resolved',
    '- **Severity:** SEV-3',
    '- **Status:** Resolved',
    '- **Detected:** 2026-11-01 10:00 UTC',
    '- **Resolved:** 2026-11-01 11:00 UTC',
    '',
    '## INC-3: Resolved, with an entry in the future',
    '- **Severity:** SEV-3',
    '- **Status:** Resolved',
    '- **Detected:** 2026-11-02 10:00 UTC',
    '',
    '### Timeline',
    '- 2026-12-31 09:00 UTC — a date typed a month ahead',
    '',
    '## INC-4: Resolved, no severity',
    '- **Status:** Resolved',
    '',
  ].join('\n');
  const index = indexLog(log, { policy });
  const check = new IncrementalCheck();
  const at = (iso: string) => new Date(iso);
  const first = check.run(index, policy, at('2026-11-20T15:00:00Z'));
  assert.equal(check.lastJudged, 4);
  const later = check.run(index, policy, at('2026-11-20T16:00:00Z'));
  assert.equal(check.lastJudged, 2, 'INC-1 (active) and INC-3 (a future date, whose message names now) only');
  // The findings equal a full check at each time.
  assert.deepEqual(first, checkLog(index, policy, at('2026-11-20T15:00:00Z')));
  assert.deepEqual(later, checkLog(index, policy, at('2026-11-20T16:00:00Z')));
  assert.ok(later.some((p) => p.code === 'missing-severity' && p.incidentId === 'INC-4'), 'a settled finding is still reported');
  // Once the future date has come, INC-3 settles too.
  const january = check.run(index, policy, at('2027-01-02T00:00:00Z'));
  assert.deepEqual(january, checkLog(index, policy, at('2027-01-02T00:00:00Z')));
  check.run(index, policy, at('2027-01-03T00:00:00Z'));
  assert.equal(check.lastJudged, 1);
  // A clock gone back before an incident was settled judges it again.
  const back = check.run(index, policy, at('2026-11-20T14:30:00Z'));
  assert.equal(check.lastJudged, 4);
  assert.deepEqual(back, checkLog(index, policy, at('2026-11-20T14:30:00Z')));
});
