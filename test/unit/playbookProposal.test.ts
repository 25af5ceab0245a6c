// The playbook proposed for an existing log: what the log writes, the reading of each, the
// unknown ones marked, and blocks that map them in one edit.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultPolicy, indexLog, policyOf } from '../../src/core';
import { loadPolicy } from '../../src/core/playbook/playbook';
import { proposePlaybook } from '../../src/core/playbook/playbookProposal';
import { fixture, indexFixture } from './helpers';

const uncomment = (text: string, from: string) => {
  // Uncomments the block that starts at the line `# ${from}` (a team's one edit).
  const lines = text.split('\n');
  const at = lines.findIndex((l) => l.startsWith(`# ${from}`));
  assert.ok(at !== -1, `no block ${from}`);
  for (let i = at; i < lines.length && lines[i].startsWith('# ') && (i === at || lines[i].startsWith('#   ')); i++) lines[i] = lines[i].slice(2);
  return lines.join('\n');
};

test('lists the severities, statuses and keys a log writes, with the reading of each and the unknown ones marked', () => {
  const idx = indexFixture('status/written-statuses.md');
  const text = proposePlaybook(idx, policyOf(idx, defaultPolicy()), 'docs/INCIDENT_LOG.md');
  assert.match(text, /^preset: sev$/m);
  assert.match(text, /^# {3}SEV-1 \(1×\) → SEV-1$/m);
  assert.match(text, /^# {3}High \(1×\) → SEV-2$/m);
  assert.match(text, /^# {3}SEV4 \(1×\) → UNKNOWN/m);
  assert.match(text, /^# {3}Resolved \(permanent fix applied\) \(1×\) → Resolved \(resolved\)$/m);
  assert.match(text, /^# {3}\(no status written\) \(1×\) → unknown/m);
  assert.match(text, /^# {3}Owner \(1×\) → commander$/m);
  assert.match(text, /^# {3}Resolution \(1×\) → resolution/m);
  assert.match(text, /# Health checks:/, 'the runbook and health-check template follows');
  // As written, the file is a valid playbook that reads the log as before.
  const as = loadPolicy(text);
  assert.deepEqual(as.severities.map((s) => s.id), ['SEV-1', 'SEV-2', 'SEV-3']);
  // The team's one edit: uncomment the severities block and move SEV4 under SEV-3.
  const edited = uncomment(text, 'severities:').replace(/(- id: SEV-3\n(?:.*\n){1}\s+aliases: \[)/, '$1SEV4, ');
  const mapped = loadPolicy(edited);
  const again = indexLog(fixture('status/written-statuses.md'), { policy: mapped });
  assert.equal(again.incidents.find((i) => i.id === 'INC-2026-0618-001')?.severity, 'SEV-3');
  assert.equal(again.incidents.find((i) => i.id === 'INC-2026-0912-001')?.severity, 'SEV-2', 'the levels the log used keep reading');
});

test('a P-level log gets its preset written; unknown statuses and keys get blocks to uncomment', () => {
  const idx = indexFixture('status/history-table.md');
  const text = proposePlaybook(idx, policyOf(idx, defaultPolicy()));
  assert.match(text, /^preset: p0-p4$/m);
  assert.deepEqual(loadPolicy(text).severities.map((s) => s.id), ['P0', 'P1', 'P2', 'P3', 'P4']);
  assert.match(text, /^# {3}TTD \(6×\) → UNKNOWN: kept as written$/m);
  assert.match(text, /^# fieldAliases:$/m);
  const own = indexLog('## INC-2026-0101-001: A\n\n- **Status:** Awaiting vendor\n- **Severity:** SEV-2\n');
  const statuses = proposePlaybook(own, defaultPolicy());
  assert.match(statuses, /^# {3}Awaiting vendor \(1×\) → UNKNOWN: kept as written, counted active$/m);
  const mapped = loadPolicy(statuses.replace(/^# statuses: /m, 'statuses: ').replace(/^# resolvedStatus: \[Resolved\]$/m, 'resolvedStatus: [Resolved, "Awaiting vendor"]'));
  assert.deepEqual(mapped.resolvedStatuses, ['Resolved', 'Awaiting vendor']);
});

test('log text never breaks the YAML or the comments', () => {
  const idx = indexLog('## INC-2026-0101-001: A\n\n- **Status:** "quoted": yes\n- **Severity:** [weird]: #1\n- **Sev:** P9\n- **Weird: key**: v\n');
  const text = proposePlaybook(idx, defaultPolicy(), 'docs/LOG\nmd');
  assert.doesNotThrow(() => loadPolicy(text));
  // No carriage return or other control character reaches the file from the log.
  for (const line of text.split('\n')) assert.ok(![...line].some((c) => c.charCodeAt(0) < 32 && c !== '\t'), line);
});
