// The file layer on real files: only regular files under the cap are opened, links stay inside
// the repository, writes land at a symlinked log's target, the playbook search stops at the
// repository root, and front matter is YAML only (never run, never cached).
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import {
  chmodSync,
  closeSync,
  ftruncateSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { setFlagsFromString } from 'node:v8';
import { defaultPolicy, indexIncidentFile, indexLog } from '../../src/core';
import { parseFrontMatter } from '../../src/core/reader/frontMatter';
import { LogFileError, findPlaybook, indexFile, linkRefusals, policyFor, readTextFile } from '../../src/core/log/logFile';
import { RepositoryFiles } from '../../src/core/log/repositoryFiles';
import { decodeHref, findGitRoot, findIncidentLog, repositoryRoot, resolveLinkedFile } from '../../src/core/log/paths';

const made: string[] = [];
after(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'incident-files-'));
  made.push(dir);
  return dir;
}

function mkfifo(path: string): void {
  execFileSync('mkfifo', [path]);
}

/**
 * Runs `fn` with a helper that opens `fifo` for writing after a few seconds: should `fn` ever
 * open the FIFO for reading, the test fails on its timing instead of hanging the suite.
 */
function withFifoRescue<T>(fifo: string, fn: () => T): { value: T; ms: number } {
  const rescue: ChildProcess = spawn('sh', ['-c', 'sleep 3; exec 3>"$1"', 'sh', fifo], { stdio: 'ignore' });
  try {
    const t0 = performance.now();
    const value = fn();
    return { value, ms: performance.now() - t0 };
  } finally {
    rescue.kill('SIGKILL');
  }
}

function readError(path: string): LogFileError {
  try {
    readTextFile(path);
  } catch (e) {
    assert.ok(e instanceof LogFileError, `a LogFileError, not ${String(e)}`);
    return e;
  }
  assert.fail(`${path} was read`);
}

/** repo/ (with .git) holding docs/INCIDENT_LOG.md and docs/incidents/; outside/victim.md beside it. */
function layout() {
  const top = tempDir();
  const repo = join(top, 'repo');
  const docs = join(repo, 'docs');
  const incidents = join(docs, 'incidents');
  const outside = join(top, 'outside');
  mkdirSync(join(repo, '.git'), { recursive: true });
  mkdirSync(incidents, { recursive: true });
  mkdirSync(outside);
  const victim = join(outside, 'victim.md');
  writeFileSync(victim, '---\nid: INC-2026-0101-666\nseverity: SEV-1\n---\n# Secret outside the repository\n');
  return { top, repo, docs, incidents, outside, victim, log: join(docs, 'INCIDENT_LOG.md') };
}

test('a FIFO is refused at once, without opening it', () => {
  const dir = tempDir();
  const fifo = join(dir, 'INCIDENT_LOG.md');
  mkfifo(fifo);
  const { value: e, ms } = withFifoRescue(fifo, () => readError(fifo));
  assert.ok(ms < 1000, `refusing took ${ms.toFixed(0)} ms`);
  assert.equal(e.message, `${fifo} is a FIFO, not a file; it was not read.`);
  assert.equal(e.reason, 'is a FIFO, not a file');
});

test('a symbolic link to /dev/zero, a directory and a file over 50 MB are refused with what they are', () => {
  const dir = tempDir();
  const zero = join(dir, 'zero.md');
  symlinkSync('/dev/zero', zero);
  const t0 = performance.now();
  assert.match(readError(zero).message, /zero\.md is a character device, not a file; it was not read\.$/);
  assert.ok(performance.now() - t0 < 1000);
  assert.match(readError(dir).message, /is a directory, not a file/);
  // Sparse: 51 MB on paper, nothing on disk, so the test is quick.
  const big = join(dir, 'big.md');
  const fd = openSync(big, 'w');
  ftruncateSync(fd, 51 * 1024 * 1024);
  closeSync(fd);
  assert.equal(readError(big).message, `${big} is 51 MB; logs over 50 MB are not read.`);
});

test('reading keeps what it did: absent is undefined, a BOM stays, binary and invalid UTF-8 are named', () => {
  const dir = tempDir();
  assert.equal(readTextFile(join(dir, 'none.md')), undefined);
  writeFileSync(join(dir, 'bom.md'), '\ufeff# Log\n');
  assert.equal(readTextFile(join(dir, 'bom.md')), '\ufeff# Log\n');
  writeFileSync(join(dir, 'bin.md'), Buffer.from([0x23, 0x00, 0x01]));
  assert.match(readError(join(dir, 'bin.md')).message, /bin\.md is a binary file/);
  writeFileSync(join(dir, 'latin1.md'), Buffer.from([0x23, 0x20, 0xe9, 0x0a]));
  assert.match(readError(join(dir, 'latin1.md')).message, /latin1\.md is not valid UTF-8/);
});

