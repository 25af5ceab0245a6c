// The on-call rotation maths (handovers in the rotation's zone, across DST, wrapping, overrides)
// and the playbook's on-call sections: what they read as, and errors that name their line.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadPolicy } from '../../src/core';
import { RotationError, contactKind, contactUri, escalationEntry, formatZoned, isDrill, linkTarget, nextOnCall, onCallAt, proposedCommander, teamOf } from '../../src/core/oncall/oncall';
import { indexLog } from '../../src/core';
import { policyErrorOf } from './helpers';

function rotationOf(yaml: string) {
  const rotation = teamOf(loadPolicy(yaml)).rotation;
  assert.ok(rotation, 'the playbook has a rotation');
  return rotation;
}

const RIYADH = `oncall:
  timeZone: Asia/Riyadh
  handover: Monday 09:00
  start: 2026-01-05
  weeks:
    - { primary: John Doe, backup: Jane Smith }
    - { primary: Ahmed Al-Rashid, backup: Sarah Johnson }
`;

/** `onCallAt` as plain values: names, and since/until in the rotation's zone. */
function at(yaml: string, iso: string) {
  const rotation = rotationOf(yaml);
  const now = onCallAt(rotation, new Date(iso));
  return { primary: now.primary, backup: now.backup, since: formatZoned(now.since, rotation.timeZone), until: formatZoned(now.until, rotation.timeZone), week: now.week };
}

test('a zone without DST: week 1 from its handover to the next, week 2 after, at 09:00 local (+03:00)', () => {
  assert.deepEqual(at(RIYADH, '2026-01-05T06:00:00Z'), { primary: 'John Doe', backup: 'Jane Smith', since: '2026-01-05T09:00:00+03:00', until: '2026-01-12T09:00:00+03:00', week: 1 });
  assert.equal(at(RIYADH, '2026-01-08T23:00:00Z').primary, 'John Doe');
  assert.equal(at(RIYADH, '2026-01-12T05:59:59Z').primary, 'John Doe', 'one second before the handover');
  assert.deepEqual(at(RIYADH, '2026-01-12T06:00:00Z'), { primary: 'Ahmed Al-Rashid', backup: 'Sarah Johnson', since: '2026-01-12T09:00:00+03:00', until: '2026-01-19T09:00:00+03:00', week: 2 });
});

test('the rotation repeats after its last week, however far ahead', () => {
  assert.deepEqual(at(RIYADH, '2026-01-19T06:00:00Z'), { primary: 'John Doe', backup: 'Jane Smith', since: '2026-01-19T09:00:00+03:00', until: '2026-01-26T09:00:00+03:00', week: 1 });
  // 2026-12-28 is 51 weeks after 2026-01-05: week 52 of the count, the second of two.
  assert.equal(at(RIYADH, '2026-12-28T07:00:00Z').primary, 'Ahmed Al-Rashid');
  const three = RIYADH.replace('    - { primary: Ahmed', '    - { primary: Lina Haddad }\n    - { primary: Ahmed');
  assert.deepEqual(['2026-01-05', '2026-01-12', '2026-01-19', '2026-01-26', '2026-02-02'].map((d) => at(three, `${d}T12:00:00Z`).primary), ['John Doe', 'Lina Haddad', 'Ahmed Al-Rashid', 'John Doe', 'Lina Haddad']);
  assert.equal(at(three, '2026-01-12T12:00:00Z').backup, null, 'a week without a backup has none');
});

test('Europe/Berlin across the spring and autumn changes: the handover stays 09:00 local', () => {
  const berlin = `oncall:
  timeZone: Europe/Berlin
  handover: monday 09:00
  start: 2026-03-23
  weeks:
    - { primary: Anna, backup: Bernd }
    - { primary: Carla, backup: Dieter }
`;
  // Clocks go forward on Sunday 29 March 2026: the week that spans it is an hour shorter.
  assert.deepEqual(at(berlin, '2026-03-23T08:00:00Z'), { primary: 'Anna', backup: 'Bernd', since: '2026-03-23T09:00:00+01:00', until: '2026-03-30T09:00:00+02:00', week: 1 });
  assert.equal(at(berlin, '2026-03-30T06:59:59Z').primary, 'Anna', '08:59:59 CEST');
  assert.equal(at(berlin, '2026-03-30T07:00:00Z').primary, 'Carla', '09:00 CEST is 07:00 UTC');
  // Clocks go back on Sunday 25 October 2026: the handover after it is at 08:00 UTC again.
  const october = at(berlin, '2026-10-26T07:30:00Z');
  assert.equal(october.until, '2026-10-26T09:00:00+01:00');
  assert.equal(october.since, '2026-10-19T09:00:00+02:00');
  assert.notEqual(at(berlin, '2026-10-26T08:00:00Z').primary, october.primary, 'the handover at 09:00 CET');
});

