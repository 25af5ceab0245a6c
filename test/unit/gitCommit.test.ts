// `incident commit ID [--push]`: only the record is staged and committed, the message says what
// changed, --push merges the remote first and never forces; absences give one clear message.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { summarizeChange } from '../../src/core/git/commitRecord';
import { defaultPolicy, indexLog } from '../../src/core';
import { git, gitTry, repo, runCli, tempDir } from './gitHelpers';

const ID = 'INC-2026-1130-001';
const at = (m: number) => ['--at', `2026-11-30T09:${String(m).padStart(2, '0')}:00Z`];

test('the summary names status, severity, roles, new entries (merged ones once), checklist and review', () => {
  const policy = defaultPolicy();
  const read = (t: string) => indexLog(t, { policy }).incidents[0];
  const base = '## INC-2026-1130-001: X\n- **Severity:** SEV-2\n- **Status:** Investigating\n\n### Timeline\n- 2026-11-30 09:00 UTC — a\n';
  const before = read(base);
  const after = read(base.replace('Investigating', 'Mitigating').replace('SEV-2', 'SEV-1') + '- 2026-11-30 09:05 UTC — b\n- 2026-11-30 09:00 UTC — a\n- 2026-11-30 09:06 UTC — c\n');
  assert.equal(summarizeChange(before, after, false), 'status Mitigating, severity SEV-1, 3 entries');
  assert.equal(summarizeChange(undefined, before, true), 'declared, 1 entry, review');
  assert.equal(summarizeChange(before, before, false), 'update');
});

test('commit stages only the log, the linked file and the review, even with other files modified or staged', () => {
  const dir = repo();
  writeFileSync(join(dir, 'app.ts'), 'v1\n');
  writeFileSync(join(dir, 'staged.ts'), 'v1\n');
  git(dir, ['add', '.']);
  git(dir, ['commit', '-q', '-m', 'app']);
  assert.equal(runCli(dir, ['declare', 'Checkout down', '--severity', 'SEV-1', ...at(0)]).code, 0);
  writeFileSync(join(dir, 'app.ts'), 'v2, a work in progress\n');
  writeFileSync(join(dir, 'staged.ts'), 'v2\n');
  git(dir, ['add', 'staged.ts']);
  writeFileSync(join(dir, 'untracked.txt'), 'scratch\n');
  const first = runCli(dir, ['commit', ID]);
  assert.equal(first.code, 0, first.err);
  assert.match(first.err, /Committed docs\/INCIDENT_LOG\.md: incident\(INC-2026-1130-001\): declared, 1 entry/);
  assert.equal(git(dir, ['log', '-1', '--format=%s']).trim(), 'incident(INC-2026-1130-001): declared, 1 entry');
  assert.deepEqual(git(dir, ['show', '--name-only', '--format=', 'HEAD']).trim().split('\n'), ['docs/INCIDENT_LOG.md']);
  assert.equal(git(dir, ['diff', '--cached', '--name-only']).trim(), 'staged.ts', 'what the user staged stays staged, uncommitted');
  assert.equal(git(dir, ['diff', '--name-only']).trim(), 'app.ts');

  for (const [m, text] of [[5, 'Rolled back'], [6, 'Paged DB'], [7, 'Error rate down']] as const) assert.equal(runCli(dir, ['log', ID, text, ...at(m)]).code, 0);
  assert.equal(runCli(dir, ['set', ID, 'status', 'Mitigating', ...at(8)]).code, 0);
  assert.equal(runCli(dir, ['review', ID]).code, 0);
  const second = runCli(dir, ['commit', ID]);
  assert.equal(second.code, 0, second.err);
  // The status change is logged as an entry too: three entries and the status line's entry.
  assert.equal(git(dir, ['log', '-1', '--format=%s']).trim(), 'incident(INC-2026-1130-001): status Mitigating, 4 entries, review');
  assert.deepEqual(git(dir, ['show', '--name-only', '--format=', 'HEAD']).trim().split('\n').sort(), ['docs/INCIDENT_LOG.md', 'docs/pir/INC-2026-1130-001.md']);
  assert.equal(second.out.trim(), git(dir, ['rev-parse', 'HEAD']).trim(), 'the new commit is printed');
  const none = runCli(dir, ['commit', ID]);
  assert.equal(none.code, 0);
  assert.match(none.err, /Nothing to commit: the record of INC-2026-1130-001 .* is as last committed/);
  assert.ok(readFileSync(join(dir, 'app.ts'), 'utf8').includes('work in progress'));
});

