// Statuses as their authors meant them: leading words in seven languages, notes kept, resolution
// facts for incidents without a status, and the unknown state (neither active nor resolved).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { type Incident, type LogIndex, checkLog, defaultPolicy, indexLog, isActive, isPlaceholderValue, matchStatus, policyOf, readStatus, statusState } from '../../src/core';
import { activeClocks } from '../../src/core/response/clock';
import { loadPolicy } from '../../src/core/playbook/playbook';
import { PolicyError } from '../../src/core/playbook/policy';
import { readingNotes } from '../../src/core/reader/readingNotes';
import { dueReminders } from '../../src/core/response/reminders';
import { indexFixture } from './helpers';

const policy = defaultPolicy();
const NOW = new Date('2026-12-01T00:00:00Z');

function byId(index: LogIndex, id: string): Incident {
  const found = index.incidents.find((i) => i.id === id);
  assert.ok(found, `no ${id} in ${index.incidents.map((i) => i.id).join(', ')}`);
  return found;
}

test('a status matches by its leading words, case, punctuation and emphasis aside; the rest is a note', () => {
  const cases: Array<[string, string, string]> = [
    ['RESOLVED.', 'Resolved', ''],
    ['**Resolved**', 'Resolved', ''],
    ['Resolved (permanent fix applied)', 'Resolved', 'permanent fix applied'],
    ['Resolvido (workaround)', 'Resolved', 'workaround'],
    ['Identificado, pendente correção', 'Identified', 'pendente correção'],
    ['✅ closed - duplicate of INC-4', 'Resolved', 'duplicate of INC-4'],
    ["En cours d'investigation", 'Investigating', ''],
    ['monitoring', 'Monitoring', ''],
  ];
  for (const [written, status, note] of cases) {
    const read = readStatus(policy, written);
    assert.equal(read?.status, status, written);
    assert.equal(read?.note, note, written);
  }
  // A status no table knows stays as written, with no meaning: still a status (active).
  assert.deepEqual(readStatus(policy, "Won't fix"), { status: "Won't fix", meaning: 'Closed', note: '' });
});

test('resolved words of seven languages end an incident; active words do not', () => {
  for (const word of ['Resuelto', 'Cerrado', 'Resolvido', 'Corrigido', 'Résolu', 'Resolu', 'Behoben', 'Gelöst', 'Risolto', 'Решено', 'Исправлено', 'Fixed', 'Done']) {
    assert.equal(readStatus(policy, word)?.meaning, 'Resolved', word);
  }
  for (const word of ['Investigando', 'Identificado', 'Surveillance', 'Überwachung', 'In corso', 'Мониторинг', 'Abierto']) {
    const read = readStatus(policy, word);
    assert.ok(read?.meaning && read.meaning !== 'Resolved', word);
  }
  assert.equal(matchStatus(policy, 'resuelto'), 'Resolved', '`list --status resuelto` finds the resolved ones');
});

test('statuses written with extra words, punctuation, emphasis and whole-line bold', () => {
  const idx = indexFixture('status/written-statuses.md');
  const state = (id: string) => statusState(byId(idx, id), policy);
  assert.equal(byId(idx, 'INC-2026-0912-001').status, 'Resolved', '**Status:** RESOLVED.');
  assert.equal(byId(idx, 'INC-2026-0815-001').status, 'Resolved', '**Status: RESOLVED** (whole line bold)');
  assert.equal(byId(idx, 'INC-2026-0815-001').severity, 'SEV-3', '**Priority: Medium** (whole line bold)');
  const webhooks = byId(idx, 'INC-2026-0828-002');
  assert.equal(webhooks.status, 'Resolved');
  assert.equal(readingNotes(webhooks, policy).statusNote, 'permanent fix applied');
  const leak = byId(idx, 'INC-2026-0802-001');
  assert.equal(leak.status, 'Identified');
  assert.equal(readingNotes(leak, policy).statusNote, 'pending fix from the provider');
  assert.equal(state('INC-2026-0802-001'), 'active');
  assert.equal(state('INC-2026-0618-001'), 'resolved', 'Closed - not customer facing');
  assert.deepEqual(
    idx.incidents.filter((i) => isActive(i, policy)).map((i) => i.id),
    ['INC-2026-0802-001'],
    'one incident is still worked',
  );
});

