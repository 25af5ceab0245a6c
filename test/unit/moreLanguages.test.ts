// Logs in languages beyond the seven built-in ones and CJK (fixtures of our own under
// test/fixtures/logs/languages/): titles, labels, statuses, table columns and status phrases
// from src/core/playbook/moreLanguages.ts, and the rules that use them: sections labelled with
// what happened and its lesson, list items labelled with an incident's parts, and table rows
// that say of themselves they were no incident.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultPolicy, indexLog } from '../../src/core';
import { statusState } from '../../src/core/indexer';
import { canonicalField } from '../../src/core/playbook/policy';
import { readStatus } from '../../src/core/playbook/statusWords';
import { opensSayingNoIncident } from '../../src/core/reader/proseWords';
import { MORE_DATE_KEYS, MORE_STATUSES, MORE_STATUS_KEYS } from '../../src/core/playbook/moreLanguages';
import { indexFixture } from './helpers';

const policy = defaultPolicy();
const summary = (path: string) => indexFixture(`languages/${path}`).incidents.map((i) => [i.title, statusState(i, policy)]);

test('every status word of the further languages reads as what it means, and every key as status or date', () => {
  for (const [meaning, words] of Object.entries(MORE_STATUSES)) {
    for (const w of words) assert.equal(readStatus(policy, w)?.meaning, meaning, w);
  }
  for (const k of MORE_STATUS_KEYS) assert.equal(canonicalField(policy, k), 'status', k);
  for (const k of MORE_DATE_KEYS) assert.equal(canonicalField(policy, k), 'detected', k);
});

test('status fields in Turkish and Vietnamese: resolved, open, a false alarm closed', () => {
  const idx = indexFixture('languages/durum-fields.md');
  assert.deepEqual(
    idx.incidents.map((i) => [i.id, i.status, statusState(i, policy)]),
    [
      // A resolved word is shown as the playbook's resolved status, as `Resuelto` is.
      ['OLY-3', 'Resolved', 'resolved'],
      ['OLY-4', 'Devam ediyor', 'active'],
      ['SC-12', 'Đang xử lý', 'active'],
      ['SC-13', 'Báo động giả', 'resolved'],
    ],
  );
  assert.equal(idx.incidents[0].detected?.slice(0, 10), '2026-06-01');
});

test('a Dutch log title over prose sections: each an incident, resolved by a fix told, open by words that say it is not yet fixed', () => {
  assert.deepEqual(summary('storingen-nl.md'), [
    ['Betaalpagina gaf een lege pagina', 'resolved'],
    ['Wachtrij voor facturen liep vol', 'active'],
  ]);
});

test('Hebrew sections labelled what happened / the root / the fix / the lesson, under any title, are incidents', () => {
  assert.deepEqual(
    indexFixture('languages/takalot-he.md').incidents.map((i) => i.title),
    ['הטופס לא נשלח', 'תמונות חסרות בעמוד הבית'],
  );
});

test('what happened and its lesson label an incident told as a story; a plan with no labels is none', () => {
  const idx = indexFixture('languages/shippai-ja.md');
  assert.deepEqual(
    idx.incidents.map((i) => i.title),
    ['夜間バッチが二重に走った', '証明書の期限切れ'],
  );
  // One label alone (a Lessons section) is not enough.
  assert.equal(indexLog('# Notes\n\n## Lessons\n\n**Lesson:** keep retries in one place.\n').incidents.length, 0);
  assert.equal(indexLog('# Notes\n\n## Night batch ran twice\n\n**What happened:** totals doubled.\n\n**Lesson:** keep retries in one place.\n').incidents.length, 1);
});

test('a table of occurrences with Turkish columns; a row that opens saying there was no incident is none', () => {
  const idx = indexFixture('languages/olaylar-tr.md');
  assert.deepEqual(
    idx.incidents.map((i) => [i.detected?.slice(0, 10), statusState(i, policy)]),
    [
      ['2026-05-02', 'resolved'],
      ['2026-05-14', 'resolved'],
    ],
  );
  assert.equal(idx.incidents[0].reading?.shape, 'occurrence-table');
});

test('a row says it was no incident only when its cell opens with it', () => {
  for (const cell of ['**No incident.** Deploy checked, all green', 'Ni incidenta; napaka ujeta pred objavo', 'Geen incident', 'לא תקלה. בדיקה בלבד', '_Kein Vorfall_: Wartung']) {
    assert.equal(opensSayingNoIncident(cell), true, cell);
  }
  for (const cell of ['Checkout failed; no incident was declared at first', 'Incident (web). The cache served stale modules', '', 'No', 'Not an']) {
    assert.equal(opensSayingNoIncident(cell), false, cell);
  }
});

test('list items labelled with an incident\'s parts (Polish) are incidents, each on its own; a template list of one label an item is not', () => {
  const idx = indexFixture('languages/incydenty-pl.md');
  assert.deepEqual(
    idx.incidents.map((i) => [i.title, i.detected, statusState(i, policy), i.source, i.reading?.shape]),
    [
      ['klienci nie mogli się zalogować przez 40 minut', '2026-03-11T09:20:00Z', 'resolved', 'entry', 'list-entry'],
      ['raporty dzienne nie zostały wysłane', '2026-03-25T17:05:00Z', 'active', 'entry', 'list-entry'],
    ],
  );
  // The template above them (`- Data`, `- Przyczyna`, one label an item) is none.
  assert.equal(idx.incidents.length, 2);
});

test('labelled list items straight under a log title are incidents, not the fields of one document', () => {
  const text = '# Incidents\n\n- Date: 2026-03-11\n  Cause: expired certificate\n  Fix: renewed it\n\n- Date: 2026-03-25\n  Cause: wrong time zone in the scheduler\n  Impact: daily reports not sent\n  Still not fixed; the reports are sent by hand.\n';
  const idx = indexLog(text);
  assert.deepEqual(
    idx.incidents.map((i) => [i.title, i.detected, statusState(i, policy)]),
    [
      ['expired certificate', '2026-03-11', 'resolved'],
      ['wrong time zone in the scheduler', '2026-03-25', 'active'],
    ],
  );
  // One such item alone stays what it was: the fields of the document.
  assert.equal(indexLog('# Incidents\n\n- Date: 2026-03-11\n  Cause: expired certificate\n  Fix: renewed it\n').incidents.length, 1);
});
