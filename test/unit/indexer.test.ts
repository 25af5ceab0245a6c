import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultPolicy, findIncident, indexLog, loadPolicy, priorityPolicy } from '../../src/core';
import { fixture, indexFixture } from './helpers';

test('canonical log: incidents, fields, roles, timeline, checklist, action items', () => {
  const idx = indexFixture('canonical.md');
  assert.equal(idx.eol, '\n');
  assert.equal(idx.bom, false);
  assert.deepEqual(idx.incidents.map((i) => i.id), ['INC-2026-1120-002', 'INC-2026-1120-001']);
  const inc = findIncident(idx, 'INC-2026-1120-001')!;
  assert.equal(inc.title, 'Checkout API returning 500s');
  assert.equal(inc.severity, 'SEV-1');
  assert.equal(inc.status, 'Resolved');
  assert.equal(inc.detected, '2026-11-20T14:30:00Z');
  assert.equal(inc.resolved, '2026-11-20T15:10:00Z');
  assert.deepEqual(inc.roles, { commander: 'Dana Reyes', techLead: 'Sam Okafor', commsLead: 'Lee Park' });
  assert.deepEqual(inc.timeline.map((e) => [e.at, e.text, e.owner]), [
    ['2026-11-20T14:30:00Z', 'Alerts fired for checkout 5xx rate', 'dana'],
    ['2026-11-20T14:42:00Z', 'Rolled back deploy 7f3c', 'sam'],
    ['2026-11-20T15:10:00Z', 'Error rate back to baseline; resolved', 'dana'],
  ]);
  assert.equal(inc.checklist.length, 3);
  assert.equal(inc.checklist.filter((c) => c.done).length, 3);
  assert.deepEqual(inc.actionItems.map((a) => [a.done, a.owner]), [[false, 'sam'], [true, 'dana']]);
  assert.equal(inc.line, 18);
  assert.equal(findIncident(idx, 'inc-2026-1120-002')?.roles.commander, 'Priya Natarajan');
});

test('CRLF, BOM and front matter: read through, offsets into the exact text', () => {
  const text = fixture('crlf-bom.md');
  const idx = indexLog(text);
  assert.equal(idx.eol, '\r\n');
  assert.equal(idx.bom, true);
  assert.ok(idx.bodyStart > 0 && text.slice(idx.bodyStart).startsWith('# Ops incidents'));
  const [inc] = idx.incidents;
  assert.equal(inc.id, 'INC-2026-0302-001');
  assert.equal(inc.line, 7);
  assert.equal(text.slice(inc.start).split('\r\n')[0], '## INC-2026-0302-001: Login latency spike');
  assert.equal(inc.timeline.length, 2);
  assert.equal(inc.timeline[1].owner, 'ben');
  const sev = inc.fields.find((f) => f.canonical === 'severity')!;
  assert.equal(text.slice(sev.valueStart, sev.valueEnd), 'SEV-3');
});

test('bold fields with hard breaks, H3 incidents under a year heading, non-incident sections ignored', () => {
  const idx = indexFixture('bold-breaks.md');
  assert.equal(idx.incidents.length, 2, 'Severity levels and Roles are not incidents');
  const [pay, img] = idx.incidents;
  assert.equal(pay.id, '2026-08-17-payment-gateway-timeouts');
  assert.equal(pay.idWritten, false);
  assert.equal(pay.title, 'Payment gateway timeouts');
  assert.equal(pay.severity, 'SEV-3', '"Sev 3" in the heading maps to the policy label');
  assert.equal(pay.status, 'Resolved');
  assert.equal(pay.detected, '2026-08-17T10:02:00Z');
  assert.equal(pay.resolved, '2026-08-17T11:30:00Z');
  assert.equal(pay.roles.commander, 'Lee');
  assert.deepEqual(pay.timeline.map((e) => e.at), ['2026-08-17T10:02:00Z', '2026-08-17T10:20:00Z', '2026-08-17T11:30:00Z'], 'time-only entries take the incident day');
  assert.equal(pay.timelineSlot?.bullet, '*');
  assert.equal(pay.timelineSlot?.boldTime, true);
  assert.equal(pay.timelineSlot?.timeOnly, true);
  const status = pay.fields.find((f) => f.canonical === 'status')!;
  assert.equal(status.value, 'Resolved', 'trailing two-space break is not part of the value');
  assert.equal(img.id, 'ABC-123');
  assert.equal(img.severity, 'SEV-2');
  assert.equal(img.status, 'Mitigating', 'status case follows the policy');
  assert.equal(img.detected, '2026-07-02', 'a date alone stays a date');
  assert.equal(img.roles.techLead, 'Mo');
  assert.deepEqual(img.timeline.map((e) => e.at), ['2026-07-02T08:00:00Z', '2026-07-02T08:30:00Z'], 'offsets convert to UTC');
});

