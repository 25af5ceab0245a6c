// The Incidents view's model, without VS Code: grouping, order, filter, and what rows say.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultPolicy, indexLog } from '../../src/core';
import { DetailNode, IncidentNode, UNKNOWN_STATUS_FILTER, buildGroups, detailChildren, detailRow, incidentChildren, incidentRow, matchesFilter, sanitizeFilter } from '../../src/extension/tree/model';

const policy = defaultPolicy();
const NOW = new Date('2026-11-20T15:00:00Z');
const LOG = [
  '# Incident Log',
  '',
  '## INC-2026-1120-001: Checkout errors',
  '- **Severity:** SEV-1',
  '- **Status:** Mitigating',
  '- **Detected:** 2026-11-20 14:18 UTC',
  '',
  '### Timeline',
  '- 2026-11-20 14:20 UTC — Alert fired (@dana)',
  '',
  '### Checklist',
  '- [x] Declare',
  '- [ ] Mitigate',
  '',
  '## INC-2026-1102-001: Search slow',
  '- **Severity:** SEV-3',
  '- **Status:** Resolved',
  '- **Detected:** 2026-11-02 09:00 UTC',
  '- **Resolved:** 2026-11-02 10:00 UTC',
  '',
  '## INC-2026-1110-001: Webhooks delayed',
  '- **Severity:** SEV-2',
  '- **Status:** Investigating',
  '- **Detected:** 2026-11-10 08:00 UTC',
  '',
].join('\n');

test('groups Active then Resolved, newest first; Resolved collapsed', () => {
  const groups = buildGroups(indexLog(LOG, { policy }).incidents, policy, 'status', { severities: [], statuses: [] });
  assert.deepEqual(
    groups.map((g) => [g.label, g.description, g.expanded, g.children.map((c) => c.id)]),
    [
      ['Active', '2', true, ['INC-2026-1120-001', 'INC-2026-1110-001']],
      ['Resolved', '1', false, ['INC-2026-1102-001']],
    ],
  );
});

test('groups by severity in the policy order, leaving empty groups out', () => {
  const groups = buildGroups(indexLog(LOG, { policy }).incidents, policy, 'severity', { severities: [], statuses: [] });
  assert.deepEqual(groups.map((g) => [g.label, g.children.map((c) => c.id)]), [
    ['SEV-1', ['INC-2026-1120-001']],
    ['SEV-2', ['INC-2026-1110-001']],
    ['SEV-3', ['INC-2026-1102-001']],
  ]);
});

test('the filter keeps matching incidents, case-insensitively; a stored filter is sanitized', () => {
  const incidents = indexLog(LOG, { policy }).incidents;
  const groups = buildGroups(incidents, policy, 'status', { severities: ['sev-1', 'SEV-3'], statuses: [] });
  assert.deepEqual(groups.flatMap((g) => g.children.map((c) => c.id)), ['INC-2026-1120-001', 'INC-2026-1102-001']);
  assert.equal(matchesFilter(incidents[0], { severities: [], statuses: ['mitigating'] }), true);
  assert.deepEqual(sanitizeFilter({ severities: ['SEV-1', 3, ''], statuses: 'x' }), { severities: ['SEV-1'], statuses: [] });
  assert.deepEqual(sanitizeFilter(null), { severities: [], statuses: [] });
});

test('rows say what the view shows: description, children and detail rows', () => {
  const incidents = indexLog(LOG, { policy }).incidents;
  const node = new IncidentNode(incidents[0], true);
  const row = incidentRow(node, { policy, zone: 'UTC', now: NOW });
  // The severity and title lead (they survive a narrow sidebar); status, clock and id follow.
  assert.equal(row.label, 'SEV-1 · Checkout errors');
  // Its last update was at 14:20 and SEV-1 updates every 30 min: overdue since 14:50.
  assert.equal(row.description, 'Mitigating · update overdue 10 min · INC-2026-1120-001');
  assert.equal(row.accessibilityLabel, 'INC-2026-1120-001: Checkout errors, SEV-1 · Mitigating · update overdue 10 min');
  assert.equal(row.updateOverdue, true);
  assert.equal(row.rank, 0);
  assert.ok(row.tooltip?.includes('Commander: unassigned'));
  const children = incidentChildren(node);
  assert.deepEqual(children.map((c) => [c.detail, detailRow(c).label, detailRow(c).description]), [
    ['timeline', 'Timeline', '1 entry'],
    ['checklist', 'Checklist', '1/2'],
  ]);
  const [entry] = detailChildren(children[0]);
  assert.deepEqual(detailRow(entry), { label: '14:20  Alert fired', description: '@dana', tooltip: '2026-11-20 14:20 UTC — Alert fired (@dana)' });
  assert.equal(detailRow(detailChildren(children[1])[0]).done, true);
});

