// How the `incident` command starts: `--version` alone is answered by the entry file, without
// the bundle (the reader, the zone data, the lock library); anything else runs the bundle with
// its compiled code kept between runs (src/cli/codeCache.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { createHash } from 'node:crypto';
import { useBuiltCli } from './cliProcess';
import { codeCacheFolder, codeCacheFor, readCodeCache } from '../../src/cli/codeCache';

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

/** A folder holding docs/INCIDENT_LOG.md with one incident, INC-1. */
function oneIncidentRepo(prefix: string): string {
  const repo = cli.tempDir(prefix);
  mkdirSync(join(repo, 'docs'));
  writeFileSync(join(repo, 'docs', 'INCIDENT_LOG.md'), '# Incident Log\n\n## INC-1: Checkout down\n- **Status:** Resolved\n');
  return repo;
}

/** Runs the built command (default `list --json`) in a repository with a one-incident log, its code cache under `cache`. */
function runWithCache(cache: string, env: Record<string, string> = {}, args = ['list', '--json'], build = cli.build) {
  const repo = oneIncidentRepo('incident-startup-cache-repo-');
  return spawnSync(process.execPath, [join(build, 'cli.js'), ...args], { cwd: repo, encoding: 'utf8', env: { ...process.env, XDG_CACHE_HOME: cache, ...env }, timeout: 30_000 });
}

