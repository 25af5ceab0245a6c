// Logs in the shapes teams keep them (fixtures under test/fixtures/logs/shapes/, written for
// these tests): every incident a person sees is found, and only those, with the title a person
// would give it. One test per reading rule of docs/FORMAT.md's "Finding incidents".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findIncident, indexLog, loadPolicy, reindexLog } from '../../src/core';
import { isActive, readHeading } from '../../src/core/indexer';
import { defaultPolicy } from '../../src/core';
import { indexFixture } from './helpers';

const policy = defaultPolicy();
const ids = (name: string) => indexFixture(`shapes/${name}.md`).incidents.map((i) => i.id);

test('id forms: 8-digit dates, one-letter prefixes, bracketed ids, incident words, a full-width colon', () => {
  const idx = indexFixture('shapes/id-forms.md');
  assert.deepEqual(
    idx.incidents.map((i) => i.id),
    ['INC-20260614-01', 'INC-20260614-02', 'I-1765106488', 'E-13', '001', '#002', 'E-7', '2026-07-reviewer-emails-bounced-for-a-week'],
  );
  assert.equal(findIncident(idx, 'E-7')?.title, '数据库连接池耗尽');
  assert.equal(findIncident(idx, '#002')?.title, 'Pagos rechazados por el banco emisor');
});

test('an H3 with its own id and fields after an H2 incident is a sibling, and keeps its sub-sections', () => {
  const idx = indexFixture('shapes/id-forms.md');
  const [first, second] = idx.incidents;
  assert.equal(first.end, second.start, 'the H2 incident ends where its sibling starts');
  assert.equal(second.title, 'Refund queue stalled behind the payment fix');
  assert.equal(second.severity, 'SEV-3');
  assert.deepEqual(second.timeline.map((e) => e.at), ['2026-06-14T11:40:00Z', '2026-06-14T12:05:00Z']);
  assert.equal(first.timeline.length, 0);
  // A sub-heading with an id but no fields stays part of its incident (a reference, a follow-up).
  const text = '## INC-1: A\n- **Severity:** SEV-1\n- **Status:** Resolved\n\n### INC-2 follow-up notes\nSee the ticket.\n';
  assert.deepEqual(indexLog(text).incidents.map((i) => i.id), ['INC-1']);
});

test('a bracketed status is the incident status, replaced in place by a write', () => {
  const idx = indexFixture('shapes/id-forms.md');
  const open = findIncident(idx, 'I-1765106488')!;
  assert.equal(open.status, 'OPEN');
  assert.equal(open.title, 'Nightly export writes empty files');
  const field = open.fields.find((f) => f.canonical === 'status')!;
  assert.equal(idx.text.slice(field.valueStart, field.valueEnd), 'OPEN');
  assert.equal(field.style, 'table', 'never copied as the style of a new field line');
  // A Status field in the body is written after the heading's: the body's wins.
  const both = indexLog('## [OPEN] I-7 — X\n- **Status:** Resolved\n').incidents[0];
  assert.equal(both.status, 'Resolved');
});

test('dates: month-only headings, non-ISO and other-language field dates, a year alone', () => {
  const idx = indexFixture('shapes/id-forms.md');
  assert.equal(findIncident(idx, 'I-1765106488')?.detected, '2025-10-02', 'October 2, 2025');
  assert.equal(findIncident(idx, 'E-13')?.detected, '2025', 'a year alone keeps its precision');
  assert.equal(findIncident(idx, '001')?.detected, '2026-07-16', '16 июля 2026');
  assert.equal(idx.incidents[7].detected, '2026-07', '## 2026-07 [paper] …');
  assert.equal(idx.incidents[7].title, 'Reviewer emails bounced for a week');
  // A month alone over other incidents is a container, like a year.
  const months = indexLog('## 2026-07\n\n### 2026-07-03 — Feed late\n- **Status:** Resolved\n');
  assert.deepEqual(months.incidents.map((i) => i.title), ['Feed late']);
  // Time-only timeline entries need a day: a month gives none.
  const monthOnly = indexLog('## 2026-07 Feed late\n### Timeline\n- 10:00 — Alert\n').incidents[0];
  assert.deepEqual(monthOnly.timeline.map((e) => e.at), [null]);
});

