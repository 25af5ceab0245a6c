// How the `incident` command starts: `--version` alone is answered by the entry file, without
// the bundle (the reader, the zone data, the lock library); anything else runs the bundle with
// its compiled code kept between runs (src/cli/codeCache.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createHash } from 'node:crypto';
import { useBuiltCli } from './cliProcess';
import { readCodeCache } from '../../src/cli/codeCache';

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

/** Runs `incident list --json` in a repository with an empty log, its code cache under `cache`. */
function listWithCache(cache: string, env: Record<string, string> = {}): void {
  const repo = cli.tempDir('incident-startup-cache-repo-');
  mkdirSync(join(repo, 'docs'));
  writeFileSync(join(repo, 'docs', 'INCIDENT_LOG.md'), '# Incident Log\n\n## INC-1: Checkout down\n- **Status:** Resolved\n');
  const r = spawnSync(process.execPath, [join(cli.build, 'cli.js'), 'list', '--json'], { cwd: repo, encoding: 'utf8', env: { ...process.env, XDG_CACHE_HOME: cache, ...env }, timeout: 30_000 });
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout).map((i: { id: string }) => i.id), ['INC-1']);
}

const cacheFiles = (cache: string) => {
  const dir = join(cache, 'incident-playbook', 'code-cache');
  return existsSync(dir) ? readdirSync(dir).map((f) => join(dir, f)) : [];
};

test("the command keeps its compiled code under the user's cache folder, runs from it the next time, and NODE_DISABLE_COMPILE_CACHE turns it off", () => {
  const cache = cli.tempDir('incident-startup-cache-');
  listWithCache(cache);
  const [file, ...more] = cacheFiles(cache);
  assert.equal(more.length, 0, 'one file');
  assert.match(file, new RegExp(`-${process.version.replaceAll('.', '\\.')}-${process.arch}\\.bin$`));
  assert.ok(statSync(file).size > 100_000, `${statSync(file).size} bytes of compiled code`);
  // Read, accepted by V8 and so not written again: the same file, untouched.
  const before = statSync(file);
  listWithCache(cache);
  const after = statSync(file);
  assert.equal(after.ino, before.ino);
  assert.equal(after.mtimeMs, before.mtimeMs);

  const off = cli.tempDir('incident-startup-nocache-');
  listWithCache(off, { NODE_DISABLE_COMPILE_CACHE: '1' });
  assert.deepEqual(cacheFiles(off), []);
});

test('a damaged cache file is not used but written afresh; a FIFO in its place is never opened', () => {
  const cache = cli.tempDir('incident-startup-damaged-');
  listWithCache(cache);
  const [file] = cacheFiles(cache);
  const good = readFileSync(file);
  // The same length, other bytes (V8 itself would stop the process on them): not used.
  const damaged = Buffer.from(good);
  for (let k = 64; k < damaged.length; k += 97) damaged[k] ^= 0x5a;
  writeFileSync(file, damaged);
  listWithCache(cache);
  assert.ok(!readFileSync(file).equals(damaged), 'the damaged data was replaced');
  assert.equal(readFileSync(file).length > 100_000, true);

  // A FIFO where the cache should be: reading it would wait for a writer forever.
  rmSync(file);
  execFileSync('mkfifo', [file]);
  listWithCache(cache);
  assert.ok(statSync(file).isFile(), 'the FIFO was replaced by a cache file');
});

test('a cache file of another bundle two weeks unused is removed when a new one is written; a newer one is kept', () => {
  const cache = cli.tempDir('incident-startup-stale-');
  const dir = join(cache, 'incident-playbook', 'code-cache');
  mkdirSync(dir, { recursive: true });
  const old = join(dir, `0000000000000000-${process.version}-${process.arch}.bin`);
  const recent = join(dir, `1111111111111111-${process.version}-${process.arch}.bin`);
  writeFileSync(old, 'old');
  writeFileSync(recent, 'recent');
  const weeksAgo = new Date(Date.now() - 15 * 24 * 60 * 60 * 1000);
  utimesSync(old, weeksAgo, weeksAgo);
  listWithCache(cache);
  assert.ok(!existsSync(old), 'the stale file is gone');
  assert.ok(existsSync(recent), 'the recent file stays');
  assert.equal(cacheFiles(cache).length, 2);
});

test('a cache file is read only as a regular file of its own: not through a link, and only when its hash holds', () => {
  const dir = cli.tempDir('incident-startup-read-');
  const data = Buffer.from('compiled code, as V8 would give it');
  const file = join(dir, 'x.bin');
  writeFileSync(file, Buffer.concat([createHash('sha256').update(data).digest(), data]));
  assert.deepEqual(readCodeCache(file), data);
  symlinkSync(file, join(dir, 'link.bin'));
  assert.equal(readCodeCache(join(dir, 'link.bin')), undefined);
  writeFileSync(join(dir, 'short.bin'), 'too short for a hash');
  assert.equal(readCodeCache(join(dir, 'short.bin')), undefined);
  assert.equal(readCodeCache(join(dir, 'missing.bin')), undefined);
  assert.equal(readCodeCache(dir), undefined, 'a folder');
});
