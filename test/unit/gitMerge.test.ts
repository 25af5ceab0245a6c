// Union merging of the incident record: the .gitattributes rules read as git reads them, the
// splice that adds the missing lines, `incident setup-merge`, and check's `no-union-merge`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { globMatch, mergeAttribute, patternMatches, spliceUnionLines, unionTargets } from '../../src/core/git/attributes';
import { git, repo, runCli, tempDir } from './gitHelpers';

const LOG = '# Incident Log\n\n## INC-2026-1130-001: Checkout down\n- **Severity:** SEV-1\n- **Status:** Investigating\n- **Detected:** 2026-11-30 09:00 UTC\n\n### Timeline\n- 2026-11-30 09:00 UTC — Alerts fired (@dana)\n';

test('attribute patterns match as git matches them', () => {
  assert.ok(globMatch('*.md', 'INCIDENT_LOG.md'));
  assert.ok(!globMatch('*.md', 'a/b.md'), '* does not cross /');
  assert.ok(globMatch('docs/**/*.md', 'docs/pir/x.md'));
  assert.ok(globMatch('docs/**/*.md', 'docs/x.md'), '**/ matches no folder too');
  assert.ok(globMatch('**/INCIDENT_LOG.md', 'a/b/INCIDENT_LOG.md'));
  assert.ok(globMatch('docs/**', 'docs/a/b'));
  assert.ok(globMatch('INC-[0-9]*.md', 'INC-2026.md'));
  assert.ok(!globMatch('INC-[!0-9]*.md', 'INC-2026.md'));
  assert.ok(globMatch('a\\*b', 'a*b') && !globMatch('a\\*b', 'axb'));
  assert.ok(patternMatches('INCIDENT_LOG.md', 'docs/INCIDENT_LOG.md'), 'a pattern without / matches the name at any depth');
  assert.ok(patternMatches('/docs/INCIDENT_LOG.md', 'docs/INCIDENT_LOG.md'));
  assert.ok(!patternMatches('/INCIDENT_LOG.md', 'docs/INCIDENT_LOG.md'));
  // Linear however the pattern is written.
  const started = performance.now();
  assert.ok(!globMatch('*a*a*a*a*a*a*a*a*a*a*a*a*b', 'a'.repeat(2000)));
  assert.ok(performance.now() - started < 1000);
});

test('the last rule about merge wins; -merge, binary and other drivers are not union', () => {
  const at = (text: string, rel = 'docs/INCIDENT_LOG.md') => mergeAttribute([{ text, base: '' }], rel);
  assert.equal(at('*.md merge=union\n'), 'union');
  assert.equal(at('*.md merge=union\ndocs/INCIDENT_LOG.md -merge\n'), 'unset');
  assert.equal(at('docs/INCIDENT_LOG.md binary\n'), 'unset');
  assert.equal(at('# docs/INCIDENT_LOG.md merge=union\n*.md text eol=lf\n'), undefined);
  assert.equal(at('"docs/INCIDENT_LOG.md" merge=union\r\n'), 'union');
  assert.equal(mergeAttribute([{ text: '*.md -merge\n', base: '' }, { text: 'INCIDENT_LOG.md merge=union\n', base: 'docs' }], 'docs/INCIDENT_LOG.md'), 'union', 'a deeper file wins');
});

