// Nothing outside the repository is read into the record or written through a link: a review
// template, the review folder, the playbook folder and the log itself, each planted as a
// symbolic link out of the repository, are refused with a message naming the link.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { useBuiltCli } from './cliProcess';

const cli = useBuiltCli('boundary');
const KEY = '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ\n-----END OPENSSH PRIVATE KEY-----\n';

function setup() {
  const repo = cli.repo();
  const outside = cli.tempDir('incident-outside-');
  const r = cli.run(repo, 'declare', 'Checkout errors', '--severity', 'SEV-2', '--at', '2026-12-01T10:00:00Z');
  assert.equal(r.code, 0, r.err);
  return { repo, outside, id: r.out.trim() };
}

test('a review template linked to a file outside the repository is refused, naming the link; nothing is drafted', () => {
  const { repo, outside, id } = setup();
  writeFileSync(join(outside, 'id_ed25519'), KEY);
  mkdirSync(join(repo, '.incident', 'templates'), { recursive: true });
  symlinkSync(join(outside, 'id_ed25519'), join(repo, '.incident', 'templates', 'pir.md'));
  const r = cli.run(repo, 'review', id);
  assert.equal(r.code, 2);
  assert.match(r.err, /pir\.md points outside the repository through the symbolic link \.incident\/templates\/pir\.md → .*id_ed25519; it was not read/);
  assert.ok(!existsSync(join(repo, 'docs', 'pir', `${id}.md`)), 'no draft');
  for (const f of readdirSync(join(repo, 'docs'))) assert.doesNotMatch(readFileSync(join(repo, 'docs', f), 'utf8').toString(), /PRIVATE KEY|b3BlbnNz/);
});

test('a review folder linked outside the repository is refused; nothing is written there', () => {
  const { repo, outside, id } = setup();
  symlinkSync(outside, join(repo, 'docs', 'pir'));
  const r = cli.run(repo, 'review', id);
  assert.equal(r.code, 2);
  assert.match(r.err, /points outside the repository through the symbolic link docs\/pir → .*; it was not written/);
  assert.deepEqual(readdirSync(outside), [], 'the outside folder is untouched');
});

test('.incident linked outside the repository: init writes nothing there, and a playbook read through it is refused', () => {
  const { repo, outside } = setup();
  symlinkSync(outside, join(repo, '.incident'));
  const init = cli.run(repo, 'init');
  assert.equal(init.code, 2);
  assert.match(init.err, /points outside the repository through the symbolic link \.incident → /);
  assert.deepEqual(readdirSync(outside), []);
  writeFileSync(join(outside, 'playbook.yml'), 'preset: p1-p4\n');
  const list = cli.run(repo, 'list');
  assert.equal(list.code, 2);
  assert.match(list.err, /playbook\.yml points outside the repository through the symbolic link \.incident → .*; it was not read/);
});

test('a log that is a symbolic link out of the repository is neither read nor written', () => {
  const repo = cli.repo();
  const outside = cli.tempDir('incident-outside-');
  const victim = join(outside, 'log.md');
  writeFileSync(victim, '# Incident Log\n\n## INC-2026-1201-001: Elsewhere\n- **Severity:** SEV-2\n- **Status:** Investigating\n');
  mkdirSync(join(repo, 'docs'));
  symlinkSync(victim, join(repo, 'docs', 'INCIDENT_LOG.md'));
  const before = readFileSync(victim, 'utf8');
  const list = cli.run(repo, 'list');
  assert.equal(list.code, 2);
  assert.match(list.err, /points outside the repository through the symbolic link docs\/INCIDENT_LOG\.md → /);
  assert.equal(cli.run(repo, 'log', 'INC-2026-1201-001', 'x').code, 2);
  assert.equal(readFileSync(victim, 'utf8'), before);
});