test('the default log: the nearest docs/INCIDENT_LOG.md from the folder up to the repository root, else the root one', () => {
  const repo = tempDir();
  mkdirSync(join(repo, '.git'));
  const rootLog = join(repo, 'docs', 'INCIDENT_LOG.md');
  const service = join(repo, 'services', 'payments');
  const deep = join(service, 'src', 'handlers');
  mkdirSync(deep, { recursive: true });
  // No log yet anywhere: the root's, where declare creates it.
  assert.equal(findIncidentLog(deep), rootLog);
  mkdirSync(join(repo, 'docs'));
  writeFileSync(rootLog, '# Log\n');
  assert.equal(findIncidentLog(deep), rootLog);
  // A service with a log of its own: from anywhere inside it, that one.
  mkdirSync(join(service, 'docs'));
  writeFileSync(join(service, 'docs', 'INCIDENT_LOG.md'), '# Payments log\n');
  assert.equal(findIncidentLog(deep), join(service, 'docs', 'INCIDENT_LOG.md'));
  assert.equal(findIncidentLog(service), join(service, 'docs', 'INCIDENT_LOG.md'));
  assert.equal(findIncidentLog(repo), rootLog);
  // A folder (or a FIFO) of that name is not a log, and is never opened.
  const other = join(repo, 'services', 'search');
  mkdirSync(join(other, 'docs', 'INCIDENT_LOG.md'), { recursive: true });
  assert.equal(findIncidentLog(other), rootLog);
  const piped = join(repo, 'services', 'piped');
  mkdirSync(join(piped, 'docs'), { recursive: true });
  mkfifo(join(piped, 'docs', 'INCIDENT_LOG.md'));
  assert.equal(findIncidentLog(piped), rootLog);
  // Never above the repository: a log beside it is not this repository's.
  const outer = tempDir();
  mkdirSync(join(outer, 'docs'));
  writeFileSync(join(outer, 'docs', 'INCIDENT_LOG.md'), '# Outer\n');
  const inner = join(outer, 'repo');
  mkdirSync(join(inner, '.git'), { recursive: true });
  assert.equal(findIncidentLog(inner), join(inner, 'docs', 'INCIDENT_LOG.md'));
});

test('the repository root: .git as a folder or a file; without git, the workspace folder, else the log folder', () => {
  const { repo, docs, log, top } = layout();
  assert.equal(findGitRoot(docs), repo);
  assert.equal(repositoryRoot(log), repo);
  const worktree = join(top, 'worktree');
  mkdirSync(join(worktree, 'docs'), { recursive: true });
  writeFileSync(join(worktree, '.git'), 'gitdir: /elsewhere/.git/worktrees/x\n');
  assert.equal(repositoryRoot(join(worktree, 'docs', 'INCIDENT_LOG.md')), worktree);
  const plain = join(top, 'plain');
  mkdirSync(join(plain, 'docs'), { recursive: true });
  const plainLog = join(plain, 'docs', 'INCIDENT_LOG.md');
  if (findGitRoot(plain) === undefined) {
    assert.equal(repositoryRoot(plainLog), join(plain, 'docs'));
    assert.equal(repositoryRoot(plainLog, { workspaceFolder: plain }), plain);
    assert.equal(repositoryRoot(plainLog, { workspaceFolder: '/' }), join(plain, 'docs'), 'a filesystem root is never the workspace');
    assert.equal(repositoryRoot(plainLog, { workspaceFolder: repo }), join(plain, 'docs'), 'a workspace that does not hold the log');
  }
});

