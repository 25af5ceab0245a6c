#!/usr/bin/env node
// `npm test`: the static, unit, integration and e2e suites, in that order (or the ones named:
// `node scripts/test.mjs static|unit|integration|e2e ...`). Each suite ends with a line like
// `unit: 12 passed, 0 failed`; the run exits non-zero when any suite failed.
//   static       tsc --noEmit (extension and webview) and ESLint (three checks)
//   unit         node --test (tsx) over test/unit/**/*.test.ts; no build needed
//   integration  mocha inside code-server's real extension host (scripts/vscode/run-integration.mjs)
//   e2e          Playwright + Chromium over code-server (test/e2e/**/*.test.ts)
// Integration and e2e build the extension first (npm run build) and install the harness into
// .vscode-test/ on first use. Options: --grep TEXT (integration and e2e only).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { ARTIFACTS, ROOT, RUNS } from './vscode/config.mjs';
import { HarnessError, ensureHarness } from './vscode/install.mjs';
import { groupAlive, stopGroup } from './vscode/proc.mjs';

const SUITES = ['static', 'unit', 'integration', 'e2e'];
const TIMEOUTS = { static: 5 * 60_000, unit: 25 * 60_000, integration: 20 * 60_000, e2e: 45 * 60_000 };

const argv = process.argv.slice(2);
const grep = argv.includes('--grep') ? argv[argv.indexOf('--grep') + 1] : undefined;
const named = argv.filter((a, i) => !a.startsWith('--') && argv[i - 1] !== '--grep');
const unknown = named.filter((n) => !SUITES.includes(n));
if (unknown.length) {
  console.error(`test: unknown suite "${unknown.join('", "')}". Use: node scripts/test.mjs [${SUITES.join('|')} ...] [--grep TEXT]`);
  process.exit(2);
}
const selected = named.length ? SUITES.filter((s) => named.includes(s)) : SUITES;

function findFiles(dir, suffix) {
  if (!existsSync(dir)) return [];
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...findFiles(p, suffix));
    else if (entry.name.endsWith(suffix)) out.push(p);
  }
  return out.sort();
}

const children = new Set();
let interrupted = false;

/** Runs a command in its own process group; kills the group on timeout or Ctrl+C. */
function runChild(cmd, args, { timeoutMs, env } = {}) {
  return new Promise((resolveRun) => {
    const child = spawn(cmd, args, { cwd: ROOT, stdio: 'inherit', detached: true, env: { ...process.env, ...env } });
    children.add(child.pid);
    let timedOut = false;
    const timer = timeoutMs
      ? setTimeout(async () => {
          timedOut = true;
          console.error(`test: ${cmd} ${args.join(' ')} ran past ${timeoutMs / 60_000} min; stopping it.`);
          await stopGroup(child.pid, 10_000);
        }, timeoutMs)
      : undefined;
    child.on('error', (e) => {
      clearTimeout(timer);
      children.delete(child.pid);
      resolveRun({ code: 127, timedOut, error: e.message });
    });
    child.on('exit', async (code, signal) => {
      clearTimeout(timer);
      // Whatever the child left in its group goes too.
      if (groupAlive(child.pid)) await stopGroup(child.pid, 2000);
      children.delete(child.pid);
      resolveRun({ code: code ?? 1, signal, timedOut });
    });
  });
}

for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, async () => {
    interrupted = true;
    console.error(`\ntest: ${sig}, stopping the running suite...`);
    await Promise.all([...children].map((pid) => stopGroup(pid, 5000)));
    if (lockHolder() === process.pid) await sweepServers(0);
    process.exit(130);
  });
}

/** Kills code-server groups that runs started after `since` left alive; returns how many. */
async function sweepServers(since) {
  if (!existsSync(RUNS)) return 0;
  let killed = 0;
  for (const name of readdirSync(RUNS)) {
    const file = join(RUNS, name, 'pgid');
    try {
      if (statSync(file).mtimeMs < since) continue;
      const pgid = Number(readFileSync(file, 'utf8'));
      if (pgid && groupAlive(pgid)) {
        await stopGroup(pgid, 2000);
        killed++;
      }
    } catch {
      /* no pgid file */
    }
  }
  return killed;
}

