import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applySplices, appendTimelineEntry, defaultPolicy, dueReminders, indexLog, lastUpdateAt, nextUpdateDue, priorityPolicy } from '../../src/core';
import { healthCheckEntry, healthSummaryEntry } from '../../src/core/health/healthChecks';
import { type UpdateFormat, composeStatusUpdate, isCommandResult, lastStatusPageUpdateAt, nextStatusPageUpdateDue, renderStatusUpdate, statusPagePostText, statusUpdateAudience, statusUpdateEntryText, warRoomChannel } from '../../src/core/comms/statusUpdate';

const log = `# Incident Log

## INC-2026-1120-002: Checkout errors after deploy
- **Severity:** SEV-1
- **Status:** Mitigating
- **Detected:** 2026-11-20 14:30 UTC
- **Incident Commander:** Dana Reyes
- **Impact:** 12% of checkouts fail with a 502; card payments only
- **ETA:** 15:30 UTC if the rollback holds

### Timeline
- 2026-11-20 14:30 UTC — Incident declared (SEV-1) (@dana)
- 2026-11-20 14:40 UTC — Error rate traced to the 14:12 deploy of checkout-api (@sam)
- 2026-11-20 14:45 UTC — Status: Investigating → Mitigating (@dana)
- 2026-11-20 14:50 UTC — Status update reminder snoozed for 10 min (@dana)
- 2026-11-20 14:52 UTC — Rolling back checkout-api to v41 (@sam)

## INC-2026-1120-001: Search slow
- **Severity:** SEV-2
- **Status:** Investigating
- **Detected:** 2026-11-20 09:00 UTC

### Timeline
- 2026-11-20 09:10 UTC — p99 latency <2 s & rising (@lee)
`;

const NOW = new Date('2026-11-20T15:00:00Z');

test('the internal update is prefilled with the template’s fields', () => {
  const policy = defaultPolicy();
  const inc = indexLog(log, { policy }).incidents[0];
  const d = composeStatusUpdate(inc, policy, NOW);
  assert.equal(d.incidentId, 'INC-2026-1120-002');
  assert.equal(d.status, 'Mitigating');
  assert.equal(d.impact, '12% of checkouts fail with a 502; card payments only');
  // The newest three things done: the declaration, the status change (the Status line says it) and the snooze are bookkeeping.
  assert.deepEqual(d.actions.map((a) => a.text), ['Error rate traced to the 14:12 deploy of checkout-api', 'Rolling back checkout-api to v41']);
  assert.equal(d.eta, '15:30 UTC if the rollback holds');
  // SEV-1: every 30 min internally, every 60 min on the status page.
  assert.equal(d.nextUpdate?.toISOString(), '2026-11-20T15:30:00.000Z');
  assert.equal(composeStatusUpdate(inc, policy, NOW, 'statuspage').nextUpdate?.toISOString(), '2026-11-20T16:00:00.000Z');
  // The P1..P4 preset: a P1 every 15 min for both.
  const p = priorityPolicy();
  const p1 = indexLog(log.replace('SEV-1', 'P1'), { policy: p }).incidents[0];
  assert.equal(composeStatusUpdate(p1, p, NOW, 'statuspage').nextUpdate?.toISOString(), '2026-11-20T15:15:00.000Z');
  assert.equal(d.warRoom, '#incident-2026-11-20-14-30');
});