test('links: outside, absolute, URL, out through a symbolic link, malformed, FIFO: each refused with its reason', () => {
  const { repo, docs, incidents, outside, victim, log } = layout();
  writeFileSync(join(incidents, 'a b.md'), '# A\n');
  symlinkSync(victim, join(incidents, 'escape.md'));
  symlinkSync(outside, join(docs, 'ext'));
  symlinkSync('/dev/zero', join(incidents, 'zero.md'));
  mkfifo(join(incidents, 'fifo.md'));
  mkdirSync(join(incidents, 'folder.md'));
  symlinkSync(join(incidents, 'gone.md'), join(incidents, 'dangling.md'));
  const reason = (href: string) => {
    const r = resolveLinkedFile(log, href, repo);
    return 'reason' in r ? r.reason : `resolved to ${r.realPath}`;
  };
  const { ms } = withFifoRescue(join(incidents, 'fifo.md'), () => {
    assert.equal(reason('../../outside/victim.md'), 'points outside the repository');
    assert.equal(reason('..%2F..%2Foutside%2Fvictim.md'), 'points outside the repository');
    assert.equal(reason(victim), 'is an absolute path; links must be relative to the log');
    assert.equal(reason(encodeURI(victim)), 'is an absolute path; links must be relative to the log');
    assert.equal(reason('https://example.com/x.md'), 'is a URL, not a file in the repository');
    assert.equal(reason('file:///etc/passwd'), 'is a URL, not a file in the repository');
    assert.match(reason('incidents/escape.md'), /^points outside the repository through the symbolic link /);
    assert.match(reason('ext/victim.md'), /^points outside the repository through the symbolic link /);
    assert.match(reason('incidents/zero.md'), /^points outside the repository through the symbolic link /);
    assert.equal(reason('incidents/%E0%A4%A.md'), 'has a malformed %-encoding');
    assert.equal(reason('incidents/x%00.md'), 'contains a NUL character');
    assert.equal(reason('incidents/fifo.md'), 'is a FIFO, not a file');
    assert.equal(reason('incidents/folder.md'), 'is a directory, not a file');
    assert.equal(reason('incidents/dangling.md'), 'is a symbolic link to a file that does not exist');
    assert.equal(reason('../.git/config'), "points into the repository's .git folder");
  });
  assert.ok(ms < 1000, `checking the links took ${ms.toFixed(0)} ms`);
  assert.deepEqual(decodeHref('incidents/%E0%A4%A.md'), { reason: 'has a malformed %-encoding' });

  const ok = resolveLinkedFile(log, 'incidents/a%20b.md#timeline', repo);
  assert.deepEqual(ok, { path: join(incidents, 'a b.md'), realPath: join(incidents, 'a b.md'), exists: true });
  const notYet = resolveLinkedFile(log, 'incidents/new/later.md', repo);
  assert.ok(!('reason' in notYet) && notYet.exists === false, 'a file not written yet is not a refusal');
  assert.match(reason('ext/new.md'), /^points outside the repository through the symbolic link /, 'nor is a missing file reached through a link out');
  // The root defaults to the log's repository.
  assert.equal((resolveLinkedFile(log, '../../outside/victim.md') as { reason: string }).reason, 'points outside the repository');
});

test('indexFile lists refused rows from the table, records why, and reads nothing outside the repository', () => {
  const { repo, docs, incidents, outside, victim } = layout();
  writeFileSync(join(incidents, 'db.md'), readFileSync(join(__dirname, '../fixtures/logs/incidents/2026-03-04-db-failover.md')));
  symlinkSync(victim, join(incidents, 'escape.md'));
  symlinkSync('/dev/zero', join(docs, 'zero.md'));
  mkfifo(join(incidents, 'fifo.md'));
  const rows = [
    ['Database failover', 'incidents/db.md'],
    ['Parent traversal', '../../outside/victim.md'],
    ['Absolute', victim],
    ['Link out', 'incidents/escape.md'],
    ['Device', 'zero.md'],
    ['Pipe', 'incidents/fifo.md'],
  ];
  const text = `# Incident index\n\n| Date | Incident | Severity |\n| --- | --- | --- |\n${rows.map(([t, h]) => `| 2026-03-04 | [${t}](${h}) | SEV-2 |\n`).join('')}`;
  const log = join(docs, 'INCIDENT_LOG.md');
  writeFileSync(log, text);
  const before = readFileSync(victim, 'utf8');
  const refusals: { href: string; reason: string; message: string }[] = [];
  const { value: index, ms } = withFifoRescue(join(incidents, 'fifo.md'), () => {
    const idx = indexFile(log, text, defaultPolicy(), { root: repo, refusals });
    idx.incidents.forEach((i) => i.timeline);
    return idx;
  });
  assert.ok(ms < 1000, `indexing took ${ms.toFixed(0)} ms`);
  assert.deepEqual(index.incidents.map((i) => [i.title, i.source]), [
    ['Database failover', 'linked-file'],
    ['Parent traversal', 'table-row'],
    ['Absolute', 'table-row'],
    ['Link out', 'table-row'],
    ['Device', 'table-row'],
    ['Pipe', 'table-row'],
  ]);
  assert.ok(!JSON.stringify(index.incidents.map((i) => [i.id, i.title])).includes('Secret'), 'the file outside was never read');
  assert.deepEqual(refusals.map((r) => [r.href, r.reason.replace(/ → .*/, ' → …')]), [
    ['../../outside/victim.md', 'points outside the repository'],
    [victim, 'is an absolute path; links must be relative to the log'],
    ['incidents/escape.md', 'points outside the repository through the symbolic link docs/incidents/escape.md → …'],
    ['zero.md', 'points outside the repository through the symbolic link docs/zero.md → …'],
    ['incidents/fifo.md', 'is a FIFO, not a file'],
  ]);
  assert.equal(refusals[0].message, 'The linked file ../../outside/victim.md points outside the repository; it is not read.');
  assert.deepEqual(linkRefusals(index), refusals);
  // Each refused row is a refused-link problem on its line, naming why, for `check` to show.
  const refused = index.problems.filter((p) => p.code === 'refused-link');
  assert.deepEqual(refused.map((p) => p.line), [6, 7, 8, 9, 10]);
  assert.deepEqual(refused.map((p) => p.message), refusals.map((r) => r.message));
  assert.equal(readFileSync(victim, 'utf8'), before);
  assert.deepEqual(readdirSync(outside), ['victim.md']);
});

