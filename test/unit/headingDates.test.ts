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

test('the order of a log\'s slashed dates is what most of the dates that say it say, in one pass', () => {
  assert.equal(slashOrderIn('13/04/2022, 14/04/2022 and once 4/15/2022'), 'dmy');
  assert.equal(slashOrderIn('13/04/2022 and 4/15/2022'), undefined);
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

test('what the review of the slashed dates found: links, code, a CT scan, a span of days, copies of the context', () => {
  const dated = (text: string) => indexLog(text, { policy }).incidents.map((i) => [i.id, i.title, i.detected]);
  // A date in a link's path or in code says nothing; the headings' own dates do.
  const linked = '# Incidents\n\nSee https://example.com/reports/25/12/2023 for last year.\n\n```\n[23/02/2024 10:00:01] ERROR\n```\n\n## INC-1 3/4/2024 Payment outage\nStatus: resolved\n\n## INC-2 3/15/2024 Login outage\nStatus: resolved\n';
  assert.deepEqual(dated(linked), [['INC-1', 'Payment outage', '2024-03-04'], ['INC-2', 'Login outage', '2024-03-15']]);
  // Only a link or code says: nothing says, and the date stays in the title.
  assert.deepEqual(dated(linked.replace('3/15/2024', '3/5/2024'))[0], ['INC-1', '3/4/2024 Payment outage', null]);
  // A zone or `hrs` only where the title has not begun.
  assert.deepEqual(dated('# Incidents\n\n## INC-1 2024-03-04 14:00 CT scan service down\nStatus: resolved\n\n## INC-2 2024-05-01 10:00 hrs of downtime on billing\nStatus: resolved\n\n## INC-3 2024-06-01 08:00 PT — Uploads fail\nStatus: resolved\n'), [
    ['INC-1', 'CT scan service down', '2024-03-04T14:00:00Z'],
    ['INC-2', 'hrs of downtime on billing', '2024-05-01T10:00:00Z'],
    ['INC-3', 'Uploads fail', '2024-06-01T15:00:00Z'],
  ]);
  // An impossible date is no question of order: it stays in the title.
  assert.deepEqual(dated('# Incidents\n\n## INC-1 13/13/2024 Typo date\nStatus: resolved\n\n## INC-2 3/15/2024 Login\nStatus: resolved\n')[0], ['INC-1', '13/13/2024 Typo date', null]);
  // A span of days in an id column is no range of ids.
  const span = '# Incident log\n\n| ID | Date | Summary | Status |\n|----|------|---------|--------|\n| 2024-01-01–2024-01-05 | 2024-01-01 | Holiday backlog | Resolved |\n';
  assert.equal(indexLog(span, { policy }).problems.filter((p) => p.code === 'row-holds-id-range').length, 0);
});

test('the log is looked through for the order once, whatever copies of the context the rules make', () => {
  // Sections of tables whose rows are dated 3/4/2024: the table reader works on a copy of the
  // context per section, and a look through the whole log per copy made indexing quadratic.
  const log = (n: number) => `# Incidents\n\n${Array.from({ length: n }, (_, i) => `## 2024-03 batch ${i}\n\n| ID | Title | Status |\n|---|---|---|\n| 3/4/2024 | Row ${i} | Resolved |\n`).join('\n')}\nOnce on 3/14/2024.\n`;
  const best = (text: string) => {
    let min = Infinity;
    for (let k = 0; k < 3; k++) {
      const started = performance.now();
      indexLog(text, { policy });
      min = Math.min(min, performance.now() - started);
    }
    return min;
  };
  const small = log(1500);
  const big = log(3000);
  best(small);
  const [a, b] = [best(small), best(big)];
  // Twice the sections: about twice the time; a look per section made it three times and more.
  assert.ok(b < a * 2.6, `${a.toFixed(1)} ms for 1,500 sections, ${b.toFixed(1)} ms for 3,000`);
});

test('what the second review found: a hyphenated word after the time, a pasted date in a quote or code, impossible dates, periods in an id column', () => {
  const dated = (text: string) => indexLog(text, { policy }).incidents.map((i) => [i.title, i.detected]);
  // `CT-scan`, `PT-BR`: words of the title, not zones.
  assert.deepEqual(dated('# Incidents\n\n## INC-1 2024-03-11 09:00 CT-scan archive offline\nStatus: resolved\n\n## INC-2 2024-03-12 08:00 PT-BR locale broken\nStatus: resolved\n\n## INC-3 2024-03-13 08:00 PT - Uploads fail\nStatus: resolved\n'), [
    ['CT-scan archive offline', '2024-03-11T09:00:00Z'],
    ['PT-BR locale broken', '2024-03-12T08:00:00Z'],
    ['Uploads fail', '2024-03-13T15:00:00Z'],
  ]);
  // A mail quoted into a German log, a command in code: they do not say how the log writes dates.
  const german = '# Störungen\n\n## INC-201 03/04/2024 Datenbank langsam\nStatus: behoben\n\n> Sent: 5/14/2024 3:12 PM\n\n## INC-202 08/05/2024 Login defekt\nStatus: behoben\n\nRan `restore --from 4/13/2024` to get it back.\n';
  assert.deepEqual(dated(german).map(([, d]) => d), [null, null]);
  // The log's own words do, by the most of them: two day-first dates against one month-first.
  const own = german.replace('to get it back.', 'to get it back. Seen 14/05/2024 and 15/05/2024, reported 5/16/2024.');
  assert.deepEqual(dated(own).map(([, d]) => d), ['2024-04-03', '2024-05-08']);
  // An impossible date says nothing.
  assert.deepEqual(dated('# Incidents\n\n## INC-1 3/4/2024 Outage\nStatus: resolved\n\nFirst seen 2/30/2024.\n').map(([, d]) => d), [null]);
  // Quarters, weeks and severities in an id column are no ranges of ids.
  const periods = '# Incident log\n\n| ID | Problem | Status |\n|---|---|---|\n| Q1–Q2 | Backlog | Fixed |\n| W12–W13 | Slow builds | Fixed |\n| SEV1~SEV2 | Pages | Fixed |\n| B01~B07 | Blocking bugs | Fixed |\n';
  assert.deepEqual(indexLog(periods, { policy }).problems.filter((p) => p.code === 'row-holds-id-range').map((p) => p.line), [8]);
});

test('a keystroke on a line with a slashed date stays a one-section re-read in a log whose dates all say their order', async () => {
  const { reindexLog } = await import('../../src/core');
  const log = '# Incidents\n\n## INC-1: Jobs could not start\n- **Status:** Resolved\n- **Detected:** 2022-04-12 10:00 UTC\n\n### Timeline\n- 2022-04-13 10:00 UTC — Paged on 4/13/2022 by support\n\n## INC-2: Events delayed\n- **Status:** Resolved\n';
  const before = indexLog(log, { policy });
  assert.equal(before.slashOrderLooked, undefined);
  const typed = log.replace('by support', 'by the support desk');
  const again = reindexLog(before, typed, { policy });
  // The incident after the edit is reused, moved: a one-section re-read.
  assert.equal(again.incidents[1].constructor.name, 'ShiftedIncident');
  assert.deepEqual(again.incidents.map((i) => [i.id, i.title, i.detected]), indexLog(typed, { policy }).incidents.map((i) => [i.id, i.title, i.detected]));
});
