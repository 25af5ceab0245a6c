import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  WriteRefused,
  appendTimelineEntry,
  applySplices,
  declareIncident,
  defaultPolicy,
  findIncident,
  indexLog,
  priorityPolicy,
  resolveIncident,
  setField,
} from '../../src/core';
import { diffRegion, fixture, indexFixture } from './helpers';

const policy = defaultPolicy();
const AT = new Date('2026-11-20T16:00:00Z');

test('append inserts exactly one line after the last entry, in the canonical style', () => {
  const text = fixture('canonical.md');
  const idx = indexLog(text);
  const splices = appendTimelineEntry(idx, 'INC-2026-1120-001', { at: AT, text: 'Postmortem scheduled', owner: 'dana' }, policy);
  assert.equal(splices.length, 1);
  assert.equal(splices[0].start, splices[0].end, 'a pure insertion');
  const after = applySplices(text, splices);
  const d = diffRegion(text, after);
  assert.equal(d.removed, '');
  assert.equal(d.added, '- 2026-11-20 16:00 UTC — Postmortem scheduled (@dana)\n');
  const re = findIncident(indexLog(after), 'INC-2026-1120-001')!;
  assert.equal(re.timeline.length, 4);
  assert.deepEqual(re.timeline[3], { at: '2026-11-20T16:00:00Z', text: 'Postmortem scheduled', owner: 'dana', line: re.timeline[2].line + 1 });
});

test('append keeps CRLF, BOM and front matter byte-identical', () => {
  const text = fixture('crlf-bom.md');
  const after = applySplices(text, appendTimelineEntry(indexLog(text), 'INC-2026-0302-001', { at: AT, text: 'Back to normal', owner: null }, policy));
  assert.equal(after.charCodeAt(0), 0xfeff);
  assert.ok(after.startsWith(text.slice(0, text.indexOf('## INC'))));
  const d = diffRegion(text, after);
  assert.equal(d.added, '- 2026-11-20 16:00 UTC — Back to normal\r\n');
  assert.equal(after.split('\r\n').length - 1, after.split('\n').length - 1, 'every line break is still CRLF');
});

test('append follows the incident style: `*` bullets with bold time-only stamps', () => {
  const text = fixture('bold-breaks.md');
  const idx = indexLog(text);
  const after = applySplices(text, appendTimelineEntry(idx, '2026-08-17-payment-gateway-timeouts', { at: new Date('2026-08-17T12:00:00Z'), text: 'Monitoring ended', owner: 'lee' }, policy));
  const d = diffRegion(text, after);
  assert.equal(d.added, '* **12:00** — Monitoring ended (@lee)\n');
  const re = findIncident(indexLog(after), '2026-08-17-payment-gateway-timeouts')!;
  assert.equal(re.timeline.at(-1)?.at, '2026-08-17T12:00:00Z');
});

test('a time-only timeline gets the date on an entry past midnight, so it reads on the right day', () => {
  const text = fixture('bold-breaks.md');
  const id = '2026-08-17-payment-gateway-timeouts';
  const idx = indexLog(text);
  const after = applySplices(text, appendTimelineEntry(idx, id, { at: new Date('2026-08-18T00:10:00Z'), text: 'Still monitoring', owner: 'lee' }, policy));
  assert.equal(diffRegion(text, after).added, '* **2026-08-18 00:10 UTC** — Still monitoring (@lee)\n');
  assert.equal(findIncident(indexLog(after), id)!.timeline.at(-1)?.at, '2026-08-18T00:10:00Z');
});

test('append into a timeline table adds one row with pipes escaped', () => {
  const text = fixture('table-fields.md');
  const p = priorityPolicy();
  const idx = indexLog(text, { policy: p });
  const id = idx.incidents[0].id;
  const after = applySplices(text, appendTimelineEntry(idx, id, { at: new Date('2026-06-11T13:30:00Z'), text: 'Router-2 | drained', owner: 'wei' }, p));
  const d = diffRegion(text, after);
  assert.equal(d.added, '| 2026-06-11 13:30 UTC | Router-2 \\| drained | @wei |\n');
  const re = indexLog(after, { policy: p }).incidents[0];
  assert.equal(re.timeline.length, 3);
  assert.equal(re.timeline[2].text, 'Router-2 | drained');
  assert.equal(re.timeline[2].owner, 'wei');
});

