// Logs in shapes the reading rules were not first written for (fixtures of our own under
// test/fixtures/logs/): closed-like and deferred statuses, bold status lines that wrap,
// occurrence tables, untitled prose sections, a status said only in prose, and a summary table
// whose rows and sections do not match one to one. See docs/FORMAT.md.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultPolicy, indexLog } from '../../src/core';
import { statusState } from '../../src/core/indexer';
import { readingNotes } from '../../src/core/reader/readingNotes';
import { indexFixture } from './helpers';

const policy = defaultPolicy();

test('closed-like statuses (n/a, duplicate, won\'t fix, caught before merge) are not active; deferred is its own state', () => {
  const idx = indexFixture('status/closed-words.md');
  const states = idx.incidents.map((i) => [i.status, statusState(i, policy)]);
  assert.deepEqual(states, [
    ['n/a', 'resolved'],
    ['Duplicate', 'resolved'],
    ["WON'T FIX", 'resolved'],
    ['Caught before merge', 'resolved'],
    ['Deferred', 'deferred'],
    ['Pospuesto', 'deferred'],
    ['Fausse alerte', 'resolved'],
    ['Partially resolved', 'active'],
  ]);
});

test('closed-like words in the seven languages, and n/a with a note', () => {
  const state = (value: string) => statusState(indexLog(`## INC-1: X\n- **Severity:** SEV-2\n- **Status:** ${value}\n`).incidents[0], policy);
  for (const w of ['N/A', 'n/a (covered by INC-7)', 'invalid', 'obsolete', 'near miss', 'not shipped', "won't fix", 'Duplicado', 'Doublon', 'Duplikat', 'Wird nicht behoben', 'Duplicato', 'Дубликат', 'não será corrigido']) {
    assert.equal(state(w), 'resolved', w);
  }
  for (const w of ['Deferred', 'Zurückgestellt', 'Reporté', 'Rinviato', 'Adiado', 'Отложено']) assert.equal(state(w), 'deferred', w);
  for (const w of ['Partially resolved', 'Teilweise behoben', 'Open']) assert.equal(state(w), 'active', w);
});

test('a bold status line that wraps onto a second line is the status; partially resolved is open', () => {
  const idx = indexFixture('status/wrapped-bold.md');
  assert.deepEqual(
    idx.incidents.map((i) => [i.id, i.status, statusState(i, policy)]),
    [
      ['PLT-208', 'PARTIALLY RESOLVED', 'active'],
      ['PLT-207', 'Resolved', 'resolved'],
      ['PLT-206', 'Monitoring', 'active'],
    ],
  );
  const notes = readingNotes(idx.incidents[0], policy);
  assert.equal(notes.statusNote, 'leader election patched, the runbook change for manual failover still under review');
  // A write replaces the value across both lines, markers kept.
  const field = idx.incidents[1].fields.find((f) => f.canonical === 'status')!;
  const written = idx.text.slice(0, field.valueStart) + 'Monitoring' + idx.text.slice(field.valueEnd);
  assert.match(written, /^\*\*Status: Monitoring\*\*$/m);
  assert.equal(indexLog(written).incidents[1].status, 'Monitoring');
  // Not a field: the first line closes its bold, or the second does not end with the marker.
  assert.equal(indexLog('## INC-9: X\n**Status: Open** and more\ntext**\n').incidents[0]?.status ?? null, null);
  assert.equal(indexLog('## INC-9: X\n- **Severity:** SEV-2\n**Status: Open, see\nthe ticket\n').incidents[0].status, null);
});
