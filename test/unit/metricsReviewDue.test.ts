// The metrics' review due dates are plain calendar arithmetic; they must agree with review.ts
// for every day of the week, zone, period and shape of the resolved value (zone.ts is checked against luxon in zone.test.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultPolicy, priorityPolicy, type Policy } from '../../src/core';
import { incidentReviewDue, reviewOverdue } from '../../src/core/review/review';
import { addBusinessDays, reviewDeadline, reviewDueOf } from '../../src/core/metrics/reviewDue';

test('business days: Friday + 3 is Wednesday, a weekend counts as the Friday before, + 0 is the next weekday', () => {
  assert.equal(addBusinessDays('2026-11-20', 3), '2026-11-25');
  assert.equal(addBusinessDays('2026-11-21', 1), '2026-11-23');
  assert.equal(addBusinessDays('2026-11-22', 0), '2026-11-23');
  assert.equal(addBusinessDays('2026-11-18', 0), '2026-11-18');
  assert.equal(addBusinessDays('2026-12-31', 10), '2027-01-14');
});

test('agrees with review.ts on every weekday, zone, severity and resolved shape', () => {
  const policies: Policy[] = [];
  for (const zone of ['UTC', 'America/New_York', 'Asia/Kolkata', 'Pacific/Auckland']) {
    policies.push({ ...defaultPolicy(), timeZone: zone }, { ...priorityPolicy(), timeZone: zone }, { ...defaultPolicy(), timeZone: zone, reviewDueBusinessDays: 0 }, { ...defaultPolicy(), timeZone: zone, reviewDueBusinessDays: 12 });
  }
  let compared = 0;
  for (const policy of policies) {
    for (let d = 0; d < 21; d++) {
      const day = new Date(Date.UTC(2026, 2, 1 + d * 1.3)).toISOString().slice(0, 10);
      for (const resolved of [day, `${day}T00:30:00Z`, `${day}T13:00:00Z`, `${day}T23:45:00Z`]) {
        for (const sev of policy.severities) {
          const incident = { resolved, severity: sev.id };
          const expected = incidentReviewDue(incident, policy);
          const got = reviewDueOf(incident, policy);
          assert.equal(got, expected, `${policy.name} ${policy.timeZone} ${sev.id} ${resolved}`);
          if (!got) continue;
          const deadline = reviewDeadline(got, policy.timeZone)!;
          // Just before and at the deadline, review.ts's reviewOverdue flips as the metrics read it.
          assert.equal(reviewOverdue(got, new Date(deadline - 1000), policy.timeZone), false);
          assert.equal(reviewOverdue(got, new Date(deadline + (got.length === 10 ? 0 : 1000)), policy.timeZone), true);
          compared++;
        }
      }
    }
  }
  assert.ok(compared > 1000, String(compared));
  assert.equal(reviewDueOf({ resolved: null, severity: 'SEV-1' }, defaultPolicy()), null);
});