test('the splice creates the file, appends only what is missing, keeps every byte and the line endings, and is idempotent', () => {
  const root = '/repo';
  const targets = unionTargets(root, '/repo/docs/INCIDENT_LOG.md', ['/repo/docs/incidents/2026-03-04-db.md', '/repo/docs/beside.md', '/repo/my notes/x.md']);
  assert.deepEqual(targets.map((t) => t.pattern), ['docs/INCIDENT_LOG.md', 'docs/pir/*.md', 'docs/incidents/*.md', 'docs/beside.md', '"my notes/*.md"']);
  const created = spliceUnionLines(undefined, targets);
  assert.equal(created.added.length, 5);
  assert.match(created.text, /^# Incident record: .+\ndocs\/INCIDENT_LOG\.md merge=union\ndocs\/pir\/\*\.md merge=union\n/);
  assert.deepEqual(spliceUnionLines(created.text, targets), { text: created.text, added: [] }, 'idempotent');

  const crlf = '\uFEFF*.png binary\r\n*.md   text eol=crlf';
  const spliced = spliceUnionLines(crlf, targets.slice(0, 2));
  assert.ok(spliced.text.startsWith(crlf + '\r\n'), 'the existing bytes are a prefix, a missing final line break is added');
  assert.ok(!spliced.text.slice(crlf.length).replace(/\r\n/g, '').includes('\n'), 'CRLF throughout');
  assert.deepEqual(spliceUnionLines(spliced.text, targets.slice(0, 2)).added, []);

  const covered = spliceUnionLines('docs/** merge=union\n', targets.slice(0, 2));
  assert.deepEqual(covered.added, [], 'a broader rule already covers the record');
});

test('incident setup-merge: creates or splices .gitattributes, idempotently; git itself then merges the record by union', () => {
  const dir = repo();
  mkdirSync(join(dir, 'docs/incidents'), { recursive: true });
  writeFileSync(join(dir, 'docs/INCIDENT_LOG.md'), '# Incident Log\n\n| Date | Incident | Severity |\n| --- | --- | --- |\n| 2026-03-04 | [DB failover](incidents/2026-03-04-db.md) | SEV-1 |\n');
  writeFileSync(join(dir, 'docs/incidents/2026-03-04-db.md'), '---\nseverity: SEV-1\nstatus: Resolved\n---\n# DB failover\n');
  writeFileSync(join(dir, '.gitattributes'), '*.png binary\r\n');
  const r = runCli(dir, ['setup-merge']);
  assert.equal(r.code, 0, r.err);
  assert.match(r.err, /Added to \.gitattributes:\n {2}docs\/INCIDENT_LOG\.md merge=union\n {2}docs\/pir\/\*\.md merge=union\n {2}docs\/incidents\/\*\.md merge=union\n/);
  const text = readFileSync(join(dir, '.gitattributes'), 'utf8');
  assert.ok(text.startsWith('*.png binary\r\n\r\n# Incident record'), JSON.stringify(text));
  for (const path of ['docs/INCIDENT_LOG.md', 'docs/pir/INC-2026-1130-001.md', 'docs/incidents/2026-03-04-db.md']) {
    assert.equal(git(dir, ['check-attr', 'merge', '--', path]).trim(), `${path}: merge: union`);
  }
  assert.equal(git(dir, ['check-attr', 'merge', '--', 'README.md']).trim(), 'README.md: merge: unspecified');
  const again = runCli(dir, ['setup-merge']);
  assert.equal(again.code, 0);
  assert.match(again.err, /already merges the incident record by union; nothing to do/);
  assert.equal(readFileSync(join(dir, '.gitattributes'), 'utf8'), text);
});

test('setup-merge outside git says so and writes nothing; init offers it and init --merge does it', () => {
  const plain = tempDir();
  mkdirSync(join(plain, 'docs'));
  writeFileSync(join(plain, 'docs/INCIDENT_LOG.md'), LOG);
  const r = runCli(plain, ['setup-merge']);
  assert.equal(r.code, 2);
  assert.match(r.err, /is not in a git repository: union merging is a git setting/);
  const dir = repo();
  const init = runCli(dir, ['init']);
  assert.equal(init.code, 0, init.err);
  assert.match(init.err, /Run "incident setup-merge"/);
  const merged = runCli(dir, ['init', '--merge']);
  assert.equal(merged.code, 0, merged.err);
  assert.match(merged.err, /Added merge=union for the incident record to \.gitattributes/);
  assert.equal(git(dir, ['check-attr', 'merge', '--', 'docs/INCIDENT_LOG.md']).trim(), 'docs/INCIDENT_LOG.md: merge: union');
  assert.doesNotMatch(runCli(dir, ['init']).err, /setup-merge/, 'no offer once it is set up');
});

test('check reports no-union-merge (info, exit 0 on its own) for a log shared through a remote without it', () => {
  const dir = repo();
  mkdirSync(join(dir, 'docs'));
  writeFileSync(join(dir, 'docs/INCIDENT_LOG.md'), LOG.replace('- **Detected:**', '- **Incident Commander:** Dana\n- **Detected:**'));
  const now = ['--now', '2026-11-30T09:10:00Z'];
  assert.doesNotMatch(runCli(dir, ['check', '--json', ...now]).out, /no-union-merge/, 'not shared: no remote');
  git(dir, ['remote', 'add', 'origin', tempDir()]);
  const r = runCli(dir, ['check', '--json', ...now]);
  assert.equal(r.code, 0, 'an info finding alone does not fail check');
  const found = JSON.parse(r.out).filter((p: { code: string }) => p.code === 'no-union-merge');
  assert.equal(found.length, 1);
  assert.equal(found[0].severity, 'info');
  assert.match(found[0].message, /docs\/INCIDENT_LOG\.md is shared through git without merge=union/);
  assert.match(runCli(dir, ['check', ...now]).out, /docs\/INCIDENT_LOG\.md:1: info: .+ \[no-union-merge\]/);
  assert.equal(runCli(dir, ['setup-merge']).code, 0);
  assert.doesNotMatch(runCli(dir, ['check', '--json', ...now]).out, /no-union-merge/);
  // A worktree's .git is a file: the remote is found in the common folder.
  const wt = join(tempDir(), 'wt');
  git(dir, ['add', '.']);
  git(dir, ['commit', '-q', '-m', 'record']);
  git(dir, ['worktree', 'add', '-q', wt]);
  writeFileSync(join(wt, '.gitattributes'), '');
  assert.match(runCli(wt, ['check', '--json', ...now]).out, /no-union-merge/);
});