test('impact falls back to the newest entry; an Impact field naming a severity is a severity', () => {
  const policy = defaultPolicy();
  const inc = indexLog(log, { policy }).incidents[1];
  assert.equal(composeStatusUpdate(inc, policy, NOW).impact, 'p99 latency <2 s & rising');
  const sevImpact = indexLog(log.replace('- **Severity:** SEV-2\n', '- **Impact:** high\n'), { policy }).incidents[1];
  assert.equal(sevImpact.severity, 'SEV-2');
  assert.equal(composeStatusUpdate(sevImpact, policy, NOW).impact, 'p99 latency <2 s & rising');
  // The newest entry that records something done: not a status change, a declaration or an update sent.
  const bookkeeping = indexLog(log.replace('- 2026-11-20 09:10 UTC — p99 latency <2 s & rising (@lee)\n', '- 2026-11-20 09:10 UTC — p99 latency <2 s & rising (@lee)\n- 2026-11-20 09:12 UTC — Incident declared (SEV-2) (@lee)\n- 2026-11-20 09:15 UTC — Status: Investigating → Identified (@lee)\n- 2026-11-20 09:20 UTC — Status page: "Search is slow" posted (@lee)\n'), { policy }).incidents[1];
  assert.equal(bookkeeping.timeline.length, 4);
  // The status page post says what customers were told: that is the impact, before any entry.
  assert.equal(composeStatusUpdate(bookkeeping, policy, NOW).impact, 'Search is slow');
  assert.deepEqual(composeStatusUpdate(bookkeeping, policy, NOW).impactSource, { kind: 'status page post', at: '2026-11-20T09:20:00Z' });
  assert.deepEqual(composeStatusUpdate(bookkeeping, policy, NOW).actions.map((a) => a.text), ['p99 latency <2 s & rising']);
  const noPost = indexLog(log.replace('- 2026-11-20 09:10 UTC — p99 latency <2 s & rising (@lee)\n', '- 2026-11-20 09:10 UTC — p99 latency <2 s & rising (@lee)\n- 2026-11-20 09:12 UTC — Incident declared (SEV-2) (@lee)\n- 2026-11-20 09:15 UTC — Status: Investigating → Identified (@lee)\n'), { policy }).incidents[1];
  assert.equal(composeStatusUpdate(noPost, policy, NOW).impact, 'p99 latency <2 s & rising');
  // No entries and no Impact: said plainly.
  const bare = indexLog('## INC-2026-1120-003: Bare\n- **Severity:** SEV-3\n- **Status:** Investigating\n', { policy }).incidents[0];
  const d = composeStatusUpdate(bare, policy, NOW);
  assert.equal(d.impact, 'Not known yet.');
  assert.deepEqual(d.impactSource, { kind: 'none' });
  assert.match(renderStatusUpdate(d, 'text'), /\nImpact: Not known yet\. \(no Impact field or status page post yet\)\n/);
  assert.equal(composeStatusUpdate(bare, policy, NOW, 'statuspage').impact, 'We are investigating the impact and will share details as soon as we know more.');
  assert.equal(d.nextUpdate, null, 'SEV-3 has no update cadence');
  assert.equal(d.warRoom, null, 'no detection time, no channel name');
});

test('markdown, Slack mrkdwn and plain text', () => {
  const policy = defaultPolicy();
  const inc = indexLog(log, { policy }).incidents[0];
  const d = composeStatusUpdate(inc, policy, NOW);
  assert.equal(
    renderStatusUpdate(d, 'markdown'),
    `**[SEV-1] INC-2026-1120-002 Checkout errors after deploy: Mitigating**

- **Incident ID:** INC-2026-1120-002
- **Status:** Mitigating (SEV-1)
- **Impact:** 12% of checkouts fail with a 502; card payments only (from the Impact field)
- **Actions:**
  - 14:40 UTC Error rate traced to the 14:12 deploy of checkout-api (@sam)
  - 14:52 UTC Rolling back checkout-api to v41 (@sam)
- **ETA:** 15:30 UTC if the rollback holds
- **Next Update:** 2026-11-20 15:30 UTC
- **War room:** #incident-2026-11-20-14-30
`,
  );
  const slack = renderStatusUpdate(d, 'slack');
  assert.ok(slack.startsWith('*[SEV-1] INC-2026-1120-002 Checkout errors after deploy: Mitigating*\n*Incident ID:* INC-2026-1120-002\n'), slack);
  assert.match(slack, /\n\*Actions:\*\n {4}• 14:40 UTC Error rate/);
  const text = renderStatusUpdate(d, 'text');
  assert.match(text, /^\[SEV-1\] INC-2026-1120-002 Checkout errors after deploy: Mitigating\n\nIncident ID: INC-2026-1120-002\nStatus: Mitigating \(SEV-1\)\n/);
  assert.doesNotMatch(text, /\*\*/);
  // Slack's three special characters are escaped; the others stay as written.
  const search = composeStatusUpdate(indexLog(log, { policy }).incidents[1], policy, NOW);
  assert.match(renderStatusUpdate(search, 'slack'), /\*Impact:\* p99 latency &lt;2 s &amp; rising \(from the newest entry, 09:10 UTC; no Impact field yet\)\n/);
  assert.match(renderStatusUpdate(search, 'markdown'), /\*\*Impact:\*\* p99 latency <2 s & rising \(from the newest entry, 09:10 UTC; no Impact field yet\)\n/);
});