function listWithCache(cache: string, env: Record<string, string> = {}): void {
  const r = runWithCache(cache, env);
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
  assert.match(file, new RegExp(`/[0-9a-f]{16}-list-${process.version.replaceAll('.', '\\.')}-${process.arch}-[0-9a-f]{8}\\.bin$`));
  assert.ok(statSync(file).size > 100_000, `${statSync(file).size} bytes of compiled code`);
  assert.equal(statSync(file).mode & 0o077, 0, 'readable by its owner alone');
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

test('each command keeps its own compiled code; a run that fails or only prints help keeps none', () => {
  const cache = cli.tempDir('incident-startup-commands-');
  // A mistake first: exit 2, nothing kept.
  assert.equal(runWithCache(cache, {}, ['list', '--no-such-option']).status, 2);
  // Help, of the command or of all: a fraction of what the command runs, not kept.
  assert.equal(runWithCache(cache, {}, ['list', '--help']).status, 0);
  assert.equal(runWithCache(cache, {}, ['--help']).status, 0);
  assert.deepEqual(cacheFiles(cache), []);
  // The command named after an option's value is the one the file is for.
  const r = runWithCache(cache, {}, ['--log', 'docs/INCIDENT_LOG.md', 'list', '--json']);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(runWithCache(cache, {}, ['show', 'INC-1']).status, 0);
  const names = cacheFiles(cache).map((f) => basename(f).split('-')[1]);
  assert.deepEqual(names.sort(), ['list', 'show']);
});

test('a bundle that cannot be compiled says the command could not start, exit 2, with source maps on or off', () => {
  const build = cli.tempDir('incident-startup-broken-');
  cpSync(cli.build, build, { recursive: true });
  writeFileSync(join(build, 'cli', 'main.cjs'), readFileSync(join(build, 'cli', 'main.cjs'), 'utf8').slice(0, 5000));
  for (const env of [{}, { NODE_OPTIONS: '--enable-source-maps' }] as Array<Record<string, string>>) {
    const r = runWithCache(cli.tempDir('incident-startup-broken-cache-'), env, ['list'], build);
    assert.equal(r.status, 2, JSON.stringify(env));
    assert.match(r.stderr, /^incident: could not start: .+\n$/);
    assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack');
  }
});

test('a bundle changed without changing its length runs as changed: the cache of the old one is not used', () => {
  // A build of our own, so that the one the other tests share stays as built.
  const build = cli.tempDir('incident-startup-edited-');
  cpSync(cli.build, build, { recursive: true });
  const cache = cli.tempDir('incident-startup-edited-cache-');
  const version = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version as string;
  const args = ['--version', '--json'];
  const first = runWithCache(cache, {}, args, build);
  assert.equal(first.stdout.trim(), version, first.stderr);
  assert.equal(cacheFiles(cache).length, 1);
  const bundleFile = join(build, 'cli', 'main.cjs');
  const other = version.replace(/\d/g, '9');
  assert.notEqual(other, version);
  const edited = readFileSync(bundleFile, 'utf8').split(JSON.stringify(version)).join(JSON.stringify(other));
  assert.equal(Buffer.byteLength(edited), statSync(bundleFile).size, 'the same length');
  writeFileSync(bundleFile, edited);
  const second = runWithCache(cache, {}, args, build);
  assert.equal(second.stdout.trim(), other, second.stderr);
});

test('a damaged cache file is not used but written afresh; a FIFO in its place is not read', () => {
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

test('a cache folder others can write is neither read nor written', { skip: process.getuid === undefined }, () => {
  const cache = cli.tempDir('incident-startup-shared-');
  const dir = join(cache, 'incident-playbook', 'code-cache');
  mkdirSync(dir, { recursive: true });
  chmodSync(dir, 0o777);
  listWithCache(cache);
  assert.deepEqual(cacheFiles(cache), []);
  // Made private, it is used.
  chmodSync(dir, 0o700);
  listWithCache(cache);
  assert.equal(cacheFiles(cache).length, 1);
});

test('a cache file unused for two weeks is removed when another is written; one in use is renewed and kept', () => {
  const cache = cli.tempDir('incident-startup-stale-');
  listWithCache(cache);
  const [inUse] = cacheFiles(cache);
  const dir = join(cache, 'incident-playbook', 'code-cache');
  const old = join(dir, `0000000000000000-list-${process.version}-${process.arch}-00000000.bin`);
  const recent = join(dir, `1111111111111111-list-${process.version}-${process.arch}-00000000.bin`);
  writeFileSync(old, 'old');
  writeFileSync(recent, 'recent');
  const weeksAgo = new Date(Date.now() - 15 * 24 * 60 * 60 * 1000);
  utimesSync(old, weeksAgo, weeksAgo);
  utimesSync(inUse, weeksAgo, weeksAgo);
  // The file in use is read (and renewed); show writes a file of its own and cleans up.
  listWithCache(cache);
  assert.ok(Date.now() - statSync(inUse).mtimeMs < 60_000, 'the file in use was renewed');
  assert.equal(runWithCache(cache, {}, ['show', 'INC-1']).status, 0);
  assert.ok(!existsSync(old), 'the stale file is gone');
  assert.ok(existsSync(recent), 'the recent file stays');
  assert.ok(existsSync(inUse), 'the file in use stays');
  assert.equal(cacheFiles(cache).length, 3);
});

test('a cache file is read only as a regular file of its own: not through a link, and only when its seal holds', () => {
  const dir = cli.tempDir('incident-startup-read-');
  chmodSync(dir, 0o700);
  const data = Buffer.from('compiled code, as V8 would give it');
  const bundle = Buffer.from('the bundle');
  const cache = codeCacheFor(dir, bundle, 'list');
  const sealed = (key: string) => Buffer.concat([createHash('sha256').update(key).update(data).digest(), data]);
  writeFileSync(cache.file, sealed(cache.key), { mode: 0o600 });
  assert.deepEqual(readCodeCache(cache), data);
  // The same data under another command's name, or for another bundle: not used.
  const other = codeCacheFor(dir, bundle, 'show');
  writeFileSync(other.file, sealed(cache.key), { mode: 0o600 });
  assert.equal(readCodeCache(other), undefined);
  assert.equal(readCodeCache({ ...cache, key: codeCacheFor(dir, Buffer.from('another bundle'), 'list').key }), undefined);
  // Through a link, too short for a seal, missing, a folder: not used.
  const link = codeCacheFor(dir, Buffer.from('linked'), 'list');
  symlinkSync(cache.file, link.file);
  assert.equal(readCodeCache({ ...cache, file: link.file }), undefined);
  writeFileSync(cache.file, 'too short for a seal', { mode: 0o600 });
  assert.equal(readCodeCache(cache), undefined);
  rmSync(cache.file);
  assert.equal(readCodeCache(cache), undefined);
  assert.equal(readCodeCache({ ...cache, file: dir }), undefined);
  if (process.getuid) {
    writeFileSync(cache.file, sealed(cache.key), { mode: 0o666 });
    chmodSync(cache.file, 0o666);
    assert.equal(readCodeCache(cache), undefined, 'writable by others');
  }
});

test('the cache folder: XDG_CACHE_HOME when absolute, else ~/.cache; none when turned off or when there is no home', () => {
  assert.equal(codeCacheFolder({ XDG_CACHE_HOME: '/x/cache' }, () => '/home/dana'), join('/x/cache', 'incident-playbook', 'code-cache'));
  assert.equal(codeCacheFolder({ XDG_CACHE_HOME: 'relative' }, () => '/home/dana'), join('/home/dana', '.cache', 'incident-playbook', 'code-cache'));
  assert.equal(codeCacheFolder({}, () => '/home/dana'), join('/home/dana', '.cache', 'incident-playbook', 'code-cache'));
  assert.equal(codeCacheFolder({ NODE_DISABLE_COMPILE_CACHE: '1' }, () => '/home/dana'), null);
  const noHome = () => {
    throw new Error('uv_os_homedir returned ENOENT');
  };
  assert.equal(codeCacheFolder({}, noHome), null);
});

test('a user without a home folder runs the command without a cache', { skip: process.getuid?.() === 0 ? false : 'runs as a user the system does not know, which needs root' }, () => {
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_DISABLE_COMPILE_CACHE: '' };
  delete env.HOME;
  delete env.XDG_CACHE_HOME;
  // With HOME unset Node asks the system for the user's home; a user the system does not know
  // has none.
  const asStranger = { uid: 54321, gid: 54321 };
  const repo = oneIncidentRepo('incident-startup-nohome-');
  chmodSync(repo, 0o777);
  chmodSync(cli.build, 0o755);
  const r = spawnSync(process.execPath, [join(cli.build, 'cli.js'), 'list', '--json', '--log', join(repo, 'docs', 'INCIDENT_LOG.md')], { cwd: repo, encoding: 'utf8', env, timeout: 30_000, ...asStranger });
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout).map((i: { id: string }) => i.id), ['INC-1']);
});
