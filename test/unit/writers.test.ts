// Parallel writers lose nothing: the built CLI, run from several processes at once on one log,
// and RepositoryFiles' lock (wait, stale take-over, read-only files, owners) in-process.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { chmodSync, chownSync, mkdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { lock } from 'proper-lockfile';
import { defaultPolicy, findIncident, indexLog } from '../../src/core';
import { RepositoryFiles } from '../../src/core/log/repositoryFiles';
import { useBuiltCli } from './cliProcess';

const cli = useBuiltCli('writers');
const LOG = join('docs', 'INCIDENT_LOG.md');

/** Runs a shell script; resolves with its output once it exits (processes run truly in parallel). */
function shell(cwd: string, script: string): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn('bash', ['-c', script], { cwd, env: { ...process.env, NO_COLOR: '1', CLI: join(cli.build, 'cli.js'), NODE: process.execPath } });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('close', (code) => resolve({ code, out, err }));
  });
}

function declared(repo: string): string {
  const r = cli.run(repo, 'declare', 'Checkout errors', '--severity', 'SEV-2', '--at', '2026-12-01T10:00:00Z');
  assert.equal(r.code, 0, r.err);
  return r.out.trim();
}

const timelineOf = (repo: string, id: string) => findIncident(indexLog(readFileSync(join(repo, LOG), 'utf8'), { policy: defaultPolicy() }), id)!.timeline.map((e) => e.text);

test('2 processes × 100 appends at once: every "Logged" entry is in the log, none failed', { timeout: 180_000 }, async () => {
  const repo = cli.repo();
  const id = declared(repo);
  const before = timelineOf(repo, id).length;
  const writer = (tag: string) =>
    shell(repo, `for i in $(seq 1 100); do "$NODE" "$CLI" log ${id} "${tag}-$i" --owner ${tag} 2>&1 || echo "FAILED ${tag}-$i"; done`);
  const started = Date.now();
  const [a, b] = await Promise.all([writer('A'), writer('B')]);
  const seconds = (Date.now() - started) / 1000;
  const output = a.out + b.out;
  assert.doesNotMatch(output, /FAILED|incident:/, output.split('\n').filter((l) => /FAILED|incident:/.test(l)).slice(0, 5).join('\n'));
  assert.equal(output.match(/^Logged to /gm)?.length, 200, 'every run said Logged');
  const entries = timelineOf(repo, id);
  assert.equal(entries.length, before + 200, `${before} + 200 entries`);
  for (const tag of ['A', 'B']) for (let i = 1; i <= 100; i++) assert.ok(entries.includes(`${tag}-${i}`), `${tag}-${i} is in the log`);
  assert.equal(before + 200, 201, 'the declaration entry and the 200 appended');
  console.log(`parallel appends: 200 in ${seconds.toFixed(1)} s, ${entries.length} entries in the log`);
});

test('random interleavings of log / set / resolve from several processes lose no write', { timeout: 300_000 }, async () => {
  const op = fc.oneof(
    fc.constant<[string, ...string[]]>(['log']),
    fc.constantFrom<[string, ...string[]]>(['set', 'status', 'Identified'], ['set', 'status', 'Mitigating'], ['set', 'severity', 'SEV-1'], ['set', 'commander', 'Lee'], ['set', 'Impact', 'checkout']),
    fc.constant<[string, ...string[]]>(['resolve']),
  );
  await fc.assert(
    fc.asyncProperty(fc.array(fc.array(op, { minLength: 2, maxLength: 5 }), { minLength: 2, maxLength: 4 }), async (plans) => {
      const repo = cli.repo();
      const id = declared(repo);
      const scripts = plans.map((ops, p) =>
        ops
          .map((o, k) => {
            const args = o[0] === 'log' ? ['log', id, `P${p}-${k}`] : o[0] === 'resolve' ? ['resolve', id] : [o[0], id, ...o.slice(1)];
            return `"$NODE" "$CLI" ${args.map((x) => `'${x}'`).join(' ')} --at 2026-12-01T10:0${p}:0${k}Z 2>&1 || echo "FAILED ${args.join(' ')}"`;
          })
          .join('\n'),
      );
      const results = await Promise.all(scripts.map((s) => shell(repo, s)));
      const output = results.map((r) => r.out).join('');
      assert.doesNotMatch(output, /FAILED/, output);
      const text = readFileSync(join(repo, LOG), 'utf8');
      const index = indexLog(text, { policy: defaultPolicy() });
      assert.equal(index.incidents.length, 1, 'still one incident, parsed whole');
      const entries = index.incidents[0].timeline.map((e) => e.text);
      plans.forEach((ops, p) => ops.forEach((o, k) => o[0] === 'log' && assert.ok(entries.includes(`P${p}-${k}`), `P${p}-${k} is in the log`)));
      // Each set or resolve wrote its own timeline entry (the operations log every change); a
      // set to the value it already has writes the field only, so count at least the distinct ones.
      const logged = plans.flat().filter((o) => o[0] === 'log').length;
      assert.ok(entries.length >= 1 + logged, `${entries.length} entries for ${logged} appends`);
    }),
    { numRuns: 3 },
  );
});

