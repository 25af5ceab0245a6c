// Real git in temporary repositories for the git tests, and the CLI built as `bin` ships it.
// Not a test file itself.
import { after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');
const made: string[] = [];
let cli: string | undefined;

after(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

export function tempDir(prefix = 'incident-git-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** The CLI bundle, built once per test file into a folder of its own. */
export function builtCli(): string {
  if (!cli) {
    const out = tempDir('incident-cli-build-');
    execFileSync(process.execPath, ['scripts/build.mjs', '--only', 'cli', '--out', out], { cwd: ROOT, stdio: 'ignore' });
    cli = join(out, 'cli.js');
  }
  return cli;
}

/** A git environment that ignores the machine's own config (no global user, hooks or signing). */
export function gitEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const home = tempDir('incident-home-');
  return { ...process.env, HOME: home, XDG_CONFIG_HOME: home, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: join(home, 'none'), GIT_TERMINAL_PROMPT: '0', NO_COLOR: '1', ...extra };
}

const ENV = gitEnv();

export function git(cwd: string, args: string[], env: Record<string, string> = {}): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', env: { ...ENV, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
}

/** git that may fail: its exit code and output. */
export function gitTry(cwd: string, args: string[]): { code: number | null; out: string; err: string } {
  const r = spawnSync('git', args, { cwd, encoding: 'utf8', env: ENV });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** A new repository on branch main with a user. */
export function repo(name = 'Dana Reyes'): string {
  const dir = tempDir('incident-repo-');
  git(dir, ['init', '-q', '-b', 'main']);
  if (name) {
    git(dir, ['config', 'user.name', name]);
    git(dir, ['config', 'user.email', `${name.split(' ')[0].toLowerCase()}@example.com`]);
  }
  return dir;
}

export function runCli(cwd: string, args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [builtCli(), ...args], { cwd, encoding: 'utf8', env: { ...ENV, ...env } });
  // Never a stack trace, whatever happened.
  assert.doesNotMatch(r.stderr, /\n\s+at .+:\d+:\d+/, `stack trace in stderr:\n${r.stderr}`);
  return { code: r.status, out: r.stdout, err: r.stderr };
}

export function commitAt(dir: string, message: string, date: string, files: string[] = ['.']): string {
  git(dir, ['add', '--', ...files]);
  git(dir, ['commit', '-q', '-m', message], { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date });
  return git(dir, ['rev-parse', 'HEAD']).trim();
}
