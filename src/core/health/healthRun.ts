// Runs a health check or a runbook step as a child process: `bash -c` (or `sh -c`) in the
// check's folder, detached in a process group of its own, so that a timeout (or a cancel) kills
// everything the command started: SIGTERM to the group, then SIGKILL after a grace period.
// The group also ends when its parent (the CLI, the extension host) dies without a word, even by
// SIGKILL: see PARENT_GUARD.
// Output (stdout and stderr, interleaved as they come) is kept within a bound: the last
// `maxOutputBytes`. Nothing from an incident is ever put into the command line; runbook
// parameters arrive as environment variables (see runbookParamEnv).
//
// Used by the CLI (`incident health`, `incident runbook --run`) and by the extension's
// pseudoterminal fallback (pass `onOutput` to show the output live).
import { spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { type HealthCheck, type RunResult, type RunStatus, statusFor } from './healthChecks';
import { containedPath } from '../log/paths';

export interface RunCommandOptions {
  /** The shell command; several lines are fine. */
  command: string;
  /** Absolute folder to run in. */
  cwd: string;
  timeoutMs: number;
  /** Added to the environment (runbook parameters, validated first). */
  env?: Record<string, string>;
  /** The exit code that means pass (default 0). */
  expect?: number;
  /** How much output to keep, the last part (default 64 KB). */
  maxOutputBytes?: number;
  /** Each chunk of output as it comes (raw: escape sequences and secrets included). */
  onOutput?: (chunk: string) => void;
  /** Aborting kills the process group; the run ends as `unknown`. */
  signal?: AbortSignal;
  /** Between SIGTERM and SIGKILL (default 2000 ms). */
  killGraceMs?: number;
  /** The shell (default: bash when there is one, else sh). */
  shell?: string;
}

export interface CommandRun {
  status: RunStatus;
  /** Undefined when the process ended without one (a signal): never success. */
  exitCode?: number;
  signal?: string;
  durationMs: number;
  /** The last `maxOutputBytes` of output, decoded as UTF-8 (starting with `…` when cut). */
  output: string;
  timedOut: boolean;
  cancelled: boolean;
  /** The process group's id (the shell's pid), for a caller that wants to check on it. */
  pid?: number;
}

export const DEFAULT_MAX_OUTPUT_BYTES = 64 * 1024;

let defaultShell: string | undefined;
/** bash when the system has it (in a usual place), else sh. */
export function defaultRunShell(): string {
  if (defaultShell) return defaultShell;
  defaultShell = ['/bin/bash', '/usr/bin/bash', '/usr/local/bin/bash', '/opt/homebrew/bin/bash'].find((p) => existsSync(p)) ?? '/bin/sh';
  return defaultShell;
}

/** Keeps the last `max` bytes of what it is given. */
class TailBuffer {
  private chunks: Buffer[] = [];
  private size = 0;
  cut = false;
  constructor(private readonly max: number) {}
  push(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.size += chunk.length;
    if (this.size > this.max * 2) this.compact();
  }
  private compact(): void {
    const all = Buffer.concat(this.chunks);
    if (all.length > this.max) {
      this.chunks = [all.subarray(all.length - this.max)];
      this.cut = true;
    } else this.chunks = [all];
    this.size = this.chunks[0].length;
  }
  text(): string {
    this.compact();
    let s = this.chunks[0]?.toString('utf8') ?? '';
    if (this.cut) s = '…' + s.replace(/^\uFFFD+/, '');
    return s;
  }
}

// The group cannot outlive its parent. A process killed outright cannot clean up, but the kernel
// closes its files: the command's shell starts with a pipe from the parent as its input, and a
// watcher in the group (a subshell, which ignores the signals that stop a run, so that it lasts
// as long as the group) waits for that pipe to close, then kills the whole group. The parent
// never writes to the pipe. Node closes it when the command's shell exits, so what the command
// left running in the background ends then too (finish() kills it a moment later in any case;
// what it wrote before is still read from the output pipes). Then the shell replaces itself
// (exec, same pid, same group) with the command's shell, its input /dev/null as before, so `$$`,
// exit codes and signals are the command's own. Run by /bin/sh:
// $0 = a name, $1 = the command's shell, $2 = the command.
const PARENT_GUARD = [
  'exec 3<&0',
  "(trap '' HUP INT TERM; read -r _ <&3; kill -9 0) >/dev/null 2>&1 &",
  'exec "$1" -c "$2" 3<&- </dev/null',
].join('\n');

/** How the command's shell is started: through PARENT_GUARD where there are process groups. */
function spawnArguments(shell: string, command: string): { file: string; args: string[] } {
  if (process.platform === 'win32') return { file: shell, args: ['-c', command] };
  return { file: '/bin/sh', args: ['-c', PARENT_GUARD, 'incident-check', shell, command] };
}

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    if (process.platform === 'win32') process.kill(pid, signal);
    else process.kill(-pid, signal);
  } catch {
    // ESRCH: the group is already gone.
  }
}

