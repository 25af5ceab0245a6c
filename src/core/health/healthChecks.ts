// Health checks and runbooks as a playbook declares them (`healthChecks:` and `runbooks:` in
// `.incident/playbook.yml`, validated in playbook.ts), and the one-line timeline entries their
// runs leave. Pure: no process is started here (see healthRun.ts for that).
import type { Policy } from '../playbook/policy';
import type { RE2JS as Re2 } from 're2js';
import { redactSecrets } from './redact';
import { foldUserText } from '../reader/text';

export interface HealthCheck {
  name: string;
  /** The shell command (may be several lines); run with bash (or sh) in `cwd`. */
  run: string;
  /**
   * Relative to the repository (the folder holding `.incident/`, see playbookRoot), normalized
   * with `/`, never leaving it; `.` by default.
   */
  cwd: string;
  timeoutMs: number;
  /** The exit code that means healthy (0 by default). */
  expect: number;
  /** Put a redacted excerpt of the output on the timeline. */
  capture: boolean;
}

export interface RunbookParam {
  /** An environment variable name: the value reaches the command as `$NAME`, never spliced into it. */
  name: string;
  /** The whole value must match this (anchored: `^(?:pattern)$`). */
  pattern: string;
}

export interface RunbookStep {
  title: string;
  run?: string;
  notes?: string;
  /** Asks for confirmation, naming the exact command, before it runs. */
  dangerous: boolean;
}

export interface Runbook {
  id: string;
  title: string;
  severity?: string;
  params: RunbookParam[];
  steps: RunbookStep[];
}

/** Default timeout of a health check without `timeout:`. */
export const DEFAULT_CHECK_TIMEOUT_MS = 30_000;
/** A check's `timeout:` must lie within these. */
export const MIN_CHECK_TIMEOUT_MS = 100;
export const MAX_CHECK_TIMEOUT_MS = 60 * 60_000;

/** `10s`, `500ms`, `2m`, `1h`, or a number of seconds; undefined when it is none of these. */
export function parseCheckTimeout(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && value > 0 ? Math.round(value * 1000) : undefined;
  if (typeof value !== 'string') return undefined;
  const m = /^\s*(\d{1,7}(?:\.\d{1,3})?)\s*(ms|s|sec|secs|seconds?|m|min|mins|minutes?|h|hours?)?\s*$/i.exec(value);
  if (!m) return undefined;
  const n = Number(m[1]);
  const unit = (m[2] ?? 's').toLowerCase();
  const factor = unit === 'ms' ? 1 : unit.startsWith('s') ? 1000 : unit.startsWith('m') ? 60_000 : 3_600_000;
  const ms = Math.round(n * factor);
  return ms > 0 ? ms : undefined;
}

/** A check's `cwd:` made canonical (`a/b`, `.`), or undefined when it is absolute or leaves the repository. */
export function normalizeCheckCwd(cwd: string): string | undefined {
  const s = cwd.trim().replace(/\\/g, '/');
  if (s === '') return '.';
  if (s.startsWith('/') || /^[A-Za-z]:/.test(s) || s.includes('\0')) return undefined;
  const parts: string[] = [];
  for (const part of s.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length === 0) return undefined;
      parts.pop();
    } else parts.push(part);
  }
  return parts.length ? parts.join('/') : '.';
}

/** The playbook's health checks, in the order written (none when it declares none). */
export function healthChecksOf(policy: Policy): HealthCheck[] {
  return policy.healthChecks ?? [];
}

/** A health check by name (exact, then case-insensitive). */
export function findHealthCheck(policy: Policy, name: string): HealthCheck | undefined {
  const all = healthChecksOf(policy);
  return all.find((c) => c.name === name) ?? all.find((c) => c.name.toLowerCase() === name.toLowerCase());
}

/** The playbook's runbooks, in the order written. */
export function runbooksOf(policy: Policy): Runbook[] {
  return policy.runbooks ?? [];
}

/** A runbook by id (exact, then case-insensitive). */
export function findRunbook(policy: Policy, id: string): Runbook | undefined {
  const all = runbooksOf(policy);
  return all.find((r) => r.id === id) ?? all.find((r) => r.id.toLowerCase() === id.toLowerCase());
}

/** Whether `command` reads the variable `name` (`$NAME` or `\${NAME…}`). */
export function usesParam(command: string, name: string): boolean {
  const i = command.indexOf('$');
  if (i < 0) return false;
  return new RegExp(`\\$(?:${name}(?![A-Za-z0-9_])|\\{${name}(?![A-Za-z0-9_]))`).test(command);
}

