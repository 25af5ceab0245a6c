// Playwright helpers for driving VS Code (code-server) in Chromium the way a person does:
// command palette, views and tree rows, quick picks and input boxes, webviews (two iframes
// deep), and the integrated terminal. The panels and health checks of later issues reuse them.
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FrameLocator, Locator, Page } from 'playwright-core';

export class Workbench {
  private terminalRuns = 0;

  constructor(readonly page: Page) {}

  /** Opens the workbench at `url` and waits until it is ready to take input. */
  async open(url: string, timeoutMs = 60_000): Promise<void> {
    await this.page.goto(url);
    await this.page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: timeoutMs });
    // The explorer shows the folder once the remote file system is connected.
    await this.page.locator('.part.activitybar, .activitybar').first().waitFor({ state: 'visible', timeout: timeoutMs });
    await this.widenSideBar(640);
    await this.dismissNotifications();
  }

  /** Drags the side bar's edge so that tree rows show their descriptions (and screenshots read well). */
  async widenSideBar(width: number): Promise<void> {
    const box = await this.page.locator('.part.sidebar').first().boundingBox().catch(() => null);
    if (box && box.width < width) await this.setSideBarWidth(width);
  }

  /** Drags the side bar's edge to `width` px, wider or narrower. */
  async setSideBarWidth(width: number): Promise<void> {
    const sideBar = this.page.locator('.part.sidebar').first();
    const box = await sideBar.boundingBox().catch(() => null);
    if (!box || box.width === width) return;
    const y = box.y + box.height / 2;
    await this.page.mouse.move(box.x + box.width, y);
    await this.page.mouse.down();
    await this.page.mouse.move(box.x + width, y, { steps: 8 });
    await this.page.mouse.up();
    // Off the sash, so that it does not stay highlighted in screenshots.
    await this.page.mouse.move(box.x + width + 300, y);
  }

  get quickInput(): Locator {
    return this.page.locator('.quick-input-widget');
  }

  /** The rows of the quick input list (palette, quick pick). */
  get quickRows(): Locator {
    return this.quickInput.locator('.quick-input-list .monaco-list-row');
  }

  /** Opens the command palette and runs the command whose title is `title` (e.g. "Incident: Open Incident"). */
  async runCommand(title: string): Promise<void> {
    await this.openPalette();
    const input = this.quickInput.locator('input.input');
    await input.fill(`>${title}`);
    const row = this.quickRows.filter({ has: this.page.locator('.label-name', { hasText: exactText(title) }) }).first();
    await row.waitFor({ state: 'visible', timeout: 15_000 });
    // Select that row, not whatever ranks first; then wait for the palette to go away (a
    // command that asks for input opens its own quick input in its place).
    await row.click();
    const deadline = Date.now() + 10_000;
    while ((await input.isVisible()) && (await input.inputValue().catch(() => '')).startsWith('>')) {
      if (Date.now() > deadline) throw new Error(`The palette stayed open after choosing "${title}".`);
      await this.page.waitForTimeout(50);
    }
  }

  private async openPalette(): Promise<void> {
    for (let attempt = 0; attempt < 3; attempt++) {
      await this.page.keyboard.press('F1');
      try {
        await this.quickInput.locator('input.input').waitFor({ state: 'visible', timeout: 5_000 });
        return;
      } catch {
        await this.page.keyboard.press('Escape');
        await this.page.locator('.monaco-workbench').click({ position: { x: 700, y: 5 } }).catch(() => {});
      }
    }
    throw new Error('The command palette did not open (F1).');
  }

  /** Picks the quick-pick row whose label contains `text` (typing it first to filter). */
  async pick(text: string, { type = true } = {}): Promise<void> {
    await this.quickInput.waitFor({ state: 'visible' });
    if (type) await this.quickInput.locator('input.input').fill(text);
    const row = this.quickRows.filter({ hasText: text }).first();
    await row.waitFor({ state: 'visible', timeout: 10_000 });
    await row.click();
  }

  /**
   * Runs a command that asks for an item, and picks it. A panel that has just opened can take
   * the focus as its page finishes loading, which closes the quick pick: then the command is run
   * again, once.
   */
  async runCommandAndPick(title: string, text: string): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      await this.runCommand(title);
      try {
        await this.pick(text);
        return;
      } catch (e) {
        if (attempt >= 2 || (await this.quickInput.isVisible())) throw e;
      }
    }
  }

  /** Answers an input box: types `text` and presses Enter. Returns the box's prompt/title text. */
  async answerInput(text: string): Promise<string> {
    const input = this.quickInput.locator('input.input');
    await input.waitFor({ state: 'visible' });
    const prompt = (await this.quickInput.innerText()).trim();
    await input.fill(text);
    await input.press('Enter');
    await this.quickInput.waitFor({ state: 'hidden' });
    return prompt;
  }

  /** Clicks an activity-bar entry by its title (e.g. "Incidents") unless its container is already open. */
  async openActivity(title: string): Promise<void> {
    const item = this.page.locator(`.activitybar .action-item [aria-label^="${title}"]`).first();
    await item.waitFor({ state: 'visible', timeout: 30_000 });
    const parent = item.locator('xpath=..');
    const checked = (await item.getAttribute('aria-checked')) === 'true' || (await parent.getAttribute('class'))?.includes('checked');
    if (!checked) await item.click();
  }

  /** The view pane with this title in the side bar. */
  view(title: string): Locator {
    return this.page.locator('.part.sidebar .pane').filter({ has: this.page.locator('.pane-header', { hasText: title }) }).first();
  }

  /** The tree rows of an extension's side-bar view container (all of its views). */
  treeRows(containerId: string): Locator {
    return this.page.locator(`[id="workbench.view.extension.${containerId}"] .monaco-list-row`).filter({ visible: true });
  }

  /** Expands the tree row whose label is exactly `label` (a group like "Resolved"), if collapsed. */
  async expandRow(rows: Locator, label: string): Promise<void> {
    const row = rows.filter({ has: this.page.locator('.label-name', { hasText: exactText(label) }) }).first();
    await row.waitFor({ state: 'visible', timeout: 15_000 });
    // The locator is asked again each time: a redraw of the view replaces the row's element.
    const deadline = Date.now() + 15_000;
    while ((await row.getAttribute('aria-expanded')) === 'false') {
      if (Date.now() > deadline) throw new Error(`The tree row "${label}" did not expand.`);
      await row.locator('.monaco-tl-twistie').click();
      for (let i = 0; i < 20 && (await row.getAttribute('aria-expanded')) === 'false'; i++) await this.page.waitForTimeout(100);
    }
  }

  /**
   * Opens `target`'s context menu (a right-click) and runs its item `label` from the keyboard.
   *
   * Not with a click on the item: VS Code's menu items take mouse-ups only once a 100 ms timer
   * that starts when the menu renders has run (so that the right-click's own mouse-up does not
   * pick an item). A click sent as soon as the item shows, or while a busy machine delays that
   * timer, is dropped without a trace and the menu stays open. The menu's keyboard handling is
   * live from the start: it takes focus when it opens, the arrow keys move through its enabled
   * items, and Enter runs the focused one. `whenOpen` runs while the menu is on screen (a screenshot).
   */
  async contextMenu(target: Locator, label: string, { whenOpen }: { whenOpen?: () => Promise<unknown> } = {}): Promise<void> {
    const menu = this.page.locator('.context-view .monaco-menu').filter({ visible: true }).first();
    const items = menu.locator('.action-item:not(.disabled) .action-label');
    const wanted = items.filter({ hasText: exactText(label, { ellipsis: true }) });
    await target.click({ button: 'right' });
    await wanted.first().waitFor({ state: 'visible', timeout: 10_000 });
    // Keys go where the focus is: wait until the menu holds it.
    const deadline = Date.now() + 10_000;
    while (!(await menu.evaluate((m) => m.contains(m.ownerDocument.activeElement)).catch(() => false))) {
      if (Date.now() > deadline) throw new Error(`The context menu opened but did not take the focus (choosing "${label}").`);
      await this.page.waitForTimeout(50);
    }
    await whenOpen?.();
    const focused = menu.locator('.action-item.focused .action-label');
    const count = await items.count();
    for (let i = 0; i <= count; i++) {
      if ((await focused.count()) === 1 && exactText(label, { ellipsis: true }).test((await focused.innerText()).trim())) {
        await this.page.keyboard.press('Enter');
        // Running an item closes the menu; a menu still open means the item did not run.
        await menu.waitFor({ state: 'hidden', timeout: 10_000 });
        return;
      }
      await this.page.keyboard.press('ArrowDown');
    }
    throw new Error(`The context menu has no enabled item "${label}"; it offers: ${(await items.allInnerTexts()).join(' | ')}`);
  }

  /**
   * The notification whose text contains `text`: a toast if one is on screen, else (toasts hide
   * after a while, or were dismissed when the workbench opened) in the notification center.
   */
  async notification(text: string, timeoutMs = 30_000): Promise<Locator> {
    const toast = this.page.locator('.notifications-toasts .notification-list-item').filter({ hasText: text }).first();
    try {
      await toast.waitFor({ state: 'visible', timeout: timeoutMs });
      return toast;
    } catch {
      await this.runCommand('Notifications: Show Notifications');
      const listed = this.page.locator('.notifications-center .notification-list-item').filter({ hasText: text }).first();
      await listed.waitFor({ state: 'visible', timeout: 10_000 });
      return listed;
    }
  }

  /** Labels of the visible rows (their accessible names). */
  async rowLabels(rows: Locator): Promise<string[]> {
    const n = await rows.count();
    const out: string[] = [];
    for (let i = 0; i < n; i++) out.push((await rows.nth(i).getAttribute('aria-label')) ?? (await rows.nth(i).innerText()));
    return out;
  }

  /**
   * The content frame of a webview: webviews are an `iframe.webview` holding `iframe#active-frame`.
   * `hasText` picks the webview whose document contains that text.
   */
  async webview(hasText?: string, timeoutMs = 30_000): Promise<FrameLocator> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const outer = this.page.locator('iframe.webview.ready');
      const n = await outer.count();
      for (let i = 0; i < n; i++) {
        const frame = outer.nth(i).contentFrame().frameLocator('iframe#active-frame');
        if (!hasText) {
          if ((await frame.locator('body').count()) > 0) return frame;
        } else if ((await frame.getByText(hasText).count().catch(() => 0)) > 0) return frame;
      }
      if (Date.now() > deadline) throw new Error(`No webview ${hasText ? `showing "${hasText}" ` : ''}within ${timeoutMs} ms.`);
      await this.page.waitForTimeout(200);
    }
  }

  /**
   * Runs `command` in a new integrated terminal (a real bash in the workspace folder) and
   * waits for it to finish. Returns its exit status and what the terminal showed.
   */
  async runInTerminal(command: string, timeoutMs = 60_000): Promise<{ exitCode: number; screen: string }> {
    const marker = join(tmpdir(), `incident-e2e-${process.pid}-${++this.terminalRuns}.exit`);
    rmSync(marker, { force: true });
    // The new terminal's own prompt: until it is drawn, the screen read can still be an older
    // terminal's, whose prompt is already there, and keys typed before the new shell is ready are lost.
    const previous = await this.terminalText();
    await this.runCommand('Terminal: Create New Terminal');
    const deadlineNew = Date.now() + 30_000;
    while (Date.now() < deadlineNew) {
      const now = await this.terminalText();
      if (now !== previous && showsPrompt(now)) break;
      await this.page.waitForTimeout(100);
    }
    const terminal = this.page.locator('.terminal-wrapper.active .xterm, .integrated-terminal .xterm').last();
    await terminal.waitFor({ state: 'visible', timeout: 30_000 });
    await this.waitForPrompt(terminal, 30_000);
    await terminal.click();
    await this.page.keyboard.type(`${command}; echo $? > ${marker}`);
    await this.page.keyboard.press('Enter');
    const deadline = Date.now() + timeoutMs;
    while (!existsSync(marker) || readFileSync(marker, 'utf8').trim() === '') {
      if (Date.now() > deadline) throw new Error(`The terminal command did not finish within ${timeoutMs} ms: ${command}\nScreen:\n${await this.terminalText()}`);
      await this.page.waitForTimeout(100);
    }
    const exitCode = Number(readFileSync(marker, 'utf8').trim());
    rmSync(marker, { force: true });
    // The terminal renders a moment after the shell wrote: wait for the next prompt on screen.
    let screen = await this.terminalText();
    const until = Date.now() + 10_000;
    while (!endsWithPrompt(screen) && Date.now() < until) {
      await this.page.waitForTimeout(100);
      screen = await this.terminalText();
    }
    return { exitCode, screen };
  }

  private async waitForPrompt(terminal: Locator, timeoutMs = 20_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const text = (await terminal.locator('.xterm-rows').innerText().catch(() => '')).trim();
      if (/[$#]\s*$/m.test(text)) return;
      await this.page.waitForTimeout(100);
    }
    // Some prompts do not end with $ or #; type anyway.
  }

  /** The visible text of the active terminal (DOM renderer). */
  async terminalText(): Promise<string> {
    const rows = this.page.locator('.terminal-wrapper.active .xterm-rows, .integrated-terminal .xterm-rows').last();
    // No terminal yet is no text, at once (innerText would wait for one).
    if ((await rows.count()) === 0) return '';
    return (await rows.innerText({ timeout: 5000 }).catch(() => '')).replace(/\u00a0/g, ' ');
  }

  /** Closes notification toasts so they do not cover what a test clicks. */
  async dismissNotifications(): Promise<void> {
    const toasts = this.page.locator('.notifications-toasts .notification-toast');
    const n = await toasts.count();
    for (let i = 0; i < n; i++) {
      await toasts.nth(i).hover().catch(() => {});
      await toasts.nth(i).locator('.codicon-notifications-clear, .codicon-close').first().click({ timeout: 1000 }).catch(() => {});
    }
  }

  /** Saves a screenshot into `dir` (created), returning its path. */
  async screenshot(dir: string, name: string): Promise<string> {
    mkdirSync(dir, { recursive: true });
    const path = join(dir, `${name}.png`);
    await this.page.screenshot({ path });
    return path;
  }
}

/** The last line drawn is a prompt (a new terminal shows nothing else). */
function showsPrompt(screen: string): boolean {
  const lines = screen.split('\n').map((l) => l.trimEnd()).filter((l) => l.trim());
  return lines.length > 0 && /[$#>]$/.test(lines[lines.length - 1]);
}

/** A command's output, then the next prompt. */
function endsWithPrompt(screen: string): boolean {
  return screen.split('\n').filter((l) => l.trim()).length > 1 && showsPrompt(screen);
}

/** Matches `title` exactly; with `ellipsis`, also followed by "…" or "..." (menu items that ask for more). */
function exactText(title: string, { ellipsis = false } = {}): RegExp {
  return new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}${ellipsis ? '(?:…|\\.\\.\\.)?' : ''}$`);
}