test('the status page version speaks to customers: no ids, owners or internal actions', () => {
  const policy = defaultPolicy();
  const inc = indexLog(log, { policy }).incidents[0];
  const page = renderStatusUpdate(composeStatusUpdate(inc, policy, NOW, 'statuspage'), 'text');
  assert.equal(
    page,
    `Mitigating: Checkout errors after deploy

Status: Mitigating: a fix is being applied.
Impact: 12% of checkouts fail with a 502; card payments only
ETA: 15:30 UTC if the rollback holds
Next update: 2026-11-20 16:00 UTC
`,
  );
  const resolved = indexLog(log.replace('- **Status:** Mitigating', '- **Status:** Resolved'), { policy }).incidents[0];
  const final = renderStatusUpdate(composeStatusUpdate(resolved, policy, NOW, 'statuspage'), 'markdown');
  assert.match(final, /^\*\*Resolved: Checkout errors after deploy\*\*/);
  assert.match(final, /- \*\*Next update:\*\* None: this is the final update\./);
});

test('health-check and runbook step entries never become Impact for customers; the team’s draft names its Impact’s source', () => {
  const policy = defaultPolicy();
  // The entries exactly as the tool writes them (healthChecks.ts), output captured.
  const check = healthCheckEntry({ name: 'checkout-api', status: 'pass', exitCode: 0, durationMs: 285, output: 'checkout-api: OK (error rate 0.004, p95 310 ms)\n', capture: true });
  assert.equal(check, 'Health check checkout-api: PASS (exit 0, 285 ms) — output: checkout-api: OK (error rate 0.004, p95 310 ms)');
  const failed = healthCheckEntry({ name: 'payment-webhooks', status: 'fail', exitCode: 1, durationMs: 1200, output: 'payment-webhooks: UNHEALTHY (queue 48k on db-7.internal)\n', capture: true });
  const step = healthCheckEntry({ name: 'payment-webhooks #4 Scale the webhook dispatcher', status: 'pass', exitCode: 0, durationMs: 90, output: 'Scaling webhook-dispatcher to 6 replicas\n', capture: true, kind: 'Runbook step' });
  const summary = healthSummaryEntry([
    { name: 'checkout-api', status: 'pass', exitCode: 0, durationMs: 285, output: '' },
    { name: 'payment-webhooks', status: 'fail', exitCode: 1, durationMs: 1200, output: '' },
  ]);
  for (const e of [check, failed, step, summary]) assert.ok(isCommandResult(e), e);
  assert.ok(!isCommandResult('Checkout errors for EU customers'));
  const leaks = ['Health check', 'Runbook step', 'output:', 'checkout-api', 'payment-webhooks', 'db-7', 'webhook-dispatcher', 'exit 0', 'INC-2026-1205-001', '@'];
  const at = (hhmm: string, text: string, who = 'sam') => `- 2026-12-05 ${hhmm} UTC — ${text} (@${who})\n`;
  const incident = (fields: string, entries: string) =>
    indexLog(`## INC-2026-1205-001: Orders delayed\n- **Severity:** SEV-2\n${fields}- **Detected:** 2026-12-05 13:00 UTC\n\n### Timeline\n${at('13:00', 'Incident declared (SEV-2)', 'dana')}${entries}`, { policy }).incidents[0];
  const customers = (inc: ReturnType<typeof incident>) => {
    const d = composeStatusUpdate(inc, policy, NOW, 'statuspage');
    for (const format of ['markdown', 'slack', 'text'] as UpdateFormat[]) {
      const text = renderStatusUpdate(d, format);
      for (const leak of leaks) assert.ok(!text.includes(leak), `the customers' ${format} draft holds "${leak}":\n${text}`);
    }
    return d;
  };
  const teamImpact = (inc: ReturnType<typeof incident>) => /^Impact: (.*)$/m.exec(renderStatusUpdate(composeStatusUpdate(inc, policy, NOW), 'text'))?.[1];
  const checks = at('13:10', step) + at('13:20', failed) + at('13:25', check) + at('13:25', summary);

  // Only command results after the declaration: nothing public to say, said from the status.
  for (const [status, words] of [
    ['Investigating', 'We are investigating the impact and will share details as soon as we know more.'],
    ['Identified', 'We are confirming the impact and will share details in the next update.'],
    ['Mitigating', 'We are confirming the impact and will share details in the next update.'],
    ['Monitoring', 'We are confirming that service has recovered and will share details in the next update.'],
    ['Resolved', 'No ongoing impact: service is operating normally.'],
  ]) {
    const inc = incident(`- **Status:** ${status}\n`, checks);
    const d = customers(inc);
    assert.equal(d.impact, words, status);
    assert.deepEqual(d.impactSource, { kind: 'none' });
    // The team's draft lists the checks among the actions, but its Impact is not one of them.
    assert.equal(teamImpact(inc), 'Not known yet. (no Impact field or status page post yet)', status);
    assert.ok(composeStatusUpdate(inc, policy, NOW).actions.some((a) => a.text === check), 'the check is among the actions');
  }

  // A finding the team wrote, then checks: the team's Impact is the finding, named as an entry; not the customers'.
  const finding = incident('- **Status:** Identified\n', at('13:05', 'Order confirmations up to 20 min late; payments fine') + checks);
  assert.equal(teamImpact(finding), 'Order confirmations up to 20 min late; payments fine (from the newest entry, 13:05 UTC; no Impact field yet)');
  assert.equal(customers(finding).impact, 'We are confirming the impact and will share details in the next update.');

  // A status page post on the timeline, then checks: both drafts say what customers were told.
  const posted = incident('- **Status:** Identified\n', at('13:15', 'Status page: "Order confirmations delayed" posted', 'lee') + checks);
  assert.equal(customers(posted).impact, 'Order confirmations delayed');
  assert.equal(teamImpact(posted), 'Order confirmations delayed (from the status page post at 13:15 UTC)');

  // The Impact field wins, named as written; one naming a severity is a severity, and the next one is read.
  const field = incident('- **Status:** Identified\n- **Impact:** high\n- **Customer impact:** Order emails late for about 8% of orders\n', at('13:15', 'Status page: "Order confirmations delayed" posted', 'lee') + checks);
  assert.equal(customers(field).impact, 'Order emails late for about 8% of orders');
  assert.equal(teamImpact(field), 'Order emails late for about 8% of orders (from the Customer impact field)');
});