test('statuses and keys in Spanish, Portuguese, French, German, Italian and Russian', () => {
  const idx = indexFixture('status/languages.md');
  const got = idx.incidents.map((i) => [i.id, i.status, i.severity, statusState(i, policy)]);
  assert.deepEqual(got, [
    ['INC-2026-0301-001', 'Resolved', 'SEV-2', 'resolved'],
    ['INC-2026-0302-001', 'Resolved', 'SEV-1', 'resolved'],
    ['INC-2026-0303-001', 'Identified', 'SEV-3', 'active'],
    ['INC-2026-0304-001', 'Resolved', 'SEV-1', 'resolved'],
    ['INC-2026-0305-001', 'Resolved', 'SEV-2', 'resolved'],
    ['INC-2026-0306-001', 'Resolved', 'SEV-3', 'resolved'],
    ['INC-2026-0307-001', 'Resolved', 'SEV-2', 'resolved'],
    ['INC-2026-0308-001', 'Resolved', 'SEV-3', 'resolved'],
    ['INC-2026-0309-001', 'Investigating', 'SEV-3', 'active'],
  ]);
  assert.equal(byId(idx, 'INC-2026-0301-001').roles.commander, 'Lucía', 'Responsable is the commander');
  assert.equal(byId(idx, 'INC-2026-0301-001').detected, '2026-03-01T10:20:00Z', 'Fecha is the detection');
  assert.equal(byId(idx, 'INC-2026-0304-001').detected, '2026-03-04', '`Date :` with the French space');
});

test('no status: resolved by a resolution fact, else unknown (not active, not resolved)', () => {
  const idx = indexFixture('status/written-statuses.md');
  const export_ = byId(idx, 'INC-2026-0720-001');
  assert.equal(export_.status, 'Resolved', 'a Resolution field');
  assert.match(readingNotes(export_, policy).statusFrom ?? '', /^Resolution: Re-ran/);
  const disk = byId(idx, 'INC-2026-0705-001');
  assert.equal(disk.status, null);
  assert.equal(statusState(disk, policy), 'unknown');
  assert.equal(isActive(disk, policy), false);
  for (const [fact, value] of [
    ['Fix', 'rolled back 7f3c'],
    ['Fixed in', 'v2.4.1'],
    ['Resolved by', '@ana'],
    ['Time to recover', '45 min'],
    ['Duration', '2h'],
    ['Solução', 'reinício do serviço'],
    ['Lösung', 'Cache geleert'],
    ['Решение', 'перезапуск'],
    ['Closed', 'yes'],
  ]) {
    const text = `## INC-2026-0101-001: A\n\n- **Detected:** 2026-01-01\n- **${fact}:** ${value}\n`;
    assert.equal(indexLog(text).incidents[0].status, 'Resolved', fact);
  }
  // A duration still running says the incident is not over: open (see unseenShapes.test.ts).
  assert.equal(statusState(indexLog('## INC-2026-0101-001: A\n\n- **Detected:** 2026-01-01\n- **Duration:** ongoing\n').incidents[0], policy), 'active');
  for (const [fact, value] of [['TTR', 'TBD'], ['Resolution', '—'], ['Fix', '[pending]'], ['Duration', 'unknown'], ['TTR', '0'], ['Resolution', 'Not yet resolved — PR #2684 waits for a deploy'], ['TTR', '**Open** — owner re-auth requested'], ['Solução', 'pendente de deploy']]) {
    const inc = indexLog(`## INC-2026-0101-001: A\n\n- **Detected:** 2026-01-01\n- **${fact}:** ${value}\n`).incidents[0];
    assert.equal(statusState(inc, policy), 'unknown', `${fact}: ${value} is not a fact`);
  }
  // Plain `Key: value` lines are read for these keys too.
  assert.equal(indexLog('## INC-2026-0101-001: A\n\nSeverity: SEV-2\nTTR: 40 min\n').incidents[0].status, 'Resolved');
  // A written status wins over a fact.
  assert.equal(indexLog('## INC-2026-0101-001: A\n\n- **Status:** Monitoring\n- **Fix:** patched\n').incidents[0].status, 'Monitoring');
});

test('a history table with no Status column: rows with TTR filled are resolved, the others unknown', () => {
  const idx = indexFixture('status/history-table.md');
  const p = policyOf(idx, policy);
  assert.equal(idx.incidents.length, 6);
  assert.deepEqual(
    idx.incidents.map((i) => statusState(i, p)),
    ['resolved', 'resolved', 'resolved', 'resolved', 'unknown', 'unknown'],
  );
  assert.equal(idx.incidents.filter((i) => isActive(i, p)).length, 0, 'no row is listed as active');
  assert.equal(readingNotes(idx.incidents[1], p).statusFrom, 'TTR: 1 h 10 min');
});

