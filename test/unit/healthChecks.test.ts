// Health checks and runbooks in the playbook (schema, errors naming the line) and the timeline
// entries their runs leave (core/health/healthChecks.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  REDACTED,
  findHealthCheck,
  findRunbook,
  healthCheckEntry,
  healthChecksOf,
  healthSummaryEntry,
  loadPolicy,
  normalizeCheckCwd,
  outputExcerpt,
  parseCheckTimeout,
  runbookParamEnv,
  runbooksOf,
  statusFor,
} from '../../src/core';
import { NOISY_OUTPUT, SECRET_SAMPLES } from './secretSamples';
import { policyErrorOf } from './helpers';

const PLAYBOOK = `healthChecks:
  - name: checkout-api
    run: curl -fsS -o /dev/null -w '%{http_code}\\n' "$APP_URL/api/health"
    cwd: .
    timeout: 10s
    expect: 0
    capture: true
  - name: webhooks
    run: |
      cd scripts
      ./health.sh
    cwd: ./services/../scripts/
runbooks:
  website-outage:
    title: Website outage
    severity: P1
    params:
      - name: deployment_id
        pattern: "[0-9a-f]{7,40}"
      - REGION
    steps:
      - title: Verify outage
        run: curl -I "$APP_URL"
      - title: Roll back
        run: ./scripts/emergency-rollback.sh "$deployment_id"
        dangerous: true
      - title: Review the connection pool
        notes: Check the provider dashboard for long-running queries.
`;

test('healthChecks and runbooks read with their defaults', () => {
  const policy = loadPolicy(PLAYBOOK);
  const checks = healthChecksOf(policy);
  assert.deepEqual(checks[0], { name: 'checkout-api', run: `curl -fsS -o /dev/null -w '%{http_code}\\n' "$APP_URL/api/health"`, cwd: '.', timeoutMs: 10_000, expect: 0, capture: true });
  assert.equal(checks[1].cwd, 'scripts');
  assert.equal(checks[1].timeoutMs, 30_000);
  assert.equal(checks[1].capture, false);
  assert.match(checks[1].run, /cd scripts\n\.\/health\.sh/);
  assert.equal(findHealthCheck(policy, 'WEBHOOKS')?.name, 'webhooks');
  const [book] = runbooksOf(policy);
  assert.equal(book.id, 'website-outage');
  assert.equal(book.severity, 'P1');
  assert.deepEqual(book.params.map((p) => p.name), ['deployment_id', 'REGION']);
  assert.deepEqual(book.steps.map((s) => s.dangerous), [false, true, false]);
  assert.equal(book.steps[2].notes, 'Check the provider dashboard for long-running queries.');
  assert.equal(findRunbook(policy, 'Website-Outage'), book);
  assert.deepEqual(healthChecksOf(loadPolicy('preset: sev\n')), []);
  assert.deepEqual(runbooksOf(loadPolicy('preset: sev\n')), []);
});

test('schema errors name the line', () => {
  const cases: Array<[string, number, RegExp]> = [
    ['healthChecks:\n  - name: a\n    run: x\n    cwd: ../outside\n', 4, /cwd: must be a folder inside the repository/],
    ['healthChecks:\n  - name: a\n    run: x\n    cwd: /etc\n', 4, /cwd/],
    ['healthChecks:\n  - name: a\n    run: x\n    timeout: soon\n', 4, /"soon" is not a timeout/],
    ['healthChecks:\n  - name: a\n    run: x\n    timeout: 2d\n', 4, /not a timeout/],
    ['healthChecks:\n  - name: a\n    run: x\n    timeout: 5h\n', 4, /outside 100ms to 1h/],
    ['healthChecks:\n  - name: a\n    run: x\n    expect: 1.5\n', 4, /whole exit code/],
    ['healthChecks:\n  - name: a\n    run: x\n    retries: 3\n', 4, /unknown setting "retries"/],
    ['healthChecks:\n  - name: a\n    run: x\n  - name: A\n    run: y\n', 4, /"A" is listed twice/],
    ['healthChecks:\n  - name: a b\n    run: x\n', 2, /not a step id/],
    ['healthChecks:\n  - name: a\n', 2, /run/],
    ['healthChecks:\n  - name: a\n    run: x\n    capture: yes please\n', 4, /capture/],
    ['runbooks:\n  outage:\n    title: T\n    steps: []\n', 4, /at least one step/],
    ['runbooks:\n  outage:\n    title: T\n    steps:\n      - title: only a title\n', 5, /needs run or notes/],
    ['runbooks:\n  outage:\n    title: T\n    params:\n      - name: bad-name\n    steps:\n      - title: a\n        run: x\n', 5, /not a parameter name/],
    ['runbooks:\n  outage:\n    title: T\n    params:\n      - name: ID\n        pattern: "([a-z"\n    steps:\n      - title: a\n        run: x\n', 6, /not a valid regular expression/],
    ['runbooks:\n  outage:\n    title: T\n    steps:\n      - title: a\n        run: x\n        dangerous: maybe\n', 7, /dangerous/],
    ['runbooks:\n  outage:\n    steps:\n      - title: a\n        run: x\n', 3, /title: Required/],
  ];
  for (const [yaml, line, message] of cases) {
    const e = policyErrorOf(yaml);
    assert.equal(e.line, line, `${yaml}→ ${e.message}`);
    assert.match(e.message, message, yaml);
  }
});