test('a malformed %-encoding in a link is reported, never thrown; the rows are still listed', () => {
  const { repo, docs } = layout();
  const log = join(docs, 'INCIDENT_LOG.md');
  const text = '# Incident index\n\n| Date | Incident | Severity |\n| --- | --- | --- |\n| 2026-03-04 | [Broken](incidents/%E0%A4%A.md) | SEV-2 |\n| 2026-03-05 | [Fine](incidents/fine.md) | SEV-3 |\n';
  const index = indexFile(log, text, defaultPolicy(), { root: repo });
  assert.deepEqual(index.incidents.map((i) => i.title), ['Broken', 'Fine']);
  assert.deepEqual(
    index.problems.filter((p) => p.code === 'refused-link').map((p) => [p.line, p.message]),
    [[5, 'The linked file incidents/%E0%A4%A.md has a malformed %-encoding; it is not read.']],
  );
});

test('a symbolic-linked log is written at its target, stays a link, keeps its mode and leaves no temp file', async () => {
  const top = tempDir();
  const shared = join(top, 'shared');
  const docs = join(top, 'repo', 'docs');
  mkdirSync(shared);
  mkdirSync(docs, { recursive: true });
  const target = join(shared, 'log.md');
  writeFileSync(target, '# Log\n');
  chmodSync(target, 0o664);
  const link = join(docs, 'INCIDENT_LOG.md');
  symlinkSync('../../shared/log.md', link);
  const files = new RepositoryFiles(top);
  const seen: Array<string | undefined> = [];
  await files.update(link, (current) => {
    seen.push(current);
    return '# Log\n\n## INC-1\n';
  });
  assert.deepEqual(seen, ['# Log\n'], 'the change is computed from the text on disk');
  assert.ok(lstatSync(link).isSymbolicLink(), 'the link is still a link');
  assert.equal(readFileSync(target, 'utf8'), '# Log\n\n## INC-1\n');
  assert.equal(statSync(target).mode & 0o7777, 0o664, 'the mode survives the umask');
  assert.deepEqual(readdirSync(shared), ['log.md'], 'no temp file or lock left beside the target');
  assert.deepEqual(readdirSync(docs), ['INCIDENT_LOG.md']);

  // What the change throws is thrown, with nothing written.
  await assert.rejects(files.update(link, () => {
    throw new Error('refused by the change');
  }), /refused by the change/);
  assert.equal(readFileSync(target, 'utf8'), '# Log\n\n## INC-1\n');
  // From the repository below, the same link leads out: refused, naming the link.
  await assert.rejects(new RepositoryFiles(join(top, 'repo')).update(link, () => 'x'), /points outside the repository through the symbolic link docs\/INCIDENT_LOG\.md → .*shared\/log\.md; it was not written/);
  assert.equal(readFileSync(target, 'utf8'), '# Log\n\n## INC-1\n');
  // A link to nothing is not silently replaced by a file.
  const dangling = join(docs, 'dangling.md');
  symlinkSync('../../shared/none.md', dangling);
  await assert.rejects(files.update(dangling, () => 'x'), /is a symbolic link to \.\.\/\.\.\/shared\/none\.md that does not exist; nothing was written/);
  assert.ok(lstatSync(dangling).isSymbolicLink());
  assert.deepEqual(readdirSync(shared), ['log.md']);
  // A new file is created (and create never overwrites); a FIFO in its place is refused without opening it.
  const fresh = join(top, 'repo', 'new', 'INCIDENT_LOG.md');
  assert.equal(await files.create(fresh, '# New\n'), true);
  assert.equal(await files.create(fresh, '# Other\n'), false);
  assert.equal(readFileSync(fresh, 'utf8'), '# New\n');
  const fifo = join(docs, 'fifo.md');
  mkfifo(fifo);
  const started = Date.now();
  await assert.rejects(files.update(fifo, () => 'x'), /is not a regular file|is a FIFO, not a file/);
  assert.ok(Date.now() - started < 1000);
  assert.ok(lstatSync(fifo).isFIFO());
});

