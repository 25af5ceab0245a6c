// The incident tools of VS Code's chat (language model tools) in a real VS Code, called through
// vscode.lm.invokeTool as a chat participant calls them. A write tool asks before it runs: VS Code
// shows its confirmation (the exact lines, in a diff) in the chat, or as a modal dialog when the
// call comes from outside a chat, as here. Under test VS Code answers that dialog itself (an
// extension under test gets every dialog confirmed), so what the question shows cannot be seen
// from here, only that what was written is the line the tool reports; the question itself needs
// a chat model and a person (or the e2e suite's browser) to be seen.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { defaultPolicy, findIncident, indexLog } from '../../src/core';
import { getIncident } from '../../src/core/agent/operations';
import { confirmation } from '../../src/extension/agents/languageModelTools';
import { EXTENSION_ID, diskText, logUri, useFixtureLog, waitFor } from './helpers';

const none = new vscode.CancellationTokenSource().token;

async function call(name: string, input: Record<string, unknown>): Promise<string[]> {
  const result = await vscode.lm.invokeTool(name, { input, toolInvocationToken: undefined }, none);
  return result.content.map((part) => {
    assert.ok(part instanceof vscode.LanguageModelTextPart, `${name} answers in text`);
    return part.value;
  });
}

/** The lines a write's answer says it added (its diff's `+` lines). */
function added(answer: string): string[] {
  return answer
    .split('\n')
    .filter((l) => l.startsWith('+'))
    .map((l) => l.slice(1));
}

describe('Incident language model tools', () => {
  const fixture = useFixtureLog();

  it('are registered, each with its tag, its description and its input schema as the manifest declares them', async () => {
    const manifest = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON.contributes.languageModelTools as Array<{ name: string; modelDescription: string; inputSchema: object; tags: string[] }>;
    assert.ok(manifest.length >= 16, `${manifest.length} tools in the manifest`);
    const tools = await waitFor('the incident tools', () => {
      const ours = vscode.lm.tools.filter((t) => t.name.startsWith('incident_'));
      return ours.length === manifest.length && ours;
    });
    for (const declared of manifest) {
      const tool = tools.find((t) => t.name === declared.name);
      assert.ok(tool, declared.name);
      assert.deepEqual([...tool.tags], ['incident']);
      assert.equal(tool.description, declared.modelDescription);
      assert.deepEqual(tool.inputSchema, declared.inputSchema);
    }
  });

  it('incident_get_incident answers with the incident as the core reads it', async () => {
    const [text] = await call('incident_get_incident', { id: 'INC-2026-1120-001' });
    const log = await diskText();
    const expected = await getIncident({ policy: defaultPolicy(), logPath: logUri().fsPath, index: () => indexLog(log), reviewText: () => undefined, now: () => new Date() }, { id: 'INC-2026-1120-001' });
    assert.equal(text, expected.text);
    assert.match(text, /^INC-2026-1120-001: Checkout API returning 500s\n/);
    assert.ok(text.includes('Rolled back deploy 7f3c'));
  });

  it('a write lands exactly the line it reports in the log’s document, by the git user via Copilot, and one Undo reverts it', async () => {
    const doc = await vscode.workspace.openTextDocument(logUri());
    await vscode.window.showTextDocument(doc);
    const [answer] = await call('incident_add_timeline_entry', { id: 'INC-2026-1121-001', text: 'Restarted webhook-dispatcher', at: '2026-11-21T09:30:00Z' });
    assert.match(answer, /^Log on INC-2026-1121-001: Restarted webhook-dispatcher\. Written to docs\/INCIDENT_LOG\.md:\n```diff\n@@ line \d+ @@\n/);
    const lines = added(answer);
    assert.equal(lines.length, 1, answer);
    assert.match(lines[0], /^- 2026-11-21 09:30 UTC — Restarted webhook-dispatcher \(.* via Copilot\)$/);
    const after = '- 2026-11-21 09:12 UTC — Queue depth alert on webhook-dispatcher (@priya)\n';
    assert.equal(doc.getText(), fixture.original.replace(after, `${after}${lines[0]}\n`));
    assert.equal(await diskText(), doc.getText(), 'saved, as the commands save');
    await vscode.commands.executeCommand('undo');
    assert.equal(doc.getText(), fixture.original);
  });

  it('declare_incident writes the incident it reports through Declare Incident’s writer; one Undo reverts it', async () => {
    const doc = await vscode.workspace.openTextDocument(logUri());
    await vscode.window.showTextDocument(doc);
    const [answer] = await call('incident_declare_incident', { title: 'Search results empty', severity: 'SEV-3' });
    const id = /^Declare "Search results empty" \(SEV-3\): (INC-\d{4}-\d{4}-\d{3})\. Written to /.exec(answer)?.[1];
    assert.ok(id, answer);
    const declared = findIncident(indexLog(doc.getText()), id);
    assert.equal(declared?.severity, 'SEV-3');
    assert.equal(indexLog(doc.getText()).incidents[0].id, id, 'newest first');
    for (const line of added(answer)) assert.ok(doc.getText().includes(`${line}\n`), line);
    assert.ok(added(answer).some((l) => / via Copilot\)$/.test(l)), answer);
    await vscode.commands.executeCommand('undo');
    assert.equal(doc.getText(), fixture.original);
  });

  it('an unknown incident is said in one line, and nothing is written', async () => {
    const missing = `No incident "INC-1999-0101-001" in ${logUri().fsPath}.`;
    assert.deepEqual(await call('incident_get_incident', { id: 'INC-1999-0101-001' }), [missing]);
    assert.deepEqual(await call('incident_set_status', { id: 'INC-1999-0101-001', status: 'Resolved' }), [missing]);
    assert.deepEqual(await call('incident_set_status', { id: 'INC-2026-1120-001', status: 'Sleeping' }).then((a) => a.length === 1 && !a[0].includes('\n')), true);
    assert.match((await call('incident_get_incident', {}))[0], /^get_incident: id: Required$/);
    assert.match((await call('incident_add_timeline_entry', { id: 'INC-2026-1120-001', text: 'x'.repeat(4001) }))[0], /^add_timeline_entry: text: String must contain at most 4000 character\(s\)$/);
    assert.equal(await diskText(), fixture.original);
  });

  it('the question before a write shows where, and the lines in a diff fence longer than any the lines hold', () => {
    const md = confirmation({ summary: 'Log on INC-2026-1120-001: see ```', file: logUri(), diff: '@@ line 14 @@\n+- 2026-11-20 15:00 UTC — see ```js fence (via Copilot)' });
    assert.equal(md.isTrusted, undefined);
    // The path as text (VS Code escapes its markdown, and its spaces as &nbsp;), then the fence.
    assert.match(md.value, /^In(&nbsp;| )docs\/INCIDENT\\?_LOG\\?\.md:\n\n/);
    assert.ok(md.value.endsWith('\n\n````diff\n@@ line 14 @@\n+- 2026-11-20 15:00 UTC — see ```js fence (via Copilot)\n````\n'), md.value);
  });
});
