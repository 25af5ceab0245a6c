// The On Call view's nodes (pure model): who is on call, the next handover, contacts that open
// and contacts that are only copied, links, drills; and when the view must rebuild itself.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadPolicy } from '../../src/core';
import { teamOf } from '../../src/core/oncall/oncall';
import { buildOnCallTree, nextChange } from '../../src/extension/oncall/model';

const TEAM = teamOf(
  loadPolicy(`oncall:
  timeZone: Asia/Riyadh
  handover: Monday 09:00
  start: 2026-01-05
  weeks:
    - { primary: John Doe, backup: Jane Smith }
    - { primary: Ahmed Al-Rashid, backup: Sarah Johnson }
people:
  John Doe: { phone: "+966-50-111-2222", handle: "@john" }
  Jane Smith: { email: jane@example.com }
roles:
  commander: { primary: System Administrator, backup: DevOps Engineer }
escalation:
  - { name: CEO, contact: "+966-5X-XXX-XXXX" }
  - { name: External Support, contact: support@vendor.example }
links:
  monitoring: https://grafana.example.com/d/checkout
  deploys: docs/deployment.md
drills:
  - { id: failover, title: Database failover drill, severity: SEV-2, checklist: [Promote the replica] }
`),
);

test('now: primary and backup with their contacts, then the next handover and who takes over', () => {
  const nodes = buildOnCallTree(TEAM, new Date('2026-01-06T12:00:00Z'));
  assert.deepEqual(nodes.map((n) => n.key), ['now/primary', 'now/backup', 'now/handover', 'escalation', 'roles', 'people', 'links', 'drills']);
  const [primary, backup, handover] = nodes;
  assert.deepEqual([primary.label, primary.description], ['John Doe', '+966-50-111-2222 · primary']);
  assert.deepEqual(primary.children?.map((c) => [c.label, c.description, c.contact?.openable]), [['+966-50-111-2222', 'phone', true], ['@john', 'handle', false]]);
  assert.deepEqual([backup.label, backup.description], ['Jane Smith', 'backup']);
  assert.deepEqual([handover.label, handover.description], ['Next handover Mon 12 Jan 09:00 (Asia/Riyadh)', 'Ahmed Al-Rashid / Sarah Johnson']);
});

test('escalation contacts: a placeholder number is copied, an email opens; links and drills carry what their commands need', () => {
  const nodes = buildOnCallTree(TEAM, new Date('2026-01-06T12:00:00Z'));
  const escalation = nodes.find((n) => n.key === 'escalation')!;
  assert.deepEqual(escalation.children?.map((c) => [c.label, c.description, c.contact?.openable]), [['CEO', '+966-5X-XXX-XXXX', false], ['External Support', 'support@vendor.example', true]]);
  const links = nodes.find((n) => n.key === 'links')!;
  assert.deepEqual(links.children?.map((c) => [c.label, c.link, c.icon]), [['monitoring', 'monitoring', 'link-external'], ['deploys', 'deploys', 'file']]);
  assert.deepEqual(nodes.find((n) => n.key === 'drills')?.children?.map((c) => [c.label, c.drill, c.description]), [['Database failover drill', 'failover', 'SEV-2']]);
  assert.deepEqual(nodes.find((n) => n.key === 'roles')?.children?.map((c) => c.description), ['System Administrator · backup DevOps Engineer']);
});

test('before the rotation starts: a note, and the view rebuilds at the first handover; no sections: nothing', () => {
  const before = buildOnCallTree(TEAM, new Date('2026-01-01T00:00:00Z'));
  assert.equal(before[0].kind, 'note');
  assert.match(before[0].tooltip ?? '', /starts at 2026-01-05T09:00:00\+03:00/);
  assert.equal(nextChange(TEAM, new Date('2026-01-01T00:00:00Z'))?.toISOString(), '2026-01-05T06:00:00.000Z');
  assert.equal(nextChange(TEAM, new Date('2026-01-06T12:00:00Z'))?.toISOString(), '2026-01-12T06:00:00.000Z');
  assert.deepEqual(buildOnCallTree(teamOf(loadPolicy('preset: sev\n')), new Date()), []);
});
