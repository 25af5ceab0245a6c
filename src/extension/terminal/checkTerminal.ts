// Runs one command in the dedicated "Incident checks" terminal and captures its result.
//
// The shell-integration path: `shellIntegration.executeCommand`, `execution.read()` called at
// once (later calls lose output), the exit code taken only from `onDidEndTerminalShellExecution`
// (`exitCode === undefined` is "unknown", never success). Multi-line commands run as a temporary
// script, because VS Code drops the end event for some of them. When integration does not come
// up within `incidentPlaybook.healthChecks.shellIntegrationTimeout` seconds (or is disabled), the
// command runs in a pseudoterminal we own, as a child process in its own process group: the user
// still sees the output live, and the exit code comes from the process. Never a silent sendText.
import { randomBytes } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { readSetting } from '../settings';
import { type RunStatus, statusFor } from '../../core/health/healthChecks';
import { type CommandRun, runCommand } from '../../core/health/healthRun';
import { stripTerminalSequences, stripTextControls } from '../../core/format/controlCharacters';

/** The terminal's name, in the display language (VS Code loads the translation before the extension's code). */
export const TERMINAL_NAME = vscode.l10n.t('Incident checks');

export type CheckStatus = RunStatus;

/** A run without a timeout of its own still ends some day. */
const NO_TIMEOUT_MS = 24 * 3_600_000;

export interface CheckCommand {
  /** The command line (may span lines). */
  run: string;
  /** Absolute working directory; the first workspace folder when absent. */
  cwd?: string;
  /** Milliseconds before the run is stopped; none when absent. */
  timeoutMs?: number;
  /** Expected exit code (default 0). */
  expect?: number;
  /** Extra environment variables (the fallback passes them; the integrated shell gets them through the script). */
  env?: Record<string, string>;
}

export interface CheckResult {
  status: CheckStatus;
  /** The process's exit code; undefined when the shell did not report one. */
  exitCode: number | undefined;
  durationMs: number;
  /** What the command printed, with OSC 633 and ANSI sequences removed (not yet redacted). */
  output: string;
  /** How it ran. */
  via: 'shell-integration' | 'pseudoterminal';
  /** Stopped because the caller cancelled (status is then 'unknown'). */
  cancelled?: boolean;
}

/** Terminal output as plain text: OSC (633 included), CSI and other escapes dropped, carriage returns resolved. */
export function stripTerminalOutput(raw: string): string {
  const text = stripTerminalSequences(raw).replace(/\r\n/g, '\n');
  // A lone \r rewrites its line (progress bars): keep what was written last. Then the lone
  // control characters left go (no ESC is left: stripTerminalSequences takes every one).
  return stripTextControls(
    text
      .split('\n')
      .map((line) => (line.includes('\r') ? line.split('\r').filter((s) => s.length).pop() ?? '' : line))
      .join('\n'),
  );
}

/** POSIX single-quoted string. */
export function shellQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

function shellIntegrationTimeoutMs(): number {
  return readSetting('shellIntegrationTimeout') * 1000;
}

function shellIntegrationEnabled(): boolean {
  return vscode.workspace.getConfiguration('terminal.integrated').get<boolean>('shellIntegration.enabled', true) !== false;
}

