// Two responders on two machines, through the CLI and real git: each appends to the same incident,
// committing, pulling (merge) and pushing between entries. With the union attributes nothing
// conflicts and every entry arrives exactly once; without them the conflict is reported and no
// command writes into the conflicted log.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { git, gitTry, repo, runCli, tempDir } from './gitHelpers';

const ID = 'INC-2026-1130-001';
/** Entries per clone (100 by default; INCIDENT_TWO_CLONE_ENTRIES to change it). */
const N = Number(process.env.INCIDENT_TWO_CLONE_ENTRIES ?? 100);
const PUSH_EVERY = 10;
const at = (i: number, second: number) => `2026-11-30T${String(10 + Math.floor(i / 60)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}:${String(second).padStart(2, '0')}Z`;

function ok(r: { code: number | null; err: string }, what: string): void {
  assert.equal(r.code, 0, `${what}: ${r.err}`);
}

function twoClones(union: boolean): { a: string; b: string; remote: string } {
  const remote = join(tempDir(), 'remote.git');
  git(tempDir(), ['init', '-q', '--bare', '-b', 'main', remote]);
  const a = repo('Ana Souza');
  git(a, ['remote', 'add', 'origin', remote]);
  ok(runCli(a, ['declare', 'Checkout down', '--severity', 'SEV-1', '--commander', 'Ana Souza', '--at', '2026-11-30T10:00:00Z']), 'declare');
  if (union) {
    ok(runCli(a, ['setup-merge']), 'setup-merge');
    git(a, ['add', '.gitattributes']);
    git(a, ['commit', '-q', '-m', 'Merge the incident record by union']);
  }
  ok(runCli(a, ['commit', ID, '--push']), 'first push');
  const b = join(tempDir(), 'b');
  git(tempDir(), ['clone', '-q', remote, b]);
  git(b, ['config', 'user.name', 'Ben Ito']);
  git(b, ['config', 'user.email', 'ben@example.com']);
  return { a, b, remote };
}

const texts = (dir: string, id = ID): string[] => JSON.parse(runCli(dir, ['show', id, '--json']).out).timeline.map((e: { text: string }) => e.text);

