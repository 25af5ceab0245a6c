// Logs in shapes the reading rules were not first written for (fixtures of our own under
// test/fixtures/logs/): closed-like and deferred statuses, bold status lines that wrap,
// occurrence tables, untitled prose sections, a status said only in prose, and a summary table
// whose rows and sections do not match one to one. See docs/FORMAT.md.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultPolicy, indexLog, loadPolicy } from '../../src/core';
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

test('a table of occurrences (a date column and an end or duration column) lists one incident per row', () => {
  const idx = indexFixture('shapes/occurrence-table.md');
  assert.deepEqual(
    idx.incidents.map((i) => [i.id, i.title, i.detected, statusState(i, policy)]),
    [
      ['2026-03-02-load-balancer-health-check-misfired', 'Load balancer health check misfired', '2026-03-02', 'resolved'],
      ['2026-03-19-dns-ttl-change-propagated-unevenly', 'DNS TTL change propagated unevenly', '2026-03-19', 'resolved'],
      ['2026-04-07-upstream-provider-outage-in-eu-west', 'Upstream provider outage in eu-west', '2026-04-07', 'active'],
    ],
  );
  // Each row says how it was read.
  const notes = readingNotes(idx.incidents[0], policy);
  assert.equal(notes.readAs, "a row of a table of occurrences under 'Downtime' (a date column and a column saying when it ended)");
  assert.equal(notes.statusFrom, 'Back up (UTC): 08:05');
  assert.equal(readingNotes(idx.incidents[2], policy).statusFrom, 'Back up (UTC): not yet');
  // Other languages, a duration column; no date column is no table of incidents.
  const de = indexLog('# Störungen\n\n| Datum | Dauer | Ursache |\n|---|---|---|\n| 2026-01-05 | 20 min | Zertifikat abgelaufen |\n');
  assert.deepEqual(de.incidents.map((i) => [i.title, statusState(i, policy)]), [['Zertifikat abgelaufen', 'resolved']]);
  // A table-row log with a title column gets its status from such a column too, without a note of how it was found.
  const rows = indexLog('| Date | Summary | Fixed |\n|---|---|---|\n| 2026-01-05 | LB flapped | 2026-01-06 |\n').incidents;
  assert.deepEqual(rows.map((i) => [statusState(i, policy), readingNotes(i, policy).readAs]), [['resolved', undefined]]);
  assert.equal(indexLog('| Down | Recovered | Notes |\n|---|---|---|\n| 07:40 | 08:05 | LB |\n').incidents.length, 0);
  assert.equal(indexLog('| Date | Notes |\n|---|---|\n| 2026-01-05 | LB |\n').incidents.length, 0);
});

test('the playbook names tables that list incidents, by the heading they are under or their columns', () => {
  const text = '# Ops\n\n## Blips\n\n| Day | Notes |\n|---|---|\n| 2026-01-05 | LB flapped |\n| 2026-01-09 | DNS |\n';
  assert.equal(indexLog(text).incidents.length, 0);
  const byHeading = { ...defaultPolicy(), reading: { incidentTables: ['blips'] } };
  assert.deepEqual(indexLog(text, { policy: byHeading }).incidents.map((i) => i.title), ['LB flapped', 'DNS']);
  const byColumns = { ...defaultPolicy(), reading: { incidentTables: ['Day | Notes'] } };
  assert.equal(indexLog(text, { policy: byColumns }).incidents.length, 2);
});

test('the playbook\'s statusWords and reading settings are read and checked', () => {
  const p = loadPolicy('statusWords:\n  open: [Awaiting vendor]\n  closed: [Handled elsewhere]\n  deferred: [Icebox]\nreading:\n  incidentLevel: 3\n  incidentTables: [Outages, "Date | Down"]\n');
  assert.deepEqual(p.reading, { incidentLevel: 3, incidentTables: ['Outages', 'Date | Down'] });
  const state = (value: string) => statusState(indexLog(`## INC-1: X\n- **Severity:** SEV-2\n- **Status:** ${value}\n`, { policy: p }).incidents[0], p);
  assert.deepEqual(['Awaiting vendor', 'Handled elsewhere (see INC-4)', 'Icebox'].map(state), ['active', 'resolved', 'deferred']);
  assert.throws(() => loadPolicy('reading:\n  incidentLevel: 5\n'), /line 2: .*level 2 to 4/);
  assert.throws(() => loadPolicy('statusWords:\n  maybe: [x]\n'), /statusWords/);
});
