// `incident health` stopped from outside: a hang-up (the terminal closed), Ctrl+C, a TERM, and the
// CLI killed outright (SIGKILL, which it cannot catch) each end the check's whole process group,
// background children included. Linux only: the group's members are read from /proc.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { useBuiltCli } from './cliProcess';

const cli = useBuiltCli('signals');
const linux = process.platform === 'linux';

/** The processes of group `pgid` that still run (zombies waiting to be reaped are gone). */
function groupMembers(pgid: number): number[] {
  const members: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${name}/stat`, 'utf8');
    } catch {
      continue;
    }
    // pid (comm) state ppid pgrp …: comm may hold spaces and parentheses, so read after the last ')'.
    const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(pgrp) === pgid && state !== 'Z' && state !== 'X') members.push(Number(name));
  }
  return members;
}

async function waitFor<T>(what: string, ms: number, probe: () => T | undefined): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`gave up waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A repository whose one health check starts two sleeps, one in the background, and waits. */
function hangingCheckRepo(): { dir: string; pidFile: string } {
  const dir = cli.repo();
  mkdirSync(join(dir, '.incident'), { recursive: true });
  writeFileSync(join(dir, '.incident/playbook.yml'), ['healthChecks:', '  - name: hang', '    run: echo $$ > group.pid; sleep 60 & sleep 60; wait', '    timeout: 2m', ''].join('\n'));
  return { dir, pidFile: join(dir, 'group.pid') };
}

interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  out: string;
}

function startHealth(dir: string): { child: ChildProcess; exited: Promise<Exit> } {
  const child = spawn(process.execPath, [join(cli.build, 'cli.js'), 'health', '--no-log'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
  let out = '';
  child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
  const exited = new Promise<Exit>((r) => child.on('close', (code, signal) => r({ code, signal, out })));
  return { child, exited };
}

for (const signal of ['SIGHUP', 'SIGTERM', 'SIGINT', 'SIGKILL'] as const) {
  test(`${signal} to incident health ends the check's whole process group`, { skip: !linux && 'reads /proc' }, async () => {
    const { dir, pidFile } = hangingCheckRepo();
    const { child, exited } = startHealth(dir);
    let pgid = 0;
    try {
      pgid = await waitFor('the check to start', 15_000, () => {
        const text = existsSync(pidFile) ? readFileSync(pidFile, 'utf8').trim() : '';
        return text && groupMembers(Number(text)).length >= 3 ? Number(text) : undefined;
      });
      child.kill(signal);
      const left = await waitFor('the group to end', 5000, () => (groupMembers(pgid).length === 0 ? [] : undefined)).catch(() => groupMembers(pgid));
      assert.deepEqual(left, [], `still running in group ${pgid} after ${signal}`);
      const exit = await Promise.race([exited, new Promise<undefined>((r) => setTimeout(() => r(undefined), 5000))]);
      assert.ok(exit, 'the CLI ended');
      if (signal === 'SIGKILL') assert.equal(exit.signal, 'SIGKILL');
      else {
        // Caught: the run is stopped and reported (no exit code: UNKNOWN), the CLI exits on its own.
        assert.deepEqual([exit.code, exit.signal], [1, null], exit.out);
        assert.match(exit.out, /^hang +UNKNOWN +- /m);
      }
    } finally {
      if (pgid) {
        try {
          process.kill(-pgid, 'SIGKILL');
        } catch {
          // Already gone.
        }
      }
      child.kill('SIGKILL');
    }
  });
}