test('an incident in a linked file: the linked file and the log are committed', () => {
  const dir = repo();
  mkdirSync(join(dir, 'docs/incidents'), { recursive: true });
  writeFileSync(join(dir, 'docs/INCIDENT_LOG.md'), '# Incidents\n\n| Date | Incident | Severity |\n| --- | --- | --- |\n| 2026-03-04 | [DB failover](incidents/db.md) | SEV-1 |\n');
  writeFileSync(join(dir, 'docs/incidents/db.md'), '---\nid: DB-7\nseverity: SEV-1\nstatus: Investigating\n---\n# DB failover\n\n## Timeline\n- 2026-03-04 10:00 UTC — primary down\n');
  writeFileSync(join(dir, 'docs/incidents/other.md'), '# Another incident file\n');
  const r = runCli(dir, ['commit', 'DB-7']);
  assert.equal(r.code, 0, r.err);
  assert.deepEqual(git(dir, ['show', '--name-only', '--format=', 'HEAD']).trim().split('\n').sort(), ['docs/INCIDENT_LOG.md', 'docs/incidents/db.md']);
  assert.equal(runCli(dir, ['log', 'DB-7', 'replica promoted', '--at', '2026-03-04T10:20:00Z']).code, 0);
  assert.equal(runCli(dir, ['commit', 'DB-7']).code, 0);
  assert.equal(git(dir, ['log', '-1', '--format=%s']).trim(), 'incident(DB-7): 1 entry');
  assert.deepEqual(git(dir, ['show', '--name-only', '--format=', 'HEAD']).trim().split('\n'), ['docs/incidents/db.md']);
});

test('no user, a detached HEAD, no remote: one clear message each, nothing committed; logging still works', () => {
  const dir = repo('');
  assert.equal(runCli(dir, ['declare', 'Checkout down', '--severity', 'SEV-1', ...at(0)]).code, 0);
  const noUser = runCli(dir, ['commit', ID]);
  assert.equal(noUser.code, 2);
  assert.match(noUser.err, /git does not know who you are, so it cannot commit: run git config user\.name/);
  assert.equal(gitTry(dir, ['rev-parse', 'HEAD']).code, 128, 'nothing was committed');
  git(dir, ['config', 'user.name', 'Sam Okafor']);
  git(dir, ['config', 'user.email', 'sam@example.com']);
  assert.equal(runCli(dir, ['commit', ID]).code, 0);
  git(dir, ['checkout', '-q', '--detach']);
  assert.equal(runCli(dir, ['log', ID, 'Still logging', ...at(3)]).code, 0);
  const detached = runCli(dir, ['commit', ID]);
  assert.equal(detached.code, 2);
  assert.match(detached.err, /HEAD is detached \(no branch is checked out\)/);
  git(dir, ['checkout', '-q', 'main']);
  const noRemote = runCli(dir, ['commit', ID, '--push']);
  assert.equal(noRemote.code, 2);
  assert.match(noRemote.err, /no remote to push to .* The record is committed locally/);
  assert.equal(git(dir, ['log', '-1', '--format=%s']).trim(), 'incident(INC-2026-1130-001): 1 entry');
});

test('--push: pushes, merges the remote first when it moved (never a rebase or a force); a conflict undoes the merge and says so', () => {
  const remote = join(tempDir(), 'remote.git');
  git(tempDir(), ['init', '-q', '--bare', '-b', 'main', remote]);
  const a = repo('Ana Souza');
  assert.equal(runCli(a, ['declare', 'Checkout down', '--severity', 'SEV-1', ...at(0)]).code, 0);
  git(a, ['remote', 'add', 'origin', remote]);
  const first = runCli(a, ['commit', ID, '--push']);
  assert.equal(first.code, 0, first.err);
  assert.match(first.err, /Pushed to origin\/main\./);
  const b = join(tempDir(), 'b');
  git(tempDir(), ['clone', '-q', remote, b]);
  git(b, ['config', 'user.name', 'Ben Ito']);
  git(b, ['config', 'user.email', 'ben@example.com']);
  // Without union merging, both appending at the end of the incident conflict.
  assert.equal(runCli(a, ['log', ID, 'From A', ...at(5)]).code, 0);
  assert.equal(runCli(a, ['commit', ID, '--push']).code, 0);
  assert.equal(runCli(b, ['log', ID, 'From B', ...at(6)]).code, 0);
  const conflict = runCli(b, ['commit', ID, '--push']);
  assert.equal(conflict.code, 2);
  assert.match(conflict.err, /origin\/main has changes that conflict with yours in docs\/INCIDENT_LOG\.md\. The merge was undone: your commit is kept, nothing was pushed\. Set up union merging/);
  assert.doesNotMatch(readFileSync(join(b, 'docs/INCIDENT_LOG.md'), 'utf8'), /<<<<<<<|>>>>>>>/);
  assert.equal(git(b, ['log', '-1', '--format=%s']).trim(), 'incident(INC-2026-1130-001): 1 entry');
  assert.equal(git(remote, ['log', '-1', '--format=%an', 'main']).trim(), 'Ana Souza', 'nothing of B reached the remote');
  // With union merging set up (committed by B, merged by A), the same race merges.
  git(b, ['reset', '-q', '--hard', 'origin/main']);
  assert.equal(runCli(b, ['setup-merge']).code, 0);
  git(b, ['add', '.gitattributes']);
  git(b, ['commit', '-q', '-m', 'Union merge for the incident record']);
  git(b, ['push', '-q', 'origin', 'main']);
  git(a, ['pull', '-q', '--no-rebase', 'origin', 'main']);
  assert.equal(runCli(a, ['log', ID, 'A again', ...at(7)]).code, 0);
  assert.equal(runCli(a, ['commit', ID, '--push']).code, 0);
  assert.equal(runCli(b, ['log', ID, 'B again', ...at(8)]).code, 0);
  const merged = runCli(b, ['commit', ID, '--push']);
  assert.equal(merged.code, 0, merged.err);
  assert.match(merged.err, /Merging 1 new commit from origin\/main…/);
  assert.match(merged.err, /Merged the remote’s new commits and pushed to origin\/main\./);
  const log = readFileSync(join(b, 'docs/INCIDENT_LOG.md'), 'utf8');
  assert.ok(log.includes('— A again') && log.includes('— B again'));
  assert.equal(git(remote, ['rev-parse', 'main']).trim(), git(b, ['rev-parse', 'HEAD']).trim());
  assert.equal(git(b, ['rev-list', '--merges', '--count', 'HEAD~1..HEAD']).trim(), '1', 'a merge commit, not a rebase');
});