test('every label, description and tooltip from the log has its control characters and escapes made visible', () => {
  const osc52 = '\u001b]52;c;cm0gLXJmIH4=\u0007';
  const hostile = [
    '# Incident Log',
    '',
    `## INC-2026-1120-009: Title ${osc52}end`,
    `- **Severity:** SEV-1\u009b31m`,
    `- **Status:** Mitigating\u001b[2J`,
    '- **Detected:** 2026-11-20 14:18 UTC',
    `- **Incident Commander:** Eve\u001b]0;owned\u0007`,
    '',
    '### Timeline',
    `- 2026-11-20 14:20 UTC — Entry \u001b[1Aup (@mal\u001bory)`,
    '',
    '### Checklist',
    `- [ ] Task \u0007bell`,
    '',
    '### Action items',
    `- [ ] Action \u001b[31mred (@own\u001ber)`,
    '',
  ].join('\n');
  const incidents = indexLog(hostile, { policy }).incidents;
  assert.equal(incidents.length, 1);
  const node = new IncidentNode(incidents[0], true);
  const row = incidentRow(node, { policy, zone: 'UTC', now: NOW });
  const texts: string[] = [row.label, row.description, row.tooltip ?? '', row.accessibilityLabel];
  const visit = (d: DetailNode) => {
    const r = detailRow(d);
    texts.push(r.label, r.description ?? '', r.tooltip ?? '', r.accessibilityLabel ?? '');
    for (const c of detailChildren(d)) visit(c);
  };
  for (const c of incidentChildren(node)) visit(c);
  for (const g of buildGroups(incidents, policy, 'severity', { severities: [], statuses: [] })) texts.push(g.label, g.description ?? '');
  // The markdown tooltip's own line breaks are the view's; nothing else below U+0020 may remain.
  const raw = (t: string) => [...t.replace(/\n/g, '')].some((ch) => ch.charCodeAt(0) < 0x20 || (ch.charCodeAt(0) >= 0x7f && ch.charCodeAt(0) <= 0x9f));
  for (const t of texts) assert.ok(!raw(t), `raw control character in ${JSON.stringify(t)}`);
  assert.ok(row.label.includes('␛]52;c;cm0gLXJmIH4=␇end'), row.label);
  assert.ok(texts.some((t) => t.includes('Entry ␛[1Aup')));
  assert.ok(texts.some((t) => t.includes('Task ␇bell')));
});

test('an incident with no status and nothing that says it ended has its own "Status unknown" group, never Active', () => {
  const text = [
    LOG,
    '## INC-2026-0901-001: Old outage from the wiki',
    '- **Severity:** SEV-2',
    '- **Detected:** 2026-09-01',
    '',
    '## INC-2026-0902-001: Old outage with a fix written down',
    '- **Severity:** SEV-2',
    '- **Detected:** 2026-09-02',
    '- **Fix:** Rolled back the config',
    '',
  ].join('\n');
  const groups = buildGroups(indexLog(text, { policy }).incidents, policy, 'status', { severities: [], statuses: [] });
  assert.deepEqual(
    groups.map((g) => [g.label, g.description, g.expanded, g.children.map((c) => c.id)]),
    [
      ['Active', '2', true, ['INC-2026-1120-001', 'INC-2026-1110-001']],
      ['Status unknown', '1', false, ['INC-2026-0901-001']],
      ['Resolved', '2', false, ['INC-2026-1102-001', 'INC-2026-0902-001']],
    ],
  );
  const unknown = groups[1].children[0];
  assert.equal(unknown.active, false);
  assert.equal(unknown.state, 'unknown');
  const row = incidentRow(unknown, { policy, zone: 'UTC', now: NOW });
  assert.equal(row.description, 'status unknown · INC-2026-0901-001');
  assert.equal(row.label.startsWith('SEV-2 · '), true);
  assert.match(row.tooltip ?? '', /Status: unknown: no status written/);
  const fixed = incidentRow(groups[2].children[1], { policy, zone: 'UTC', now: NOW });
  assert.match(fixed.tooltip ?? '', /Status: Resolved \\\(from Fix: Rolled back the config\\\)/);
});

