// How much of the `incident` bundle a process loads before it answers: `--version` alone is
// answered by the entry file, without the bundle (the reader, the zone data, the lock library).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
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

/**
 * A Node that has `module.enableCompileCache` (22.1 and later): this one, else the one the
 * VS Code harness installs into .vscode-test/, else none (then the test says it did not run).
 */
function nodeWithCompileCache(): string | undefined {
  const has = (node: string) => spawnSync(node, ['-e', "process.exit(typeof require('node:module').enableCompileCache === 'function' ? 0 : 1)"]).status === 0;
  if (has(process.execPath)) return process.execPath;
  const harness = join(ROOT, '.vscode-test');
  if (!existsSync(harness)) return undefined;
  for (const entry of readdirSync(harness).filter((e) => e.startsWith('node-'))) {
    const node = join(harness, entry, 'node_modules', 'node', 'node_modules', '.bin', 'node');
    if (existsSync(node) && has(node)) return node;
  }
  return undefined;
}

test('on a Node with a compile cache, the command keeps its compiled code under the user\'s cache folder, and NODE_DISABLE_COMPILE_CACHE turns it off', (t) => {
  const node = nodeWithCompileCache();
  if (!node) {
    t.skip('no Node 22.1 or later here (this Node has no module.enableCompileCache)');
    return;
  }
  const repo = cli.tempDir('incident-startup-cache-repo-');
  mkdirSync(join(repo, 'docs'));
  writeFileSync(join(repo, 'docs', 'INCIDENT_LOG.md'), '# Incident Log\n');
  const run = (cache: string, env: Record<string, string> = {}) => {
    const r = spawnSync(node, [join(cli.build, 'cli.js'), 'list', '--json'], { cwd: repo, encoding: 'utf8', env: { ...process.env, XDG_CACHE_HOME: cache, ...env } });
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout), []);
    const dir = join(cache, 'incident-playbook', 'compile-cache');
    return existsSync(dir) ? readdirSync(dir, { recursive: true }).length : 0;
  };
  assert.ok(run(cli.tempDir('incident-startup-cache-')) > 0, 'no compiled code was kept');
  assert.equal(run(cli.tempDir('incident-startup-nocache-'), { NODE_DISABLE_COMPILE_CACHE: '1' }), 0);
});