test('a write waits for the lock a moment, past the wait it says so and writes nothing; a stale lock is taken over', async () => {
  const repo = cli.repo();
  declared(repo);
  const log = join(repo, LOG);
  const files = new RepositoryFiles(repo, { lockWaitMs: 600 });
  const lockfilePath = files.lockPath(log);
  assert.ok(lockfilePath.startsWith(join(repo, '.git')), 'the lock lives in .git, out of the working tree');
  const release = await lock(log, { realpath: false, lockfilePath });
  const before = readFileSync(log, 'utf8');
  const started = Date.now();
  await assert.rejects(files.update(log, (t) => `${t}changed\n`), /is being written by another process .*nothing was written/);
  assert.ok(Date.now() - started >= 550, 'it waited');
  assert.equal(readFileSync(log, 'utf8'), before);
  // Released while a writer waits: the writer goes ahead.
  const waiting = new RepositoryFiles(repo).update(log, (t) => `${t}- after the wait\n`);
  setTimeout(() => void release(), 150);
  assert.equal((await waiting).written, true);
  assert.ok(readFileSync(log, 'utf8').endsWith('- after the wait\n'));
  // A lock left by a killed process (not refreshed for a minute) is taken over at once.
  mkdirSync(lockfilePath);
  const old = new Date(Date.now() - 60_000);
  utimesSync(lockfilePath, old, old);
  const took = Date.now();
  assert.equal((await files.update(log, (t) => `${t}- after a stale lock\n`)).written, true);
  assert.ok(Date.now() - took < 500);
});

test('a read-only log is refused, never replaced; a log owned by someone else keeps its owner', () => {
  const repo = cli.repo();
  const id = declared(repo);
  const log = join(repo, LOG);
  chmodSync(log, 0o444);
  const before = readFileSync(log, 'utf8');
  const r = cli.run(repo, 'log', id, 'not written');
  assert.equal(r.code, 2);
  assert.match(r.err, /INCIDENT_LOG\.md is read-only; nothing was written/);
  assert.equal(readFileSync(log, 'utf8'), before);
  assert.equal(statSync(log).mode & 0o777, 0o444);
  chmodSync(log, 0o664);
  if (process.getuid?.() === 0) {
    chownSync(log, 1234, 1235);
    assert.equal(cli.run(repo, 'log', id, 'written').code, 0);
    const after = statSync(log);
    assert.deepEqual([after.uid, after.gid, after.mode & 0o777], [1234, 1235, 0o664], 'owner, group and mode kept');
  }
  // .gitattributes too: a read-only one is refused by setup-merge.
  writeFileSync(join(repo, '.gitattributes'), '*.png binary\n');
  chmodSync(join(repo, '.gitattributes'), 0o444);
  const m = cli.run(repo, 'setup-merge');
  assert.equal(m.code, 2);
  assert.match(m.err, /\.gitattributes is read-only; nothing was written/);
  assert.equal(readFileSync(join(repo, '.gitattributes'), 'utf8'), '*.png binary\n');
});
