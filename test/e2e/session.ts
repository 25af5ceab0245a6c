// One e2e session: a fresh copy of a fixture workspace, code-server with the extension built
// from the working tree, Chromium on the workbench. `close()` stops all of it; `onFailure()`
// saves a screenshot and the server log into artifacts/e2e/failures.
import { writeFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newPage } from '../../scripts/vscode/browser.mjs';
import { ARTIFACTS, ROOT } from '../../scripts/vscode/config.mjs';
import { type RunningServer, freshWorkspace, startServer } from '../../scripts/vscode/server.mjs';
import { Workbench } from './workbench';

export const E2E_ARTIFACTS = join(ARTIFACTS, 'e2e');
export const FIXTURES = join(ROOT, 'test', 'fixtures', 'workspaces');

export interface Session {
  server: RunningServer;
  browser: Browser;
  page: Page;
  wb: Workbench;
  workspace: string;
  /** Lines the page logged as errors (kept for failure reports). */
  console: string[];
  onFailure(testTitle: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * `fixture`: a folder name under test/fixtures/workspaces, or an absolute path (copied either way).
 * Reminder notifications are off unless `settings` turns them on: the fixtures' incidents are days
 * old, so every one of them is overdue, and only the reminder tests want those toasts.
 */
export async function openSession(fixture: string, label: string, settings: Record<string, unknown> = {}, options: { vsix?: string; workspaceFile?: string } = {}): Promise<Session> {
  const ws = freshWorkspace(isAbsolute(fixture) ? fixture : join(FIXTURES, fixture));
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  try {
    server = await startServer({ workspace: ws.path, label: `e2e-${label}`, settings: { 'incidentPlaybook.reminders.enabled': false, ...settings }, vsix: options.vsix });
    browser = await launchBrowser();
    const page = await newPage(browser);
    const consoleLines: string[] = [];
    page.on('console', (m) => consoleLines.push(`[${m.type()}] ${m.text()}`));
    page.on('pageerror', (e) => consoleLines.push(`[pageerror] ${e.message}`));
    const wb = new Workbench(page);
    // A multi-root fixture is opened through its .code-workspace file.
    await wb.open(server.url(options.workspaceFile ? join(ws.path, options.workspaceFile) : ws.path));
    const s = server;
    const b = browser;
    let failed = false;
    return {
      server: s,
      browser: b,
      page,
      wb,
      workspace: ws.path,
      console: consoleLines,
      async onFailure(title: string) {
        failed = true;
        const dir = join(E2E_ARTIFACTS, 'failures');
        const slug = title.replace(/[^\w.-]+/g, '-').slice(0, 80);
        const shot = await wb.screenshot(dir, slug).catch((e) => `(no screenshot: ${e.message})`);
        const log = s.saveLog(join(dir, `${slug}.server.log`));
        writeFileSync(join(dir, `${slug}.console.log`), consoleLines.join('\n'));
        process.stdout.write(`      screenshot: ${shot}\n      server log: ${log}\n`);
      },
      async close() {
        await b.close().catch(() => {});
        await s.stop({ keepRunDir: failed || !!process.env.INCIDENT_KEEP_RUNS });
        ws.remove();
      },
    };
  } catch (e) {
    await browser?.close().catch(() => {});
    if (server) {
      const dir = join(E2E_ARTIFACTS, 'failures');
      try {
        server.saveLog(join(dir, `${label}-startup.server.log`));
      } catch {
        /* no log */
      }
      await server.stop({ keepRunDir: true });
    }
    ws.remove();
    throw e;
  }
}

/**
 * Opens one session for the enclosing `describe` (mocha's before / afterEach / after): saves a
 * screenshot and the server log of each failing test, and closes everything at the end. The
 * returned object reads through to the open session.
 */
export function useSession(open: () => Promise<Session>): Session {
  let current: Session | undefined;
  const live = (): Session => {
    if (!current) throw new Error('The e2e session is not open (its before hook failed).');
    return current;
  };
  before(async function () {
    this.timeout(300_000); // the first run installs the harness
    current = await open();
  });
  afterEach(async function () {
    if (this.currentTest?.state === 'failed') await current?.onFailure(this.currentTest.fullTitle());
  });
  after(async () => {
    await current?.close();
  });
  return {
    get server() { return live().server; },
    get browser() { return live().browser; },
    get page() { return live().page; },
    get wb() { return live().wb; },
    get workspace() { return live().workspace; },
    get console() { return live().console; },
    onFailure: (title) => live().onFailure(title),
    close: () => live().close(),
  };
}