test('other-language keys through the playbook field aliases', () => {
  const policy = loadPolicy(['fieldAliases:', '  severity: [Schweregrad, Gravedad]', '  status: [Zustand, Estado]', '  detected: [Beginn, Fecha]', '  commander: [Einsatzleitung]', 'sections:', '  timeline: [zeitverlauf]'].join('\n'));
  const idx = indexFixture('other-language.md', policy);
  const [de, es] = idx.incidents;
  assert.equal(de.severity, 'SEV-2');
  assert.equal(de.status, 'Identified');
  assert.equal(de.detected, '2026-05-10T07:45:00Z');
  assert.equal(de.roles.commander, 'Jana Becker');
  assert.equal(de.timeline.length, 2);
  assert.equal(es.id, '#42');
  assert.equal(es.title, 'Pagos rechazados');
  assert.equal(es.severity, 'SEV-1');
  assert.equal(es.detected, '2026-04-01');
  // Without the playbook, the built-in keys of seven languages still read Schweregrad and
  // Estado; a key of the team's own (Einsatzleitung) needs the playbook.
  const without = indexFixture('other-language.md');
  assert.equal(without.incidents[0].severity, 'SEV-2');
  assert.equal(without.incidents[1].status, 'Resolved');
  assert.equal(without.incidents[0].roles.commander, null, 'unknown keys are not guessed');
});

test('table-row log: each row is an incident, escaped pipes stay in the cell', () => {
  const idx = indexFixture('table-rows.md', priorityPolicy());
  assert.deepEqual(idx.incidents.map((i) => [i.id, i.severity, i.status, i.detected]), [
    ['OPS-88', 'P2', 'Resolved', '2026-09-14'],
    ['OPS-91', 'P1', 'Resolved', '2026-10-02'],
    ['OPS-97', 'P3', 'Investigating', '2026-11-19'],
  ]);
  assert.equal(idx.incidents[1].title, 'Trading halted on venue B | fallback used');
  assert.equal(idx.incidents[0].roles.commander, 'Kim');
  assert.equal(idx.incidents[2].roles.commander, null);
  assert.ok(idx.incidents.every((i) => i.source === 'table-row'));
});

test('index table: linked files are read (front matter + sections); a missing link is a problem', () => {
  const idx = indexFixture('index-table.md');
  const [db, missing] = idx.incidents;
  assert.equal(db.source, 'linked-file');
  assert.equal(db.file, 'incidents/2026-03-04-db-failover.md');
  assert.equal(db.id, 'INC-2026-0304-001');
  assert.equal(db.title, 'Database failover');
  assert.equal(db.status, 'Resolved');
  assert.equal(db.detected, '2026-03-04T02:10:00Z');
  assert.equal(db.roles.commander, 'Olu');
  assert.equal(db.timeline.length, 2);
  assert.equal(missing.source, 'table-row');
  assert.equal(missing.title, 'Missing file');
  assert.deepEqual(idx.problems.map((p) => [p.code, p.line]), [['unreadable-link', 6]]);
});

test('code fences (``` and ~~~~), indented code and HTML comments hide headings and entries', () => {
  const idx = indexFixture('fences.md');
  assert.deepEqual(idx.incidents.map((i) => i.id), ['INC-2026-0105-001']);
  const [inc] = idx.incidents;
  assert.deepEqual(inc.timeline.map((e) => e.text), ['Something happened', 'Fixed']);
  assert.deepEqual(idx.problems, []);
});

test('two-column field table and a timeline table with an owner column', () => {
  const idx = indexFixture('table-fields.md', priorityPolicy());
  const [inc] = idx.incidents;
  assert.equal(inc.title, 'Order router rejecting all orders');
  assert.equal(inc.severity, 'P1');
  assert.equal(inc.status, 'Mitigating');
  assert.equal(inc.detected, '2026-06-11T13:05:00Z');
  assert.equal(inc.roles.commander, 'Wei');
  assert.deepEqual(inc.timeline.map((e) => [e.at, e.text, e.owner]), [
    ['2026-06-11T13:05:00Z', 'Reject rate 100% on router-2', 'wei'],
    ['2026-06-11T13:12:00Z', 'Failed over to router-3', 'ops'],
  ]);
  assert.equal(inc.timelineSlot?.style, 'table');
  assert.deepEqual(inc.timelineSlot?.columns, ['time', 'text', 'owner']);
});

