// The status update composer in a real VS Code: the command opens it, its page loads under the
// CSP and says `ready`, hostile messages are refused with nothing written, copies go to the
// clipboard (markdown, Slack text, the war-room channel), and "Mark as sent" logs the update as
// one edit, after which the status bar's countdown restarts (and the bar moves on to the SEV-2,
// whose update is still overdue).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { defaultPolicy, findIncident, indexLog, lastUpdateAt } from '../../src/core';
import { lastStatusPageUpdateAt } from '../../src/core/comms/statusUpdate';
import { Commands } from '../../src/extension/commandIds';
import { diskText, logUri, useFixtureLog, waitFor } from './helpers';

const ID = 'INC-2026-1120-001';
/** The fixture's SEV-2: its update is overdue too (the fixture is days old). */
const SEV2 = 'INC-2026-1121-001';

/** A countdown that restarted on a 30-minute cadence. Entries are written to the minute and a slow
 * machine may take a few minutes between the write and the look, so 25–30 minutes all count;
 * an overdue or unrestarted countdown shows no "update in" or far fewer minutes. */
function freshCountdown(match: RegExpExecArray | null): boolean {
  const minutes = match ? Number(match[1]) : NaN;
  return minutes >= 25 && minutes <= 30;
}

interface ComposerHandle {
  incidentId: string;
  isReady: boolean;
  audience: string;
  panel: vscode.WebviewPanel;
  receive(raw: unknown): Promise<boolean>;
}

async function open(incident: string, audience?: string): Promise<ComposerHandle> {
  const panel = await vscode.commands.executeCommand<ComposerHandle>(Commands.composeUpdate, { incident, ...(audience ? { audience } : {}) });
  assert.ok(panel, 'the command returns the panel');
  return panel;
}