test('check: one unknown-status finding per log, naming how many and the first ids', () => {
  const rows = Array.from({ length: 12 }, (_, k) => `| 2026-01-${String(k + 1).padStart(2, '0')} | SEV-2 | Outage ${k + 1} | |`);
  const text = ['# History', '', '| Date | Severity | Summary | TTR |', '|---|---|---|---|', ...rows, ''].join('\n');
  const problems = checkLog(indexLog(text), policy, NOW);
  const unknown = problems.filter((p) => p.code === 'unknown-status');
  assert.equal(unknown.length, 1);
  assert.match(unknown[0].message, /^12 incidents have no status/);
  assert.match(unknown[0].message, /2026-01-01-outage-1, .*and 7 more/);
  assert.equal(unknown[0].line, 5, 'on the first such incident');
  assert.ok(!problems.some((p) => p.code === 'missing-commander'), 'an unknown incident is not asked for a commander');
});

test('unknown incidents get no reminders, clocks or active count', () => {
  const text = [
    '## INC-2026-1130-001: Old outage, status never written',
    '- **Severity:** SEV-1',
    '- **Detected:** 2026-11-30 20:00 UTC',
    '',
    '## INC-2026-1130-002: Live outage',
    '- **Severity:** SEV-1',
    '- **Status:** Investigating',
    '- **Detected:** 2026-11-30 21:00 UTC',
    '',
  ].join('\n');
  const idx = indexLog(text);
  assert.deepEqual(
    dueReminders(idx, policy, NOW).map((r) => r.incident.id),
    ['INC-2026-1130-002', 'INC-2026-1130-002'],
    'the live one is reminded (update and commander); the unknown one is not',
  );
  assert.deepEqual(activeClocks(idx, policy, NOW).map((c) => c.incident.id), ['INC-2026-1130-002']);
});

test('playbook resolvedStatus takes a list; each entry must be a status, errors name the line', () => {
  const p = loadPolicy(['statuses: [Aberto, Em análise, Resolvido, Corrigido]', 'resolvedStatus: [Resolvido, Corrigido]', ''].join('\n'));
  assert.equal(p.resolvedStatus, 'Resolvido', 'the first is the one written');
  assert.deepEqual(p.resolvedStatuses, ['Resolvido', 'Corrigido']);
  const idx = indexLog('## INC-2026-0101-001: A\n\n- **Status:** Corrigido em produção\n- **Severity:** SEV-2\n', { policy: p });
  assert.equal(idx.incidents[0].status, 'Corrigido');
  assert.equal(statusState(idx.incidents[0], p), 'resolved');
  assert.throws(
    () => loadPolicy(['statuses: [Aberto, Resolvido]', 'resolvedStatus:', '  - Resolvido', '  - Fechado', ''].join('\n')),
    (e: unknown) => e instanceof PolicyError && e.line === 4 && /resolvedStatus\.1: "Fechado" is not one of the statuses/.test(e.message),
  );
  assert.throws(() => loadPolicy('resolvedStatus: []\n'), (e: unknown) => e instanceof PolicyError && e.line === 1);
});

test('FORMAT.md: the status, no-status and time examples read as the text says', () => {
  const doc = readFileSync(resolve(__dirname, '../../docs/FORMAT.md'), 'utf8');
  const blocks = [...doc.matchAll(/```markdown\n([\s\S]*?)\n```\n/g)].map((m) => m[1]);
  const find = (needle: string) => {
    const b = blocks.find((x) => x.includes(needle));
    assert.ok(b, `no example with ${needle}`);
    return b;
  };
  const statuses = indexLog(find('**Status:** RESOLVED.'));
  assert.deepEqual(
    statuses.incidents.map((i) => [i.status, readingNotes(i, policy).statusNote ?? '']),
    [['Resolved', ''], ['Resolved', 'permanent fix applied'], ['Resolved', ''], ['Identified', 'pending fix from the provider']],
  );
  const fact = indexLog(find('**Resolution:** Re-ran')).incidents[0];
  assert.equal(statusState(fact, policy), 'resolved');
  const history = indexLog(find('| Date       | Severity | Summary'));
  assert.deepEqual(history.incidents.map((i) => statusState(i, policy)), ['resolved', 'unknown']);
  const ist = indexLog(find('Date / Window (IST)')).incidents[0];
  assert.deepEqual([ist.detected, ist.roles.commander, statusState(ist, policy)], ['2026-02-11T09:00:00Z', 'Ravi', 'resolved']);
});

test('the broad new keys (Owner, Created, Window) alone do not make a section an incident', () => {
  const text = '# Runbook notes\n\n## About this page\n\nOwner: platform team\nCreated: 2025-01-10\nWindow: Sundays 02:00\n\n## INC-2026-0101-001: A\n\n- **Owner:** Kim\n- **Opened:** 2026-01-01 10:00 UTC\n- **Status:** Monitoring\n';
  const idx = indexLog(text);
  assert.deepEqual(idx.incidents.map((i) => i.id), ['INC-2026-0101-001']);
  assert.equal(idx.incidents[0].roles.commander, 'Kim', 'inside an incident they are read');
  assert.equal(idx.incidents[0].detected, '2026-01-01T10:00:00Z');
});

