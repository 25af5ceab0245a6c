// Reminders in a real VS Code: status updates due per the policy's cadence, shown once per
// occasion, Snooze logged in the timeline (and honoured), the response-time warning, the setting.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { findIncident, indexLog } from '../../src/core';
import type { IncidentPlaybookApi } from '../../src/extension/extension';
import { EXTENSION_ID, diskText, logUri, resetLog, waitFor } from './helpers';

describe('Reminders', () => {
  let api: IncidentPlaybookApi;
  let original = '';
  const reminders = () => vscode.workspace.getConfiguration('incidentPlaybook.reminders');

  before(async () => {
    api = await vscode.extensions.getExtension<IncidentPlaybookApi>(EXTENSION_ID)!.activate();
    original = await diskText();
  });

  beforeEach(async () => {
    await reminders().update('enabled', true, vscode.ConfigurationTarget.Global);
  });

  afterEach(async () => {
    // The harness turns reminders off for the other suites; leave it so.
    await reminders().update('enabled', false, vscode.ConfigurationTarget.Global);
    await resetLog(original);
    await vscode.commands.executeCommand('notifications.clearAll');
  });

  it('reminds of each overdue status update once, most severe first, with Add Update / Snooze / Open', async () => {
    // An hour from now, so that whatever the earlier suites did, both active incidents are due.
    const later = new Date(Date.now() + 60 * 60000);
    const shown = await api.reminders.check(later);
    const ours = shown.filter((r) => r.reminder.kind === 'update-due');
    assert.deepEqual(ours.map((r) => r.reminder.incident.id).slice(0, 2), ['INC-2026-1120-001', 'INC-2026-1121-001']);
    assert.match(ours[0].reminder.message, /^SEV-1 INC-2026-1120-001: a status update is overdue by .+ \(every 30 min; last 2026-11-20 14:42 UTC\)\.$/);
    assert.deepEqual(ours[0].actions, ['Add Update', 'Snooze 10 min', 'Open']);
    // The same occasion is not shown twice.
    assert.deepEqual(await api.reminders.check(later), []);
  });

  it('Snooze logs a timeline entry and quiets that incident’s reminder for the snooze', async () => {
    await api.reminders.snooze('INC-2026-1120-001', 10);
    const text = await diskText();
    const incident = findIncident(indexLog(text), 'INC-2026-1120-001')!;
    const entry = incident.timeline.at(-1)!;
    assert.equal(entry.text, 'Status update reminder snoozed for 10 min');
    assert.equal(entry.owner, 'Riley Oncall');
    const snoozedAt = Date.parse(entry.at!);
    await waitFor('the log store to read the snooze', async () => {
      const state = await api.incidentTree.incidents();
      return state?.incidents.find((i) => i.id === 'INC-2026-1120-001')?.timeline.length === 3;
    });
    // Within the snooze: nothing for that incident (the other one may still be due).
    const during = await api.reminders.check(new Date(snoozedAt + 5 * 60000));
    assert.ok(!during.some((r) => r.reminder.incident.id === 'INC-2026-1120-001'), during.map((r) => r.reminder.message).join('\n'));
    // After it: reminded again, still counting from the last real update.
    const after = await api.reminders.check(new Date(snoozedAt + 11 * 60000));
    const again = after.find((r) => r.reminder.incident.id === 'INC-2026-1120-001');
    assert.ok(again, 'no reminder after the snooze ended');
    assert.match(again.reminder.message, /last 2026-11-20 14:42 UTC/);
  });

  it('warns when an active incident passes its response time with no commander, offering Assign Commander', async () => {
    const doc = await vscode.workspace.openTextDocument(logUri());
    const line = doc.getText().split('\n').indexOf('- **Incident Commander:** Priya Natarajan');
    assert.ok(line > 0);
    const edit = new vscode.WorkspaceEdit();
    edit.delete(doc.uri, doc.lineAt(line).rangeIncludingLineBreak);
    const before = api.reminders.history.length;
    assert.ok(await vscode.workspace.applyEdit(edit));
    // The edit starts a check of its own, at the real time, which may show the warning first (a
    // reminder is shown once): found in what this check shows, or in what was shown since the edit.
    const shown = await waitFor('the response-time warning', async () => {
      const found = (await api.reminders.check(new Date(Date.now() + 2 * 60 * 60000))).find((r) => r.reminder.kind === 'response-time');
      return found ?? api.reminders.history.slice(before).find((r) => r.reminder.kind === 'response-time');
    });
    assert.equal(shown.reminder.incident.id, 'INC-2026-1121-001');
    assert.match(shown.reminder.message, /^SEV-2 INC-2026-1121-001 has had no incident commander for .+; the SEV-2 response time is 30 min\.$/);
    assert.deepEqual(shown.actions, ['Assign Commander', 'Open']);
  });

  it('shows at most three reminders at once, most severe first, and sums up the rest', async () => {
    const stale = [1, 2, 3, 4]
      .map((n) => `## INC-2025-0${n}01-001: Forgotten incident ${n}\n- **Severity:** SEV-3\n- **Status:** Investigating\n- **Detected:** 2025-0${n}-01 10:00 UTC\n`)
      .join('\n');
    const shownBefore = api.reminders.history.length;
    const summaries = api.reminders.summaries.length;
    await vscode.workspace.fs.writeFile(logUri(), new TextEncoder().encode(`${original.trimEnd()}\n\n${stale}`));
    await waitFor('the stale incidents in the index', async () => (await api.incidentTree.incidents())?.incidents.length === 7);
    const shown = await api.reminders.check(new Date(Date.now() + 3 * 60 * 60000));
    // The write starts a check of its own (at the real time, when the stale incidents are overdue
    // already), which may run before this one: whichever check met them, each shows at most three
    // toasts. Four forgotten SEV-3s without a commander (plus whatever earlier tests left
    // unshown): three toasts, and the rest in one summary that names them.
    assert.ok(shown.length <= 3, `${shown.length} shown at once`);
    assert.equal(api.reminders.summaries.length, summaries + 1);
    const summary = api.reminders.summaries.at(-1)!;
    assert.match(summary, /^\d+ more active incidents? needs? attention \(INC-2025-/);
    // Each forgotten incident is either a toast or named in the summary.
    const toasted = new Set(api.reminders.history.slice(shownBefore).map((r) => r.reminder.incident.id));
    for (const n of [1, 2, 3, 4]) {
      const id = `INC-2025-0${n}01-001`;
      assert.ok(toasted.has(id) || summary.includes(id), `${id} was neither shown nor summed up`);
    }
    // Nothing more on the next check: the summarised ones count as shown.
    assert.deepEqual(await api.reminders.check(new Date(Date.now() + 3 * 60 * 60000)), []);
  });

  it('shows nothing when incidentPlaybook.reminders.enabled is off', async () => {
    await reminders().update('enabled', false, vscode.ConfigurationTarget.Global);
    assert.deepEqual(await api.reminders.check(new Date(Date.now() + 24 * 60 * 60000)), []);
  });
});

describe('Review reminder in the status bar', () => {
  let api: IncidentPlaybookApi;
  let original = '';
  const id = 'INC-2099-0101-042';
  const reviewUri = () => vscode.Uri.joinPath(logUri(), '..', 'pir', `${id}.md`);

  before(async () => {
    api = await vscode.extensions.getExtension<IncidentPlaybookApi>(EXTENSION_ID)!.activate();
    original = await diskText();
  });

  after(async () => {
    await vscode.workspace.fs.delete(reviewUri()).then(undefined, () => undefined);
    await resetLog(original);
    await api.reviewReminder.refresh();
  });

  it('shows a resolved incident whose review is past due, opens the most overdue review on click, and goes once the review is final', async () => {
    // Resolved ten days ago (whatever today is): three business days have passed whatever the weekday.
    const resolved = new Date(Date.now() - 10 * 86_400_000);
    const at = (d: Date) => `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
    const incident = `\n## ${id}: Payments webhook retries piled up\n- **Severity:** SEV-2\n- **Status:** Resolved\n- **Detected:** ${at(new Date(resolved.getTime() - 3_600_000))}\n- **Resolved:** ${at(resolved)}\n`;
    await vscode.workspace.fs.writeFile(logUri(), new TextEncoder().encode(original + incident));
    const late = await waitFor(
      'the review reminder to list the incident',
      async () => {
        await api.reviewReminder.refresh();
        return api.reviewReminder.current.late.find((r) => r.id === id);
      },
      15_000,
    );
    assert.equal(late.started, false);
    assert.ok(api.reviewReminder.current.visible);
    assert.match(api.reviewReminder.current.text, /^\$\(notebook\) (Review overdue: |\d+ reviews overdue)/);
    const click = api.reviewReminder.current.command;
    assert.equal(click?.command, 'incidentPlaybook.openReview');
    assert.deepEqual(click?.arguments, [{ incident: api.reviewReminder.current.late[0].id }]);

    // A draft is still owed; a final review is done.
    const review = (status: string) => new TextEncoder().encode(`---\nincident: "${id}"\nstatus: ${status}\n---\n\n# Post-incident review: ${id}\n`);
    await vscode.workspace.fs.writeFile(reviewUri(), review('draft'));
    await api.reviewReminder.refresh();
    assert.equal(api.reviewReminder.current.late.find((r) => r.id === id)?.started, true);
    // Marked final on disk (a pull, another editor): the watcher on pir/ clears it, no refresh asked.
    await vscode.workspace.fs.writeFile(reviewUri(), review('final'));
    await waitFor('the final review to clear the reminder', async () => api.reviewReminder.current.late.every((r) => r.id !== id), 15_000);
  });
});