test('append creates a Timeline sub-section when an incident has none', () => {
  const text = '# Log\n\n## INC-2026-0101-001: A\n- **Severity:** SEV-2\n\n## INC-2025-1231-001: B\n- **Severity:** SEV-3\n';
  const after = applySplices(text, appendTimelineEntry(indexLog(text), 'INC-2026-0101-001', { at: AT, text: 'First note' }, policy));
  assert.equal(after, '# Log\n\n## INC-2026-0101-001: A\n- **Severity:** SEV-2\n\n### Timeline\n- 2026-11-20 16:00 UTC — First note\n\n## INC-2025-1231-001: B\n- **Severity:** SEV-3\n');
  const last = applySplices(after, appendTimelineEntry(indexLog(after), 'INC-2025-1231-001', { at: AT, text: 'x' }, policy));
  assert.ok(last.endsWith('- **Severity:** SEV-3\n\n### Timeline\n- 2026-11-20 16:00 UTC — x\n'));
});

test('append at the end of a file without a final line break starts a new line', () => {
  const text = '## INC-2026-0101-001: A\n### Timeline\n- 2026-01-01 10:00 UTC — start';
  const after = applySplices(text, appendTimelineEntry(indexLog(text), 'INC-2026-0101-001', { at: AT, text: 'next' }, policy));
  assert.equal(after, text + '\n- 2026-11-20 16:00 UTC — next\n');
});

test('user text is folded to one line and cannot open a heading, a cell or HTML', () => {
  const text = fixture('canonical.md');
  const idx = indexLog(text);
  const nasty = 'line one\n## INC-2099-0101-001: injected\n<script>alert(1)</script>';
  const after = applySplices(text, appendTimelineEntry(idx, 'INC-2026-1120-002', { at: AT, text: nasty, owner: 'x)\n# y' }, policy));
  const re = indexLog(after);
  assert.equal(re.incidents.length, 2, 'no new incident appeared');
  const added = diffRegion(text, after).added;
  assert.equal(added.split('\n').length, 2, 'exactly one line');
  assert.ok(!added.includes('<script'), 'no raw HTML');
  assert.throws(() => appendTimelineEntry(idx, 'INC-2026-1120-002', { at: AT, text: ' \n ' }, policy), WriteRefused);
});

test('setField replaces only the value, keeping two-space hard breaks', () => {
  const text = fixture('bold-breaks.md');
  const idx = indexLog(text);
  const id = '2026-08-17-payment-gateway-timeouts';
  const after = applySplices(text, setField(idx, id, 'status', 'Monitoring', policy));
  const d = diffRegion(text, after);
  assert.equal(d.removed, 'Resolved');
  assert.equal(d.added, 'Monitoring');
  assert.ok(after.includes('**Status:** Monitoring  \n'));
  // Inserting a field copies the style of the incident's last field, hard break included.
  const inserted = applySplices(text, setField(idx, id, 'tech-lead', 'Ravi', policy));
  assert.ok(inserted.includes('**IC:** Lee  \n**Technical Lead:** Ravi  \n'));
  assert.equal(findIncident(indexLog(inserted), id)?.roles.techLead, 'Ravi');
});