test('placeholders are a bracketed run of words; HTML in a value is text', () => {
  for (const v of ['[TBD]', '<your name>', '{owner}', '—', 'N/A', '[À COMPLÉTER]']) assert.equal(isPlaceholderValue(v), true, v);
  for (const v of ['&lt;svg onload="x=1"&gt;&lt;/svg&gt;', '[a] and [b]', 'Kim <kim@example.com>', '[P1] checkout']) assert.equal(isPlaceholderValue(v), false, v);
  const inc = indexLog('## INC-2026-0101-001: A\n\n- **Status:** Investigating\n- **Incident Commander:** &lt;svg onload="x=1"&gt;&lt;/svg&gt;\n').incidents[0];
  assert.equal(inc.roles.commander, '<svg onload="x=1"></svg>', 'shown as text, not dropped');
});

test('a resolved-time field that says the fix is still to come keeps the incident open, whatever else it records', () => {
  const log = [
    '# Security incidents',
    '',
    '## 2026-10-02 — Deploy key pushed to a public fork',
    '',
    '**Severity:** P1',
    '**Detected at:** 2026-10-02 07:40 UTC',
    '**Resolved at:** <PENDING Marta: confirm the old key is rejected>',
    '**Resolved by:** key rotated by the platform team',
    '',
    '## 2026-09-14 — Token in a CI log',
    '',
    '**Severity:** P2',
    '**Resolved at:** not yet',
    '',
    '## 2026-08-30 — Stale DNS record',
    '',
    '**Severity:** P3',
    '**Resolved at:** —',
    '**Fix:** record removed',
    '',
  ].join('\n');
  const index = indexLog(log, { policy });
  const states = index.incidents.map((i) => [i.title, statusState(i, policy)]);
  assert.deepEqual(states, [
    ['Deploy key pushed to a public fork', 'active'],
    ['Token in a CI log', 'active'],
    // A bare dash is an empty cell, not words: the Fix field decides.
    ['Stale DNS record', 'resolved'],
  ]);
});

test('Chinese, Japanese and Korean status keys and words: 状态：待处理 is open, 状态：已解决 is resolved', () => {
  const log = [
    '# 故障记录',
    '',
    '## INC-20261002-01：支付回调超时',
    '',
    '- 发现时间：2026-10-02',
    '- 状态：待处理',
    '',
    '## INC-20260920-01：搜索索引延迟',
    '',
    '- 发现时间：2026-09-20',
    '- 状态：已解决（重建索引）',
    '',
  ].join('\n');
  const index = indexLog(log, { policy });
  assert.deepEqual(
    index.incidents.map((i) => [i.id, statusState(i, policy), i.detected?.slice(0, 10)]),
    [
      ['INC-20261002-01', 'active', '2026-10-02'],
      ['INC-20260920-01', 'resolved', '2026-09-20'],
    ],
  );
});

test('placeholder values in any case are read as empty; names, times and severities that begin like them are values', () => {
  for (const v of ['TBD', 'tbd', 'Tba', 'TODO', 'Todo: write it', 'N/A', 'n.a.', 'NA', 'None', 'nil', 'NULL', 'XXX', 'Placeholder', 'à compléter', 'A completar', 'Por definir', 'a definir', '[TBD]', '<name>', '{date}', '—', '', '  '])
    assert.equal(isPlaceholderValue(v), true, v);
  for (const v of ['Nina Park', 'Todd Ames', 'Priya Natarajan', 'Alex', 'Xavier', 'Sam Okafor', '2026-11-20 14:30 UTC', '15 min', 'SEV-2', 'P1', 'None of the above: rollback', 'Ana', 'Tbilisi DC'])
    assert.equal(isPlaceholderValue(v), false, v);
});

test('a status said of every part (`All resolved`, `✅ Todos resueltos`, `Alle behoben`) reads as that status; a quantifier alone is none', () => {
  const policy = defaultPolicy();
  for (const v of ['All resolved', '✅ Todos resueltos', 'Todas corregidas', 'Alle behoben', 'Tous résolus', 'Tutti risolti', 'Все исправлены'])
    assert.equal(readStatus(policy, v)?.meaning, 'Resolved', v);
  assert.equal(readStatus(policy, 'All open')?.meaning, 'Open');
  // With something after it, the status is not every part's: left as written.
  for (const v of ['All resolved except eu-west', 'Alle behoben bis auf den PDF-Export', 'Todos resueltos salvo el de reembolsos']) assert.equal(readStatus(policy, v)?.meaning, undefined, v);
  // The quantifier with nothing a status word after it stays as written, unknown.
  assert.equal(readStatus(policy, 'All hands')?.meaning, undefined);
  assert.equal(readStatus(policy, 'Alle')?.meaning, undefined);
});