test('the playbook is searched from the log up to the repository root, never above', async () => {
  const { top, repo, docs, log } = layout();
  writeFileSync(log, '# Incident Log\n');
  mkdirSync(join(top, '.incident'));
  writeFileSync(join(top, '.incident', 'playbook.yml'), 'preset: p1-p4\n');
  assert.equal(findPlaybook(docs), undefined);
  assert.equal(findPlaybook(docs, repo), undefined);
  const above = await policyFor(log);
  assert.equal(above.path, undefined);
  assert.deepEqual(above.policy.severities.map((s) => s.id), defaultPolicy().severities.map((s) => s.id));

  mkdirSync(join(repo, '.incident'));
  writeFileSync(join(repo, '.incident', 'playbook.yml'), 'preset: p1-p4\n');
  assert.equal(findPlaybook(docs), join(repo, '.incident', 'playbook.yml'));
  const inside = await policyFor(log);
  assert.equal(inside.path, join(repo, '.incident', 'playbook.yml'));
  assert.equal(inside.policy.severities[0].id, 'P1');

  // Without git the workspace folder bounds the search.
  const ws = join(top, 'ws');
  mkdirSync(join(ws, 'docs'), { recursive: true });
  if (findGitRoot(ws) === undefined) {
    const wsLog = join(ws, 'docs', 'INCIDENT_LOG.md');
    assert.equal((await policyFor(wsLog, { workspaceFolder: ws })).path, undefined, 'the playbook above the workspace is ignored');
    mkdirSync(join(ws, '.incident'));
    writeFileSync(join(ws, '.incident', 'playbook.yml'), 'preset: p1-p4\n');
    assert.equal((await policyFor(wsLog, { workspaceFolder: ws })).path, join(ws, '.incident', 'playbook.yml'));
  }
});

test('front matter is YAML only: a ---js block is never run', () => {
  const g = globalThis as { incidentPwned?: number };
  delete g.incidentPwned;
  const js = '---js\n({ severity: (globalThis.incidentPwned = 1, "SEV-1") })\n---\n';
  assert.throws(() => parseFrontMatter(js), /Front matter marked "js" is not read: only YAML front matter is/);
  assert.throws(() => parseFrontMatter('---javascript\nglobalThis.incidentPwned = 2\n---\n'), /not read/);
  indexLog(`${js}# Log\n`);
  indexIncidentFile(`${js}# X\n`);
  // YAML's own tags cannot reach code either: an unknown tag leaves the text a string.
  const tagged = parseFrontMatter('---\nx: !!js/function "function () { globalThis.incidentPwned = 3 }"\n---\n');
  assert.equal(typeof tagged.data.x, 'string');
  assert.equal(g.incidentPwned, undefined);
  assert.deepEqual(parseFrontMatter('---\nseverity: SEV-2\ndetected: 2026-03-04\n---\n').data, { severity: 'SEV-2', detected: new Date('2026-03-04T00:00:00Z') });
  assert.deepEqual(parseFrontMatter('---\n---\n').data, {});
  assert.match((() => {
    try {
      parseFrontMatter('---\ntitle: x\ntitle: y\n---\n');
    } catch (e) {
      return (e as Error).message;
    }
    return '';
  })(), /unique at line 3/);
});

test('front matter is not cached: 20,000 distinct blocks leave the heap where it was', () => {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  const filler = 'x'.repeat(2000);
  parseFrontMatter('---\nwarm: up\n---\n');
  gc();
  const before = process.memoryUsage().heapUsed;
  for (let i = 0; i < 20_000; i++) {
    const { data } = parseFrontMatter(`---\nid: INC-${i}\nnote: ${filler}${i}\n---\n`);
    assert.equal(data.id, `INC-${i}`);
  }
  gc();
  const grown = process.memoryUsage().heapUsed - before;
  // A cache keyed by input would hold 20,000 × ~2 KB of text alone: 40 MB.
  assert.ok(grown < 8 * 1024 * 1024, `the heap grew by ${(grown / 1024 / 1024).toFixed(1)} MB`);
});
