// The commander named at declaration is logged as a later assignment is, by the same short author
// handle, in the core and in the `incident` command (a real process, as `bin` ships it).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { applySplices, assignRole, declareIncident, defaultPolicy, findIncident, indexLog } from '../../src/core';
import { fixture } from './helpers';
import { useBuiltCli } from './cliProcess';

const cli = useBuiltCli('authors');
const policy = defaultPolicy();
const AT = new Date('2026-11-20T19:00:00Z');

const PLAYBOOK = ['people:', '  Priya Raman: { email: priya@shop.example, handle: "@priya" }', '  Lena Vogel: { email: lena@shop.example }', ''].join('\n');

/** A repository with the playbook above and this git user. */
function repoAs(name: string, email?: string): string {
  const dir = cli.repo();
  execFileSync('git', ['config', 'user.name', name], { cwd: dir });
  if (email) execFileSync('git', ['config', 'user.email', email], { cwd: dir });
  mkdirSync(join(dir, '.incident'));
  writeFileSync(join(dir, '.incident', 'playbook.yml'), PLAYBOOK);
  return dir;
}

const entries = (dir: string) => readFileSync(join(dir, 'docs', 'INCIDENT_LOG.md'), 'utf8').split('\n').filter((l) => l.startsWith('- 2026-'));

test('declaring with a commander logs "Incident Commander: …" by the declarer, as assigning a role later does', () => {
  const text = fixture('canonical.md');
  const d = declareIncident(indexLog(text), { title: 'Cart empty', severity: 'SEV-2', commander: 'Ana Souza', at: AT, owner: 'priya' }, policy);
  let after = applySplices(text, d.splices);
  after = applySplices(after, assignRole(indexLog(after), d.id, 'techLead', 'Sam Okafor', { at: AT, owner: 'priya' }, policy));
  const inc = findIncident(indexLog(after), d.id)!;
  assert.deepEqual(
    inc.timeline.map((e) => [e.at, e.text, e.owner]),
    [
      ['2026-11-20T19:00:00Z', 'Incident declared (SEV-2)', 'priya'],
      ['2026-11-20T19:00:00Z', 'Incident Commander: Ana Souza', 'priya'],
      ['2026-11-20T19:00:00Z', 'Technical Lead: Sam Okafor', 'priya'],
    ],
  );
  assert.ok(after.includes('\n- 2026-11-20 19:00 UTC — Incident Commander: Ana Souza (@priya)\n'), after);
  // No commander named: nothing to log but the declaration.
  const bare = declareIncident(indexLog(text), { title: 'Cart empty', severity: 'SEV-2', at: AT, owner: 'priya' }, policy);
  assert.deepEqual(findIncident(indexLog(applySplices(text, bare.splices)), bare.id)!.timeline.map((e) => e.text), ['Incident declared (SEV-2)']);
});

test('incident declare --commander logs the commander, and every entry carries the playbook handle of the git user (by name)', () => {
  const dir = repoAs('Priya Raman');
  const d = cli.run(dir, 'declare', 'Checkout down', '--severity', 'SEV-1', '--commander', 'Lena Vogel', '--at', '2026-11-20T14:30:00Z');
  assert.equal(d.code, 0, d.err);
  const id = d.out.trim().split('\n').at(-1)!;
  assert.equal(cli.run(dir, 'set', id, 'tech-lead', 'Sam Okafor', '--at', '2026-11-20T14:35:00Z').code, 0);
  assert.equal(cli.run(dir, 'log', id, 'Rolled back deploy 7f3c', '--at', '2026-11-20T14:40:00Z').code, 0);
  assert.deepEqual(entries(dir), [
    '- 2026-11-20 14:30 UTC — Incident declared (SEV-1) (@priya)',
    '- 2026-11-20 14:30 UTC — Incident Commander: Lena Vogel (@priya)',
    '- 2026-11-20 14:35 UTC — Technical Lead: Sam Okafor (@priya)',
    '- 2026-11-20 14:40 UTC — Rolled back deploy 7f3c (@priya)',
  ]);
  const shown = JSON.parse(cli.run(dir, 'show', id, '--json').out);
  assert.deepEqual(shown.timeline.map((e: { owner: string }) => e.owner), ['priya', 'priya', 'priya', 'priya']);
});

test('the CLI matches the git user to the playbook by email; anyone else is their name as written, without an @ before a full name', () => {
  const byEmail = repoAs('P. Raman', 'PRIYA@shop.example');
  assert.equal(cli.run(byEmail, 'declare', 'Checkout down', '--severity', 'SEV-1', '--at', '2026-11-20T14:30:00Z').code, 0);
  assert.deepEqual(entries(byEmail), ['- 2026-11-20 14:30 UTC — Incident declared (SEV-1) (@priya)']);

  const other = repoAs('Dana Reyes', 'dana@elsewhere.example');
  const d = cli.run(other, 'declare', 'Checkout down', '--severity', 'SEV-1', '--commander', 'Dana Reyes', '--at', '2026-11-20T14:30:00Z');
  const id = d.out.trim().split('\n').at(-1)!;
  assert.equal(cli.run(other, 'log', id, 'Paged the database team', '--at', '2026-11-20T14:31:00Z').code, 0);
  assert.deepEqual(entries(other), [
    '- 2026-11-20 14:30 UTC — Incident declared (SEV-1) (Dana Reyes)',
    '- 2026-11-20 14:30 UTC — Incident Commander: Dana Reyes (Dana Reyes)',
    '- 2026-11-20 14:31 UTC — Paged the database team (Dana Reyes)',
  ]);
  const shown = JSON.parse(cli.run(other, 'show', id, '--json').out);
  assert.deepEqual(
    shown.timeline.map((e: { text: string; owner: string }) => [e.text, e.owner]),
    [
      ['Incident declared (SEV-1)', 'Dana Reyes'],
      ['Incident Commander: Dana Reyes', 'Dana Reyes'],
      ['Paged the database team', 'Dana Reyes'],
    ],
  );
  assert.match(cli.run(other, 'show', id).out, /Paged the database team \(Dana Reyes\)/);
});
