import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultPolicy, indexLog, priorityPolicy } from '../../src/core';
import { composeExecutiveSummary, renderExecutiveSummary } from '../../src/core/comms/execSummary';

const log = `# Incident Log

## INC-2026-1120-001: Order matching halted
- **Severity:** P1
- **Status:** Resolved
- **Started:** 2026-11-20 09:52 UTC
- **Detected:** 2026-11-20 10:00 UTC
- **Resolved:** 2026-11-20 11:25 UTC
- **Incident Commander:** Dana Reyes

### Timeline
- 2026-11-20 10:00 UTC — Incident declared (P1) (@dana)
- 2026-11-20 10:03 UTC — Incident Commander: Dana Reyes (@dana)
- 2026-11-20 10:10 UTC — Matching engine leader stuck on a full disk (@sam)
- 2026-11-20 10:15 UTC — Status update (internal): [P1] matching halted (@dana)
- 2026-11-20 10:20 UTC — Status: Investigating → Mitigating (@dana)
- 2026-11-20 10:31 UTC — Failed over to the standby matching engine (@sam)
- 2026-11-20 10:40 UTC — Checklist: Notify stakeholders — done (@dana)
- 2026-11-20 11:25 UTC — Incident resolved (@dana)

### Action items
- [ ] Log rotation on the matching hosts (@sam)
`;

const review = `---
incident: INC-2026-1120-001
status: draft
---

# Post-incident review

## Incident summary
- **Date:** 2026-11-20
- **Impact:** <!-- customers affected -->

## Root cause
<!-- the technical cause -->
The leader's log volume filled up; the engine stops matching
rather than risk losing orders.

## Action items
| Action | Owner | Due date | Status |
|---|---|---|---|
| Rotate matching logs hourly | @sam | 2026-11-24 | Done |
| Alert at 80% disk on matching hosts | Lee Park | 2026-11-27 | Open |
`;

const NOW = new Date('2026-11-21T09:00:00Z');

test('the executive summary takes what it can from the incident and its review', () => {
  const policy = priorityPolicy();
  const inc = indexLog(log, { policy }).incidents[0];
  const s = composeExecutiveSummary(inc, policy, review, NOW);
  assert.equal(s.subject, 'Subject: [P1] Incident Summary - Order matching halted');
  assert.equal(s.incident, 'INC-2026-1120-001 — Order matching halted (P1)');
  assert.equal(s.startTime, '2026-11-20 09:52 UTC (impact began)');
  assert.equal(s.resolutionTime, '2026-11-20 11:25 UTC');
  // 09:52 → 11:25.
  assert.equal(s.duration, '1 h 33 min');
  // The review's Impact line is still a prompt, and the log has no Impact field.
  assert.equal(s.impact, 'Not recorded yet (add an Impact field or fill the review’s summary).');
  assert.equal(s.rootCause, 'The leader\'s log volume filled up; the engine stops matching rather than risk losing orders.');
  // Bookkeeping (declaration, roles, status changes, updates, checklist, resolution) is left out.
  assert.deepEqual(s.actionsTaken, ['2026-11-20 10:10 UTC Matching engine leader stuck on a full disk (@sam)', '2026-11-20 10:31 UTC Failed over to the standby matching engine (@sam)']);
  // The review's table wins over the log's action items.
  assert.deepEqual(s.prevention, ['Rotate matching logs hourly (owner: sam, due 2026-11-24) [done]', 'Alert at 80% disk on matching hosts (owner: Lee Park, due 2026-11-27)']);
  // P1 reviews are due 48 h after resolution.
  assert.deepEqual(s.nextSteps, ['Post-incident review: due 2026-11-22 11:25 UTC (in draft)', 'Action items tracked: 2 (1 open)']);
  assert.equal(
    s.finalUpdate,
    [
      'Resolved: Order matching halted',
      'The incident is resolved as of 2026-11-20 11:25 UTC. Impact lasted 1 h 33 min.',
      'Fix: Failed over to the standby matching engine.',
      "Cause: The leader's log volume filled up; the engine stops matching rather than risk losing orders.",
      'Next steps: Post-incident review: due 2026-11-22 11:25 UTC (in draft); Action items tracked: 2 (1 open).',
    ].join('\n'),
  );
});