test('America/New_York across both changes: 09:00 EST and EDT', () => {
  const ny = `oncall:
  timeZone: America/New_York
  handover: Mon 09:00
  start: 2026-03-02
  weeks:
    - { primary: Maria Lopez }
    - { primary: Sam Okafor }
`;
  // 8 March 2026: EST → EDT.
  const march = at(ny, '2026-03-09T12:00:00Z');
  assert.deepEqual([march.primary, march.since, march.until], ['Maria Lopez', '2026-03-02T09:00:00-05:00', '2026-03-09T09:00:00-04:00'], '08:00 EDT: still Maria');
  assert.equal(at(ny, '2026-03-09T13:00:00Z').primary, 'Sam Okafor', '09:00 EDT');
  // 1 November 2026: EDT → EST. 2 November is the 35th week-day after 2 March: week 36, Sam's.
  const november = at(ny, '2026-11-02T13:30:00Z');
  assert.deepEqual([november.since, november.until], ['2026-10-26T09:00:00-04:00', '2026-11-02T09:00:00-05:00'], '08:30 EST is before the handover');
  assert.equal(at(ny, '2026-11-02T14:00:00Z').since, '2026-11-02T09:00:00-05:00');
});

test('an override wins over the rotation, and one that crosses a handover bounds since/until at the right edges', () => {
  const yaml = `${RIYADH}  overrides:
    - { from: 2026-01-11T18:00, to: 2026-01-13T09:00, primary: Jane Smith }
`;
  // Before: John and Jane; the override starts Sunday 18:00 local.
  assert.deepEqual(at(yaml, '2026-01-11T10:00:00Z'), { primary: 'John Doe', backup: 'Jane Smith', since: '2026-01-05T09:00:00+03:00', until: '2026-01-11T18:00:00+03:00', week: 1 });
  assert.deepEqual(at(yaml, '2026-01-11T17:00:00Z'), { primary: 'Jane Smith', backup: 'Jane Smith', since: '2026-01-11T18:00:00+03:00', until: '2026-01-12T09:00:00+03:00', week: 1 });
  // After the handover the backup is week 2's; the override still names the primary.
  assert.deepEqual(at(yaml, '2026-01-12T07:00:00Z'), { primary: 'Jane Smith', backup: 'Sarah Johnson', since: '2026-01-12T09:00:00+03:00', until: '2026-01-13T09:00:00+03:00', week: 2 });
  assert.deepEqual(at(yaml, '2026-01-13T06:00:00Z'), { primary: 'Ahmed Al-Rashid', backup: 'Sarah Johnson', since: '2026-01-13T09:00:00+03:00', until: '2026-01-19T09:00:00+03:00', week: 2 });
  // An override naming both roles across the whole handover: nothing changes at 09:00 Monday.
  const both = `${RIYADH}  overrides:
    - { from: 2026-01-10, to: 2026-01-14, primary: Lina Haddad, backup: Omar Farouk }
`;
  assert.deepEqual(at(both, '2026-01-12T12:00:00Z'), { primary: 'Lina Haddad', backup: 'Omar Farouk', since: '2026-01-10T00:00:00+03:00', until: '2026-01-14T00:00:00+03:00', week: 2 });
  // An override with an explicit offset is read as written.
  const offset = `${RIYADH}  overrides:
    - { from: "2026-01-07T00:00:00Z", to: "2026-01-08T00:00:00Z", backup: Omar Farouk }
`;
  assert.deepEqual(at(offset, '2026-01-07T12:00:00Z').since, '2026-01-07T03:00:00+03:00');
  const rotation = rotationOf(yaml);
  assert.equal(nextOnCall(rotation, new Date('2026-01-11T10:00:00Z')).primary, 'Jane Smith', 'who takes over next');
});