/** Longest value a parameter takes. */
const MAX_PARAM_VALUE = 1000;
/** RE2 refuses a repetition past this (`{1,1001}`). */
const MAX_REPEAT = 1000;

/**
 * Why a parameter pattern cannot be used, found without RE2 (a playbook is read by every
 * command; RE2's WebAssembly costs 70–100 ms to load, paid only by a runbook run): not a regular
 * expression on its own (so `x)|(.*` cannot close the anchoring group and escape it), or using
 * what RE2 does not have: backreferences, lookaround, repetitions past 1000. Undefined when it
 * can be used. Anything else RE2 refuses is said when a value is checked (paramMatcher).
 */
export function paramPatternProblem(pattern: string): string | undefined {
  try {
    new RegExp(pattern);
  } catch (e) {
    return `is not a valid regular expression (${(e as Error).message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /s, '')})`;
  }
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') {
      const next = pattern[i + 1] ?? '';
      if (/[1-9]/.test(next) || (next === 'k' && pattern[i + 2] === '<')) return `uses a backreference (\\${next}${next === 'k' ? '<' : ''}), which parameter patterns do not support (they are matched with RE2, in time linear in the value)`;
      i++;
    } else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(' && pattern[i + 1] === '?') {
      const look = /^\(\?(?:=|!|<=|<!)/.exec(pattern.slice(i, i + 4));
      if (look) return `uses a lookaround (${look[0]}), which parameter patterns do not support (they are matched with RE2, in time linear in the value)`;
    } else if (c === '{') {
      const repeat = /^\{(\d+)(?:,(\d*))?\}/.exec(pattern.slice(i, i + 24));
      if (repeat && Math.max(Number(repeat[1]), Number(repeat[2] || 0)) > MAX_REPEAT) return `repeats more than ${MAX_REPEAT} times (${repeat[0]}), which RE2 does not support`;
    }
  }
  return undefined;
}

/** A parameter pattern as RE2 runs it: the whole value must match. */
export interface ParamMatcher {
  matches(value: string): boolean;
}

// RE2 (re2js: RE2's automata in plain JavaScript, no native addon and no WebAssembly, so the
// extension runs on every platform and the package stays small) matches in time linear in the
// value, whatever the pattern: a backtracking engine never returns on `(a+)+b` and forty a's.
// Loaded on first use.
let re2: typeof Re2 | undefined;
const matchers = new Map<string, ParamMatcher | { problem: string }>();

/**
 * The pattern compiled with RE2 and anchored (`^(?:pattern)$`), or why it cannot be used. The
 * pattern is compiled alone first: one that does not stand alone (`x)|(.*`) could close the
 * anchoring group and escape it.
 */
export function paramMatcher(pattern: string): ParamMatcher | { problem: string } {
  const known = matchers.get(pattern);
  if (known) return known;
  const problem = paramPatternProblem(pattern);
  let made: ParamMatcher | { problem: string };
  if (problem) made = { problem };
  else {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    re2 ??= (require('re2js') as { RE2JS: typeof Re2 }).RE2JS;
    try {
      re2.compile(pattern);
      const anchored = re2.compile(`^(?:${pattern})$`);
      made = { matches: (value) => anchored.test(value) };
    } catch (e) {
      made = { problem: `cannot be matched with RE2 (${(e as Error).message.replace(/^error parsing regexp: /, '')})` };
    }
  }
  // A playbook has a few patterns; the bound is for a process that reads many playbooks.
  if (matchers.size >= 500) matchers.clear();
  matchers.set(pattern, made);
  return made;
}

/**
 * Checks runbook parameter values against their patterns. Required: the parameters `step`'s
 * command reads (all of them without a step); others are checked when given. Returns the
 * environment to pass (`{ NAME: value }`), or the problems (missing, not matching, unknown).
 */
export function runbookParamEnv(runbook: Runbook, values: Record<string, string | undefined>, step?: RunbookStep): { env: Record<string, string> } | { problems: string[] } {
  const env: Record<string, string> = {};
  const problems: string[] = [];
  for (const p of runbook.params) {
    const v = values[p.name];
    const required = step ? usesParam(step.run ?? '', p.name) : true;
    if (v === undefined || v === '') {
      if (required) problems.push(`${p.name} is required`);
    } else {
      const matcher = paramMatcher(p.pattern);
      if ('problem' in matcher) problems.push(`${p.name} cannot be checked: its pattern ${matcher.problem}`);
      else if (v.length > MAX_PARAM_VALUE || !matcher.matches(v)) problems.push(`${p.name} must match ${p.pattern}`);
      else env[p.name] = v;
    }
  }
  const known = new Set(runbook.params.map((p) => p.name));
  for (const k of Object.keys(values)) if (!known.has(k)) problems.push(`${k} is not a parameter of ${runbook.id}`);
  return problems.length ? { problems } : { env };
}