test('a single-incident file: the H1 is the title, H2 sections named like fields are its fields', () => {
  const idx = indexFixture('shapes/single-incident.md');
  assert.equal(idx.incidents.length, 1);
  const [inc] = idx.incidents;
  assert.equal(inc.title, 'Checkout outage after the cache migration');
  assert.equal(inc.detected, '2026-07-16');
  assert.equal(inc.severity, 'SEV-1');
  assert.match(inc.status ?? '', /^Resolved/);
  assert.equal(inc.timeline.length, 2);
  const sev = inc.fields.find((f) => f.canonical === 'severity')!;
  assert.equal(idx.text.slice(sev.valueStart, sev.valueEnd), 'SEV-1');
  // An H1 over prose sections is no incident.
  assert.equal(indexLog('# Runbook\n\n## Overview\nText.\n\n## Steps\n1. Restart\n').incidents.length, 0);
});

test('numbered headings in other scripts, with fields in that language', () => {
  const ru = loadPolicy(['fieldAliases:', '  severity: [Серьёзность]', '  status: [Статус]', '  detected: [Дата]'].join('\n'));
  const idx = indexFixture('shapes/other-scripts.md', ru);
  assert.deepEqual(idx.incidents.map((i) => i.title), ['Сбой оплаты картами', 'Задержка уведомлений', 'Διακοπή ρεύματος στο κέντρο δεδομένων', '数据库超时', '缓存失效']);
  assert.equal(idx.incidents[0].detected, '2026-07-16');
  assert.equal(idx.incidents[0].severity, 'SEV-1');
});

test('derived ids: the day and a transliterated title, or the day and an ordinal; stable, never written', () => {
  const ru = loadPolicy(['fieldAliases:', '  status: [Статус]', '  detected: [Дата]'].join('\n'));
  const text = indexFixture('shapes/other-scripts.md', ru).text;
  const first = indexLog(text, { policy: ru }).incidents.map((i) => i.id);
  assert.deepEqual(first, ['2026-07-16-sboi-oplaty-kartami', '2026-07-16-zaderzhka-uvedomlenii', '2026-03-02-diakopi-reymatos-sto-kentro-dedomenon', '2026-03-02-1', '2026-03-02-2']);
  assert.deepEqual(indexLog(text, { policy: ru }).incidents.map((i) => i.id), first, 'the same on every read');
  assert.ok(indexLog(text, { policy: ru }).incidents.every((i) => !i.idWritten));
  assert.ok(!text.includes('sboi'), 'nothing is written into the log');
  // Latin diacritics and letters NFKD keeps whole.
  assert.equal(indexLog('## 2026-02-01 — Straße gesperrt, Zahlungsausfall\n').incidents[0].id, '2026-02-01-strasse-gesperrt-zahlungsausfall');
});

test('an unclosed fence hiding incident headings: CommonMark reading kept, one finding with the line and the count', () => {
  const idx = indexFixture('shapes/unclosed-fence.md');
  assert.equal(idx.incidents.length, 1, 'the preview shows the rest as code, and so does the view');
  const finding = idx.problems.find((p) => p.code === 'fence-hides-incidents')!;
  assert.equal(finding.line, 10);
  assert.equal(finding.message, 'The code fence opened on line 10 is never closed, so 2 headings that read like incidents (lines 13 and 18) are read as code, as the preview shows them. To read them as incidents, close the fence before line 13.');
  assert.ok(idx.scanProblems.some((p) => p.code === 'fence-hides-incidents'), 'found by the scan alone');
  assert.equal(idx.problems.filter((p) => p.code === 'swallowed-heading').length, 0, 'one finding for the fence, not one per heading');
  // Closing the fence brings them back, and the finding goes.
  const closed = indexLog(idx.text.replace('kubectl rollout undo deployment/checkout\n', 'kubectl rollout undo deployment/checkout\n```\n'));
  assert.equal(closed.incidents.length, 3);
  assert.ok(!closed.problems.some((p) => p.code === 'fence-hides-incidents'));
});

test('templates and placeholders are not incidents', () => {
  assert.deepEqual(ids('templates'), ['INC-002']);
  // A row of dashes, or no id and no date and an emphasised note.
  const rows = indexLog('| ID | Date | Summary | Severity |\n|---|---|---|---|\n| — | — | _No active incidents_ | — |\n| - | - | - | - |\n| OPS-1 | 2026-01-02 | Feed late | SEV-3 |\n');
  assert.deepEqual(rows.incidents.map((i) => i.id), ['OPS-1']);
  // A history table's first row left as a template: an id and nothing else.
  const history = indexLog('| # | Date | Titre | Priorité | Statut |\n|---|---|---|---|---|\n| INC-001 | — | — | — | — |\n| INC-002 | 2026-03-04 | — | P2 | Résolu |\n');
  assert.deepEqual(history.incidents.map((i) => i.id), ['INC-002']);
  // A real incident with a placeholder left in one field is still one.
  assert.equal(indexLog('## INC-9: Feed late\n- **Severity:** SEV-3\n- **Incident Commander:** [Name]\n').incidents.length, 1);
});

