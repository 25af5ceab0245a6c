// Runbooks in a real VS Code: "Open Runbook" writes the runbook into the incident's checklist
// (once), "Run Step" runs a step in code-server's terminal and logs one entry with the item
// ticked in the same edit; a dangerous step asks first, parameters are checked before anything
// runs, Restricted Mode refuses; "Create Playbook" writes the template and never overwrites.
// The modal and the input boxes are answered through the runner's replaceable `ui`.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { findIncident, indexLog } from '../../src/core';
import { PLAYBOOK_TEMPLATE } from '../../src/core/playbook/playbookTemplate';
import { Commands } from '../../src/extension/commandIds';
import type { CreatePlaybookOutcome } from '../../src/extension/createPlaybook';
import type { IncidentPlaybookApi } from '../../src/extension/extension';
import { type OpenRunbookOutcome, type RunbookUi, type StepRunOutcome, vscodeRunbookUi } from '../../src/extension/terminal/runbookCommands';
import { MANAGE_TRUST } from '../../src/extension/terminal/safety';
import { EXTENSION_ID, diskText, logUri, resetLog, waitFor } from './helpers';

const PLAYBOOK = `healthChecks:
  - name: api-up
    run: echo "api is up"
    timeout: 20s
checklist:
  - Acknowledge the alert and declare the incident
  - text: Assign incident commander, technical lead and communications lead
    run: api-up
runbooks:
  website-outage:
    title: Website outage
    severity: SEV-1
    params:
      - name: DEPLOYMENT_ID
        pattern: "deploy-[0-9]{1,6}"
    steps:
      - title: Verify outage
        run: echo "site answers"
      - title: Check the provider status page
        notes: Look for an ongoing provider incident.
      - title: Roll back
        run: echo "rolled back $DEPLOYMENT_ID" > .incident/rolled-back.txt
        dangerous: true
      - title: Confirm the version
        run: echo "now at $DEPLOYMENT_ID"
`;

const ID = 'INC-2026-1121-001';
const LAST_ITEM = '- [ ] Assign incident commander, technical lead and communications lead\n';
const BLOCK = '\n#### Runbook: Website outage\n- [ ] Verify outage\n- [ ] Check the provider status page\n- [ ] Roll back\n- [ ] Confirm the version\n';

/** A ui that records what it was asked and answers as told. */
function fakeUi(answers: { trusted?: boolean; confirm?: boolean; input?: string[] }) {
  const asked = { confirm: [] as Array<{ title: string; command: string }>, input: [] as vscode.InputBoxOptions[], warned: [] as string[] };
  const inputs = [...(answers.input ?? [])];
  const ui: RunbookUi = {
    isTrusted: () => answers.trusted ?? true,
    warn: (message, ...items) => {
      asked.warned.push(`${message} [${items.join('|')}]`);
      return Promise.resolve(undefined);
    },
    execute: () => Promise.resolve(),
    confirmDangerous: (title, command) => {
      asked.confirm.push({ title, command });
      return Promise.resolve(answers.confirm ?? false);
    },
    input: (options) => {
      asked.input.push(options);
      return Promise.resolve(inputs.shift());
    },
  };
  return { ui, asked };
}

function incidentOf(text: string) {
  const inc = findIncident(indexLog(text), ID);
  assert.ok(inc);
  return inc;
}

