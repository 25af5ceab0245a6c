// Sections shaped like the incidents beside them (src/core/reader/siblingSections.ts): a
// register's entries share labelled lines, so a section with no id, date or status of its own
// that labels its lines as the incident beside it does is an entry too. Fixture of our own:
// test/fixtures/logs/shapes/sibling-sections.md.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultPolicy, indexLog } from '../../src/core';
import { reindexLog, statusState } from '../../src/core/indexer';
import { readingNotes } from '../../src/core/reader/readingNotes';
import { readingSummary } from '../../src/core/reader/readingSummary';
import { indexFixture } from './helpers';

const policy = defaultPolicy();

test('sections labelled like the incident beside them are its sibling entries; format, notes and examples are not', () => {
  const idx = indexFixture('shapes/sibling-sections.md');
  assert.deepEqual(
    idx.incidents.map((i) => [i.title, statusState(i, policy)]),
    [
      // No status written: resolved from its words (a fix, verified).
      ['JOURNAL_GREW_ON_ROOT', 'resolved'],
      ['BACKUP_DISK_VANISHED', 'active'],
      ['EXPORT_JOB_TIMED_OUT', 'resolved'],
    ],
  );
  const [journal, disk] = idx.incidents;
  assert.match(readingNotes(journal, policy).readAs ?? '', /under 'Registro incidenti' labelling its lines as the incidents beside it do/);
  assert.equal(readingNotes(disk, policy).readAs, undefined, 'an incident by its own status carries no note');
  const summary = readingSummary(idx);
  assert.equal(summary.guessed, true);
  assert.match(summary.text, /H2 section under 'Registro incidenti' as incidents by the labelled lines they share with the incidents beside them/);
});

test('one shared label is not enough, and nothing is read beside a log with no incident', () => {
  const one = indexLog('# Registry\n\n## DISK_LOST\n- Stato: OPEN\n- Sintomo: gone\n- Root cause: unknown\n\n## Rota\n- Sintomo: none\n- Owner: Dana\n');
  assert.deepEqual(one.incidents.map((i) => i.title), ['DISK_LOST']);
  const none = indexLog('# Notes\n\n## Setup\n- Sintomo: a\n- Root cause: b\n\n## Other\n- Sintomo: c\n- Root cause: d\n');
  assert.equal(none.incidents.filter((i) => i.reading?.shape === 'like-siblings').length, 0);
});

test('an edit inside an incident that makes the section beside it alike is seen by the re-index', () => {
  const text = '# Registry\n\n## DISK-1: Disk lost\n- Stato: OPEN\n- Sintomo: gone\n- Root cause: unknown\n\n## Job timed out\n- Impatto: exports late\n- Fix: restarted the queue\n';
  const before = indexLog(text, { policy });
  assert.deepEqual(before.incidents.map((i) => i.id), ['DISK-1']);
  assert.equal(before.readsBeside, true, 'a section beside the incident was weighed');
  const edited = text.replace('- Root cause: unknown\n', '- Root cause: unknown\n- Impatto: backups stopped\n- Fix: replaced the cable\n');
  const again = reindexLog(before, edited, { policy });
  assert.deepEqual(again.incidents.map((i) => i.title), indexLog(edited, { policy }).incidents.map((i) => i.title));
  assert.deepEqual(again.incidents.map((i) => i.title), ['Disk lost', 'Job timed out']);
});

test('a log of incidents only weighs nothing beside them (the keystroke path stays incremental)', () => {
  const text = '# Incident Log\n\n' + Array.from({ length: 50 }, (_, k) => `## INC-${k}: Outage ${k}\n- **Status:** Resolved\n- **Severity:** SEV-2\n\n### Timeline\n- 10:00 alert\n\n`).join('');
  const idx = indexLog(text, { policy });
  assert.equal(idx.incidents.length, 50);
  assert.equal(idx.readsBeside, undefined);
});