test('a summary table and detail sections with the same ids are one incident each; addenda belong to theirs', () => {
  const idx = indexFixture('shapes/summary-and-details.md');
  assert.deepEqual(idx.incidents.map((i) => [i.id, i.source]), [['INC-003', 'table-row'], ['INC-001', 'section'], ['INC-002', 'section']]);
  const one = findIncident(idx, 'INC-001')!;
  assert.equal(one.status, 'Resolved', "the table's status is the newer one");
  assert.equal(one.detected, '2026-04-02T13:20:00Z', "the section's fields win for detail");
  assert.equal(one.roles.commander, 'Ana');
  assert.equal(one.timeline.length, 2);
  assert.ok(idx.text.slice(one.start, one.end).includes('Root cause confirmed'), 'INC-001-addendum is part of INC-001');
  const statusField = one.fields.find((f) => f.canonical === 'status')!;
  assert.equal(statusField.style, 'table', 'a status write goes to the value that is read');
  const two = findIncident(idx, 'INC-002')!;
  assert.equal(two.status, 'Investigating', 'the section has none: the table says');
  assert.ok(idx.text.slice(two.start, two.end).includes('font missing'), '"Addendum: …" belongs to the incident above it');
  assert.ok(!idx.problems.some((p) => p.code === 'duplicate-id'));
  // An edit in a merged incident re-reads the whole log, so the merge holds.
  const edited = reindexLog(idx, idx.text.replace('Connection pool raised', 'Connection pool raised to 200'));
  assert.equal(findIncident(edited, 'INC-001')?.status, 'Resolved');
});

test('titles: incident words, ordinals, components, emoji, addenda, quotes and date ranges are not the title', () => {
  const idx = indexFixture('shapes/titles.md');
  assert.deepEqual(idx.incidents.map((i) => i.title), [
    'Checkout returns 500',
    'Pagos duplicados',
    'Search timeouts',
    'Login loop on Safari',
    'Invoices sent twice',
    'Calendar sync stopped',
    'Gradual memory leak in the worker pool',
    'Deploy pipeline broken (PR #476)',
  ]);
  const range = idx.incidents[6];
  assert.equal(range.detected, '2026-04-05');
  assert.equal(range.resolved, '2026-04-15', 'the end of the range is when it ended');
  assert.equal(idx.incidents[7].idWritten, false, 'PR #476 inside a title is not the id');
  for (const [heading, title] of [
    ['addendum: Cache keys collided', 'Cache keys collided'],
    ['INC-20260101-07: Feed late', 'Feed late'],
    ['Incident 002 — Feed late', 'Feed late'],
  ]) assert.equal(readHeading(heading, policy).title, title, heading);
});

test("a linked report's generic H1 never replaces the index row's title", () => {
  const idx = indexFixture('shapes/reports-index.md');
  assert.deepEqual(idx.incidents.map((i) => [i.id, i.title, i.status]), [
    ['INC-14', 'Primary database failover', 'Resolved'],
    ['INC-15', 'Queue consumers crash-looping', 'Resolved'],
  ]);
  assert.equal(idx.incidents[0].detected, '2026-03-04', 'the report read as a document: H2 Date');
});

test('table rows: title from Trigger / Symptom columns, date from Window / When columns, a zone note applied', () => {
  const idx = indexFixture('shapes/table-columns.md');
  assert.deepEqual(idx.incidents.map((i) => [i.title, i.detected]), [
    ['Bulk import saturated the write pool', '2026-03-02T08:30:00Z'],
    ['Expired OAuth client secret', '2026-03-11T04:00:00Z'],
    ['Dashboards blank for EU tenants', '2026-04-01'],
  ]);
});