test('what a status page post on the timeline told customers', () => {
  assert.equal(statusPagePostText('Status page: "Order confirmations delayed" posted'), 'Order confirmations delayed');
  assert.equal(statusPagePostText('**Status page:** “Most checkouts succeed again” posted'), 'Most checkouts succeed again');
  assert.equal(statusPagePostText('Status page: Checkout is slow for some customers'), 'Checkout is slow for some customers');
  assert.equal(statusPagePostText('Posted to the status page: degraded checkout'), 'degraded checkout');
  // Posts that do not say what they said, an update's headline, and other entries: nothing.
  for (const e of ['Status page updated — monitoring', 'Statuspage notice posted', 'Updated the status page', 'Status update (status page): Identified: Orders delayed', 'Health check status-page: PASS (exit 0, 20 ms)', 'Customers report the status page is slow', 'Status page: ""'])
    assert.equal(statusPagePostText(e), null, e);
});

test('the war-room channel is named from the detection time in the playbook’s zone', () => {
  const inc = (policy: ReturnType<typeof defaultPolicy>) => indexLog(log, { policy }).incidents[0];
  const ny = { ...defaultPolicy(), timeZone: 'America/New_York' };
  assert.equal(warRoomChannel(inc(ny), ny), '#incident-2026-11-20-09-30');
  const tokyo = { ...defaultPolicy(), timeZone: 'Asia/Tokyo' };
  assert.equal(warRoomChannel(inc(tokyo), tokyo), '#incident-2026-11-20-23-30');
  // Summer time in London: 14:30 UTC is 15:30 local.
  const london = { ...defaultPolicy(), timeZone: 'Europe/London' };
  const summer = indexLog(log.replace('2026-11-20 14:30 UTC', '2026-07-01 14:30 UTC'), { policy: london }).incidents[0];
  assert.equal(warRoomChannel(summer, london), '#incident-2026-07-01-15-30');
});