test('the filter can keep the incidents whose status is unknown', () => {
  const text = [LOG, '## INC-2026-0901-001: Old outage from the wiki', '- **Severity:** SEV-2', '- **Detected:** 2026-09-01', ''].join('\n');
  const incidents = indexLog(text, { policy }).incidents;
  const only = buildGroups(incidents, policy, 'status', { severities: [], statuses: [UNKNOWN_STATUS_FILTER] });
  assert.deepEqual(only.flatMap((g) => g.children.map((c) => c.id)), ['INC-2026-0901-001']);
  const both = buildGroups(incidents, policy, 'status', { severities: [], statuses: [UNKNOWN_STATUS_FILTER, 'Resolved'] });
  assert.deepEqual(both.map((g) => g.label), ['Status unknown', 'Resolved']);
});

test('an overdue status update shows on the row itself, without hovering; one not yet due does not', () => {
  const [sev1] = indexLog(LOG, { policy }).incidents;
  const node = new IncidentNode(sev1, true);
  const at = (iso: string) => incidentRow(node, { policy, zone: 'UTC', now: new Date(iso) });
  const due = at('2026-11-20T14:45:00Z');
  assert.deepEqual([due.description, due.updateOverdue], ['Mitigating · 27 min · INC-2026-1120-001', false]);
  assert.match(due.tooltip ?? '', /Next status update in 5 min/);
  // In its first overdue minute: "due now" on the row, "less than 1 min" in the hover, never "0 min".
  const now = at('2026-11-20T14:50:30Z');
  assert.deepEqual([now.description, now.updateOverdue], ['Mitigating · update due now · INC-2026-1120-001', true]);
  assert.match(now.tooltip ?? '', /\*\*Status update overdue by less than 1 min\*\*/);
  const late = at('2026-11-20T15:02:00Z');
  assert.deepEqual([late.description, late.accessibilityLabel], ['Mitigating · update overdue 12 min · INC-2026-1120-001', 'INC-2026-1120-001: Checkout errors, SEV-1 · Mitigating · update overdue 12 min']);
  // A severity with no update cadence (SEV-3) is never overdue; a resolved incident neither.
  const sev3 = indexLog(LOG.replace('- **Severity:** SEV-1', '- **Severity:** SEV-3'), { policy }).incidents[0];
  const quiet = incidentRow(new IncidentNode(sev3, true), { policy, zone: 'UTC', now: new Date('2026-11-20T18:00:00Z') });
  assert.deepEqual([quiet.description, quiet.updateOverdue], ['Mitigating · 3 h 42 min · INC-2026-1120-001', false]);
  const resolved = indexLog(LOG, { policy }).incidents[1];
  assert.equal(incidentRow(new IncidentNode(resolved, false), { policy, zone: 'UTC', now: NOW }).updateOverdue, false);
});

test('under a severity group a row leaves the severity to the group; one without a severity says so in its description', () => {
  const incidents = indexLog(LOG, { policy }).incidents;
  const groups = buildGroups(incidents, policy, 'severity', { severities: [], statuses: [] });
  const sev1 = groups.find((g) => g.label === 'SEV-1')!.children[0];
  const row = incidentRow(sev1, { policy, zone: 'UTC', now: NOW });
  assert.equal(row.label, 'Checkout errors');
  assert.match(row.description, /^Mitigating · .* · INC-2026-1120-001$/);
  const bare = indexLog('# Incident Log\n\n## INC-2026-1201-001: No severity yet\n- **Status:** Investigating\n', { policy }).incidents[0];
  const bareRow = incidentRow(new IncidentNode(bare, true), { policy, zone: 'UTC', now: NOW });
  assert.equal(bareRow.label, 'No severity yet');
  assert.match(bareRow.description, /^no severity · Investigating/);
});

test('a deferred incident has a "Deferred" group of its own, collapsed, between unknown and resolved; never Active, never lost', () => {
  const text = [
    LOG,
    '## INC-2026-0903-001: Flaky export job',
    '- **Severity:** SEV-3',
    '- **Status:** Deferred',
    '- **Detected:** 2026-09-03',
    '',
  ].join('\n');
  const incidents = indexLog(text, { policy }).incidents;
  const groups = buildGroups(incidents, policy, 'status', { severities: [], statuses: [] });
  assert.deepEqual(
    groups.map((g) => [g.label, g.description, g.expanded, g.children.map((c) => c.id)]),
    [
      ['Active', '2', true, ['INC-2026-1120-001', 'INC-2026-1110-001']],
      ['Deferred', '1', false, ['INC-2026-0903-001']],
      ['Resolved', '1', false, ['INC-2026-1102-001']],
    ],
  );
  // Every incident of the log is in one group.
  assert.equal(groups.reduce((n, g) => n + g.children.length, 0), incidents.length);
  const deferred = groups[1].children[0];
  assert.deepEqual([deferred.active, deferred.state], [false, 'deferred']);
  assert.match(incidentRow(deferred, { policy, zone: 'UTC', now: NOW }).description ?? '', /^Deferred · /);
});