test('edges where the same two people stay on call are passed over', () => {
  const same = `${RIYADH}  overrides:
    - { from: 2026-01-07T00:00, to: 2026-01-08T00:00, primary: John Doe }
`;
  const r = at(same, '2026-01-07T12:00:00Z');
  assert.deepEqual([r.primary, r.since, r.until], ['John Doe', '2026-01-05T09:00:00+03:00', '2026-01-12T09:00:00+03:00'], 'an override naming the week\'s own primary changes nothing');
  const solo = RIYADH.replace('    - { primary: Ahmed Al-Rashid, backup: Sarah Johnson }\n', '');
  const s1 = at(solo, '2026-03-04T12:00:00Z');
  assert.deepEqual([s1.primary, s1.week, s1.since, s1.until], ['John Doe', 1, '2026-03-02T09:00:00+03:00', '2026-03-09T09:00:00+03:00'], 'a one-week rotation: bounded by the surrounding handovers');
});

test('a time before the rotation starts: a clear message naming the start', () => {
  const rotation = rotationOf(RIYADH);
  assert.throws(() => onCallAt(rotation, new Date('2026-01-05T05:59:00Z')), (e: unknown) => {
    assert.ok(e instanceof RotationError);
    assert.equal(e.message, 'The rotation starts at 2026-01-05T09:00:00+03:00 (start: 2026-01-05); 2026-01-05T08:59:00+03:00 is before it.');
    return true;
  });
});

test('the rotation zone falls back to the playbook timeZone', () => {
  const rotation = rotationOf(`timeZone: Europe/Berlin\n${RIYADH.replace('  timeZone: Asia/Riyadh\n', '').replace('2026-01-05', '2026-03-23')}`);
  assert.equal(rotation.timeZone, 'Europe/Berlin');
});

test('on-call errors name the line', () => {
  const cases: Array<[string, number, RegExp]> = [
    [RIYADH.replace('Monday 09:00', 'Moonday 9'), 3, /oncall\.handover: is not a weekday and local time \(e\.g\. Monday 09:00\)/],
    [RIYADH.replace('2026-01-05', '2026-01-06'), 4, /oncall\.start: 2026-01-06 is a Tuesday; week 1 begins at a handover, on a Monday/],
    [RIYADH.replace('2026-01-05', '2026-02-30'), 4, /oncall\.start: "2026-02-30" is not a real date/],
    [RIYADH.replace('Asia/Riyadh', 'Asia/Atlantis'), 2, /oncall\.timeZone: "Asia\/Atlantis" is not an IANA time zone/],
    [RIYADH.replace('    - { primary: John Doe, backup: Jane Smith }\n', '    - { backup: Jane Smith }\n'), 6, /oncall\.weeks\.0\.primary: Required/],
    [RIYADH + '  shifts: 2\n', 8, /unknown setting "shifts"/],
    [RIYADH + '  overrides:\n    - { from: 2026-02-04T09:00, to: 2026-02-02T09:00, primary: Jane Smith }\n', 9, /oncall\.overrides\.0: "to" must come after "from"/],
    [RIYADH + '  overrides:\n    - { from: soon, to: 2026-02-02T09:00, primary: Jane Smith }\n', 9, /oncall\.overrides\.0\.from: "soon" is not a date-time/],
    ['people:\n  John Doe:\n    phone: +966501234567\n', 3, /people\.John Doe\.phone: write 966501234567 in quotes/],
    ['people:\n  John Doe: { pager: "123" }\n', 2, /unknown setting "pager"/],
    ['escalation:\n  - { name: CEO, contact: "+966-50-000-0000" }\n  - { name: CTO }\n', 3, /escalation\.1\.contact: is missing \(a phone number, an email address or an https URL\)/],
    ['links:\n  monitoring: https://grafana.example.com\n  secrets: ../../etc/passwd\n', 3, /links\.secrets: "\.\.\/\.\.\/etc\/passwd" leaves the repository/],
    ['links:\n  evil: "javascript:alert(1)"\n', 2, /links\.evil: "javascript:alert\(1\)" is not an http\(s\) URL/],
    ['links:\n  root: /etc/hosts\n', 2, /must be a file inside the repository/],
    ['drills:\n  - title: Payments down\n    severity: SEV-9\n', 3, /drills\.0\.severity: .*SEV-9/],
    ['drills:\n  - title: Payments down\n    severity: SEV-2\n    runbook: nothing-here\n', 4, /drills\.0\.runbook: no runbook "nothing-here" in the playbook \(there are: none\)/],
    ['drills:\n  - { title: Payments down, severity: SEV-2 }\n  - { title: Payments down!, severity: SEV-3 }\n', 3, /drills\.1: the id "payments-down" is used twice/],
    ['logContacts: sometimes\n', 1, /logContacts: Expected boolean/],
  ];
  for (const [yaml, line, message] of cases) {
    const e = policyErrorOf(yaml);
    assert.match(e.message, message, yaml);
    assert.equal(e.line, line, `${e.message}\n${yaml}`);
  }
});