/** Runs `command` in its own process group; resolves when it and its output have ended. */
export function runCommand(options: RunCommandOptions): Promise<CommandRun> {
  const started = Date.now();
  const grace = options.killGraceMs ?? 2000;
  const tail = new TailBuffer(options.maxOutputBytes ?? DEFAULT_MAX_OUTPUT_BYTES);
  return new Promise((resolveRun) => {
    let timedOut = false;
    let cancelled = false;
    let settled = false;
    let exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;
    const timers: NodeJS.Timeout[] = [];
    const { file, args } = spawnArguments(options.shell ?? defaultRunShell(), options.command);
    const child = spawn(file, args, {
      cwd: options.cwd,
      env: { ...process.env, ...options.env },
      detached: process.platform !== 'win32',
      // The input is the pipe PARENT_GUARD watches; nothing is ever written to it.
      stdio: ['pipe', 'pipe', 'pipe'],
      windowsHide: true,
    });
    child.stdin.on('error', () => undefined);
    // Without the guard (Windows) the command reads an empty input, as it always did.
    if (process.platform === 'win32') child.stdin.end();
    const pid = child.pid;
    const finish = (spawnError?: Error) => {
      if (settled) return;
      settled = true;
      for (const t of timers) clearTimeout(t);
      options.signal?.removeEventListener('abort', onAbort);
      // Whatever the command left behind in its group goes with it (the guard's watcher too).
      if (pid !== undefined) killGroup(pid, 'SIGKILL');
      child.stdin.destroy();
      if (spawnError) tail.push(Buffer.from(`${spawnError.message}\n`));
      const exitCode = exit?.code ?? undefined;
      const signal = exit?.signal ?? undefined;
      resolveRun({
        status: cancelled ? 'unknown' : statusFor(spawnError ? undefined : exitCode, options.expect ?? 0, timedOut),
        ...(exitCode !== undefined && !spawnError ? { exitCode } : {}),
        ...(signal ? { signal } : {}),
        durationMs: Date.now() - started,
        output: tail.text(),
        timedOut,
        cancelled,
        ...(pid !== undefined ? { pid } : {}),
      });
    };
    const stop = () => {
      if (pid === undefined) return;
      killGroup(pid, 'SIGTERM');
      timers.push(setTimeout(() => killGroup(pid, 'SIGKILL'), grace));
    };
    const onAbort = () => {
      if (settled || timedOut) return;
      cancelled = true;
      stop();
    };
    for (const stream of [child.stdout, child.stderr]) {
      const decoder = new StringDecoder('utf8');
      stream.on('data', (chunk: Buffer) => {
        tail.push(chunk);
        if (options.onOutput) {
          const text = decoder.write(chunk);
          if (text) options.onOutput(text);
        }
      });
    }
    child.on('error', (e) => finish(e));
    child.on('exit', (code, signal) => {
      exit = { code, signal };
      // Output still in the pipes is read; a background process holding them open is not
      // waited for long.
      timers.push(setTimeout(() => finish(), 250));
    });
    child.on('close', () => finish());
    timers.push(
      setTimeout(() => {
        if (exit || settled) return;
        timedOut = true;
        stop();
      }, options.timeoutMs),
    );
    if (options.signal?.aborted) onAbort();
    else options.signal?.addEventListener('abort', onAbort);
  });
}

/** The absolute folder a check runs in, or why it cannot run there (missing, outside the repository through a link). */
export function checkFolder(root: string, cwd: string): { path: string } | { reason: string } {
  const where = containedPath(root, join(root, cwd));
  if ('reason' in where) return { reason: `its folder ${cwd} leads outside the repository` };
  if (!where.exists) return { reason: `its folder ${cwd} does not exist` };
  if (!statSync(where.realPath).isDirectory()) return { reason: `${cwd} is not a folder` };
  return { path: where.realPath };
}

export type RunCheckOptions = Pick<RunCommandOptions, 'onOutput' | 'signal' | 'killGraceMs' | 'maxOutputBytes' | 'shell' | 'env'>;

/** Runs one health check from the repository root `root`; the result is ready for healthCheckEntry. */
export async function runHealthCheck(check: HealthCheck, root: string, options: RunCheckOptions = {}): Promise<RunResult & { timedOut: boolean; cancelled: boolean }> {
  const folder = checkFolder(root, check.cwd);
  if ('reason' in folder) return { name: check.name, status: 'unknown', durationMs: 0, output: `not run: ${folder.reason}`, capture: check.capture, timedOut: false, cancelled: false };
  const run = await runCommand({ ...options, command: check.run, cwd: folder.path, timeoutMs: check.timeoutMs, expect: check.expect });
  return {
    name: check.name,
    status: run.status,
    ...(run.exitCode !== undefined ? { exitCode: run.exitCode } : {}),
    ...(run.signal ? { signal: run.signal } : {}),
    durationMs: run.durationMs,
    output: run.output,
    capture: check.capture,
    timedOut: run.timedOut,
    cancelled: run.cancelled,
  };
}