test('"Mark as sent" logs the first line; each audience’s countdown restarts from its own entry', () => {
  const policy = defaultPolicy();
  let index = indexLog(log, { policy });
  const inc = index.incidents[0];
  const text = renderStatusUpdate(composeStatusUpdate(inc, policy, NOW, 'statuspage'), 'markdown');
  const entry = statusUpdateEntryText('statuspage', text);
  assert.equal(entry, 'Status update (status page): Mitigating: Checkout errors after deploy');
  assert.equal(statusUpdateAudience(entry), 'statuspage');
  assert.equal(statusUpdateEntryText('internal', '\n  # Heading first\nrest'), 'Status update (internal): Heading first');
  assert.equal(statusUpdateAudience('Status update (internal): x'), 'internal');
  assert.equal(statusUpdateAudience('Status update posted'), null);
  // Status-page posts written by hand count as status-page updates.
  for (const e of ['Status page: "Order confirmations delayed" posted', '**Status page updated** — monitoring', 'Statuspage notice posted', 'status page update: investigating', 'Posted to the status page: degraded checkout', 'Published on status page', 'Updated the status page', 'Status page — identified'])
    assert.equal(statusUpdateAudience(e), 'statuspage', e);
  for (const e of ['Status page down too (statuspage.io outage)', 'Status: Investigating → Mitigating', 'Paged the payments on-call', 'Updated the runbook', 'Customers report the status page is slow'])
    assert.equal(statusUpdateAudience(e), null, e);

  // Before: no status-page update yet, so no status-page countdown.
  assert.equal(nextStatusPageUpdateDue(inc, policy, NOW), null);
  const sentAt = new Date('2026-11-20T15:02:00Z');
  const next = applySplices(log, appendTimelineEntry(index, inc.id, { at: sentAt, text: entry, owner: 'dana' }, policy));
  assert.ok(next.includes('- 2026-11-20 15:02 UTC — Status update (status page): Mitigating: Checkout errors after deploy (@dana)\n'));
  index = indexLog(next, { policy });
  const after = index.incidents[0];
  assert.equal(lastStatusPageUpdateAt(after)?.toISOString(), sentAt.toISOString());
  assert.equal(lastUpdateAt(after)?.toISOString(), sentAt.toISOString(), 'the internal countdown restarts too (every entry counts)');
  assert.equal(nextUpdateDue(after, policy, sentAt)?.dueAt.toISOString(), '2026-11-20T15:32:00.000Z');
  assert.equal(nextStatusPageUpdateDue(after, policy, sentAt)?.dueAt.toISOString(), '2026-11-20T16:02:00.000Z');

  // An internal update at 15:40 restarts the internal clock only.
  const internal = applySplices(next, appendTimelineEntry(index, inc.id, { at: new Date('2026-11-20T15:40:00Z'), text: statusUpdateEntryText('internal', 'Rollback done'), owner: 'dana' }, policy));
  const later = indexLog(internal, { policy }).incidents[0];
  assert.equal(nextUpdateDue(later, policy, NOW)?.dueAt.toISOString(), '2026-11-20T16:10:00.000Z');
  assert.equal(nextStatusPageUpdateDue(later, policy, NOW)?.dueAt.toISOString(), '2026-11-20T16:02:00.000Z');
  // The internal update is no news for the next update's Actions.
  assert.ok(!composeStatusUpdate(later, policy, NOW).actions.some((a) => a.text.startsWith('Status update')));

  const kinds = (iso: string) => dueReminders(indexLog(internal, { policy }), policy, new Date(iso)).filter((r) => r.incident.id === inc.id).map((r) => r.kind);
  assert.deepEqual(kinds('2026-11-20T16:01:00Z'), []);
  assert.deepEqual(kinds('2026-11-20T16:05:00Z'), ['statuspage-due']);
  assert.deepEqual(kinds('2026-11-20T16:12:00Z'), ['update-due', 'statuspage-due']);
  const reminder = dueReminders(indexLog(internal, { policy }), policy, new Date('2026-11-20T16:05:00Z')).find((r) => r.kind === 'statuspage-due')!;
  assert.equal(reminder.message, 'SEV-1 INC-2026-1120-002: a status page update is overdue by 3 min (every 1 h 00 min; last 2026-11-20 15:02 UTC).');
});

