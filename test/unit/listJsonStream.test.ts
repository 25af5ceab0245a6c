// `list --json` writes its array an element at a time (printJsonArray) and reads each incident's
// body for its element only (readOnce): the bytes must be those of printJson on the whole array,
// and an index read that way must say what it says when its bodies are read and kept.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { type Incident, defaultPolicy, indexLog, plainIncident, readingProblems } from '../../src/core';
import { readOnce } from '../../src/core/indexer';
import { escapeJsonForTerminal } from '../../src/core/format/displayText';
import { printJson, printJsonArray } from '../../src/cli/output';

/** What printJson is to write: the JSON text, escaped for a terminal, and a line break. */
const expected = (value: unknown, indent?: number): string => escapeJsonForTerminal(JSON.stringify(value, null, indent)) + '\n';

/** What `write` sends to stdout, as one string. */
function captured(write: () => void): string {
  const chunks: string[] = [];
  const original = process.stdout.write;
  process.stdout.write = ((chunk: string | Uint8Array) => {
    chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    return true;
  }) as typeof process.stdout.write;
  try {
    write();
  } finally {
    process.stdout.write = original;
  }
  return chunks.join('');
}

test('printJsonArray writes the bytes printJson writes for the whole array, compact and indented', () => {
  // Every character the terminal escaping rewrites (DEL, C1, bidi marks and overrides, U+2028),
  // nested values, an element with no JSON, and enough elements to be written in several chunks.
  const odd = '\u007f\u0085\u009f\u061c\u200e\u200f\u2028\u2029\u202a\u202e\u2066\u2069\u001b — é 😀';
  const items = Array.from({ length: 3000 }, (_, k) => k);
  const toValue = (k: number): unknown =>
    k === 5 ? undefined : k === 6 ? () => k : { k, text: k % 7 === 0 ? odd : `entry ${k}`, nested: { list: [k, null, { deep: [] }], empty: {} } };
  for (const indent of [undefined, 2, 0, 4]) {
    const whole = captured(() => printJson(items.map(toValue), indent));
    assert.equal(whole, expected(items.map(toValue), indent));
    const streamed = captured(() => printJsonArray(items, toValue, indent));
    assert.equal(streamed, whole, `indent ${indent}`);
  }
  for (const indent of [undefined, 2]) {
    assert.equal(captured(() => printJsonArray([], toValue, indent)), captured(() => printJson([], indent)));
    assert.equal(captured(() => printJsonArray([7], toValue, indent)), captured(() => printJson([toValue(7)], indent)));
  }
});

test('printJson and printJsonArray escape exactly what escapeJsonForTerminal escapes, character by character', () => {
  const chars = Array.from({ length: 0x2100 }, (_, c) => String.fromCharCode(c)).filter((c) => c < '\ud800' || c > '\udfff');
  // Each alone, so that no other character in the text makes it escaped.
  for (const c of chars) {
    assert.equal(captured(() => printJson(c)), expected(c), `U+${c.charCodeAt(0).toString(16)}`);
    assert.equal(captured(() => printJsonArray([c], (x) => x)), expected([c]), `U+${c.charCodeAt(0).toString(16)}`);
  }
});

// The first and the last incidents are read with the index (it judges the log's order from
// them); those between are read on first use.
const LOG = [
  '## INC-2026-0103-001: First',
  '- **Detected:** 2026-01-03 10:00 UTC',
  '',
  '## INC-2026-0101-001: Checkout down',
  '- **Severity:** SEV-1',
  '- **Status:** Resolved (rollback)',
  '- **Detected:** 2026-01-01 10:00 UTC',
  '- **Resolved:** ~2026-01-01 11:00 UTC',
  '- **Incident Commander:** Ana Souza',
  '',
  '### Timeline',
  '- 2026-01-01 10:00 UTC — Alert fired (@ana)',
  '- 2026-01-01 25:61 UTC — impossible',
  '',
  '### Checklist',
  '- [x] Declare',
  '',
  '## INC-2026-0102-001: Search slow',
  '- **Severity:** SEV-3',
  '- **Detected:** 2026-02-30 10:00 UTC',
  '',
  '## INC-2025-1231-001: Last',
  '- **Detected:** 2025-12-31 10:00 UTC',
  '',
].join('\n');

test('readOnce gives every value the incident gives, and keeps nothing of its body', () => {
  const policy = defaultPolicy();
  const kept = indexLog(LOG, { policy });
  const once = indexLog(LOG, { policy });
  const read = once.incidents.map((i) => readOnce(i));
  assert.deepEqual(
    read.map((i) => plainIncident(i)),
    kept.incidents.map((i) => plainIncident(i)),
  );
  // Not kept: the incident reads its body again, as a new object, and the problems the first
  // read met are reported once, as in an index whose bodies were read only by body().
  for (const k of [1, 2]) assert.notEqual(once.incidents[k].fields, read[k].fields);
  assert.deepEqual(once.problems, kept.problems);
  assert.deepEqual(
    once.incidents.map((i) => readingProblems(i)),
    kept.incidents.map((i) => readingProblems(i)),
  );
  assert.deepEqual(
    kept.problems.map((p) => [p.code, p.line]),
    [
      ['bad-date', 13],
      ['bad-date', 20],
    ],
  );
});

test('readOnce of an incident whose body is kept is the incident itself', () => {
  const index = indexLog(LOG, { policy: defaultPolicy() });
  const incident: Incident = index.incidents[0];
  void incident.fields;
  assert.equal(readOnce(incident), incident);
});