test(`with merge=union: ${N} entries from each clone, interleaved with commits, merges and pushes; 0 conflicts, every entry once`, () => {
  const started = performance.now();
  const { a, b, remote } = twoClones(true);
  let merges = 0;
  for (let i = 0; i < N; i++) {
    ok(runCli(a, ['log', ID, `From A ${i}`, '--at', at(i, 10)]), `A log ${i}`);
    ok(runCli(b, ['log', ID, `From B ${i}`, '--at', at(i, 40)]), `B log ${i}`);
    if (i === Math.floor(N / 2)) {
      // Mid-incident, both change the status and each declares a new incident on the same day.
      ok(runCli(a, ['set', ID, 'status', 'Identified', '--at', at(i, 20)]), 'A status');
      ok(runCli(b, ['set', ID, 'status', 'Mitigating', '--at', at(i, 50)]), 'B status');
      ok(runCli(a, ['declare', 'Search slow', '--severity', 'SEV-3', '--at', at(i, 30)]), 'A declare');
      ok(runCli(b, ['declare', 'Emails delayed', '--severity', 'SEV-3', '--at', at(i, 55)]), 'B declare');
    }
    // The clones push at different moments, so each usually has to merge the other's work first.
    if (i % PUSH_EVERY === PUSH_EVERY - 1) {
      const r = runCli(a, ['commit', ID, '--push']);
      ok(r, `A push ${i}`);
      if (/Merged the remote/.test(r.err)) merges++;
    }
    if (i % PUSH_EVERY === PUSH_EVERY / 2 - 1) {
      const r = runCli(b, ['commit', ID, '--push']);
      ok(r, `B push ${i}`);
      if (/Merged the remote/.test(r.err)) merges++;
    }
  }
  // The new incidents are in the log too: commit every last change and pull both ways.
  for (const dir of [a, b, a, b]) ok(runCli(dir, ['commit', ID, '--push']), 'final sync');
  ok(runCli(a, ['commit', ID, '--push']), 'A final');
  for (const dir of [a, b]) {
    const log = readFileSync(join(dir, 'docs/INCIDENT_LOG.md'), 'utf8');
    assert.doesNotMatch(log, /^(<<<<<<<|=======|>>>>>>>)/m, 'no conflict markers');
    const all = texts(dir);
    for (const who of ['A', 'B']) {
      for (let i = 0; i < N; i++) assert.equal(all.filter((t) => t === `From ${who} ${i}`).length, 1, `From ${who} ${i} in ${dir === a ? 'A' : 'B'}`);
    }
    assert.ok(all.includes('Status: Investigating → Identified') && all.includes('Status: Investigating → Mitigating'), 'both status changes are logged');
  }
  assert.equal(readFileSync(join(a, 'docs/INCIDENT_LOG.md'), 'utf8'), readFileSync(join(b, 'docs/INCIDENT_LOG.md'), 'utf8'), 'both clones hold the same log');
  assert.equal(git(remote, ['rev-parse', 'main']).trim(), git(b, ['rev-parse', 'HEAD']).trim());
  assert.ok(merges >= N / PUSH_EVERY, `the clones merged each other's work (${merges} merges)`);
  assert.equal(git(a, ['log', '--merges', '--oneline']).trim().split('\n').length >= merges, true);
  // Both declared INC-2026-1130-002 on the same day: check reports the duplicate id.
  const check = JSON.parse(runCli(a, ['check', '--json', '--now', at(N, 0)]).out) as Array<{ code: string; message: string }>;
  assert.ok(check.some((p) => p.code === 'duplicate-id' && p.message.startsWith('INC-2026-1130-002')), JSON.stringify(check));
  // Both changed the status: two Status lines, and the later change (B's, to Mitigating) is read.
  assert.ok(check.some((p) => p.code === 'duplicate-field' && /^Status is written twice \([a-z0-9 ]+ and [a-z0-9 ]+\): "Mitigating" on [a-z0-9 ]+ is shown, as the timeline's latest status change names it/.test(p.message)), JSON.stringify(check));
  assert.equal(JSON.parse(runCli(a, ['show', ID, '--json']).out).status, 'Mitigating');
  // Union merge keeps lines, not time order: normalize puts the timeline back in order.
  ok(runCli(a, ['normalize', ID]), 'normalize');
  const times = JSON.parse(runCli(a, ['show', ID, '--json']).out).timeline.map((e: { at: string }) => e.at);
  assert.deepEqual(times, [...times].sort());
  assert.equal(texts(a).length, texts(b).length, 'normalize moves entries, it never drops one');
  console.log(`# two clones: ${N} entries each, ${merges} merges, ${((performance.now() - started) / 1000).toFixed(1)} s`);
});

test('without .gitattributes: the conflict is reported, and no command writes into the conflicted log', () => {
  const { a, b } = twoClones(false);
  ok(runCli(a, ['log', ID, 'From A', '--at', at(1, 0)]), 'A log');
  ok(runCli(a, ['commit', ID, '--push']), 'A push');
  ok(runCli(b, ['log', ID, 'From B', '--at', at(2, 0)]), 'B log');
  const refused = runCli(b, ['commit', ID, '--push']);
  assert.equal(refused.code, 2);
  assert.match(refused.err, /has changes that conflict with yours in docs\/INCIDENT_LOG\.md\. The merge was undone/);
  // The responder pulls by hand anyway: git leaves conflict markers in the log.
  assert.notEqual(gitTry(b, ['pull', '--no-rebase', '-q', 'origin', 'main']).code, 0);
  const path = join(b, 'docs/INCIDENT_LOG.md');
  const conflicted = readFileSync(path, 'utf8');
  assert.match(conflicted, /^<<<<<<< /m);
  const attempts: Array<[string[], RegExp]> = [
    [['log', ID, 'One more'], /conflict markers \(line \d+\); resolve the merge first\. Nothing was written\./],
    [['set', ID, 'status', 'Mitigating'], /conflict markers/],
    [['resolve', ID], /conflict markers/],
    [['declare', 'Another', '--severity', 'SEV-3'], /conflict markers/],
    [['review', ID], /conflict markers/],
    [['normalize', ID], /conflict markers/],
    [['commit', ID], /conflict markers: resolve the merge first\. Nothing was committed\./],
  ];
  for (const [args, message] of attempts) {
    const r = runCli(b, args);
    assert.equal(r.code, 2, `${args[0]} must refuse`);
    assert.match(r.err, message, args[0]);
    assert.equal(readFileSync(path, 'utf8'), conflicted, `${args[0]} wrote nothing`);
  }
  const check = runCli(b, ['check', '--json']);
  assert.equal(check.code, 1);
  assert.ok(JSON.parse(check.out).some((p: { code: string }) => p.code === 'conflict-markers'));
});
