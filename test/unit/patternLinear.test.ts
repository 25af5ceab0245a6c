// Runbook parameter patterns: matched with RE2 in time linear in the value, anchored whatever
// they hold, and refused when the playbook is read if they cannot be (naming the runbook, the
// parameter and the line).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadPolicy, runbookParamEnv, runbooksOf } from '../../src/core';
import { paramMatcher, paramPatternProblem } from '../../src/core/health/healthChecks';
import { policyErrorOf } from './helpers';

/** A playbook with one runbook `deploy` whose parameter ID has `pattern` (written on line 6). */
function playbookWith(pattern: string): string {
  return `runbooks:\n  deploy:\n    title: Deploy\n    params:\n      - name: ID\n        pattern: ${JSON.stringify(pattern)}\n    steps:\n      - title: Go\n        run: echo "$ID"\n`;
}

function check(pattern: string, value: string): ReturnType<typeof runbookParamEnv> {
  const [book] = runbooksOf(loadPolicy(playbookWith(pattern)));
  return runbookParamEnv(book, { ID: value });
}

test('a pattern that backtracks is matched in time linear in the value', () => {
  // A backtracking engine takes seconds on 25 a's and never returns on 40.
  for (const n of [25, 40, 1000]) {
    const t = performance.now();
    const r = check('(a+)+b', 'a'.repeat(n));
    const ms = performance.now() - t;
    assert.deepEqual(r, { problems: ['ID must match (a+)+b'] }, `${n} a's`);
    // The first check loads RE2 (70–100 ms); later ones take microseconds.
    assert.ok(ms < 1000, `${n} a's: ${ms.toFixed(0)} ms`);
  }
  assert.deepEqual(check('(a+)+b', 'aaab'), { env: { ID: 'aaab' } });
  assert.deepEqual(check('(x+x+)+y', 'x'.repeat(1000)), { problems: ['ID must match (x+x+)+y'] });
});

test('a pattern cannot escape the anchoring: it is refused when the playbook is read', () => {
  let e = policyErrorOf(playbookWith('x)|(.*'));
  assert.equal(e.line, 6);
  assert.match(e.message, /runbooks\.deploy\.params\.0\.pattern: the pattern of runbook deploy's parameter ID is not a valid regular expression \(Unmatched '\)'\)/);
  e = policyErrorOf(playbookWith('a)|(?:.*'));
  assert.match(e.message, /parameter ID is not a valid regular expression/);
  // And if such a pattern reaches the check another way, it is refused there too.
  assert.ok('problem' in paramMatcher('x)|(.*'));
  const book = { id: 'deploy', title: 'Deploy', params: [{ name: 'ID', pattern: 'x)|(.*' }], steps: [{ title: 'Go', run: 'echo "$ID"', dangerous: false }] };
  const r = runbookParamEnv(book, { ID: 'anything; rm -rf /' });
  assert.ok('problems' in r && /ID cannot be checked: its pattern is not a valid regular expression/.test(r.problems[0]), JSON.stringify(r));
});

test('backreferences, lookaround and long repetitions are refused when the playbook is read', () => {
  const cases: Array<[string, RegExp]> = [
    ['(a)\\1', /uses a backreference \(\\1\), which parameter patterns do not support/],
    ['(?<x>a)\\k<x>', /uses a backreference \(\\k<\)/],
    ['(?=a)[a-z]+', /uses a lookaround \(\(\?=\)/],
    ['(?!x)[a-z]+', /uses a lookaround \(\(\?!\)/],
    ['(?<=a)b', /uses a lookaround \(\(\?<=\)/],
    ['(?<!a)b', /uses a lookaround \(\(\?<!\)/],
    ['a{1,5000}', /repeats more than 1000 times \(\{1,5000\}\), which RE2 does not support/],
    ['([a-z', /is not a valid regular expression/],
  ];
  for (const [pattern, message] of cases) {
    const e = policyErrorOf(playbookWith(pattern));
    assert.equal(e.line, 6, pattern);
    assert.match(e.message, /the pattern of runbook deploy's parameter ID /, pattern);
    assert.match(e.message, message, pattern);
  }
  // The same characters escaped or in a class are not those constructs.
  for (const pattern of ['\\(\\?=x\\)', '[(?=]+', 'a\\{1,5000\\}', '[\\\\1]+']) assert.equal(paramPatternProblem(pattern), undefined, pattern);
});

test('patterns keep their meaning: the whole value must match', () => {
  assert.deepEqual(check('[0-9a-f]{7,40}', 'abc1234'), { env: { ID: 'abc1234' } });
  assert.ok('problems' in check('[0-9a-f]{7,40}', 'abc1234; rm -rf /'));
  assert.ok('problems' in check('a|b', 'ab'), 'an alternative matches the whole value, not a part');
  assert.ok('problems' in check('[a-z]+', 'abc\n'), 'no newline after the value');
  assert.deepEqual(check('eu-(west|east)-\\d', 'eu-west-1'), { env: { ID: 'eu-west-1' } });
  assert.deepEqual(check('\\w+@\\w+\\.com', 'dana@example.com'), { env: { ID: 'dana@example.com' } });
  assert.deepEqual(check('[\\p{L}]{1,20}', 'Zürich'), { env: { ID: 'Zürich' } });
  // The default pattern (no pattern: given) too.
  const [book] = runbooksOf(loadPolicy('runbooks:\n  r:\n    title: T\n    params: [REGION]\n    steps:\n      - title: a\n        run: echo $REGION\n'));
  assert.deepEqual(runbookParamEnv(book, { REGION: 'eu-west-1' }), { env: { REGION: 'eu-west-1' } });
  assert.ok('problems' in runbookParamEnv(book, { REGION: '$(id)' }));
  // What only RE2 refuses is said when a value is checked.
  const empty = paramMatcher('[^]');
  assert.ok('problem' in empty && /cannot be matched with RE2/.test(empty.problem), JSON.stringify(empty));
});
