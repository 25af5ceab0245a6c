// The child-process runner (core/health/healthRun.ts): pass, exit 3, a timeout that kills the whole
// process group, bounded output, multi-line commands, and noisy output redacted in the entry.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';
import { type HealthCheck, checkFolder, healthCheckEntry, runCommand, runHealthCheck } from '../../src/core';
import { NOISY_OUTPUT, SECRET_SAMPLES } from './secretSamples';

const root = mkdtempSync(join(tmpdir(), 'incident-run-'));
after(() => rmSync(root, { recursive: true, force: true }));

const check = (over: Partial<HealthCheck>): HealthCheck => ({ name: 'c', run: 'true', cwd: '.', timeoutMs: 10_000, expect: 0, capture: false, ...over });

/** True while `pid` runs (a zombie waiting for a parent that does not reap it counts as gone). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return !/^State:\s+Z/m.test(readFileSync(`/proc/${pid}/status`, 'utf8'));
  } catch {
    return process.platform !== 'linux';
  }
}

test('a passing check, and one exiting 3 (fail; pass when expect is 3)', async () => {
  const ok = await runHealthCheck(check({ name: 'ok', run: 'echo healthy' }), root);
  assert.equal(ok.status, 'pass');
  assert.equal(ok.exitCode, 0);
  assert.equal(ok.output, 'healthy\n');
  const bad = await runHealthCheck(check({ name: 'bad', run: 'echo broken >&2; exit 3' }), root);
  assert.equal(bad.status, 'fail');
  assert.equal(bad.exitCode, 3);
  assert.match(bad.output, /broken/);
  assert.match(healthCheckEntry(bad), /^Health check bad: FAIL \(exit 3, \d+ ms\)$/);
  assert.equal((await runHealthCheck(check({ run: 'exit 3', expect: 3 }), root)).status, 'pass');
});

test('multi-line commands run in the check folder with the given environment', async () => {
  mkdirSync(join(root, 'sub'), { recursive: true });
  const r = await runCommand({ command: 'set -e\nx=$(pwd)\necho "in ${x##*/}"\necho "id=$DEPLOY_ID"\n', cwd: join(root, 'sub'), timeoutMs: 5000, env: { DEPLOY_ID: 'a1b2c3d' } });
  assert.equal(r.status, 'pass');
  assert.equal(r.output, 'in sub\nid=a1b2c3d\n');
});

test('a slow check hits its 1 s timeout; its whole process group is killed, no orphan remains', async () => {
  const pidFile = join(root, 'pids');
  // A child that ignores SIGTERM and a grandchild in the background: both must die.
  const run = `trap '' TERM; (trap '' TERM; sleep 30) & echo $! > ${pidFile}; sleep 30 & echo $! >> ${pidFile}; wait`;
  const started = Date.now();
  const r = await runHealthCheck(check({ name: 'slow', run, timeoutMs: 1000 }), root, { killGraceMs: 300 });
  assert.equal(r.status, 'timeout');
  assert.equal(r.timedOut, true);
  assert.equal(r.exitCode, undefined);
  assert.ok(Date.now() - started < 5000, 'ended soon after the timeout');
  assert.match(healthCheckEntry(r), /^Health check slow: TIMEOUT \(timed out after 1\.\d s\)$/);
  const pids = readFileSync(pidFile, 'utf8').trim().split('\n').map(Number);
  assert.equal(pids.length, 2);
  await new Promise((r2) => setTimeout(r2, 200));
  for (const pid of pids) assert.equal(alive(pid), false, `process ${pid} survived`);
});

test('no exit code is unknown, never pass; a cancel kills the group', async () => {
  const killed = await runCommand({ command: 'kill -9 $$', cwd: root, timeoutMs: 5000 });
  assert.equal(killed.status, 'unknown');
  assert.equal(killed.exitCode, undefined);
  assert.equal(killed.signal, 'SIGKILL');
  const controller = new AbortController();
  setTimeout(() => controller.abort(), 200);
  const cancelled = await runCommand({ command: 'sleep 30', cwd: root, timeoutMs: 10_000, signal: controller.signal, killGraceMs: 200 });
  assert.equal(cancelled.status, 'unknown');
  assert.equal(cancelled.cancelled, true);
});

test('output is bounded: the last part is kept', async () => {
  const r = await runCommand({ command: 'for i in $(seq 1 20000); do echo "line $i of the noisy check"; done', cwd: root, timeoutMs: 20_000, maxOutputBytes: 4096 });
  assert.equal(r.status, 'pass');
  assert.ok(r.output.length <= 4097, String(r.output.length));
  assert.ok(r.output.startsWith('…'));
  assert.match(r.output, /line 20000 of the noisy check\n$/);
});

test('a noisy check printing fake secrets of every kind: none survives in the entry', async () => {
  const file = join(root, 'noisy.txt');
  writeFileSync(file, NOISY_OUTPUT);
  const r = await runHealthCheck(check({ name: 'noisy', run: `printf '\\033[31mred\\033[0m done\\n'; cat noisy.txt`, capture: true }), root);
  const entry = healthCheckEntry(r);
  assert.match(entry, /^Health check noisy: PASS \(exit 0, \d+ ms\) — output: /);
  for (const { kind, secret } of SECRET_SAMPLES) assert.ok(!entry.includes(secret) && !entry.includes(secret.slice(-10)), `${kind}: ${entry}`);
  assert.ok(!entry.includes('\x1b'));
  assert.match(entry, /-----BEGIN PRIVATE KEY----- \(REDACTED\)$/, 'a key cut off is redacted to the end');
});

test('a check folder that is missing or leads outside the repository through a link is not run', async () => {
  const outside = mkdtempSync(join(tmpdir(), 'incident-outside-'));
  after(() => rmSync(outside, { recursive: true, force: true }));
  symlinkSync(outside, join(root, 'escape'));
  assert.match(String((checkFolder(root, 'escape') as { reason: string }).reason), /outside the repository/);
  const r = await runHealthCheck(check({ cwd: 'missing', run: 'touch x' }), root);
  assert.equal(r.status, 'unknown');
  assert.match(r.output, /does not exist/);
});

test('bidi controls a check prints never reach the timeline entry raw', async () => {
  const r = await runHealthCheck(check({ name: 'bidi', run: `printf 'status: ok \\342\\200\\256gnp.exe\\342\\200\\254 \\342\\201\\246x\\342\\201\\251 done\\n'`, capture: true }), root);
  assert.ok(r.output.includes('\u202e'), 'the check printed U+202E');
  const entry = healthCheckEntry(r);
  assert.match(entry, / — output: status: ok gnp\.exe x done$/);
  assert.doesNotMatch(entry, /[\u202a-\u202e\u2066-\u2069]/);
  const direct = healthCheckEntry({ name: 'bidi', status: 'pass', exitCode: 0, durationMs: 1, capture: true, output: 'a\u202ab\u202bc\u202dd\u2067e\u2068f' });
  assert.match(direct, / — output: abcdef$/);
});
