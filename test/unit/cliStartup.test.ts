// How much of the `incident` bundle a process loads before it answers: `--version` alone is
// answered by the entry file, without the bundle (the reader, the zone data, the lock library).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { useBuiltCli } from './cliProcess';

const ROOT = resolve(__dirname, '../..');
const cli = useBuiltCli('startup');

test('--version alone loads no bundle: the entry file answers it with the package version', () => {
  const alone = cli.tempDir('incident-startup-shim-');
  cpSync(cli.build, alone, { recursive: true });
  // Without the bundle beside it, only an answer that never imports it can succeed.
  rmSync(join(alone, 'cli'), { recursive: true, force: true });
  const r = spawnSync(process.execPath, [join(alone, 'cli.js'), '--version'], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout.trim(), JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
  // Any other command still needs the bundle (and says so).
  const list = spawnSync(process.execPath, [join(alone, 'cli.js'), 'list'], { encoding: 'utf8' });
  assert.equal(list.status, 2);
  assert.match(list.stderr, /could not start/);
});

test('--version with other options is parsed by the bundle, as before', () => {
  const dir = cli.tempDir('incident-startup-repo-');
  const r = cli.run(dir, '--version', '--json');
  assert.equal(r.code, 0, r.err);
  assert.equal(r.out.trim(), JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
});
