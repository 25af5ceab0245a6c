// The response commands in a real VS Code, called with arguments (no UI): declare, set status,
// escalate, hand over, resolve, copy the id. Each change is one WorkspaceEdit: one Undo reverts it.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { findIncident, indexLog } from '../../src/core';
import { Commands } from '../../src/extension/commandIds';
import { EXTENSION_ID, diskText, logUri, resetLog } from './helpers';

// The author: `(@handle)`, or a full name without the @ (the harness's git user, Riley Oncall).
const ENTRY = /^- \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC — (.*?)(?: \(@[^)]*\)| \(Riley Oncall\))?$/;

const disk = diskText;

async function doc(): Promise<vscode.TextDocument> {
  return vscode.workspace.openTextDocument(logUri());
}

function lastEntry(text: string, id: string): string | undefined {
  const inc = findIncident(indexLog(text), id);
  assert.ok(inc, `${id} is in the log`);
  const line = text.split('\n')[inc.timeline.at(-1)!.line];
  return ENTRY.exec(line)?.[1];
}

describe('Response commands', () => {
  let original = '';

  before(async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext);
    await ext.activate();
    original = await disk();
  });

  afterEach(() => resetLog(original));

  it('are in the palette under "Incident"', async () => {
    const all = await vscode.commands.getCommands(true);
    for (const c of ['declare', 'setStatus', 'setSeverity', 'assignRole', 'resolve', 'copyId']) assert.ok(all.includes(`incidentPlaybook.${c}`), c);
  });

  it('Declare Incident inserts a new incident at the top, saves, and opens it at its heading', async () => {
    const id = await vscode.commands.executeCommand<string>(Commands.declare, { severity: 'sev 2', title: 'Search results empty', commander: 'Ana Souza' });
    const today = new Date().toISOString();
    assert.equal(id, `INC-${today.slice(0, 4)}-${today.slice(5, 7)}${today.slice(8, 10)}-001`);
    const text = await disk();
    const index = indexLog(text);
    assert.equal(index.incidents[0].id, id, 'newest first');
    assert.equal(index.incidents[0].severity, 'SEV-2');
    assert.equal(index.incidents[0].roles.commander, 'Ana Souza');
    assert.equal(index.incidents[0].status, 'Investigating');
    assert.ok(text.endsWith(original.slice(original.indexOf('## INC-2026-1121-001'))), 'everything after it is untouched');
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor && editor.document.uri.toString() === logUri().toString());
    assert.equal(editor.document.lineAt(editor.selection.active.line).text, `## ${id}: Search results empty`);
  });

  it('Set Status logs the change', async () => {
    assert.equal(await vscode.commands.executeCommand(Commands.setStatus, { incident: 'INC-2026-1120-001', status: 'Monitoring' }), true);
    const text = await disk();
    assert.equal(findIncident(indexLog(text), 'INC-2026-1120-001')?.status, 'Monitoring');
    assert.equal(lastEntry(text, 'INC-2026-1120-001'), 'Status: Mitigating → Monitoring');
  });

  it('Set Severity marks an escalation, and one Undo reverts field and entry together', async () => {
    const d = await doc();
    await vscode.window.showTextDocument(d);
    assert.equal(await vscode.commands.executeCommand(Commands.setSeverity, { incident: 'INC-2026-1121-001', severity: 'SEV-1' }), true);
    const text = d.getText();
    assert.equal(findIncident(indexLog(text), 'INC-2026-1121-001')?.severity, 'SEV-1');
    assert.equal(lastEntry(text, 'INC-2026-1121-001'), 'Escalated: SEV-2 → SEV-1');
    await vscode.commands.executeCommand('undo');
    assert.equal(d.getText(), original);
  });

  it('Assign Role logs a commander handoff', async () => {
    assert.equal(await vscode.commands.executeCommand(Commands.assignRole, { incident: 'INC-2026-1120-001', role: 'commander', name: 'Ana Souza' }), true);
    const text = await disk();
    assert.equal(findIncident(indexLog(text), 'INC-2026-1120-001')?.roles.commander, 'Ana Souza');
    assert.equal(lastEntry(text, 'INC-2026-1120-001'), 'Incident Commander handed over from Dana Reyes to Ana Souza');
  });

  it('Resolve Incident sets status and resolved time and logs it', async () => {
    assert.equal(await vscode.commands.executeCommand(Commands.resolve, { incident: 'INC-2026-1121-001' }), true);
    const inc = findIncident(indexLog(await disk()), 'INC-2026-1121-001');
    assert.equal(inc?.status, 'Resolved');
    assert.match(inc?.resolved ?? '', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00Z$/);
    assert.equal(lastEntry(await disk(), 'INC-2026-1121-001'), 'Incident resolved');
  });

  it('Copy Incident ID puts the id on the clipboard', async () => {
    assert.equal(await vscode.commands.executeCommand(Commands.copyId, { incident: 'INC-2026-1120-001' }), 'INC-2026-1120-001');
    assert.equal(await vscode.env.clipboard.readText(), 'INC-2026-1120-001');
  });

  it('refuses what the policy does not know, and writes nothing', async () => {
    assert.equal(await vscode.commands.executeCommand(Commands.setSeverity, { incident: 'INC-2026-1120-001', severity: 'SEV-9' }), undefined);
    assert.equal(await vscode.commands.executeCommand(Commands.setStatus, { incident: 'INC-2026-1120-001', status: 'Asleep' }), undefined);
    assert.equal(await vscode.commands.executeCommand(Commands.resolve, { incident: 'INC-1999-0101-001' }), undefined);
    assert.equal(await disk(), original);
  });
});
