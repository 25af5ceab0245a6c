// `incident changes`: exactly the commits whose committer date is in the window (24 h, or
// --hours, before detection until resolution or now), newest first, with real git.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { commitAt, git, repo, runCli, tempDir } from './gitHelpers';

const LOG = (resolved: string | null) =>
  `# Incident Log\n\n## INC-2026-1130-001: Checkout down\n- **Severity:** SEV-1\n- **Status:** ${resolved ? 'Resolved' : 'Mitigating'}\n- **Detected:** 2026-11-30 09:00 UTC\n${resolved ? `- **Resolved:** ${resolved}\n` : ''}- **Incident Commander:** Dana\n\n### Timeline\n- 2026-11-30 09:00 UTC — Alerts fired (@dana)\n`;

function change(dir: string, file: string, message: string, date: string, authorDate = date): string {
  mkdirSync(join(dir, file, '..'), { recursive: true });
  writeFileSync(join(dir, file), `${message}\n`);
  git(dir, ['add', '--', file]);
  git(dir, ['commit', '-q', '-m', message], { GIT_AUTHOR_DATE: authorDate, GIT_COMMITTER_DATE: date });
  return git(dir, ['rev-parse', 'HEAD']).trim();
}

test('lists exactly the commits landed in the window, newest first, leaving out commits of the record alone', () => {
  const dir = repo();
  mkdirSync(join(dir, 'docs'));
  writeFileSync(join(dir, 'docs/INCIDENT_LOG.md'), LOG('2026-11-30 12:00 UTC'));
  commitAt(dir, 'Start the log', '2026-11-01T00:00:00Z');
  const twoDaysBefore = change(dir, 'src/cart.ts', 'Cart: new pricing', '2026-11-28T10:00:00Z');
  const inside1 = change(dir, 'src/checkout.ts', 'Checkout: raise the pool size', '2026-11-29T09:30:00Z');
  const inside2 = change(dir, 'config/app.yml', 'Config: shorter timeouts', '2026-11-30T08:59:00Z');
  writeFileSync(join(dir, 'docs/INCIDENT_LOG.md'), LOG('2026-11-30 12:00 UTC') + '- 2026-11-30 09:30 UTC — Rolled back\n');
  commitAt(dir, 'incident(INC-2026-1130-001): 1 entry', '2026-11-30T09:31:00Z', ['docs/INCIDENT_LOG.md']);
  const landedInside = change(dir, 'src/pay.ts', 'Pay: retry once', '2026-11-30T11:00:00Z', '2026-11-01T08:00:00Z');
  change(dir, 'src/late.ts', 'After the resolution', '2026-11-30T13:00:00Z');
  change(dir, 'src/authored.ts', 'Authored inside, landed later', '2026-12-01T09:00:00Z', '2026-11-30T10:00:00Z');

  const r = runCli(dir, ['changes', 'INC-2026-1130-001', '--json']);
  assert.equal(r.code, 0, r.err);
  const list = JSON.parse(r.out) as Array<{ hash: string; author: string; date: string; subject: string; files: string[] }>;
  assert.deepEqual(list.map((c) => c.hash), [landedInside, inside2, inside1]);
  assert.deepEqual(Object.keys(list[0]), ['hash', 'author', 'date', 'subject', 'files']);
  assert.deepEqual(list[1], { hash: inside2, author: 'Dana Reyes', date: '2026-11-30T08:59:00Z', subject: 'Config: shorter timeouts', files: ['config/app.yml'] });
  const wider = JSON.parse(runCli(dir, ['changes', 'INC-2026-1130-001', '--json', '--hours', '48']).out).map((c: { hash: string }) => c.hash);
  assert.deepEqual(wider, [landedInside, inside2, inside1, twoDaysBefore]);

  const human = runCli(dir, ['changes', 'INC-2026-1130-001']);
  assert.equal(human.code, 0);
  assert.match(human.err, /Commits from 2026-11-29 09:00 UTC \(24 h before detection\) to resolution, 2026-11-30 12:00 UTC:/);
  assert.match(human.out, new RegExp(`^${inside2.slice(0, 7)}\\w*  2026-11-30 08:59 UTC  Dana Reyes  Config: shorter timeouts\\n +config/app\\.yml$`, 'm'));
  for (const bad of ['0', '-3', 'soon', '9000']) assert.match(runCli(dir, ['changes', 'INC-2026-1130-001', `--hours=${bad}`]).err, /--hours takes a number of hours/);
  assert.match(runCli(dir, ['changes', 'NOPE-1']).err, /No incident "NOPE-1"/);
});

