// The `incident` CLI as a real process, built the way `bin` ships it, for the CLI test files:
// each file that calls useBuiltCli() builds it once into a folder of its own (dist/ may be in use
// by a running VS Code) and gets temporary repositories that are removed after it. Not a test file.
import { after, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');

export interface CliRun {
  code: number | null;
  out: string;
  err: string;
}

export interface BuiltCli {
  /** The folder the bundle is built into (cli.js and what it loads). */
  build: string;
  /** A temporary directory removed after the file's tests. */
  tempDir(prefix?: string): string;
  /** A new git repository with a user (Dana Reyes), removed after the file's tests. */
  repo(prefix?: string): string;
  /** Runs the CLI in `cwd`; a stack trace on stderr fails the test, whatever happened. */
  run(cwd: string, ...args: string[]): CliRun;
}

export function useBuiltCli(label: string): BuiltCli {
  const made: string[] = [];
  const tempDir = (prefix = `incident-${label}-`) => {
    const dir = mkdtempSync(join(tmpdir(), prefix));
    made.push(dir);
    return dir;
  };
  const build = tempDir(`incident-${label}-build-`);
  before(() => {
    execFileSync(process.execPath, ['scripts/build.mjs', '--only', 'cli', '--out', build], { cwd: ROOT, stdio: 'inherit' });
  });
  after(() => {
    for (const dir of made) rmSync(dir, { recursive: true, force: true });
  });
  return {
    build,
    tempDir,
    repo(prefix) {
      const dir = tempDir(prefix);
      execFileSync('git', ['init', '-q'], { cwd: dir });
      execFileSync('git', ['config', 'user.name', 'Dana Reyes'], { cwd: dir });
      return dir;
    },
    run(cwd, ...args) {
      const r = spawnSync(process.execPath, [join(build, 'cli.js'), ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
      assert.doesNotMatch(r.stderr, /\n\s+at .+:\d+:\d+/, `stack trace in stderr:\n${r.stderr}`);
      return { code: r.status, out: r.stdout, err: r.stderr };
    },
  };
}