describe('Status update composer', () => {
  const fixture = useFixtureLog();

  it('opens from "Incident: Compose Status Update" and its page says ready', async () => {
    assert.ok((await vscode.commands.getCommands(true)).includes('incidentPlaybook.composeUpdate'));
    const panel = await open(ID);
    assert.equal(panel.incidentId, ID);
    assert.equal(panel.panel.viewType, 'incidentPlaybook.composePanel');
    assert.equal(panel.panel.title, `Update: ${ID}`);
    await waitFor('the page to say ready', () => panel.isReady, 20_000);
    const html = panel.panel.webview.html;
    assert.match(html, /default-src 'none'; script-src 'nonce-[^']+'; style-src [^;]+; font-src [^;]+; img-src [^;]+ data:/);
    assert.match(html, /data-app="compose"/);
    assert.ok(!html.includes('Checkout API'), 'no incident text in the HTML');
    assert.equal(await open(ID), panel, 'opening it again reveals the same panel');
    assert.equal((await open(ID, 'statuspage')).audience, 'statuspage');
  });

  it('refuses hostile messages and writes nothing', async () => {
    const panel = await open(ID);
    const hostile: unknown[] = [
      42,
      null,
      'markSent',
      { type: 'markSent', incident: ID, audience: 'press', text: 'x' },
      { type: 'markSent', incident: 'INC-2026-1121-001', audience: 'internal', text: 'x' },
      { type: 'markSent', incident: ID, audience: 'internal', text: '' },
      { type: 'markSent', incident: ID, audience: 'internal', text: 'a\u001b]52;c;ZXZpbA==\u0007' },
      { type: 'markSent', incident: ID, audience: 'internal', text: 'x'.repeat(30_000) },
      { type: 'markSent', incident: ID, audience: 'internal', text: 'x', path: '/etc/passwd' },
      { type: 'copy', incident: ID, format: 'html', text: 'x' },
      { type: 'setAudience', incident: ID, audience: 'everyone' },
      { type: 'runCommand', incident: ID, command: 'workbench.action.terminal.new' },
    ];
    for (const m of hostile) assert.equal(await panel.receive(m), false, JSON.stringify(m)?.slice(0, 120));
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(await diskText(), fixture.original, 'nothing was written');
  });

  it('copies as Markdown, as Slack text, and the war-room channel', async () => {
    const panel = await open(ID);
    assert.equal(await panel.receive({ type: 'copy', incident: ID, format: 'slack', text: '**[SEV-1] Checkout** 5xx > 2%\n- rolled back' }), true);
    assert.equal(await vscode.env.clipboard.readText(), '*[SEV-1] Checkout* 5xx &gt; 2%\n• rolled back');
    assert.equal(await panel.receive({ type: 'copy', incident: ID, format: 'markdown', text: '**As edited**' }), true);
    assert.equal(await vscode.env.clipboard.readText(), '**As edited**');
    assert.equal(await panel.receive({ type: 'copyWarRoom', incident: ID }), true);
    assert.equal(await vscode.env.clipboard.readText(), '#incident-2026-11-20-14-30');
  });

  it('"Mark as sent" logs the first line and the status bar countdown restarts', async () => {
    await fixture.api.statusBar.refresh();
    assert.match(fixture.api.statusBar.current.text, /INC-2026-1120-001 · .+ · update overdue /);
    const panel = await open(ID);
    const before = Date.now();
    assert.equal(await panel.receive({ type: 'markSent', incident: ID, audience: 'statuspage', text: '**Mitigating: Checkout API returning 500s**\n\n- **Status:** …' }), true);
    const text = await waitFor('the entry on disk', async () => {
      const t = await diskText();
      return t.includes('Status update (status page): Mitigating: Checkout API returning 500s') && t;
    });
    const inc = findIncident(indexLog(text, { policy: defaultPolicy() }), ID)!;
    const last = inc.timeline.at(-1)!;
    assert.equal(last.text, 'Status update (status page): Mitigating: Checkout API returning 500s');
    // Written to the minute: the entry is at most a minute before the click.
    assert.ok(lastStatusPageUpdateAt(inc)!.getTime() >= before - 60_000);
    assert.equal(lastUpdateAt(inc)?.getTime(), lastStatusPageUpdateAt(inc)?.getTime());
    // Only the incident's section changed, by one line.
    assert.equal(text.split('\n').length, fixture.original.split('\n').length + 1);
    // The SEV-1's countdown restarts; the bar shows the most urgent incident, now the SEV-2.
    await waitFor('the status bar to restart its countdown', async () => {
      await fixture.api.statusBar.refresh();
      return freshCountdown(/^SEV-1 INC-2026-1120-001 — update in (\d+) min$/m.exec(fixture.api.statusBar.current.tooltip));
    });
    assert.match(fixture.api.statusBar.current.text, /SEV-2 INC-2026-1121-001 · .+ · update overdue /);
    assert.equal(fixture.api.statusBar.current.background, 'statusBarItem.errorBackground');
    // One Undo removes the entry.
    const doc = await vscode.workspace.openTextDocument(logUri());
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('undo');
    assert.ok(!doc.getText().includes('Status update (status page)'));
  });

  it('the status bar opens the composer while an update is overdue, the incident once it is not', async () => {
    const composerTabs = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('incidentPlaybook.composePanel'));
    await fixture.api.statusBar.refresh();
    const overdue = fixture.api.statusBar.current;
    assert.match(overdue.text, /INC-2026-1120-001 · .+ · update overdue /);
    assert.equal(overdue.command?.command, Commands.composeUpdate);
    assert.deepEqual(overdue.command?.arguments, [{ incident: ID, audience: 'internal' }]);
    const panel = await vscode.commands.executeCommand<ComposerHandle>(overdue.command!.command, ...(overdue.command!.arguments ?? []));
    assert.equal(panel.incidentId, ID);
    assert.equal(panel.audience, 'internal');
    await waitFor('the composer tab', () => composerTabs().length === 1);
    // Once the update is sent, the countdown restarts: the bar moves on to the SEV-2, overdue too.
    assert.equal(await panel.receive({ type: 'markSent', incident: ID, audience: 'internal', text: 'Mitigating: rollback done' }), true);
    const next = await waitFor('the bar to show the SEV-2', async () => {
      await fixture.api.statusBar.refresh();
      return fixture.api.statusBar.current.text.includes(SEV2) && fixture.api.statusBar.current;
    });
    assert.deepEqual(next.command?.arguments, [{ incident: SEV2, audience: 'internal' }]);
    // With both updates sent, no update is due soon: a click opens the incident again (the SEV-1:
    // the soonest due, then the most severe).
    const sev2 = await open(SEV2);
    assert.equal(await sev2.receive({ type: 'markSent', incident: SEV2, audience: 'internal', text: 'Investigating: queue draining' }), true);
    if (sev2 !== panel) sev2.panel.dispose();
    const calm = await waitFor('the countdown to restart', async () => {
      await fixture.api.statusBar.refresh();
      return freshCountdown(/ · update in (\d+) min$/.exec(fixture.api.statusBar.current.text)) && fixture.api.statusBar.current;
    });
    assert.equal(calm.command?.command, Commands.open);
    assert.deepEqual(calm.command?.arguments, [{ incident: ID }]);
  });

  it('opens from the checklist panel’s Compose Update button', async () => {
    (await open(ID)).panel.dispose();
    const composerTabs = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('incidentPlaybook.composePanel'));
    await waitFor('the composer to close', () => composerTabs().length === 0);
    const checklist = await vscode.commands.executeCommand<{ receive(raw: unknown): Promise<boolean> }>(Commands.openChecklist, { incident: ID });
    assert.equal(await checklist.receive({ type: 'command', incident: ID, command: 'composeUpdate' }), true);
    await waitFor('the composer to open', () => composerTabs().length === 1);
  });
});