test('the git user is the default owner: user.name, else user.email', () => {
  const dir = repo('');
  git(dir, ['config', 'user.email', 'oncall@example.com']);
  assert.equal(runCli(dir, ['declare', 'Checkout down', '--severity', 'SEV-1', ...at(0)]).code, 0);
  const shown = JSON.parse(runCli(dir, ['show', ID, '--json']).out);
  assert.equal(shown.timeline[0].owner, 'oncall@example.com');
  git(dir, ['config', 'user.name', 'Riley Oncall']);
  assert.equal(runCli(dir, ['log', ID, 'Paged', ...at(2)]).code, 0);
  assert.equal(JSON.parse(runCli(dir, ['show', ID, '--json']).out).timeline.at(-1).owner, 'Riley Oncall');
});

test('commit takes its paths literally: a log under ops[12]/ commits that log only, never ops2/ or other .md files', () => {
  const dir = repo();
  for (const folder of ['ops[12]', 'ops2']) mkdirSync(join(dir, folder));
  writeFileSync(join(dir, 'ops2', 'INCIDENT_LOG.md'), '# Another team\n');
  writeFileSync(join(dir, 'README.md'), 'readme v1\n');
  git(dir, ['add', '.']);
  git(dir, ['commit', '-q', '-m', 'base']);
  const log = ['--log', 'ops[12]/INCIDENT_LOG.md'];
  assert.equal(runCli(dir, ['declare', 'Checkout down', '--severity', 'SEV-1', ...at(0), ...log]).code, 0);
  writeFileSync(join(dir, 'ops2', 'INCIDENT_LOG.md'), '# Another team, unrelated edit\n');
  writeFileSync(join(dir, 'README.md'), 'readme v2, not ready\n');
  writeFileSync(join(dir, 'notes.md'), 'untracked notes\n');
  const r = runCli(dir, ['commit', ID, ...log]);
  assert.equal(r.code, 0, r.err);
  assert.deepEqual(git(dir, ['show', '--name-only', '--format=', 'HEAD']).trim().split('\n'), ['ops[12]/INCIDENT_LOG.md']);
  assert.deepEqual(git(dir, ['diff', '--name-only']).trim().split('\n').sort(), ['README.md', 'ops2/INCIDENT_LOG.md'], 'the unrelated changes stay uncommitted');
  assert.equal(git(dir, ['diff', '--cached', '--name-only']).trim(), '', 'and unstaged');
});

test('commit of a log that is a symbolic link inside the repository commits its target', () => {
  const dir = repo();
  mkdirSync(join(dir, 'records'));
  mkdirSync(join(dir, 'docs'));
  writeFileSync(join(dir, 'records', 'log.md'), '# Incident Log\n');
  symlinkSync('../records/log.md', join(dir, 'docs', 'INCIDENT_LOG.md'));
  git(dir, ['add', '.']);
  git(dir, ['commit', '-q', '-m', 'base']);
  assert.equal(runCli(dir, ['declare', 'Checkout down', '--severity', 'SEV-1', ...at(0)]).code, 0);
  const r = runCli(dir, ['commit', ID]);
  assert.equal(r.code, 0, r.err);
  assert.doesNotMatch(r.err, /Nothing to commit/);
  assert.deepEqual(git(dir, ['show', '--name-only', '--format=', 'HEAD']).trim().split('\n'), ['records/log.md']);
  assert.equal(git(dir, ['status', '--porcelain']).trim(), '', 'nothing left modified');
});