test('a heading is an incident only with an id at its start or after an incident word, a date, or fields', () => {
  assert.deepEqual(ids('patterns'), ['INC-2026-0301-001']);
  assert.equal(readHeading('Row-inclusion rule (extends #1332)', policy).id, null);
  assert.equal(readHeading('Checkout down, incident #12', policy).id, '#12');
  assert.equal(readHeading('Checkout down, incident #12', policy).title, 'Checkout down', 'the word that named the id goes with it');
  assert.equal(readHeading('[P1] ABC-123 Checkout down', policy).id, 'ABC-123');
  assert.equal(readHeading('2026-01-02 — OPS-7: Feed late', policy).id, 'OPS-7');
  assert.equal(readHeading('Checkout down [OPS-7]', policy).id, 'OPS-7', 'an id alone in brackets');
  assert.equal(readHeading('Checkout down — OPS-88', policy).id, 'OPS-88', 'an id closing the heading after a separator');
  assert.equal(readHeading('Checkout down: see OPS-88', policy).id, null);
  assert.equal(readHeading('Incidents 2026', policy).id, null, 'a year is not an incident number');
});

test('numbered headings whose sections hold bold key lines, keys in any language, are incidents', () => {
  const idx = indexFixture('shapes/numbered-keys.md');
  assert.deepEqual(idx.incidents.map((i) => i.title), ['ระบบส่งอีเมลซ้ำ (Duplicate emails)', 'รูปภาพสินค้าไม่แสดง']);
  // A numbered heading over prose (a plan) is not one.
  assert.ok(!idx.incidents.some((i) => i.title.includes('ย้ายฐานข้อมูล')));
});

test('an H1 with incident fields under it is the one incident of its file', () => {
  const idx = indexFixture('shapes/h1-fields.md');
  assert.equal(idx.incidents.length, 1);
  const [inc] = idx.incidents;
  assert.equal(inc.title, 'Theme toggle animation starts from the wrong corner', '"Incident log:" is not part of the title');
  assert.equal(inc.detected, '2026-07-27');
  assert.match(inc.status ?? '', /^Reverted/);
});

test('a title that names a log but has incident fields under it is one incident; its H2 parts are not incidents', () => {
  // A short title ("Incident log: 登录循环") reads like a list of incidents; the Date and Status
  // right under it say the file is one.
  const idx = indexFixture('shapes/h1-fields-short-title.md');
  assert.deepEqual(idx.incidents.map((i) => [i.title, i.detected, isActive(i, defaultPolicy())]), [['登录循环', '2026-05-09', true]]);
});

test('a row without an id merges with the one section whose heading has its date', () => {
  const idx = indexFixture('shapes/row-and-detail.md');
  assert.deepEqual(idx.incidents.map((i) => [i.detected, i.source]), [['2026-07-09', 'table-row'], ['2026-07-07', 'section']]);
  const merged = idx.incidents[1];
  assert.ok(merged.fields.some((f) => f.key === 'Resolution' && f.value === 'New session started'), "the row's cells are the merged incident's fields");
});

test('seed entries, codes after #, alternative days, dates an incident came before, heading dates for derived ids', () => {
  const idx = indexFixture('shapes/seeds-and-dates.md');
  assert.deepEqual(idx.incidents.map((i) => i.id), [
    'I-1765200001',
    '2026-05-15-KWL',
    '2026-04-04-reports-stuck-at-generating-recurring',
    'dataset-files-corrupted-on-copy',
    '2026-04-17-service-key-exposed-in-a-public',
  ]);
  const [open, code, range, before, dated] = idx.incidents;
  assert.equal(open.title, 'Nightly backup job wrote zero-byte archives', 'a heading without a title takes its Symptom');
  assert.equal(code.title, '계림 상품 등록 누락 (PR #75)');
  assert.equal(range.title, 'Reports stuck at generating (RECURRING)');
  assert.deepEqual([range.detected, range.resolved], ['2026-04-04', '2026-04-15']);
  assert.equal(before.detected, null, 'pre-2026-07 dates the heading but is not when');
  assert.equal(dated.detected, '2026-04-16T22:10:00Z', 'the field says when it was detected…');
  assert.ok(dated.id.startsWith('2026-04-17-'), '…and the id takes the day the heading shows');
});

test('a severity and a status between ` · ` separators of a heading are facts, not title', () => {
  const idx = indexLog('## 2026-07-26 · HIGH · Map draws no ships · RESOLVED before release\n\nThe feed was empty.\n');
  const [inc] = idx.incidents;
  assert.deepEqual([inc.title, inc.severity, inc.detected], ['Map draws no ships', 'SEV-2', '2026-07-26']);
  const status = inc.fields.find((f) => f.canonical === 'status')!;
  assert.equal(idx.text.slice(status.valueStart, status.valueEnd), 'RESOLVED before release');
  // A title that only holds a separator keeps its parts.
  assert.equal(readHeading('2026-07-26 · Queue | Workers idle', policy).title, 'Queue — Workers idle');
});

