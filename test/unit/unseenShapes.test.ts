// Logs in shapes the reading rules were not first written for (fixtures of our own under
// test/fixtures/logs/): closed-like and deferred statuses, bold status lines that wrap,
// occurrence tables, untitled prose sections, a status said only in prose, and a summary table
// whose rows and sections do not match one to one. See docs/FORMAT.md.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultPolicy, indexLog } from '../../src/core';
import { statusState } from '../../src/core/indexer';
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
