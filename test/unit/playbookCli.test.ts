// A hostile playbook through the built CLI: refused at once with exit 2 and a message naming the
// file and the line, and a runbook parameter pattern that backtracks answered at once (RE2, bundled
// into the CLI).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { useBuiltCli } from './cliProcess';

const cli = useBuiltCli('playbook');

/** A repository with one incident and `playbook` as its .incident/playbook.yml. */
function repoWith(playbook: string): { dir: string; path: string } {
  const dir = cli.repo();
  assert.equal(cli.run(dir, 'declare', 'Checkout down', '--severity', 'SEV-2').code, 0);
  mkdirSync(join(dir, '.incident'));
  const path = join(dir, '.incident', 'playbook.yml');
  writeFileSync(path, playbook);
  return { dir, path };
}

/** Runs the CLI with a time limit: a command that never returns fails the test instead of hanging it. */
function runWithin(ms: number, cwd: string, ...args: string[]): { code: number | null; err: string; ms: number } {
  const t = performance.now();
  const r = spawnSync(process.execPath, [join(cli.build, 'cli.js'), ...args], { cwd, encoding: 'utf8', timeout: ms, env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, err: r.stderr, ms: performance.now() - t };
}

test('a 2 MB playbook makes every command exit 2 at once, naming the file and its size', () => {
  const { dir, path } = repoWith(`fieldAliases: { severity: [${'a,'.repeat(1024 * 1024 - 20)}a] }\n`);
  const r = runWithin(20_000, dir, 'list');
  assert.equal(r.code, 2, r.err);
  assert.equal(r.err.trim(), `incident: ${path}: the playbook is too large (2.0 MB; the limit is 1 MB)`);
});

test('a billion laughs is refused naming the file and the line', () => {
  const lines = ['a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
  for (let i = 1; i < 9; i++) lines.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(', ')}]`);
  const { dir, path } = repoWith(lines.join('\n') + '\n');
  const r = cli.run(dir, 'list');
  assert.equal(r.code, 2, r.err);
  assert.equal(r.err.trim(), `incident: ${path}: the playbook's aliases stand for too many items (over 10000, at line 5)`);
});

const RUNBOOK = (pattern: string) =>
  `runbooks:\n  deploy:\n    title: Deploy\n    params:\n      - name: ID\n        pattern: ${JSON.stringify(pattern)}\n    steps:\n      - title: Show it\n        run: echo "deploying $ID"\n`;

test('a backtracking parameter pattern answers at once: the value is refused, or run when it matches', () => {
  const { dir } = repoWith(RUNBOOK('(a+)+b'));
  const r = runWithin(20_000, dir, 'runbook', 'deploy', '--run', '1', '--param', `ID=${'a'.repeat(40)}`, '--no-log');
  assert.equal(r.code, 2, `exit ${r.code} after ${r.ms.toFixed(0)} ms: ${r.err}`);
  assert.equal(r.err.trim(), 'incident: Runbook deploy: ID must match (a+)+b.');
  const ok = cli.run(dir, 'runbook', 'deploy', '--run', '1', '--param', 'ID=aaab', '--no-log');
  assert.equal(ok.code, 0, ok.err);
  assert.match(ok.out, /deploying aaab/);
});

test('a pattern that would escape the anchoring is refused when the playbook is read', () => {
  const { dir, path } = repoWith(RUNBOOK('x)|(.*'));
  const r = cli.run(dir, 'runbook', 'deploy', '--run', '1', '--param', 'ID=$(id)', '--no-log');
  assert.equal(r.code, 2, r.err);
  assert.equal(
    r.err.trim(),
    `incident: ${path}: line 6: runbooks.deploy.params.0.pattern: the pattern of runbook deploy's parameter ID is not a valid regular expression (Unmatched ')')`,
  );
});
