// The Incidents view's rows for the other folders of a multi-root workspace, without VS Code:
// which incidents show (the active ones, most severe first), what the rows say, and a log that
// could not be read.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultPolicy, indexLog } from '../../src/core';
import { FolderLogNode, OtherIncidentNode, OtherLogsNode, otherLogsNode, otherLogsRow } from '../../src/extension/tree/otherLogs';

const policy = defaultPolicy();
const PAYMENTS = [
  '# Incident Log',
  '',
  '## INC-2026-1120-001: Refunds delayed',
  '- **Severity:** SEV-3',
  '- **Status:** Investigating',
  '- **Detected:** 2026-11-20 09:00 UTC',
  '',
  '## INC-2026-1121-001: Card payments declined',
  '- **Severity:** SEV-1',
  '- **Status:** Mitigating',
  '- **Detected:** 2026-11-21 14:30 UTC',
  '',
  '## INC-2026-1002-001: Ledger export late',
  '- **Severity:** SEV-2',
  '- **Status:** Resolved',
  '- **Detected:** 2026-10-02 09:00 UTC',
  '- **Resolved:** 2026-10-02 09:40 UTC',
  '',
].join('\n');
const SEARCH = ['# Incident Log', '', '## INC-2026-1120-001: Search results stale', '- **Severity:** SEV-2', '- **Status:** Resolved', '- **Detected:** 2026-11-20 08:00 UTC', '- **Resolved:** 2026-11-20 09:00 UTC', ''].join('\n');

const read = (folder: string, text: string) => ({ folder, logPath: `${folder}/docs/INCIDENT_LOG.md`, incidents: indexLog(text, { policy }).incidents, policy });

test('no other folder with a log: no rows', () => {
  assert.equal(otherLogsNode([]), undefined);
});

test('each other folder shows its active incidents, most severe first; resolved ones are not listed', () => {
  const root = otherLogsNode([read('payments', PAYMENTS), read('search', SEARCH)])!;
  assert.ok(root instanceof OtherLogsNode);
  assert.equal(root.active, 2);
  assert.deepEqual(
    root.children.map((f) => [f.folder, f.total, f.children.map((c) => c.id)]),
    [
      ['payments', 3, ['INC-2026-1121-001', 'INC-2026-1120-001']],
      ['search', 1, []],
    ],
  );
  assert.deepEqual(otherLogsRow(root), { label: 'Other folders', description: '2 active', tooltip: 'The logs of the workspace’s other folders. Choose one to show its log here.', alarm: true });
  const [payments, search] = root.children;
  assert.deepEqual(otherLogsRow(payments), { label: 'payments', description: '2 active · 3 incidents', tooltip: 'payments/docs/INCIDENT_LOG.md — choose to show this log in the view', alarm: true });
  assert.deepEqual(otherLogsRow(search), { label: 'search', description: '1 incident', tooltip: 'search/docs/INCIDENT_LOG.md — choose to show this log in the view', alarm: false });
  const first = payments.children[0];
  assert.ok(first instanceof OtherIncidentNode);
  assert.equal(first.parent, payments);
  assert.deepEqual(otherLogsRow(first), {
    label: 'INC-2026-1121-001: Card payments declined',
    description: 'SEV-1 · Mitigating',
    tooltip: 'In the log of payments — choose to show that log and open the incident',
    alarm: true,
  });
  // Keys stay apart between folders even when two logs use the same id.
  const keys = root.children.flatMap((f) => [f.key, ...f.children.map((c) => c.key)]);
  assert.equal(new Set(keys).size, keys.length);
});

test('no other folder has an active incident: the heading says nothing is active', () => {
  const root = otherLogsNode([read('search', SEARCH)])!;
  assert.equal(root.active, 0);
  assert.equal(otherLogsRow(root).description, undefined);
  assert.equal(otherLogsRow(root).alarm, false);
});

test('a log that could not be read says why, and lists nothing', () => {
  const root = otherLogsNode([{ folder: 'billing', logPath: 'billing/docs/INCIDENT_LOG.md', problem: 'billing/docs/INCIDENT_LOG.md is not valid UTF-8 text.' }])!;
  const [billing] = root.children;
  assert.ok(billing instanceof FolderLogNode);
  assert.deepEqual(billing.children, []);
  assert.deepEqual(otherLogsRow(billing), { label: 'billing', description: 'not read', tooltip: 'billing/docs/INCIDENT_LOG.md is not valid UTF-8 text.', alarm: false });
});

test('log text in the rows is shown on one line with control characters made visible', () => {
  const text = PAYMENTS.replace('Card payments declined', 'Card\u202e payments declined');
  const root = otherLogsNode([read('pay\u0007ments', text)])!;
  const row = otherLogsRow(root.children[0].children[0]);
  assert.ok(!row.label.includes('\u202e'), row.label);
  assert.ok(!otherLogsRow(root.children[0]).label.includes('\u0007'));
});