test('setField inserts in list style after the last field, and edits table cells in place', () => {
  const text = fixture('canonical.md');
  const after = applySplices(text, setField(indexLog(text), 'INC-2026-1120-002', 'comms-lead', 'Lee Park', policy));
  assert.equal(diffRegion(text, after).added, '- **Communications Lead:** Lee Park\n');
  const p = priorityPolicy();
  const rows = fixture('table-rows.md');
  const idx = indexLog(rows, { policy: p });
  const edited = applySplices(rows, setField(idx, 'OPS-97', 'commander', 'Ivy | Bo', p));
  assert.ok(edited.includes('| 2026-11-19 | OPS-97 | P3 | Slow reports page | Investigating | Ivy \\| Bo |'));
  assert.equal(findIncident(indexLog(edited, { policy: p }), 'OPS-97')?.roles.commander, 'Ivy | Bo');
  assert.throws(() => setField(idx, 'OPS-97', 'tech-lead', 'x', p), /no "Technical Lead" column/);
  assert.throws(() => appendTimelineEntry(idx, 'OPS-97', { at: AT, text: 'x' }, p), /row of a table/);
});

test('setField edits a two-column field table cell', () => {
  const p = priorityPolicy();
  const text = fixture('table-fields.md');
  const idx = indexLog(text, { policy: p });
  const after = applySplices(text, setField(idx, idx.incidents[0].id, 'status', 'Resolved', p));
  assert.equal(diffRegion(text, after).added, 'Resolved');
  assert.ok(after.includes('| Status | Resolved |'));
});

test('declare inserts a canonical block at the top of a newest-first log with the next free id', () => {
  const text = fixture('canonical.md');
  const idx = indexLog(text);
  const d = declareIncident(idx, { title: 'Cart empty after login', severity: 'sev 2', commander: 'Ana', at: new Date('2026-11-20T19:00:00Z') }, policy);
  assert.equal(d.id, 'INC-2026-1120-003');
  const after = applySplices(text, d.splices);
  const re = indexLog(after);
  assert.deepEqual(re.incidents.map((i) => i.id), ['INC-2026-1120-003', 'INC-2026-1120-002', 'INC-2026-1120-001']);
  const inc = re.incidents[0];
  assert.equal(inc.severity, 'SEV-2');
  assert.equal(inc.status, 'Investigating');
  assert.equal(inc.detected, '2026-11-20T19:00:00Z');
  assert.equal(inc.roles.commander, 'Ana');
  assert.deepEqual(inc.timeline.map((e) => e.text), ['Incident declared (SEV-2)', 'Incident Commander: Ana'], 'the commander named is logged');
  assert.equal(inc.checklist.length, policy.checklist.length, 'the playbook checklist');
  assert.deepEqual([...new Set(inc.checklist.map((c) => c.phase))], policy.phases.map((p) => p.name), 'read back in its 7 phases');
  // Everything that was there is still there, unchanged, after the new block.
  assert.ok(after.endsWith(text.slice(idx.incidents[0].start)));
  assert.ok(after.startsWith(text.slice(0, idx.incidents[0].start)));
  const other = declareIncident(re, { title: 'x', severity: 'SEV-3', at: new Date('2026-11-21T00:00:00Z') }, policy);
  assert.equal(other.id, 'INC-2026-1121-001');
});

test('declare creates the log when there is none, and appends to an oldest-first log', () => {
  const fresh = declareIncident(null, { title: 'First', severity: 'SEV-1', at: AT }, policy);
  assert.ok(fresh.newText?.startsWith('# Incident Log\n\n## INC-2026-1120-001: First\n'));
  assert.equal(indexLog(fresh.newText!).incidents[0].roles.commander, null, '"unassigned" is no commander');
  const oldest = '# Log\n\n## INC-2026-0101-001: A\n- **Detected:** 2026-01-01\n\n## INC-2026-0201-001: B\n- **Detected:** 2026-02-01';
  const d = declareIncident(indexLog(oldest), { title: 'C', severity: 'SEV-3', at: AT }, policy);
  const after = applySplices(oldest, d.splices);
  assert.ok(after.startsWith(oldest + '\n\n## INC-2026-1120-001: C\n'));
  assert.deepEqual(indexLog(after).incidents.map((i) => i.id), ['INC-2026-0101-001', 'INC-2026-0201-001', 'INC-2026-1120-001']);
  assert.throws(() => declareIncident(null, { title: 'x', severity: 'SEV-9', at: AT }, policy), /Unknown severity "SEV-9"/);
  assert.throws(() => declareIncident(null, { title: '  ', severity: 'SEV-1', at: AT }, policy), /needs a title/);
});