test('the directory reads as written: people, roles, escalation, links, drills, logContacts', () => {
  const policy = loadPolicy(`${RIYADH}people:
  John Doe: { phone: "+966-50-111-2222", handle: "@john" }
  Jane Smith: { email: jane@example.com }
roles:
  commander: { primary: System Administrator, backup: DevOps Engineer }
escalation:
  - { name: CEO, contact: "+966-5X-XXX-XXXX" }
  - { name: External Support, contact: support@vendor.example }
links:
  monitoring: https://grafana.example.com/d/checkout
  deploys: ./docs/deployment.md
runbooks:
  db-failover:
    title: Database failover
    steps:
      - { title: Promote the replica, notes: by hand }
drills:
  - title: Quarterly drill — database failover
    severity: sev2
    runbook: db-failover
  - id: comms
    title: Status page drill
    severity: SEV-3
    checklist: [Post a test update, Take it down]
logContacts: false
`);
  const team = teamOf(policy);
  assert.deepEqual(team.people['John Doe'], { phone: '+966-50-111-2222', handle: '@john' });
  assert.deepEqual(team.roles.commander, { primary: 'System Administrator', backup: 'DevOps Engineer' });
  assert.deepEqual(team.escalation.map((e) => e.name), ['CEO', 'External Support']);
  assert.deepEqual(team.links, [{ name: 'monitoring', target: 'https://grafana.example.com/d/checkout' }, { name: 'deploys', target: './docs/deployment.md' }]);
  assert.deepEqual(linkTarget(team.links[1].target), { file: 'docs/deployment.md' });
  assert.deepEqual(team.drills.map((d) => [d.id, d.severity, d.runbook ?? null]), [['quarterly-drill-database-failover', 'SEV-2', 'db-failover'], ['comms', 'SEV-3', null]]);
  assert.deepEqual(team.drills[1].phases?.[0].items.map((i) => i.text), ['Post a test update', 'Take it down']);
  assert.equal(team.logContacts, false);
  assert.equal(proposedCommander(team, new Date('2026-01-06T00:00:00Z')), 'John Doe', 'the primary on call');
  assert.equal(proposedCommander(team, new Date('2025-12-01T00:00:00Z')), 'System Administrator', 'before the rotation: the role');
  const none = teamOf(loadPolicy('preset: sev\n'));
  assert.deepEqual([none.rotation, none.escalation, none.logContacts], [undefined, [], true], 'no sections: an empty directory that logs contacts');
});

test('contacts: what opens as tel:, mailto: or https:, and what is only copied', () => {
  assert.equal(contactUri('+966 50 123-4567'), 'tel:+966501234567');
  assert.equal(contactUri('(555) 010-9999'), 'tel:5550109999');
  assert.equal(contactUri('support@vendor.example'), 'mailto:support@vendor.example');
  assert.equal(contactUri('https://support.vendor.example/ticket'), 'https://support.vendor.example/ticket');
  for (const text of ['+966-5X-XXX-XXXX', 'http://insecure.example', 'javascript:alert(1)', 'file:///etc/passwd', '@john', 'tel:+1555', 'a@b', '12', 'x'.repeat(300)]) {
    assert.equal(contactKind(text), 'text', text);
    assert.equal(contactUri(text), undefined, text);
  }
  assert.equal(escalationEntry({ name: 'CTO', contact: '+966-50-222-3333' }, true), 'Escalated to CTO (+966-50-222-3333)');
  assert.equal(escalationEntry({ name: 'CTO', contact: '+966-50-222-3333' }, false), 'Escalated to CTO');
});

test('a drill is an incident with Drill: yes', () => {
  const index = indexLog('# Log\n\n## INC-1: Drill\n- **Severity:** SEV-2\n- **Drill:** yes\n\n## INC-2: Real\n- **Severity:** SEV-2\n- Drill: no\n');
  assert.deepEqual(index.incidents.map(isDrill), [true, false]);
});