function readResult(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

const tmp = mkdtempSync(join(tmpdir(), 'incident-test-'));
process.on('exit', () => rmSync(tmp, { recursive: true, force: true }));

async function unit() {
  const files = findFiles(join(ROOT, 'test', 'unit'), '.test.ts');
  if (files.length === 0) {
    console.log('unit: no test files under test/unit (nothing to run)');
    return { passed: 0, failed: 0 };
  }
  const tap = join(tmp, 'unit.tap');
  const r = await runChild(
    process.execPath,
    ['--import', 'tsx', '--test', '--test-reporter=spec', '--test-reporter-destination=stdout', '--test-reporter=tap', `--test-reporter-destination=${tap}`, ...files.map((f) => relative(ROOT, f))],
    { timeoutMs: TIMEOUTS.unit },
  );
  const text = existsSync(tap) ? readFileSync(tap, 'utf8') : '';
  const count = (name) => Number(new RegExp(`^# ${name} (\\d+)$`, 'm').exec(text)?.[1] ?? 0);
  const passed = count('pass');
  let failed = count('fail') + count('cancelled');
  if (r.code !== 0 && failed === 0) failed = 1; // the runner itself failed (crash, timeout)
  // TAP names a failed test on its `not ok N - title` line; nested subtests are indented.
  const failures = text
    .split('\n')
    .filter((l) => /^\s*not ok \d+ - /.test(l))
    .map((l) => ({ title: l.replace(/^\s*not ok \d+ - /, '') }));
  return { passed, failed, skipped: count('skipped') + count('todo'), failures };
}

let built = false;
async function buildOnce() {
  if (built) return true;
  console.log('test: npm run build');
  const r = await runChild('npm', ['run', 'build', '--silent']);
  if (r.code !== 0) {
    console.error('test: the build failed; see above.');
    return false;
  }
  built = true;
  return true;
}

let harnessReady;
async function harnessOnce() {
  if (!harnessReady) {
    harnessReady = (async () => {
      const started = Date.now();
      try {
        const h = await ensureHarness();
        if (h.installed) console.log(`test: harness installed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
        return true;
      } catch (e) {
        console.error(e instanceof HarnessError ? `test: ${e.message}` : e);
        return false;
      }
    })();
  }
  return harnessReady;
}

// One VS Code suite at a time on a machine: a suite's clean-up stops every code-server started
// after it began, so a second suite running beside it would lose its server mid-test.
const SUITE_LOCK = join(tmpdir(), 'incident-playbook-vscode-suite.lock');

function lockHolder() {
  try {
    const pid = Number(readFileSync(join(SUITE_LOCK, 'pid'), 'utf8'));
    return pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function pidAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === 'EPERM';
  }
}

async function acquireSuiteLock() {
  let told = false;
  for (;;) {
    try {
      mkdirSync(SUITE_LOCK);
      writeFileSync(join(SUITE_LOCK, 'pid'), String(process.pid));
      process.on('exit', releaseSuiteLock);
      return;
    } catch (e) {
      if (e.code !== 'EEXIST') throw e;
    }
    const holder = lockHolder();
    // A holder that died (or never wrote its pid within a few seconds) leaves a stale lock.
    const age = Date.now() - (statSync(SUITE_LOCK, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
    if ((holder && !pidAlive(holder)) || (!holder && age > 10_000)) {
      rmSync(SUITE_LOCK, { recursive: true, force: true });
      continue;
    }
    if (!told) {
      console.log(`test: another VS Code suite is running on this machine (pid ${holder ?? '?'}); waiting for it to finish.`);
      told = true;
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
}

function releaseSuiteLock() {
  if (lockHolder() === process.pid) rmSync(SUITE_LOCK, { recursive: true, force: true });
}

async function vscodeSuite(name, cmd, args, passes = [{}]) {
  // The build is inside the lock too: rebuilding out/ under a running suite would change its code.
  await acquireSuiteLock();
  try {
    if (!(await buildOnce()) || !(await harnessOnce())) return { passed: 0, failed: 1 };
    const total = { passed: 0, failed: 0, skipped: 0, failures: [] };
    for (const pass of passes) {
      const r = await runVscodeSuite(name, cmd, args, pass);
      total.passed += r.passed;
      total.failed += r.failed;
      total.skipped += r.skipped ?? 0;
      total.failures.push(...(r.failures ?? []));
    }
    return total;
  } finally {
    releaseSuiteLock();
  }
}

/** `pass`: more environment for the run (another fixture workspace) and the grep it runs under. */
async function runVscodeSuite(name, cmd, args, pass = {}) {
  // Screenshots and logs in artifacts/<suite> are this run's only.
  if (!pass.env) rmSync(join(ARTIFACTS, name), { recursive: true, force: true });
  const result = join(tmp, `${name}-${Date.now()}.json`);
  const since = Date.now() - 1000;
  const passGrep = pass.grep ?? grep;
  const r = await runChild(cmd, [...args, '--result', result], { timeoutMs: TIMEOUTS[name], env: { ...(passGrep ? { INCIDENT_TEST_GREP: passGrep } : {}), ...pass.env } });
  const counts = readResult(result) ?? { passed: 0, failed: 0 };
  let failed = counts.failed ?? 0;
  if (r.code !== 0 && failed === 0) failed = 1;
  // A pass whose tests all skipped themselves (they need another workspace) ran, and failed nothing.
  if (counts.passed === 0 && failed === 0 && !counts.skipped) {
    console.error(`test: the ${name} suite ran no test.`);
    failed = 1;
  }
  const leftovers = await sweepServers(since);
  if (leftovers) {
    console.error(`test: the ${name} suite left ${leftovers} code-server process group(s) running; they were killed.`);
    failed++;
  }
  return { passed: counts.passed ?? 0, failed, skipped: counts.skipped ?? 0, failures: counts.failures ?? (counts.error ? [{ title: name, message: counts.error }] : []) };
}

/** Type-check (the extension, the webview) and lint: three checks, each passed or failed. */
async function staticChecks() {
  const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
  let passed = 0;
  let failed = 0;
  for (const [label, args] of [
    ['tsc --noEmit', ['tsc', '--noEmit', '-p', '.']],
    ['tsc --noEmit -p webview', ['tsc', '--noEmit', '-p', 'webview']],
    ['eslint', ['eslint', '.']],
  ]) {
    const r = await runChild(npx, ['--no-install', ...args], { timeoutMs: TIMEOUTS.static });
    if (r.code === 0) passed++;
    else {
      failed++;
      console.error(`static: ${label} failed (see above)`);
    }
  }
  return { passed, failed };
}

const runners = {
  static: staticChecks,
  unit,
  // A second pass opens the multi-root workspace (two folders, two logs) for the tests that need it.
  integration: () =>
    vscodeSuite('integration', process.execPath, [join('scripts', 'vscode', 'run-integration.mjs')], [{}, ...(!grep || /multi/i.test(grep) ? [{ env: { INCIDENT_INTEGRATION_WORKSPACE: 'multiservice' }, grep: 'multi-root' }] : [])]),
  e2e: () => {
    const files = findFiles(join(ROOT, 'test', 'e2e'), '.test.ts').map((f) => relative(ROOT, f));
    if (files.length === 0) {
      console.log('e2e: no test files under test/e2e');
      return Promise.resolve({ passed: 0, failed: 1 });
    }
    return vscodeSuite('e2e', process.execPath, ['--import', 'tsx', join('scripts', 'vscode', 'run-mocha.mjs'), ...(grep ? ['--grep', grep] : []), ...files]);
  },
};

const totals = { passed: 0, failed: 0 };
const lines = [];
for (const name of selected) {
  if (interrupted) break;
  const started = Date.now();
  console.log(`\n=== ${name} ===`);
  const r = await runners[name]();
  // Ctrl+C: the signal handler reports, cleans up and exits; no misleading counts.
  if (interrupted) await new Promise(() => {});
  const line = `${name}: ${r.passed} passed, ${r.failed} failed`;
  console.log(`${line}${r.skipped ? `, ${r.skipped} skipped` : ''}`);
  lines.push(`${line} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  // The failed tests' names again at the very end, where a CI log's tail shows them.
  for (const f of r.failures ?? []) lines.push(`  ✗ ${f.title}${f.message ? ` — ${String(f.message).split('\n')[0].slice(0, 300)}` : ''}`);
  totals.passed += r.passed;
  totals.failed += r.failed;
}
if (selected.length > 1) {
  console.log(`\n${lines.map((l) => `  ${l}`).join('\n')}`);
  console.log(`total: ${totals.passed} passed, ${totals.failed} failed`);
}
process.exitCode = totals.failed > 0 ? 1 : 0;