test('declare under H3 incidents nested in a container keeps their level', () => {
  const text = '# Log\n\n## 2026\n\n### INC-2026-0301-001: A\n- **Severity:** SEV-2\n- **Detected:** 2026-03-01\n';
  const d = declareIncident(indexLog(text), { title: 'B', severity: 'SEV-1', at: AT }, policy);
  const after = applySplices(text, d.splices);
  assert.ok(after.includes('## 2026\n\n### INC-2026-1120-001: B\n'));
  assert.ok(after.includes('#### Timeline'));
});

test('resolve sets status and resolved time and logs an entry in one change', () => {
  const text = fixture('canonical.md');
  const idx = indexLog(text);
  const after = applySplices(text, resolveIncident(idx, 'INC-2026-1120-002', { at: AT, owner: 'priya' }, policy));
  const inc = findIncident(indexLog(after), 'INC-2026-1120-002')!;
  assert.equal(inc.status, 'Resolved');
  assert.equal(inc.resolved, '2026-11-20T16:00:00Z');
  assert.equal(inc.timeline.at(-1)?.text, 'Incident resolved');
  assert.equal(inc.timeline.at(-1)?.owner, 'priya');
});

test('a log with conflict markers is never written', () => {
  const text = fixture('canonical.md').replace('- **Status:** Investigating\n', '<<<<<<< HEAD\n- **Status:** Investigating\n=======\n- **Status:** Identified\n>>>>>>> origin/main\n');
  const idx = indexLog(text);
  assert.equal(idx.hasConflicts, true);
  assert.equal(idx.problems[0].code, 'conflict-markers');
  assert.equal(idx.problems[0].line, 7);
  assert.throws(() => appendTimelineEntry(idx, 'INC-2026-1120-002', { at: AT, text: 'x' }, policy), /conflict markers \(line 7\)/);
  assert.throws(() => setField(idx, 'INC-2026-1120-002', 'status', 'Resolved', policy), WriteRefused);
  assert.throws(() => declareIncident(idx, { title: 'x', severity: 'SEV-1', at: AT }, policy), WriteRefused);
});

test('unknown ids are refused with the id in the message', () => {
  const idx = indexFixture('canonical.md');
  assert.throws(() => appendTimelineEntry(idx, 'INC-1999-0101-001', { at: AT, text: 'x' }, policy), /No incident "INC-1999-0101-001"/);
});

test('appendTimelineEntries appends each entry after the one before, re-reading between them only', async () => {
  const { appendTimelineEntries } = await import('../../src/core/log/writer');
  const text = fixture('canonical.md');
  const idx = indexLog(text, { policy });
  let reads = 0;
  const reindex = (t: string) => {
    reads++;
    return indexLog(t, { policy });
  };
  const entries = [
    { at: AT, text: 'Health check checkout-api: pass', owner: 'dana' },
    { at: new Date('2026-11-20T16:01:00Z'), text: 'Health check payments: fail (exit 1)', owner: 'dana' },
  ];
  const after = appendTimelineEntries(text, idx, 'INC-2026-1120-001', entries, policy, reindex);
  assert.equal(reads, 1, 'read between the two entries, not after the last');
  // The same text as two appends one after the other.
  const one = applySplices(text, appendTimelineEntry(idx, 'INC-2026-1120-001', entries[0], policy));
  assert.equal(after, applySplices(one, appendTimelineEntry(indexLog(one, { policy }), 'INC-2026-1120-001', entries[1], policy)));
  const timeline = findIncident(indexLog(after, { policy }), 'INC-2026-1120-001')!.timeline.map((e) => e.text);
  assert.deepEqual(timeline.slice(-2), ['Health check checkout-api: pass', 'Health check payments: fail (exit 1)']);
});