test('heading shapes: ids, dates, severity markers and titles', () => {
  const text = [
    '# Log',
    '',
    '## #123 Login broken',
    '- **Status:** Investigating',
    '',
    '## [P1] Exchange feed down — 2026-03-04',
    '',
    '## Nov 3, 2026: **Cache** stampede (SEV-2)',
    '',
    '## SEV-1',
    'Just a heading named after a severity with no fields.',
  ].join('\n');
  const idx = indexLog(text, { policy: priorityPolicy() });
  assert.deepEqual(
    idx.incidents.map((i) => [i.id, i.title, i.severity, i.detected]),
    [
      ['#123', 'Login broken', null, null],
      ['2026-03-04-exchange-feed-down', 'Exchange feed down', 'P1', '2026-03-04'],
      // Under P1..P4, "(SEV-2)" is no severity: it stays part of the title.
      ['2026-11-03-cache-stampede-sev-2', 'Cache stampede (SEV-2)', null, '2026-11-03'],
    ],
  );
  const sev = indexLog(text, { policy: defaultPolicy() }).incidents.find((i) => i.title === 'Cache stampede');
  assert.equal(sev?.severity, 'SEV-2');
  assert.equal(indexLog(text, { policy: defaultPolicy() }).incidents.length, 3, '"## SEV-1" alone is not an incident');
});

test('derived ids are stable and unique', () => {
  const text = '## 2026-01-01 Outage\n- **Severity:** SEV-1\n\n## 2026-01-01 Outage\n- **Severity:** SEV-2\n';
  const a = indexLog(text).incidents.map((i) => i.id);
  assert.deepEqual(a, ['2026-01-01-outage', '2026-01-01-outage-2']);
  const b = indexLog('# Title\n\nSome intro.\n\n' + text).incidents.map((i) => i.id);
  assert.deepEqual(b, a, 'text elsewhere does not change derived ids');
});

test('newest-first logs declare at the top; oldest-first logs at the bottom', () => {
  const newest = indexFixture('canonical.md');
  assert.equal(newest.declareSlot.insertAt, newest.incidents[0].start);
  const oldest = indexLog('# Log\n\n## INC-2026-0101-001: A\n- **Detected:** 2026-01-01\n\n## INC-2026-0201-001: B\n- **Detected:** 2026-02-01\n');
  assert.equal(oldest.declareSlot.insertAt, oldest.text.length);
});

test('linked-file front matter is read as YAML (quotes, escapes, dates), with offsets for writes', async () => {
  const { indexIncidentFile } = await import('../../src/core');
  const text = '---\nid: "INC-2026-0304-009"\nseverity: \'SEV-2\'\ncommander: "Dana \\"DR\\" Reyes"\ndetected: 2026-03-04\n---\n# DB failover\n';
  const [inc] = indexIncidentFile(text).incidents;
  assert.equal(inc.id, 'INC-2026-0304-009');
  assert.equal(inc.severity, 'SEV-2');
  assert.equal(inc.roles.commander, 'Dana "DR" Reyes');
  assert.equal(inc.detected, '2026-03-04');
  const sev = inc.fields.find((f) => f.canonical === 'severity')!;
  assert.equal(text.slice(sev.valueStart, sev.valueEnd), 'SEV-2');
  const broken = indexIncidentFile('---\nseverity: [SEV-1\n---\n# X\n');
  assert.equal(broken.problems[0].code, 'bad-front-matter');
});

test('Started is when impact began: the detection time only for an incident without a Detected field', () => {
  const field = (lines: string) => indexLog(`# Log\n\n## INC-2026-1120-009: Queue backlog\n- **Severity:** SEV-2\n- **Status:** Resolved\n${lines}`).incidents[0].detected;
  assert.equal(field('- **Started:** 2026-11-20 13:50 UTC\n- **Detected:** 2026-11-20 14:30 UTC\n'), '2026-11-20T14:30:00Z');
  assert.equal(field('- **Detected:** 2026-11-20 14:30 UTC\n- **Impact began:** 2026-11-20 13:50 UTC\n'), '2026-11-20T14:30:00Z');
  assert.equal(field('- **Started:** 2026-11-20 13:50 UTC\n'), '2026-11-20T13:50:00Z');
});
