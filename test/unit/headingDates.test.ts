// Headings dated only by a slashed date whose numbers do not say the order (`4/12/2022`), a time
// written `22:00hrs PT`, and what `check` says where a person counts what Markdown does not show:
// a heading behind a pasted line number, a table row standing for a range of ids. See docs/FORMAT.md.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultPolicy, indexLog } from '../../src/core';
import { statusState } from '../../src/core/indexer';
import { parseSlashedDate, slashOrderIn } from '../../src/core/format/time';

const policy = defaultPolicy();
const read = (text: string) => indexLog(text, { policy }).incidents.map((i) => ({ title: i.title, detected: i.detected, state: statusState(i, policy) }));

test('the order of a log\'s slashed dates is the first date that says it, in one pass', () => {
  assert.equal(slashOrderIn('seen 4/3/2022, then 4/13/2022 at noon'), 'mdy');
  assert.equal(slashOrderIn('vu le 04/03/2022 puis le 13/04/2022'), 'dmy');
  // Paths, fractions and dates of no four-digit year say nothing.
  assert.equal(slashOrderIn('GET /api/13/4 and 3/4 of requests; 25/12/22 and 4/12/2022'), undefined);
  assert.equal(slashOrderIn('111/4/2022 and 4/13/20223'), undefined);
  assert.equal(parseSlashedDate('4/12/2022 22:00', 'mdy')?.value, '2022-04-12T22:00:00Z');
  assert.equal(parseSlashedDate('4/12/2022', 'dmy')?.value, '2022-12-04');
  assert.equal(parseSlashedDate('4/12/22', 'dmy'), undefined);
});

test('headings dated 4/12/2022 are incidents when the log\'s other dates say the order, read in it', () => {
  const log = [
    '#### 4/12/2022 22:00hrs PT',
    '',
    'Fixed',
    '',
    'Jobs could not get machines to run on; reports were late.',
    '',
    '4/13/2022 15:30hrs PT Still working with the provider on it.',
    '',
    '#### 4/07/2022 10:00 UTC',
    '',
    'Fixed',
    '',
    'Event streaming stopped for two hours.',
    '',
  ].join('\n');
  assert.deepEqual(read(log), [
    // Pacific Time in April is seven hours behind UTC; `hrs PT` is part of the time, not the title.
    { title: '', detected: '2022-04-13T05:00:00Z', state: 'resolved' },
    { title: '', detected: '2022-04-07T10:00:00Z', state: 'resolved' },
  ]);
  // Day first where the log's other dates are.
  const dayFirst = log.replace('4/13/2022', '13/04/2022');
  assert.deepEqual(read(dayFirst).map((i) => i.detected), ['2022-12-05T06:00:00Z', '2022-07-04T10:00:00Z']);
  // Nothing says the order: the dates are not read, and the headings are no incidents.
  assert.deepEqual(read(log.replace('4/13/2022 ', '')), []);
});

test('a titled heading with such a date keeps its title, and the date leaves it', () => {
  const log = ['# Outages', '', '## 3/4/2024: Checkout returned 500s', '', 'Resolved.', '', '## 3/19/2024: Search slow', '', 'Resolved.', ''].join('\n');
  assert.deepEqual(read(log), [
    { title: 'Checkout returned 500s', detected: '2024-03-04', state: 'resolved' },
    { title: 'Search slow', detected: '2024-03-19', state: 'resolved' },
  ]);
});

test('a heading behind a pasted line number is text to Markdown: not read, and check says where', () => {
  const log = [
    '# Incident Log',
    '',
    '### INC-001: Login fails',
    '**Status:** Resolved',
    '',
    '### INC-002: Quota exhausted',
    '**Status:** Resolved',
    '',
    '40: ',
    '41: ### INC-003: Map renders islands in the wrong place',
    '42: **Status:** Resolved',
    '',
    '50: ### INC-002: Quota exhausted',
    '',
  ].join('\n');
  const index = indexLog(log, { policy });
  assert.deepEqual(index.incidents.map((i) => i.id), ['INC-001', 'INC-002']);
  // One warning, for the new id only (INC-002 is a heading already).
  assert.deepEqual(
    index.problems.filter((p) => p.code === 'heading-after-line-number').map((p) => [p.line, p.severity, p.message]),
    [[10, 'warning', 'Line 10 reads as the heading of INC-003 behind a line number pasted before it ("41:"), so Markdown shows it as text and it is not read as an incident. Remove "41:" to make it a heading.']],
  );
  // A numbered line that is no heading says nothing.
  const plain = log.replace('41: ### INC-003', '41: see INC-003');
  assert.equal(indexLog(plain, { policy }).problems.filter((p) => p.code === 'heading-after-line-number').length, 0);
});

test('a table row whose id cell names a range of ids is one incident, and check says so', () => {
  const log = [
    '# Incident log',
    '',
    '| ID | Problem | Status |',
    '|---|---|---|',
    '| P01 | Routing returned 500 | Fixed |',
    '| P02 | Redirect loop | Fixed |',
    '| B01~B07 | Blocking bugs of the second round | Fixed |',
    '| Q-10..Q-12 | Stale caches | Fixed |',
    '| R5 - R7 | Not a range: a dash with spaces is a title | Fixed |',
    '',
  ].join('\n');
  const index = indexLog(log, { policy });
  assert.equal(index.incidents.length, 5);
  assert.deepEqual(
    index.problems.filter((p) => p.code === 'row-holds-id-range').map((p) => [p.line, p.severity, p.message]),
    [
      [7, 'info', 'Row 7 stands for B01 to B07, a range of ids, and is read as one incident. Give each its own row to count them one by one.'],
      [8, 'info', 'Row 8 stands for Q-10 to Q-12, a range of ids, and is read as one incident. Give each its own row to count them one by one.'],
    ],
  );
});

test('an edit re-reads the log whole where a slashed date says the order of another heading\'s', async () => {
  const { reindexLog } = await import('../../src/core');
  const log = [
    '# Incidents',
    '',
    '## INC-1: 4/12/2022 Jobs could not start',
    '- **Status:** Resolved',
    '',
    'Notes.',
    '',
    '## INC-2: Events delayed',
    '- **Status:** Resolved',
    '',
    'Seen first on 4/13/2022 by support.',
    '',
  ].join('\n');
  const shape = (index: ReturnType<typeof indexLog>) => index.incidents.map((i) => [i.id, i.title, i.detected]);
  const before = indexLog(log, { policy });
  assert.deepEqual(shape(before)[0], ['INC-1', 'Jobs could not start', '2022-04-12']);
  // Typing in INC-1, whose heading's date takes its order from INC-2's text.
  const typed = log.replace('Notes.', 'Notes, more of them.');
  assert.deepEqual(shape(reindexLog(before, typed, { policy })), shape(indexLog(typed, { policy })));
  // Changing the one date that says the order, in another incident's section.
  const changed = log.replace('4/13/2022', '13/04/2022');
  const again = reindexLog(before, changed, { policy });
  assert.deepEqual(shape(again), shape(indexLog(changed, { policy })));
  assert.equal(again.incidents[0].detected, '2022-12-04');
});