test('a date in a closing note makes a heading an incident only at the level of the log’s incidents', () => {
  const idx = indexFixture('shapes/audit-notes.md');
  assert.deepEqual(idx.incidents.map((i) => [i.id, i.title, i.status]), [
    ['INC-001', 'Decoder starved the CPU', 'Resolved'],
    ['INC-002', 'Event loop blocked during inference', 'Resolved'],
  ]);
  // Alone in its log, or at the level of the others, such a heading is an incident.
  assert.equal(indexLog('## Checkout outage (2026-05-01)\nThe API was down.\n').incidents.length, 1);
  assert.equal(indexLog('## INC-1: A\n- **Status:** Resolved\n\n## Checkout outage (2026-05-01)\nDown.\n').incidents.length, 2);
});

test('re-reading after an edit gives what a full read gives: siblings, templates and hidden headings', () => {
  const same = (before: string, after: string) => {
    const again = reindexLog(indexLog(before), after);
    const full = indexLog(after);
    assert.deepEqual(again.incidents.map((i) => [i.id, i.title, i.status, i.start, i.end]), full.incidents.map((i) => [i.id, i.title, i.status, i.start, i.end]), after);
    assert.deepEqual(again.problems.map((p) => p.code), full.problems.map((p) => p.code), after);
    assert.deepEqual(again.scanProblems.map((p) => p.code), full.scanProblems.map((p) => p.code), after);
  };
  const base = '## INC-1: A\n- **Severity:** SEV-1\n- **Status:** Resolved\n\n### INC-2 notes\nSee the ticket.\n';
  // Fields typed under a sub-heading with an id make it a sibling.
  same(base, base.replace('See the ticket.', '- **Status:** Investigating\n- **Severity:** SEV-2'));
  // Fields emptied to placeholders make a title-less section a template.
  const bare = '## INC-3\n- **Severity:** SEV-2\n- **Status:** Resolved\n\n## INC-4: B\n- **Status:** Resolved\n';
  same(bare, bare.replace('- **Severity:** SEV-2\n- **Status:** Resolved', '- **Severity:** —\n- **Status:** —'));
  // A field typed under a heading hidden by an unclosed fence changes what the finding counts.
  const hidden = '## INC-5: C\n- **Status:** Resolved\n\n```\nlog\n## 1. Later\n- **Status:** Resolved\n';
  same(hidden, `${hidden}- **Severity:** SEV-2\n`);
});

test('a merged incident reports a bad date once', () => {
  const text = '| ID | Date | Summary | Status |\n|---|---|---|---|\n| INC-7 | 2026-04-02 | Feed late | Resolved |\n\n## INC-7: Feed late\n- **Detected:** 2026-02-30 10:00\n';
  const idx = indexLog(text);
  assert.equal(idx.incidents.length, 1);
  assert.deepEqual(idx.problems.filter((p) => p.code === 'bad-date').map((p) => p.line), [6]);
});

test('setting the status of an incident whose status is in its heading replaces the bracketed word only', async () => {
  const { applySplices, setField } = await import('../../src/core/log/writer');
  const text = '# Log\n\n## [OPEN] I-1765106488 — Nightly export writes empty files\n- **Severity:** SEV-2\n';
  const idx = indexLog(text);
  const after = applySplices(text, setField(idx, 'I-1765106488', 'status', 'Resolved', policy));
  assert.equal(after, text.replace('[OPEN]', '[Resolved]'));
  assert.equal(indexLog(after).incidents[0].status, 'Resolved');
  // A new field still goes below the heading, in the body's style.
  const added = applySplices(text, setField(idx, 'I-1765106488', 'commander', 'Ana', policy));
  assert.equal(added, text.replace('- **Severity:** SEV-2\n', '- **Severity:** SEV-2\n- **Incident Commander:** Ana\n'));
});

test("a detail section named only generically takes its summary row's title", () => {
  const text = '| Date | Severity | Summary |\n|---|---|---|\n| 2026-07-07 | SEV-1 | Session died mid-run |\n\n## Incident Detail: 2026-07-07\n\n**Signal:** context saturation\n';
  const [inc] = indexLog(text).incidents;
  assert.equal(inc.title, 'Session died mid-run');
  assert.equal(inc.source, 'section');
});
