// Incidents in lists and tables that the heading rules do not see (fixtures of our own under
// test/fixtures/logs/shapes/): items tagged with their status (`- **[OPEN] …**`), items opening
// with a bold title over a story, a status group's list (`## Resolved`), a log title with a note
// in brackets, and a table of incidents under a heading dated by a period.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultPolicy, indexLog } from '../../src/core';
import { statusState } from '../../src/core/indexer';
import { applySplices, setField } from '../../src/core/log/writer';
import { isIncidentLogTitle } from '../../src/core/reader/proseIncidents';
import { readingSummary } from '../../src/core/reader/readingSummary';
import { indexFixture } from './helpers';

const policy = defaultPolicy();

test('items tagged with their status are incidents; history lines beside them are not; a Resolved group lists more', () => {
  const idx = indexFixture('shapes/tagged-bugs.md');
  assert.deepEqual(
    idx.incidents.map((i) => [i.title, i.status, i.resolved, statusState(i, policy)]),
    [
      ['Crash when the window is recreated twice in a row', 'OPEN', null, 'active'],
      ['White screen when switching the rendering backend', 'Resolved', '2026-07-31', 'resolved'],
      ['Glass drawn with wrong tints', 'Resolved', '2026-07-26', 'resolved'],
      // Under `## Resolved`: bold titles over their story, resolved by their group and words.
      ['Scene goes black around a mirror', 'Resolved', null, 'resolved'],
      ['Sky hides the geometry in front of it', 'Resolved', null, 'resolved'],
    ],
  );
  // The tag is the status field: a write replaces its word in place.
  const text = idx.text;
  const after = applySplices(text, setField(idx, idx.incidents[0].id, 'status', 'Resolved', policy));
  assert.equal(after, text.replace('**[OPEN] Crash', '**[Resolved] Crash'));
  assert.match(readingSummary(idx).text, /list items under 'Known bugs \(renderer\)' as incidents/);
  // One tagged item among notes is no list of incidents; a task item is never one.
  assert.equal(indexLog('# Known bugs\n\n- [OPEN] One thing\n- a note\n- another note\n').incidents.length, 0);
  // `[TODO]` beside `[DONE]` in a list of bugs is still to do: open. A roadmap's or a changelog's tags are no bugs.
  const bugs = indexLog('# [TODO] Bugs\n\n- [TODO] Export drops the last row when the file is large\n- [DONE] Login loops after the token expires\n- [WIP] Search returns stale results after reindex\n', { policy });
  assert.deepEqual(bugs.incidents.map((i) => [i.title, statusState(i, policy)]), [
    ['Export drops the last row when the file is large', 'active'],
    ['Login loops after the token expires', 'resolved'],
    ['Search returns stale results after reindex', 'active'],
  ]);
  // A write replaces the tag's word, as for any tagged item.
  assert.equal(applySplices(bugs.text, setField(bugs, bugs.incidents[0].id, 'status', 'Resolved', policy)), bugs.text.replace('- [TODO] Export', '- [Resolved] Export'));
  assert.deepEqual(indexLog('# Roadmap\n\n- [TODO] Add dark mode to the settings page\n- [DONE] Add login with passkeys\n- [TODO] Export to CSV\n', { policy }).incidents, []);
});

test('items opening with a bold title over their story, under a log title with a note in brackets', () => {
  assert.equal(isIncidentLogTitle('Bug log (found by running real queries — read before changing the parser)'), true);
  assert.equal(isIncidentLogTitle('Release notes (bugs fixed)'), false);
  const idx = indexFixture('shapes/bold-titled-items.md');
  assert.deepEqual(
    idx.incidents.map((i) => [i.title, statusState(i, policy)]),
    [
      ['The parser dropped the last paragraph of a file', 'resolved'],
      ['Two orders merged into one context', 'resolved'],
      ['A header line was read as a person\'s name', 'resolved'],
    ],
  );
  // Labels are no titles, and a list of them tells no incidents.
  assert.equal(indexLog('# Known bugs\n\n- **Status:** the export is slow on big logs\n- **Cause:** it reads every file twice over\n').incidents.filter((i) => i.reading?.shape === 'list-entry').length, 0);
});

test('a heading dated by a period over a table of incidents is the period: its rows are the incidents', () => {
  const idx = indexFixture('shapes/period-table.md');
  assert.deepEqual(
    idx.incidents.map((i) => [i.detected, i.source, statusState(i, policy)]),
    [
      ['2026-05-30', 'table-row', 'resolved'],
      ['2026-03-12', 'table-row', 'resolved'],
      ['2026-01-08', 'table-row', 'resolved'],
    ],
  );
  // A day's heading over its own timeline table is still an incident.
  const day = indexLog('# Incidents\n\n## 2026-03-02 Checkout down\n\n| Time | Event |\n|---|---|\n| 14:05 | alert |\n| 14:40 | rolled back |\n');
  assert.deepEqual(day.incidents.map((i) => i.source), ['section']);
});

test('paragraphs opened by a bold line with an id or a date are incidents; a bold note is not', () => {
  const idx = indexFixture('shapes/bold-headings.md');
  assert.deepEqual(
    idx.incidents.map((i) => [i.id, i.title, i.detected, statusState(i, policy)]),
    [
      // `Fix: switched …` inside the paragraph describes what was done.
      ['#1', 'Sandbox API retired under us', '2026-07-07', 'resolved'],
      ['#2', 'Clock skew rejected signed requests', '2026-07-08', 'active'],
    ],
  );
  assert.match(readingSummary(idx).text, /2 paragraphs opened by a bold line with an id or a date as incidents/);
  // One such line is no log of them.
  assert.equal(indexLog('# Notes\n\n**#1 — 2026-07-07 — Something**\nText.\n').incidents.length, 0);
});

test('a row that opens saying nothing is recorded yet is no incident', () => {
  const idx = indexLog('# Incident ledger\n\n| Incident ID | Timestamp | Description | Status |\n|---|---|---|---|\n| *No incidents recorded during the current window.* | — | All systems operational. | NOMINAL |\n| INC-002 | - | Nenhum incidente em produção registrado até o momento. | Estável |\n');
  assert.equal(idx.incidents.length, 0);
});

test('a diagnosis written as a document (its title names a diagnosis, its parts a root cause and fixes) is one incident', () => {
  const idx = indexFixture('shapes/diagnosis-fr.md');
  assert.deepEqual(idx.incidents.map((i) => [i.title, statusState(i, policy)]), [['Diagnostic technique — tableau de bord vide', 'resolved']]);
});