test('without a review: the log’s Impact field and action items, and plain words for what is not known', () => {
  const policy = priorityPolicy();
  const withImpact = log.replace('- **Incident Commander:** Dana Reyes', '- **Incident Commander:** Dana Reyes\n- **Impact:** No orders matched for 85 minutes');
  const inc = indexLog(withImpact, { policy }).incidents[0];
  const s = composeExecutiveSummary(inc, policy, undefined, NOW);
  assert.equal(s.impact, 'No orders matched for 85 minutes');
  assert.equal(s.rootCause, 'Not established yet (the post-incident review will).');
  assert.deepEqual(s.prevention, ['Log rotation on the matching hosts (owner: sam)']);
  assert.deepEqual(s.nextSteps, ['Post-incident review: due 2026-11-22 11:25 UTC (not drafted yet)', 'Action items tracked: 1 (1 open)']);
});

test('an active incident: ongoing duration, no resolution time, an update rather than a final one', () => {
  const policy = defaultPolicy();
  const active = `## INC-2026-1121-001: Search down
- **Severity:** SEV-2
- **Status:** Investigating
- **Detected:** 2026-11-21 08:00 UTC
`;
  const s = composeExecutiveSummary(indexLog(active, { policy }).incidents[0], policy, undefined, NOW);
  assert.equal(s.subject, 'Subject: [SEV-2] Incident Summary - Search down');
  assert.equal(s.startTime, '2026-11-21 08:00 UTC (detected)');
  assert.equal(s.resolutionTime, 'Not resolved yet');
  assert.equal(s.duration, 'ongoing (1 h 00 min so far)');
  assert.deepEqual(s.actionsTaken, ['None recorded in the timeline.']);
  assert.deepEqual(s.prevention, ['To be agreed in the post-incident review.']);
  assert.match(s.finalUpdate, /^Update: Search down\nThe incident is not resolved yet \(status: Investigating\)\./);
  assert.equal(s.nextSteps[0], 'Post-incident review: due once the incident is resolved (not drafted yet)');
});

test('rendered as text, markdown and Slack', () => {
  const policy = priorityPolicy();
  const s = composeExecutiveSummary(indexLog(log, { policy }).incidents[0], policy, review, NOW);
  const text = renderExecutiveSummary(s, 'text');
  assert.ok(text.startsWith('Subject: [P1] Incident Summary - Order matching halted\n\nIncident: INC-2026-1120-001 — Order matching halted (P1)\n\nStart time: 2026-11-20 09:52 UTC (impact began)\n'), text);
  assert.match(text, /\nActions taken:\n- 2026-11-20 10:10 UTC Matching engine/);
  assert.match(text, /\nFinal update:\n\nResolved: Order matching halted\n/);
  const md = renderExecutiveSummary(s, 'markdown');
  assert.match(md, /\n\*\*Root cause:\*\* The leader's log volume/);
  const slack = renderExecutiveSummary(s, 'slack');
  assert.match(slack, /\n\*Prevention:\*\n {4}• Rotate matching logs hourly/);
});

test('the summary alone, without the final update (the panel shows them apart)', () => {
  const policy = priorityPolicy();
  const s = composeExecutiveSummary(indexLog(log, { policy }).incidents[0], policy, review, NOW);
  const alone = renderExecutiveSummary(s, 'markdown', { finalUpdate: false });
  assert.ok(alone.endsWith('- Action items tracked: 2 (1 open)\n'), alone.slice(-80));
  assert.ok(!alone.includes('Final update'));
});

test('a resolution that cannot be (in 9999, before detection) gives an unknown duration with its reason, never a figure', () => {
  const policy = priorityPolicy();
  const future = indexLog(log.replace(/(\*\*Resolved:\*\* )[^\n]+/, '$19999-12-31T23:59:00Z'), { policy }).incidents[0];
  assert.match(composeExecutiveSummary(future, policy, undefined, NOW).duration, /^Unknown \(Resolved 9999-12-31T23:59:00Z is more than a day in the future\)$/);
  const early = indexLog(log.replace(/(\*\*Resolved:\*\* )[^\n]+/, '$12026-11-01T00:00:00Z'), { policy }).incidents[0];
  assert.match(composeExecutiveSummary(early, policy, undefined, NOW).duration, /^Unknown \(Resolved 2026-11-01T00:00:00Z is before Detected /);
});

test("the final update's Fix is never a health check's or runbook step's output", () => {
  const policy = priorityPolicy();
  const withCheck = log.replace(/(### Timeline\n(?:- [^\n]*\n)*)/, '$1- 2026-11-20 11:20 UTC — Health check matcher: PASS (exit 0, 285 ms) — output: matcher-01.internal OK\n');
  const inc = indexLog(withCheck, { policy }).incidents[0];
  assert.ok(inc.timeline.some((e) => e.text.startsWith('Health check matcher')), 'the fixture has the check entry');
  const s = composeExecutiveSummary(inc, policy, undefined, NOW);
  assert.doesNotMatch(s.finalUpdate, /Health check|matcher-01\.internal/);
});
