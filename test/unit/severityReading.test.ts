// Severities as their authors meant them: the leading token wins and the rest is a note, words of
// seven languages map the same way, Impact only when it is a severity token, and the P1..P4
// preset for a P-level log without a playbook. Also the field aliases of table logs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkLog, defaultPolicy, indexLog, policyOf, priorityPolicy, readSeverity, reindexLog } from '../../src/core';
import { loadPolicy } from '../../src/core/playbook/playbook';
import { readingNotes } from '../../src/core/reader/readingNotes';
import { IncidentNode, incidentTooltip } from '../../src/extension/tree/model';
import { indexFixture } from './helpers';

const policy = defaultPolicy();
const NOW = new Date('2026-12-01T00:00:00Z');

test('a leading severity token wins and the rest is kept as a note', () => {
  const p = priorityPolicy(true);
  const cases: Array<[string, string, string, boolean]> = [
    ['SEV-1 (Critical - Credentials Exposed)', 'SEV-1', 'Critical - Credentials Exposed', true],
    ['Critical (System Outage)', 'SEV-1', 'System Outage', true],
    ['**SEV-2**', 'SEV-2', '', true],
    ['Sev 3 — slow search', 'SEV-3', 'slow search', true],
    ['SEV4 (Low)', 'SEV4', 'Low', false],
    ['🔴 High', 'SEV-2', '', true],
  ];
  for (const [written, severity, note, known] of cases) {
    const read = readSeverity(policy, written);
    assert.deepEqual({ severity: read?.severity, note: read?.note, known: read?.known }, { severity, note, known }, written);
  }
  const pcases: Array<[string, string, string]> = [
    ['**P2**', 'P2', ''],
    ['P4 (false positive)', 'P4', 'false positive'],
    ['P1. Workers saturated by retries', 'P1', 'Workers saturated by retries'],
    ['P0', 'P0', ''],
    ['Medium', 'P3', ''],
  ];
  for (const [written, severity, note] of pcases) {
    const read = readSeverity(p, written);
    assert.deepEqual({ severity: read?.severity, note: read?.note, known: read?.known }, { severity, note, known: true }, written);
  }
  assert.equal(readSeverity(policy, 'SEV-1 (Critical - Credentials Exposed)')?.written, 'SEV-1', 'the token as written');
});

test('severity words map the same way in seven languages, accents or not', () => {
  const want: Record<string, string> = {
    Critical: 'SEV-1', Crítico: 'SEV-1', Critico: 'SEV-1', Critique: 'SEV-1', Kritisch: 'SEV-1', Критический: 'SEV-1',
    High: 'SEV-2', Alta: 'SEV-2', Élevée: 'SEV-2', Hoch: 'SEV-2', Высокий: 'SEV-2',
    Medium: 'SEV-3', Media: 'SEV-3', Média: 'SEV-3', Moyenne: 'SEV-3', Mittel: 'SEV-3', Средний: 'SEV-3',
    Low: 'SEV-3', Baja: 'SEV-3', Baixa: 'SEV-3', Faible: 'SEV-3', Niedrig: 'SEV-3', Bassa: 'SEV-3', Низкий: 'SEV-3',
  };
  for (const [word, id] of Object.entries(want)) assert.equal(readSeverity(policy, word)?.severity, id, word);
  const p = priorityPolicy();
  assert.deepEqual(['Crítica', 'Hoch', 'Moyenne', 'Низкий'].map((w) => readSeverity(p, w)?.severity), ['P1', 'P2', 'P3', 'P4']);
});

test('an Impact field is a severity only when its value starts with a severity token', () => {
  const read = (impact: string) => indexLog(`## INC-2026-0101-001: A\n\n- **Status:** Resolved\n- **Impact:** ${impact}\n`).incidents[0].severity;
  assert.equal(read('High — checkout down for every customer'), 'SEV-2');
  assert.equal(read('SEV-1'), 'SEV-1');
  assert.equal(read('Customers could not pay for two hours'), null, 'a sentence is not a severity');
  assert.equal(read('Low conversion on checkout for an hour'), null, 'a sentence starting with a severity word neither');
  // A Severity field beside it wins.
  assert.equal(indexLog('## INC-2026-0101-001: A\n\n- **Severity:** SEV-3\n- **Impact:** High — many users\n').incidents[0].severity, 'SEV-3');
});