function posixDefaultShell(): boolean {
  const shell = (vscode.env.shell || '').split(/[\\/]/).pop() ?? '';
  return shell === '' || /^(ba|z|k|da|fi|)sh$/.test(shell.replace(/\.exe$/i, ''));
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A script for a command: cd into its folder, export its variables, then the command. */
function writeScript(cmd: CheckCommand, cwd: string): string {
  const file = join(tmpdir(), `incident-check-${randomBytes(6).toString('hex')}.sh`);
  const env = Object.entries(cmd.env ?? {})
    .filter(([k]) => /^[A-Za-z_][A-Za-z0-9_]{0,63}$/.test(k))
    .map(([k, v]) => `export ${k}=${shellQuote(v)}\n`)
    .join('');
  // A new file of its own ('wx'): never one already there, nor through a link planted at the name.
  writeFileSync(file, `cd -- ${shellQuote(cwd)} || exit 1\n${env}${cmd.run.replace(/\r\n/g, '\n')}\n`, { mode: 0o600, flag: 'wx' });
  return file;
}

class CheckPty implements vscode.Pseudoterminal {
  private readonly writeEmitter = new vscode.EventEmitter<string>();
  private readonly closeEmitter = new vscode.EventEmitter<number | void>();
  readonly onDidWrite = this.writeEmitter.event;
  readonly onDidClose = this.closeEmitter.event;
  private opened!: () => void;
  readonly ready = new Promise<void>((r) => (this.opened = r));
  closed = false;
  /** Called on Ctrl+C typed into the terminal, and when the terminal closes. */
  interrupt: (() => void) | undefined;

  open(): void {
    this.opened();
  }
  close(): void {
    this.closed = true;
    this.interrupt?.();
  }
  handleInput(data: string): void {
    if (data === '\x03') this.interrupt?.();
  }
  write(text: string): void {
    this.writeEmitter.fire(text.replace(/\r?\n/g, '\r\n'));
  }
  dispose(): void {
    this.writeEmitter.dispose();
    this.closeEmitter.dispose();
  }
}

export class CheckTerminal implements vscode.Disposable {
  private shellTerminal: vscode.Terminal | undefined;
  private pty: { terminal: vscode.Terminal; pty: CheckPty } | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly disposables: vscode.Disposable[] = [];

  constructor() {
    this.disposables.push(
      vscode.window.onDidCloseTerminal((t) => {
        if (t === this.shellTerminal) this.shellTerminal = undefined;
        if (t === this.pty?.terminal) {
          this.pty.pty.dispose();
          this.pty = undefined;
        }
      }),
    );
  }

  /** Runs the command after any run in progress; never rejects for the command's own failure. */
  run(cmd: CheckCommand, token?: vscode.CancellationToken): Promise<CheckResult> {
    const next = this.queue.then(() => this.runNow(cmd, token));
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async runNow(cmd: CheckCommand, token?: vscode.CancellationToken): Promise<CheckResult> {
    const cwd = cmd.cwd ?? vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? tmpdir();
    if (token?.isCancellationRequested) return { status: 'unknown', exitCode: undefined, durationMs: 0, output: '', via: 'shell-integration', cancelled: true };
    // Commands are written for a POSIX shell (`cd -- … && bash -c …`): another default shell
    // (PowerShell, cmd) runs them through the fallback.
    const terminal = shellIntegrationEnabled() && posixDefaultShell() ? await this.integratedTerminal(cwd) : undefined;
    if (terminal?.shellIntegration) return this.runIntegrated(terminal, terminal.shellIntegration, cmd, cwd, token);
    return this.runInPty(cmd, cwd, token);
  }

  /** The shell terminal, once its integration is up; undefined when it does not come up in time. */
  private async integratedTerminal(cwd: string): Promise<vscode.Terminal | undefined> {
    if (!this.shellTerminal || this.shellTerminal.exitStatus) {
      this.shellTerminal = vscode.window.createTerminal({ name: TERMINAL_NAME, cwd, isTransient: true, iconPath: new vscode.ThemeIcon('pulse') });
    }
    const terminal = this.shellTerminal;
    terminal.show(true);
    if (terminal.shellIntegration) return terminal;
    const waitMs = shellIntegrationTimeoutMs();
    return new Promise((resolve) => {
      const done = (t: vscode.Terminal | undefined) => {
        clearTimeout(timer);
        sub.dispose();
        resolve(t);
      };
      const sub = vscode.window.onDidChangeTerminalShellIntegration((e) => {
        if (e.terminal === terminal) done(terminal);
      });
      const timer = setTimeout(() => done(terminal.shellIntegration ? terminal : undefined), waitMs);
    });
  }

  private async runIntegrated(terminal: vscode.Terminal, integration: vscode.TerminalShellIntegration, cmd: CheckCommand, cwd: string, token?: vscode.CancellationToken): Promise<CheckResult> {
    const multiLine = /[\r\n]/.test(cmd.run.trim()) || (cmd.env && Object.keys(cmd.env).length > 0);
    const script = multiLine ? writeScript(cmd, cwd) : undefined;
    // A command's own `exit` must not end the terminal's shell: it runs in a child bash.
    const line = script ? `bash ${shellQuote(script)}` : `cd -- ${shellQuote(cwd)} && bash -c ${shellQuote(cmd.run.trim())}`;
    const started = performance.now();
    let execution: vscode.TerminalShellExecution | undefined;
    let resolveEnd!: (code: number | undefined) => void;
    const ended = new Promise<number | undefined>((r) => (resolveEnd = r));
    const endSub = vscode.window.onDidEndTerminalShellExecution((e) => {
      if (execution && e.execution === execution) resolveEnd(e.exitCode);
    });
    // Closing the terminal mid-run ends the run without an exit code: unknown.
    const closeSub = vscode.window.onDidCloseTerminal((t) => {
      if (t === terminal) resolveEnd(undefined);
    });
    let raw = '';
    let reading: Promise<void> = Promise.resolve();
    let outcome: 'ended' | 'timeout' | 'cancelled';
    let exitCode: number | undefined;
    try {
      execution = integration.executeCommand(line);
      const stream = execution.read();
      reading = (async () => {
        for await (const data of stream) raw += data;
      })().catch(() => undefined);
      const stops: Array<Promise<'timeout' | 'cancelled'>> = [];
      let timer: NodeJS.Timeout | undefined;
      if (cmd.timeoutMs !== undefined) stops.push(new Promise((r) => (timer = setTimeout(() => r('timeout'), cmd.timeoutMs))));
      let cancelSub: vscode.Disposable | undefined;
      if (token) stops.push(new Promise((r) => (cancelSub = token.onCancellationRequested(() => r('cancelled')))));
      const first = await Promise.race([ended.then((c) => ({ kind: 'ended' as const, c })), ...stops.map((p) => p.then((kind) => ({ kind, c: undefined })))]);
      clearTimeout(timer);
      cancelSub?.dispose();
      outcome = first.kind;
      exitCode = first.c;
      if (outcome !== 'ended') {
        // Interrupt the foreground command; its end event (if any) comes shortly after.
        terminal.sendText('\x03', false);
        const stoppedInTime = await Promise.race([ended.then(() => true), sleep(2000).then(() => false)]);
        if (stoppedInTime) exitCode = await ended;
        else {
          // It ignored Ctrl+C: close the terminal, which hangs up on its shell and what runs in it.
          // The next run gets a new terminal.
          if (this.shellTerminal === terminal) this.shellTerminal = undefined;
          terminal.dispose();
        }
      }
      // The stream ends with the command; wait a moment for the last chunk.
      await Promise.race([reading, sleep(1000)]);
    } finally {
      endSub.dispose();
      closeSub.dispose();
      if (script) rmSync(script, { force: true });
    }
    const durationMs = Math.round(performance.now() - started);
    const output = dropEcho(stripTerminalOutput(raw), line);
    if (outcome === 'timeout') return { status: 'timeout', exitCode, durationMs, output, via: 'shell-integration' };
    if (outcome === 'cancelled') return { status: 'unknown', exitCode, durationMs, output, via: 'shell-integration', cancelled: true };
    return { status: statusFor(exitCode, cmd.expect), exitCode, durationMs, output, via: 'shell-integration' };
  }

  private async ptyTerminal(): Promise<CheckPty> {
    if (!this.pty || this.pty.pty.closed) {
      const pty = new CheckPty();
      const terminal = vscode.window.createTerminal({ name: TERMINAL_NAME, pty, isTransient: true, iconPath: new vscode.ThemeIcon('pulse') });
      this.pty = { terminal, pty };
    }
    this.pty.terminal.show(true);
    // Text written before the terminal opens is lost; it opens as soon as VS Code shows it.
    await Promise.race([this.pty.pty.ready, sleep(5000)]);
    return this.pty.pty;
  }

  private async runInPty(cmd: CheckCommand, cwd: string, token?: vscode.CancellationToken): Promise<CheckResult> {
    const pty = await this.ptyTerminal();
    pty.write(`\x1b[1m$ ${cmd.run.trim().split(/\r?\n/).join('\n> ')}\x1b[0m\n`);
    // The core's child-process runner: bash in its own process group, killed whole on timeout
    // or cancel; every chunk is shown live as it comes.
    const abort = new AbortController();
    pty.interrupt = () => abort.abort();
    const cancelSub = token?.onCancellationRequested(() => abort.abort());
    if (token?.isCancellationRequested) abort.abort();
    let run: CommandRun;
    try {
      run = await runCommand({ command: cmd.run, cwd, timeoutMs: cmd.timeoutMs ?? NO_TIMEOUT_MS, env: cmd.env, expect: cmd.expect, signal: abort.signal, killGraceMs: 1000, onOutput: (chunk) => pty.write(chunk) });
    } finally {
      cancelSub?.dispose();
      pty.interrupt = undefined;
    }
    const status = run.cancelled ? 'unknown' : run.status;
    pty.write(`\x1b[2m[${status}${run.exitCode !== undefined ? `, exit ${run.exitCode}` : ''}, ${(run.durationMs / 1000).toFixed(1)} s]\x1b[0m\n\n`);
    return { status, exitCode: run.exitCode, durationMs: run.durationMs, output: stripTerminalOutput(run.output), via: 'pseudoterminal', ...(run.cancelled ? { cancelled: true } : {}) };
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
    this.shellTerminal?.dispose();
    this.pty?.terminal.dispose();
  }
}

/** Some shells echo the command line at the start of the read stream: drop that first line. */
function dropEcho(output: string, line: string): string {
  const nl = output.indexOf('\n');
  const first = (nl < 0 ? output : output.slice(0, nl)).trim();
  return first && first === line.trim() ? output.slice(nl < 0 ? output.length : nl + 1) : output;
}