test('an open incident runs until now; detached HEAD works; a shallow clone says what is missing', () => {
  const dir = repo();
  mkdirSync(join(dir, 'docs'));
  const detected = new Date(Date.now() - 3 * 3600_000);
  const stamp = (d: Date) => `${d.toISOString().slice(0, 10)} ${d.toISOString().slice(11, 16)} UTC`;
  writeFileSync(join(dir, 'docs/INCIDENT_LOG.md'), LOG(null).replace('2026-11-30 09:00 UTC', stamp(detected)).replace('2026-11-30 09:00 UTC', stamp(detected)));
  commitAt(dir, 'Start the log', new Date(Date.now() - 72 * 3600_000).toISOString());
  const recent = change(dir, 'src/a.ts', 'An hour ago', new Date(Date.now() - 3600_000).toISOString());
  const id = `INC-2026-1130-001`;
  const r = runCli(dir, ['changes', id, '--json']);
  assert.equal(r.code, 0, r.err);
  assert.deepEqual(JSON.parse(r.out).map((c: { hash: string }) => c.hash), [recent]);
  git(dir, ['checkout', '-q', '--detach']);
  assert.deepEqual(JSON.parse(runCli(dir, ['changes', id, '--json']).out).map((c: { hash: string }) => c.hash), [recent], 'a detached HEAD lists too');
  const shallow = join(tempDir(), 'shallow');
  git(dir, ['checkout', '-q', 'main']);
  git(tempDir(), ['clone', '-q', '--depth', '1', `file://${dir}`, shallow]);
  const s = runCli(shallow, ['changes', id]);
  assert.equal(s.code, 0, s.err);
  assert.match(s.err, /This is a shallow clone: commits older than its depth are not here \(git fetch --unshallow/);
});

test('no git, no repository, a bare repository: one clear message each (exit 2), other commands still work', () => {
  const plain = tempDir();
  mkdirSync(join(plain, 'docs'));
  writeFileSync(join(plain, 'docs/INCIDENT_LOG.md'), LOG(null));
  const none = runCli(plain, ['changes', 'INC-2026-1130-001']);
  assert.equal(none.code, 2);
  assert.match(none.err, /is not in a git repository: recent changes and committing the record need one/);
  assert.equal(runCli(plain, ['list']).code, 0);

  const noGit = runCli(plain, ['changes', 'INC-2026-1130-001'], { PATH: tempDir() });
  assert.equal(noGit.code, 2);
  assert.match(noGit.err, /git is not installed \(or not on PATH\)/);
  assert.equal(runCli(plain, ['log', 'INC-2026-1130-001', 'Still works without git'], { PATH: tempDir() }).code, 0);

  const bare = join(tempDir(), 'record.git');
  git(tempDir(), ['init', '-q', '--bare', bare]);
  mkdirSync(join(bare, 'docs'));
  writeFileSync(join(bare, 'docs/INCIDENT_LOG.md'), LOG(null));
  const b = runCli(join(bare, 'docs'), ['changes', 'INC-2026-1130-001', '--log', 'INCIDENT_LOG.md']);
  assert.equal(b.code, 2);
  assert.match(b.err, /record\.git is a bare git repository: it has no working tree/);
});
