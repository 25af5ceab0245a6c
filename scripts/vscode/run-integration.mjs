#!/usr/bin/env node
// Runs test/integration (mocha) inside code-server's real extension host: code-server with the
// smoke-test driver, the workbench opened by Chromium with a payload naming the extension under
// development (this working tree) and the tests; the suite's result is the page's exit code.
// Writes the counts to --result FILE (JSON) and exits 0 only when every test passed.
// INCIDENT_INTEGRATION_WORKSPACE=NAME opens test/fixtures/workspaces/NAME instead of basic; a
// fixture holding a .code-workspace file (multiservice) is opened as that multi-root workspace.
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ARTIFACTS, ROOT } from './config.mjs';
import { buildIntegrationTests } from './build-tests.mjs';
import { launchBrowser, newPage } from './browser.mjs';
import { HarnessError } from './install.mjs';
import { freshWorkspace, startServer } from './server.mjs';

const SUITE_TIMEOUT_MS = 5 * 60_000;

export async function runIntegration({ fixture = join(ROOT, 'test', 'fixtures', 'workspaces', process.env.INCIDENT_INTEGRATION_WORKSPACE || 'basic') } = {}) {
  const out = await buildIntegrationTests();
  const ws = freshWorkspace(fixture);
  let server;
  let browser;
  const lines = [];
  let results;
  try {
    // Reminder toasts off by default (the fixture's incidents are all overdue); the reminder tests
    // turn them on themselves.
    server = await startServer({ workspace: ws.path, label: 'integration', installExtension: false, smokeTestDriver: true, settings: { 'incidentPlaybook.reminders.enabled': false } });
    browser = await launchBrowser();
    const page = await newPage(browser);
    let exit;
    const exited = new Promise((r) => (exit = r));
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      const text = (Array.isArray(args) ? args : [args]).map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ');
      for (const line of text.split('\n')) {
        if (line.startsWith('@@incident-results ')) {
          try {
            results = JSON.parse(line.slice('@@incident-results '.length));
          } catch {
            /* keep going */
          }
          continue;
        }
        lines.push(line);
        // The reporter's lines are indented; the workbench's own console chatter goes to the
        // saved console log only.
        if (/^\s/.test(line) && !line.includes('/static/out/vs/')) process.stdout.write(`${line}\n`);
      }
    });
    await page.exposeFunction('codeAutomationExit', (code) => exit(code));
    page.on('pageerror', (e) => lines.push(`[page error] ${e.message}`));
    const payload = [
      ['extensionDevelopmentPath', server.remoteUri(ROOT)],
      ['extensionTestsPath', server.remoteUri(join(out, 'index.js'))],
      ['skipWelcome', 'true'],
    ];
    const started = Date.now();
    const workspaceFile = readdirSync(ws.path).find((f) => f.endsWith('.code-workspace'));
    await page.goto(server.url(workspaceFile ? join(ws.path, workspaceFile) : ws.path, payload));
    const timer = new Promise((r) => setTimeout(() => r('timeout'), SUITE_TIMEOUT_MS));
    const code = await Promise.race([exited, timer]);
    if (code === 'timeout' || code !== 0) {
      mkdirSync(join(ARTIFACTS, 'integration'), { recursive: true });
      await page.screenshot({ path: join(ARTIFACTS, 'integration', 'failure.png') }).catch(() => {});
      server.saveLog(join(ARTIFACTS, 'integration', 'server.log'));
      writeFileSync(join(ARTIFACTS, 'integration', 'console.log'), lines.join('\n'));
      process.stdout.write(`integration: screenshot and server log saved in ${join(ARTIFACTS, 'integration')}\n`);
    }
    if (code === 'timeout') throw new HarnessError(`The integration suite did not finish within ${SUITE_TIMEOUT_MS / 1000} s.`);
    if (!results) {
      results = { passed: 0, failed: 1, skipped: 0, failures: [{ title: 'integration suite', message: `the extension host exited with code ${code} without reporting results (see the server log)` }] };
    }
    results.seconds = (Date.now() - started) / 1000;
    results.exitCode = code;
    return results;
  } finally {
    await browser?.close().catch(() => {});
    await server?.stop({ keepRunDir: !results || results.failed > 0 || !!process.env.INCIDENT_KEEP_RUNS });
    ws.remove();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const resultFile = process.argv.includes('--result') ? process.argv[process.argv.indexOf('--result') + 1] : undefined;
  runIntegration().then(
    (r) => {
      if (resultFile) writeFileSync(resultFile, JSON.stringify(r));
      process.exit(r.failed > 0 || (r.passed === 0 && !r.skipped) ? 1 : 0);
    },
    (e) => {
      console.error(`integration: ${e instanceof HarnessError || !process.env.INCIDENT_DEBUG ? e?.message ?? e : e?.stack}`);
      if (resultFile) writeFileSync(resultFile, JSON.stringify({ passed: 0, failed: 1, error: String(e.message ?? e) }));
      process.exit(1);
    },
  );
}