test('the sent entry is one short line, fast on hostile text', () => {
  const hostile = '*'.repeat(200_000) + 'x';
  const t0 = performance.now();
  const entry = statusUpdateEntryText('internal', hostile);
  assert.ok(performance.now() - t0 < 200);
  assert.ok(entry.length < 260, String(entry.length));
  assert.equal(statusUpdateEntryText('internal', '*[SEV-1] INC-1 down: Mitigating*\n*Status:* x'), 'Status update (internal): [SEV-1] INC-1 down: Mitigating');
  assert.equal(statusUpdateEntryText('statuspage', '   \n\n- Resolved: all good\n'), 'Status update (status page): Resolved: all good');
});

test('markdown edited in the composer copies as Slack mrkdwn', async () => {
  const { markdownToSlack } = await import('../../src/core/comms/statusUpdate');
  assert.equal(markdownToSlack('**[SEV-1] INC-1 down: Mitigating**'), '*[SEV-1] INC-1 down: Mitigating*');
  assert.equal(markdownToSlack('- **Impact:** 5xx > 2% & rising\n  - 14:40 UTC rolled back'), '• *Impact:* 5xx &gt; 2% &amp; rising\n  • 14:40 UTC rolled back');
  assert.equal(markdownToSlack('## Next steps'), '*Next steps*');
  assert.equal(markdownToSlack('See [the dashboard](https://grafana.example.com/d/abc) now'), 'See <https://grafana.example.com/d/abc|the dashboard> now');
  assert.equal(markdownToSlack('[not a link](javascript:alert(1))'), '[not a link](javascript:alert(1))');
  assert.equal(markdownToSlack('a\r\nb'), 'a\nb');
  // The generated markdown converts to the same lines as the Slack rendering's fields.
  const policy = defaultPolicy();
  const d = composeStatusUpdate(indexLog(log, { policy }).incidents[0], policy, NOW);
  assert.match(markdownToSlack(renderStatusUpdate(d, 'markdown')), /^\*\[SEV-1\] INC-2026-1120-002 Checkout errors after deploy: Mitigating\*\n\n• \*Incident ID:\* INC-2026-1120-002\n/);
  const t0 = performance.now();
  markdownToSlack('['.repeat(100_000) + '](' + 'x'.repeat(100_000));
  assert.ok(performance.now() - t0 < 500);
});