test('timeouts and working folders', () => {
  assert.equal(parseCheckTimeout('10s'), 10_000);
  assert.equal(parseCheckTimeout('500ms'), 500);
  assert.equal(parseCheckTimeout('2m'), 120_000);
  assert.equal(parseCheckTimeout(3), 3000);
  assert.equal(parseCheckTimeout('1.5 s'), 1500);
  assert.equal(parseCheckTimeout('x'), undefined);
  assert.equal(normalizeCheckCwd('.'), '.');
  assert.equal(normalizeCheckCwd('./a//b/'), 'a/b');
  assert.equal(normalizeCheckCwd('a/../..'), undefined);
  assert.equal(normalizeCheckCwd('C:\\x'), undefined);
});

test('runbook parameters are validated against their patterns and become environment variables', () => {
  const [book] = runbooksOf(loadPolicy(PLAYBOOK));
  assert.deepEqual(runbookParamEnv(book, { deployment_id: 'abc1234', REGION: 'eu-west-1' }), { env: { deployment_id: 'abc1234', REGION: 'eu-west-1' } });
  const bad = runbookParamEnv(book, { deployment_id: 'abc1234; rm -rf /', REGION: '$(id)', EXTRA: 'x' });
  assert.ok('problems' in bad);
  assert.equal(bad.problems.length, 3, bad.problems.join('; '));
  assert.deepEqual(runbookParamEnv(book, {}), { problems: ['deployment_id is required', 'REGION is required'] });
});

test('entries: pass, fail, timeout and unknown (no exit code is never success)', () => {
  assert.equal(statusFor(0), 'pass');
  assert.equal(statusFor(3), 'fail');
  assert.equal(statusFor(3, 3), 'pass');
  assert.equal(statusFor(undefined), 'unknown');
  assert.equal(statusFor(null), 'unknown');
  assert.equal(statusFor(0, 0, true), 'timeout');
  assert.equal(healthCheckEntry({ name: 'checkout-api', status: 'fail', exitCode: 3, durationMs: 1234, output: 'x' }), 'Health check checkout-api: FAIL (exit 3, 1.2 s)');
  assert.equal(healthCheckEntry({ name: 'db', status: 'pass', exitCode: 0, durationMs: 85, output: '' }), 'Health check db: PASS (exit 0, 85 ms)');
  assert.equal(healthCheckEntry({ name: 'slow', status: 'timeout', signal: 'SIGTERM', durationMs: 1003, output: '' }), 'Health check slow: TIMEOUT (timed out after 1.0 s)');
  assert.equal(healthCheckEntry({ name: 'x', status: 'unknown', durationMs: 2500, output: '' }), 'Health check x: UNKNOWN (no exit code, 2.5 s)');
  assert.equal(healthCheckEntry({ name: 'Roll back', kind: 'Runbook step', status: 'pass', exitCode: 0, durationMs: 61_000, output: '' }), 'Runbook step Roll back: PASS (exit 0, 1 min 1 s)');
  assert.equal(
    healthSummaryEntry([
      { name: 'a', status: 'pass', exitCode: 0, durationMs: 1, output: '' },
      { name: 'b', status: 'fail', exitCode: 1, durationMs: 1, output: '' },
      { name: 'c', status: 'timeout', durationMs: 1, output: '' },
    ]),
    'Health checks: 1 of 3 passed (b FAIL, c TIMEOUT)',
  );
});

test('captured output: the last lines, redacted, at most ~300 characters, inert in markdown', () => {
  const output = Array.from({ length: 50 }, (_, i) => `line ${i} ok`).join('\n') + '\n# Heading\n| a | b |\n```js\n<script>alert(1)</script>\n[link](javascript:x)\n';
  const entry = healthCheckEntry({ name: 'noisy', status: 'fail', exitCode: 1, durationMs: 10, output, capture: true });
  assert.match(entry, /^Health check noisy: FAIL \(exit 1, 10 ms\) — output: /);
  const excerpt = entry.split(' — output: ')[1];
  assert.ok(excerpt.length <= 300, String(excerpt.length));
  assert.ok(!/[\n\r`|<>]|\]\(/.test(entry), entry);
  assert.match(excerpt, /line 49 ok/);
  assert.doesNotMatch(excerpt, /line 0 ok/);
  assert.ok(outputExcerpt('x'.repeat(5000)).length <= 300);
  assert.equal(outputExcerpt(''), '');
  const noisy = healthCheckEntry({ name: 'noisy', status: 'pass', exitCode: 0, durationMs: 10, output: NOISY_OUTPUT, capture: true });
  for (const { kind, secret } of SECRET_SAMPLES) assert.ok(!noisy.includes(secret) && !noisy.includes(secret.slice(-12)), `${kind}: ${noisy}`);
  assert.ok(noisy.includes(REDACTED.replace('[', '(').replace(']', ')')) || noisy.includes('REDACTED'));
  assert.doesNotMatch(healthCheckEntry({ name: 'quiet', status: 'pass', exitCode: 0, durationMs: 1, output: 'secret stuff', capture: false }), /output/);
});