describe('Runbooks', function () {
  this.timeout(90_000);
  let api: IncidentPlaybookApi;
  let original = '';
  let folder: vscode.Uri;
  let playbook: vscode.Uri;
  let proof: vscode.Uri;

  const exists = async (uri: vscode.Uri) => vscode.workspace.fs.stat(uri).then(
    () => true,
    () => false,
  );

  async function openRunbook(): Promise<OpenRunbookOutcome> {
    // The playbook was just written: the store may still hold the policy read before it.
    return waitFor('the runbook from the playbook', async () => (await vscode.commands.executeCommand<OpenRunbookOutcome | undefined>(Commands.openRunbook, { incident: ID, runbook: 'website-outage' })) ?? false, 20_000);
  }

  before(async () => {
    api = (await vscode.extensions.getExtension(EXTENSION_ID)!.activate()) as IncidentPlaybookApi;
    original = await diskText();
    folder = vscode.workspace.workspaceFolders![0].uri;
    playbook = vscode.Uri.joinPath(folder, '.incident', 'playbook.yml');
    proof = vscode.Uri.joinPath(folder, '.incident', 'rolled-back.txt');
    await vscode.workspace.fs.writeFile(playbook, new TextEncoder().encode(PLAYBOOK));
  });
  after(async () => {
    api.runbooks.ui = vscodeRunbookUi;
    await vscode.workspace.fs.delete(vscode.Uri.joinPath(playbook, '..'), { recursive: true });
    await resetLog(original);
    // The suites after this one expect the built-in policy: the template written here is P1..P4,
    // and a file event missed for the deletion would leave the view on it.
    await waitFor('the built-in policy again', async () => {
      await vscode.commands.executeCommand(Commands.refresh);
      const state = await api.incidentTree.incidents();
      return state?.policy.severities[0]?.id === 'SEV-1' && !state.policy.runbooks;
    });
  });
  afterEach(async () => {
    api.runbooks.ui = vscodeRunbookUi;
    if (await exists(proof)) await vscode.workspace.fs.delete(proof);
    await resetLog(original);
  });

  it('are contributed', async () => {
    const all = await vscode.commands.getCommands(true);
    for (const id of [Commands.openRunbook, Commands.runStep, Commands.createPlaybook]) assert.ok(all.includes(id), id);
  });

  it('Open Runbook writes the runbook into the checklist as markdown, once, and the view shows it', async () => {
    const out = await openRunbook();
    assert.deepEqual(out, { incidentId: ID, runbook: 'website-outage', added: true });
    const text = await diskText();
    assert.equal(text, original.replace(LAST_ITEM, LAST_ITEM + BLOCK), 'one insertion after the last checklist item');
    // Twice: nothing more.
    const again = await vscode.commands.executeCommand<OpenRunbookOutcome>(Commands.openRunbook, { incident: ID, runbook: 'website-outage' });
    assert.equal(again.added, false);
    assert.equal(await diskText(), text);
    // The Incidents view: a "Runbook: Website outage" row with its steps, runnable ones marked for the inline Run.
    const tree = api.incidentTree;
    const rows = await waitFor('the runbook row', async () => {
      const node = (await tree.incidentNodes()).find((n) => n.id === ID);
      const children = node ? await tree.getChildren(node) : [];
      return children.find((c) => tree.getTreeItem(c).label === 'Runbook: Website outage') ?? false;
    });
    const steps = (await tree.getChildren(rows)).map((s) => tree.getTreeItem(s));
    assert.deepEqual(
      steps.map((s) => [s.label, s.contextValue, s.description ?? null]),
      [
        ['Verify outage', 'incidentDetail.runbookStep.run', null],
        ['Check the provider status page', 'incidentDetail.runbookStep', null],
        ['Roll back', 'incidentDetail.runbookStep.run', 'dangerous'],
        ['Confirm the version', 'incidentDetail.runbookStep.run', null],
      ],
    );
  });

  it('Run Step runs the step in the terminal, logs one entry and ticks the step in the same edit (one Undo)', async () => {
    await openRunbook();
    const opened = await diskText();
    const before = incidentOf(opened).timeline.length;
    const out = await vscode.commands.executeCommand<StepRunOutcome | undefined>(Commands.runStep, { incident: ID, runbook: 'website-outage', step: 1 });
    assert.ok(out);
    assert.equal(out.result.status, 'pass');
    assert.match(out.entry, /^Runbook step website-outage #1 Verify outage: PASS \(exit 0, \d+(\.\d)? m?s\)$/);
    assert.equal(out.ticked, true);
    const text = await diskText();
    const inc = incidentOf(text);
    assert.equal(inc.timeline.length, before + 1);
    assert.ok(text.split('\n')[inc.timeline.at(-1)!.line].includes(out.entry));
    assert.ok(text.includes('- [x] Verify outage\n'));
    const doc = await vscode.workspace.openTextDocument(logUri());
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('undo');
    assert.equal(doc.getText(), opened, 'entry and tick reverted together');
  });

  it("the Incidents view's inline Run on a step row runs that step", async () => {
    await openRunbook();
    const tree = api.incidentTree;
    const step = await waitFor('the step row', async () => {
      const node = (await tree.incidentNodes()).find((n) => n.id === ID);
      const book = node ? (await tree.getChildren(node)).find((c) => tree.getTreeItem(c).label === 'Runbook: Website outage') : undefined;
      return (book && (await tree.getChildren(book)).find((c) => tree.getTreeItem(c).label === 'Verify outage')) ?? false;
    });
    // The menu passes the row itself.
    const out = await vscode.commands.executeCommand<StepRunOutcome | undefined>(Commands.runStep, step);
    assert.ok(out);
    assert.match(out.entry, /^Runbook step website-outage #1 Verify outage: PASS/);
    assert.ok((await diskText()).includes('- [x] Verify outage\n'));
  });

  it('a dangerous step asks first, naming the command: declined, nothing runs or is written; accepted, it runs', async () => {
    await openRunbook();
    const opened = await diskText();
    const no = fakeUi({ confirm: false });
    api.runbooks.ui = no.ui;
    const declined = await vscode.commands.executeCommand<StepRunOutcome | undefined>(Commands.runStep, { incident: ID, runbook: 'website-outage', step: 3, params: { DEPLOYMENT_ID: 'deploy-42' } });
    assert.equal(declined, undefined);
    assert.deepEqual(no.asked.confirm, [{ title: 'Roll back', command: 'echo "rolled back $DEPLOYMENT_ID" > .incident/rolled-back.txt' }]);
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(await exists(proof), false, 'the command did not run');
    assert.equal(await diskText(), opened, 'nothing was written');

    const yes = fakeUi({ confirm: true });
    api.runbooks.ui = yes.ui;
    const out = await vscode.commands.executeCommand<StepRunOutcome | undefined>(Commands.runStep, { incident: ID, runbook: 'website-outage', step: 3, params: { DEPLOYMENT_ID: 'deploy-42' } });
    assert.ok(out);
    assert.equal(yes.asked.confirm.length, 1);
    assert.match(out.entry, /^Runbook step website-outage #3 Roll back: PASS \(exit 0, /);
    // The parameter reached the command as an environment variable.
    assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(proof)).trim(), 'rolled back deploy-42');
    assert.ok((await diskText()).includes('- [x] Roll back\n'));
  });

  it('a parameter is asked for and checked against its pattern: an invalid value runs nothing', async () => {
    await openRunbook();
    const opened = await diskText();
    const bad = fakeUi({ input: ['deploy-1; rm -rf /'] });
    api.runbooks.ui = bad.ui;
    const refused = await vscode.commands.executeCommand<StepRunOutcome | undefined>(Commands.runStep, { incident: ID, runbook: 'website-outage', step: 4 });
    assert.equal(refused, undefined);
    assert.equal(bad.asked.input.length, 1);
    const box = bad.asked.input[0];
    assert.match(box.prompt ?? '', /\$DEPLOYMENT_ID/);
    // The box itself refuses what does not match, as it is typed.
    assert.equal(await box.validateInput!('deploy-1; rm -rf /'), 'DEPLOYMENT_ID must match deploy-[0-9]{1,6}');
    assert.equal(await box.validateInput!('deploy-7'), undefined);
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(await diskText(), opened, 'nothing was written');

    const good = fakeUi({ input: ['deploy-7'] });
    api.runbooks.ui = good.ui;
    const out = await vscode.commands.executeCommand<StepRunOutcome | undefined>(Commands.runStep, { incident: ID, runbook: 'website-outage', step: 4 });
    assert.ok(out);
    assert.equal(out.result.status, 'pass');
    assert.match(out.result.output, /now at deploy-7/);
    assert.ok(!(await diskText()).includes('deploy-7'), 'the value is not written to the log');
  });

  it("an ordinary checklist item runs its playbook step (a health check) and is ticked", async () => {
    const out = await waitFor('the playbook', async () => (await vscode.commands.executeCommand<StepRunOutcome | undefined>(Commands.runStep, { incident: ID, item: 1, text: 'Assign incident commander, technical lead and communications lead' })) ?? false, 20_000);
    assert.match(out.entry, /^Health check api-up: PASS \(exit 0, /);
    assert.ok((await diskText()).includes('- [x] Assign incident commander, technical lead and communications lead\n'));
  });

  it('the checklist panel runs a step through Run Step', async () => {
    await openRunbook();
    const panel = await vscode.commands.executeCommand<{ receive(raw: unknown): Promise<boolean> }>(Commands.openChecklist, { incident: ID });
    const index = incidentOf(await diskText()).checklist.findIndex((c) => c.text === 'Verify outage');
    assert.equal(await panel.receive({ type: 'run', incident: ID, item: { index, text: 'Verify outage' } }), true);
    const text = await waitFor('the entry', async () => {
      const t = await diskText();
      return t.includes('Runbook step website-outage #1 Verify outage: PASS') && t;
    });
    assert.ok(text.includes('- [x] Verify outage\n'));
  });

  it('refuses in Restricted Mode and offers Manage Workspace Trust', async () => {
    await openRunbook();
    const opened = await diskText();
    const restricted = fakeUi({ trusted: false });
    api.runbooks.ui = restricted.ui;
    assert.equal(await vscode.commands.executeCommand(Commands.runStep, { incident: ID, runbook: 'website-outage', step: 1 }), undefined);
    assert.match(restricted.asked.warned[0], /Restricted Mode.*\[Manage Workspace Trust\]$/s);
    assert.ok(restricted.asked.warned[0].includes(MANAGE_TRUST));
    assert.equal(await diskText(), opened);
  });

  it('Create Playbook writes a playbook proposed from the log, opens it, and never overwrites', async () => {
    // The suite's playbook is there: left as it is.
    const kept = await vscode.commands.executeCommand<CreatePlaybookOutcome>(Commands.createPlaybook);
    assert.equal(kept.created, false);
    assert.equal(kept.uri.fsPath, playbook.fsPath);
    assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(playbook)), PLAYBOOK);
    await vscode.workspace.fs.delete(playbook);
    try {
      const made = await vscode.commands.executeCommand<CreatePlaybookOutcome>(Commands.createPlaybook);
      assert.equal(made.created, true);
      // Beside a log with incidents: what the log writes, listed for the team to map, then the
      // template's commented health checks and runbooks.
      const written = new TextDecoder().decode(await vscode.workspace.fs.readFile(playbook));
      assert.match(written, /^# Proposed from docs\/INCIDENT_LOG\.md \(\d+ incidents read\)/m);
      assert.match(written, /^# {3}SEV-1 \(\d+×\) → SEV-1$/m);
      assert.match(written, /^# {3}Incident Commander \(\d+×\) → commander$/m);
      assert.ok(written.includes('# Runbooks:'), 'the runbooks part of the template follows');
      assert.ok(written.length > PLAYBOOK_TEMPLATE.length / 2);
      assert.equal(vscode.window.activeTextEditor?.document.uri.fsPath, playbook.fsPath, 'the playbook is opened');
      // Edited by the team, then the command again: their file stays.
      await vscode.workspace.fs.writeFile(playbook, new TextEncoder().encode('timeZone: UTC\n'));
      const second = await vscode.commands.executeCommand<CreatePlaybookOutcome>(Commands.createPlaybook);
      assert.equal(second.created, false);
      assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(playbook)), 'timeZone: UTC\n');
    } finally {
      await vscode.workspace.fs.writeFile(playbook, new TextEncoder().encode(PLAYBOOK));
    }
  });
});