export type RunStatus = 'pass' | 'fail' | 'timeout' | 'unknown';

/** What one run of a command gave. `exitCode` undefined (no exit code) is never success. */
export interface RunResult {
  /** The check's name, or a runbook step's `runbook-id step N: title`. */
  name: string;
  status: RunStatus;
  exitCode?: number;
  /** The signal that ended the process, when one did. */
  signal?: string;
  durationMs: number;
  /** The output (stdout and stderr interleaved, the last part only when it was long); raw. */
  output: string;
  /** Put an excerpt of the output in the entry. */
  capture?: boolean;
  /** 'Health check' (default) or 'Runbook step'. */
  kind?: 'Health check' | 'Runbook step';
}

/** Status from an exit code: undefined is unknown, never pass. */
export function statusFor(exitCode: number | undefined | null, expect = 0, timedOut = false): RunStatus {
  if (timedOut) return 'timeout';
  if (exitCode === undefined || exitCode === null) return 'unknown';
  return exitCode === expect ? 'pass' : 'fail';
}

/** `1.2 s`, `850 ms`, `2 min 5 s`. */
export function formatRunDuration(ms: number): string {
  if (ms < 1000) return `${Math.max(0, Math.round(ms))} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)} min ${s % 60} s`;
}

/** Most characters of output an entry carries. */
export const EXCERPT_CHARS = 300;

/**
 * The last lines of `output`, redacted, folded to one line of at most EXCERPT_CHARS characters
 * that cannot open a heading, a table cell, a code fence or HTML. Empty when there is no output.
 */
export function outputExcerpt(output: string, maxChars = EXCERPT_CHARS): string {
  // Redact the whole (bounded) tail before cutting, so a secret is never cut into something
  // the patterns no longer see.
  const tail = output.length > 64 * 1024 ? output.slice(-64 * 1024) : output;
  const lines = redactSecrets(tail)
    .split(/\r?\n|\r/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
  const picked: string[] = [];
  let length = 0;
  for (let i = lines.length - 1; i >= 0 && length < maxChars; i--) {
    picked.unshift(lines[i]);
    length += lines[i].length + 3;
  }
  let text = foldInert(picked.join(' ⏎ '));
  if (text.length > maxChars) text = '…' + text.slice(text.length - maxChars + 1);
  return text;
}

/** One line, inert in markdown: no backtick (code, fence), no `|` (cell), no `<` (HTML). */
function foldInert(text: string): string {
  return foldUserText(text)
    .replace(/&lt;/g, '‹')
    .replace(/`/g, "'")
    .replace(/\|/g, '¦')
    .replace(/>/g, '›')
    .replace(/^[#>*+=-]+\s*/, '')
    .replace(/\[/g, '(')
    .replace(/\]/g, ')');
}

const STATUS_WORD: Record<RunStatus, string> = { pass: 'PASS', fail: 'FAIL', timeout: 'TIMEOUT', unknown: 'UNKNOWN' };

/**
 * The timeline entry for one run: `Health check checkout-api: FAIL (exit 3, 1.2 s)`, with
 * `— output: …` (redacted, folded) when the check captures output.
 */
export function healthCheckEntry(result: RunResult): string {
  const name = foldInert(result.name) || '?';
  const detail: string[] = [];
  if (result.status === 'timeout') detail.push(`timed out after ${formatRunDuration(result.durationMs)}`);
  else {
    if (result.exitCode !== undefined) detail.push(`exit ${result.exitCode}`);
    else detail.push(result.signal ? `no exit code, killed by ${result.signal}` : 'no exit code');
    detail.push(formatRunDuration(result.durationMs));
  }
  let line = `${result.kind ?? 'Health check'} ${name}: ${STATUS_WORD[result.status]} (${detail.join(', ')})`;
  if (result.capture) {
    const excerpt = outputExcerpt(result.output);
    if (excerpt) line += ` — output: ${excerpt}`;
  }
  return line;
}

/** The line for a run of several checks: `Health checks: 2 of 3 passed (payment-webhooks FAIL)`. */
export function healthSummaryEntry(results: readonly RunResult[]): string {
  const passed = results.filter((r) => r.status === 'pass').length;
  const others = results.filter((r) => r.status !== 'pass').map((r) => `${foldInert(r.name)} ${STATUS_WORD[r.status]}`);
  return `Health checks: ${passed} of ${results.length} passed${others.length ? ` (${others.join(', ')})` : ''}`;
}
