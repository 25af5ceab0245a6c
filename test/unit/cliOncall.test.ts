// `incident oncall` and `incident declare --drill` as a real process, built the way `bin` ships it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { useBuiltCli } from './cliProcess';

const cli = useBuiltCli('oncall');
const run = cli.run;

const PLAYBOOK = `timeZone: UTC
oncall:
  timeZone: Asia/Riyadh
  handover: Monday 09:00
  start: 2026-01-05
  weeks:
    - { primary: John Doe, backup: Jane Smith }
    - { primary: Ahmed Al-Rashid, backup: Sarah Johnson }
  overrides:
    - { from: 2026-02-02T09:00, to: 2026-02-04T09:00, primary: Jane Smith }
people:
  John Doe: { phone: "+966-50-111-2222", handle: "@john" }
escalation:
  - { name: CTO, contact: "+966-50-222-3333" }
  - { name: External Support, contact: support@vendor.example }
`;

function repo(playbook?: string): string {
  const dir = cli.repo();
  if (playbook !== undefined) {
    mkdirSync(join(dir, '.incident'));
    writeFileSync(join(dir, '.incident', 'playbook.yml'), playbook);
  }
  return dir;
}

test('oncall --json: primary, backup, since and until with the zone offset, the next shift and the escalation list', () => {
  const dir = repo(PLAYBOOK);
  const r = run(dir, 'oncall', '--at', '2026-01-13T12:00:00Z', '--json');
  assert.equal(r.code, 0, r.err);
  assert.deepEqual(JSON.parse(r.out), {
    primary: 'Ahmed Al-Rashid',
    backup: 'Sarah Johnson',
    since: '2026-01-12T09:00:00+03:00',
    until: '2026-01-19T09:00:00+03:00',
    timeZone: 'Asia/Riyadh',
    week: 2,
    next: { primary: 'John Doe', backup: 'Jane Smith', at: '2026-01-19T09:00:00+03:00' },
    escalation: [
      { name: 'CTO', contact: '+966-50-222-3333' },
      { name: 'External Support', contact: 'support@vendor.example' },
    ],
  });
  // --at without an offset is read in the rotation's zone: 08:59 Riyadh is still week 1.
  assert.equal(JSON.parse(run(dir, 'oncall', '--at', '2026-01-12T08:59', '--json').out).primary, 'John Doe');
  // The override (2 to 4 February) wins; week 5 would be John's.
  const override = JSON.parse(run(dir, 'oncall', '--at', '2026-02-03T00:00:00Z', '--json').out);
  assert.deepEqual([override.primary, override.backup, override.since, override.until], ['Jane Smith', 'Jane Smith', '2026-02-02T09:00:00+03:00', '2026-02-04T09:00:00+03:00']);
});

test('oncall prints a readable summary with contacts; bad --at, a time before the start and no rotation get clear messages', () => {
  const dir = repo(PLAYBOOK);
  const r = run(dir, 'oncall', '--at', '2026-01-06T12:00:00Z');
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /On call \(Asia\/Riyadh, week 1 of 2\):/);
  assert.match(r.out, /Primary {2}John Doe {2}\+966-50-111-2222 {2}@john/);
  assert.match(r.out, /Until {4}2026-01-12T09:00:00\+03:00, then Ahmed Al-Rashid \(backup Sarah Johnson\)/);
  assert.match(r.out, /Escalation:\n {2}1\. CTO {2}\+966-50-222-3333\n {2}2\. External Support {2}support@vendor\.example/);
  const before = run(dir, 'oncall', '--at', '2025-12-31T00:00:00Z');
  assert.equal(before.code, 2);
  assert.equal(before.err.trim(), 'incident: The rotation starts at 2026-01-05T09:00:00+03:00 (start: 2026-01-05); 2025-12-31T03:00:00+03:00 is before it.');
  const bad = run(dir, 'oncall', '--at', 'tomorrow');
  assert.equal(bad.code, 2);
  assert.match(bad.err, /--at "tomorrow" is not a date-time .*read in Asia\/Riyadh/);
  const none = run(repo());
  assert.equal(none.code, 2);
  const empty = run(repo(), 'oncall');
  assert.equal(empty.code, 2);
  assert.match(empty.err, /declares no on-call rotation \(oncall:\) and no escalation contacts/);
  const broken = run(repo(PLAYBOOK.replace('Monday 09:00', 'Mondays at nine')), 'oncall');
  assert.equal(broken.code, 2);
  assert.match(broken.err, /playbook\.yml: line 4: oncall\.handover: is not a weekday and local time/);
});

test('declare --drill writes Drill: yes; without it there is no Drill field', () => {
  const dir = repo(PLAYBOOK);
  const drill = run(dir, 'declare', 'Quarterly failover drill', '--severity', 'SEV-2', '--commander', 'John Doe', '--at', '2026-01-13T10:00:00Z', '--drill');
  assert.equal(drill.code, 0, drill.err);
  const real = run(dir, 'declare', 'Checkout down', '--severity', 'SEV-1', '--at', '2026-01-13T11:00:00Z');
  assert.equal(real.code, 0, real.err);
  const log = readFileSync(join(dir, 'docs/INCIDENT_LOG.md'), 'utf8');
  assert.match(log, /## INC-2026-0113-001: Quarterly failover drill\n- \*\*Severity:\*\* SEV-2\n- \*\*Status:\*\* Investigating\n- \*\*Detected:\*\* 2026-01-13 10:00 UTC\n- \*\*Incident Commander:\*\* John Doe\n- \*\*Drill:\*\* yes\n\n/);
  assert.match(log, /## INC-2026-0113-002: Checkout down\n/);
  assert.equal(log.split('Drill:').length, 2, 'only the drill has the field');
  const listed = JSON.parse(run(dir, 'list', '--json').out) as Array<{ id: string; drill?: boolean }>;
  assert.deepEqual(listed.map((i) => [i.id, i.drill ?? false]), [['INC-2026-0113-002', false], ['INC-2026-0113-001', true]], 'list --json marks the drill');
});