test('without a playbook a P-level log is read with the P1..P4 preset (P0 above P1), said by check and the tooltip', () => {
  const idx = indexFixture('status/severity-notes.md');
  assert.ok(idx.inferredPolicy, 'a preset was inferred');
  const p = policyOf(idx, policy);
  assert.deepEqual(p.severities.map((s) => s.id), ['P0', 'P1', 'P2', 'P3', 'P4']);
  assert.deepEqual(idx.incidents.map((i) => i.severity), ['P1', 'P1', 'P2', 'P4', 'P0']);
  assert.equal(readingNotes(idx.incidents[0], p).severityNote, 'System Outage');
  const problems = checkLog(idx, policy, NOW);
  assert.ok(!problems.some((x) => x.code === 'missing-severity'), 'no unknown-severity warnings');
  const info = problems.filter((x) => x.code === 'severity-preset');
  assert.equal(info.length, 1);
  assert.equal(info[0].severity, 'info');
  assert.match(info[0].message, /P1\.\.P4 preset \(P0 above P1\)/);
  const tip = incidentTooltip(idx.incidents[0], false, { policy: p, zone: 'UTC', now: NOW, presetNote: idx.inferredPolicy?.reason });
  assert.match(tip, /P1\\\.\\\.P4 preset/);
  assert.match(tip, /Severity: P1 \\\(System Outage\\\)/);
});

test('the preset is not guessed when the log writes SEV-n, or when a playbook exists', () => {
  assert.equal(indexLog('## INC-2026-0101-001: A\n\n- **Severity:** SEV-1\n- **Status:** Resolved\n\nEscalated from P2.\n').inferredPolicy, undefined);
  const withPlaybook = loadPolicy('timeZone: UTC\n');
  const idx = indexLog('## INC-2026-0101-001: A\n\n- **Priority:** P1\n', { policy: withPlaybook });
  assert.equal(idx.inferredPolicy, undefined);
  assert.equal(idx.incidents[0].severity, 'P1', 'kept as written, and check says the policy does not know it');
});

test('a re-index keeps the preset while the log stays P-level, and drops it when SEV-n appears', () => {
  const text = '# Log\n\n## INC-2026-0101-001: A\n\n- **Priority:** P1\n- **Status:** Monitoring\n\n## INC-2026-0102-001: B\n\n- **Priority:** P3\n- **Status:** Resolved\n';
  const options = { policy };
  const first = indexLog(text, options);
  const edited = reindexLog(first, text.replace('Status:** Monitoring', 'Status:** Mitigating'), options);
  assert.equal(edited.inferredPolicy?.policy, first.inferredPolicy?.policy, 'the same preset object');
  assert.equal(edited.incidents[0].severity, 'P1');
  const sev = reindexLog(first, text.replace('P3', 'SEV-3'), options);
  assert.equal(sev.inferredPolicy, undefined);
  assert.equal(sev.incidents[1].severity, 'SEV-3');
});

test('field aliases: owners and leads are the commander; opened/created detect; resolved/closed resolve', () => {
  const read = (key: string, value: string) => indexLog(`## INC-2026-0101-001: A\n\n- **Status:** Monitoring\n- **${key}:** ${value}\n`).incidents[0];
  for (const key of ['Owner', 'Incident owner', 'Incident lead', 'Lead']) assert.equal(read(key, '@kim').roles.commander, 'kim', key);
  for (const key of ['Date Opened', 'Opened', 'Created']) assert.equal(read(key, '2026-01-01 10:00 UTC').detected, '2026-01-01T10:00:00Z', key);
  for (const key of ['Date Resolved', 'Resolved at', 'Closed']) assert.equal(read(key, '2026-01-01 12:00 UTC').resolved, '2026-01-01T12:00:00Z', key);
});

test('table logs: Date / Window (IST) is the date in that zone, Incident lead the commander, approximate times kept visible', () => {
  const idx = indexFixture('status/team-table.md');
  const [payouts, otp] = idx.incidents;
  assert.equal(payouts.detected, '2026-02-11T09:00:00Z', '14:30 IST');
  assert.equal(payouts.roles.commander, 'Ravi');
  assert.equal(payouts.status, 'Resolved');
  assert.equal(payouts.resolved, '2026-02-11T16:00:00Z');
  assert.equal(otp.detected, '2026-02-19T04:15:00Z', '~09:45 IST is read');
  assert.equal(readingNotes(otp, policy).detectedApproximate, true);
  const tip = incidentTooltip(otp, true, { policy, zone: 'UTC', now: NOW });
  assert.match(tip, /Detected: ~2026\\-02\\-19 04:15 UTC/, "the ~ stays (escaped for markdown)");
  // A time alone takes the day of the Date field beside it.
  const section = indexLog('## INC-2026-0828-002: A\n\n- **Status:** Resolved\n- **Detected:** ~08:15\n- **Date:** 2026-08-28\n').incidents[0];
  assert.equal(section.detected, '2026-08-28T08:15:00Z');
  assert.equal(new IncidentNode(section, false).state, 'resolved');
});
