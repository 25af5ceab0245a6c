// The response commands: declare, set status, set severity, assign a role, resolve, copy the id.
// Each works from the palette (QuickPicks), from the tree (its item), or with arguments (tests,
// keybindings, other extensions), and makes its change as one WorkspaceEdit (see logEdit.ts).
import * as vscode from 'vscode';
import { findIncident, isActive } from '../core/indexer';
import { type Incident, type LogIndex, hasSection } from '../core/model';
import { assignRole, changeSeverity, changeStatus, type Role } from '../core/response/operations';
import { type Policy, matchSeverity, reviewPeriodFor, reviewPeriodText, unknownSeverityMessage } from '../core/playbook/policy';
import { WriteRefused, addChecklist, combineSplices, declareIncident, newLogText, resolveIncident, setField, setTaskDone } from '../core/log/writer';
import { planReview } from '../core/review/review';
import { findTeamFile } from '../core/log/logFile';
import { dirname, join } from 'node:path';
import { formatElapsed } from '../core/response/clock';
import { gitResponderIn } from './gitUser';
import { applyIncidentEdit, applyLogEdit } from './logEdit';
import { logContext, writerOf } from './logContext';
import { guarded } from './report';
import { type LogStore, exists } from './logStore';
import { chooseIncident } from './incidentPicker';
import { DRILL_ITEM, asksForCommander, chooseCommander, scenarioPhases } from './oncall/declare';
import { pickResponder } from './responderPick';
import { responderSuggestions } from '../core/response/responders';
import { offerTeamMerging } from './git/setupMerge';
import {
  type AssignRoleArgs,
  type ChecklistArgs,
  Commands,
  type DeclareArgs,
  type IncidentArgs,
  type ResolveArgs,
  type SetSeverityArgs,
  type SetStatusArgs,
  type StartReviewArgs,
  commandArgs,
  isIncidentRow,
  stringArg as text,
} from './commandIds';

/** The buttons of the question Resolve asks (besides the modal's own Cancel). */
export const RESOLVE = vscode.l10n.t('Resolve');
export const RESOLVE_WITH_NOTE = vscode.l10n.t('Resolve with Note…');

/** How many open checklist items the question names before "and N more". */
const OPEN_ITEMS_NAMED = 3;

/** How Resolve asks: a modal warning, then (for a note) an input box. Tests replace it. */
export interface ResolveUi {
  ask(message: string, options: vscode.MessageOptions, ...items: string[]): Thenable<string | undefined>;
  input(options: vscode.InputBoxOptions): Thenable<string | undefined>;
}

export const vscodeResolveUi: ResolveUi = {
  ask: (message, options, ...items) => vscode.window.showWarningMessage(message, options, ...items),
  input: (options) => vscode.window.showInputBox(options),
};

/** "A", "A and B", "A, B and C", "A, B, C and 4 more", each quoted. */
export function namedItems(texts: readonly string[], named = OPEN_ITEMS_NAMED): string {
  const quoted = texts.map((t) => `"${t}"`);
  if (quoted.length <= named) return quoted.length < 2 ? (quoted[0] ?? '') : vscode.l10n.t('{0} and {1}', quoted.slice(0, -1).join(', '), quoted[quoted.length - 1]);
  return vscode.l10n.t('{0} and {1} more', quoted.slice(0, named).join(', '), quoted.length - named);
}

/**
 * Asks once before resolving from a panel or the Incidents view: a modal naming the incident's
 * open checklist items (the first few, then how many more), with Resolve and Resolve with Note…
 * (an input box; Escape there cancels too). Undefined when cancelled, else the note if one was written.
 */
export async function confirmResolve(incident: Incident, ui: ResolveUi): Promise<{ note?: string } | undefined> {
  const open = incident.checklist.filter((c) => !c.done);
  const total = incident.checklist.length;
  const message = open.length ? vscode.l10n.t('Resolve {0} with {1} of {2} checklist items open?', incident.id, open.length, total) : vscode.l10n.t('Resolve {0}?', incident.id);
  const facts = open.length ? vscode.l10n.t('Still open: {0}.', namedItems(open.map((c) => c.text))) : total ? vscode.l10n.t('All {0} checklist items are done or skipped.', total) : vscode.l10n.t('It has no checklist.');
  // A table row of an index has no timeline to hold a note.
  const canNote = hasSection(incident);
  const detail = canNote ? vscode.l10n.t('{0} {1} logs what resolved it on the timeline.', facts, RESOLVE_WITH_NOTE) : facts;
  const picked = await ui.ask(message, { modal: true, detail }, ...(canNote ? [RESOLVE, RESOLVE_WITH_NOTE] : [RESOLVE]));
  if (picked === RESOLVE) return {};
  if (picked !== RESOLVE_WITH_NOTE) return undefined;
  const note = await ui.input({
    title: vscode.l10n.t('Resolve {0}: resolution note', incident.id),
    prompt: vscode.l10n.t('What resolved it? The note is logged on the timeline with the resolution.'),
    placeHolder: vscode.l10n.t('e.g. Rolled back deploy 7f3c; error rate back to normal'),
    ignoreFocusOut: true,
    validateInput: (v) => (v.trim() ? undefined : vscode.l10n.t('Write a note, or press Escape to cancel (nothing is resolved).')),
  });
  return note?.trim() ? { note: note.trim() } : undefined;
}

/** The resolution's timeline entry: with the note when there is one. */
export function resolutionEntry(note: string | undefined): string | undefined {
  return note ? `Incident resolved: ${note}` : undefined;
}

const ROLES: Array<{ role: Role; label: string }> = [
  { role: 'commander', label: 'Incident Commander' },
  { role: 'techLead', label: 'Technical Lead' },
  { role: 'commsLead', label: 'Communications Lead' },
];

/** A role as the UI names it (`ROLES` keeps the English names that arguments are matched against). */
function roleLabel(role: Role): string {
  if (role === 'commander') return vscode.l10n.t('Incident Commander');
  if (role === 'techLead') return vscode.l10n.t('Technical Lead');
  return vscode.l10n.t('Communications Lead');
}

function minutes(m: number | null): string {
  return m === null ? vscode.l10n.t('none') : formatElapsed(m);
}

class ResponseCommands {
  constructor(
    private readonly store: LogStore,
    private readonly ui: ResolveUi = vscodeResolveUi,
  ) {}

  private folder(): vscode.WorkspaceFolder | undefined {
    const uri = this.store.logUri();
    return uri ? vscode.workspace.getWorkspaceFolder(uri) : undefined;
  }

  /** The incident named by the argument, under the cursor in the log, or picked from a list. */
  private incident(index: LogIndex, policy: Policy, args: Partial<IncidentArgs>, title: string, activeOnly: boolean): Promise<Incident | undefined> {
    return chooseIncident(this.store, index, {
      given: text(args.incident),
      title,
      ...(activeOnly ? { candidates: (i: Incident) => isActive(i, policy), none: vscode.l10n.t('There is no active incident.') } : {}),
    });
  }

  private async severity(policy: Policy, arg: unknown, title: string, extra?: vscode.QuickPickItem): Promise<string | undefined> {
    const given = text(arg);
    if (given) {
      const level = matchSeverity(policy, given);
      if (!level) throw new WriteRefused(unknownSeverityMessage(policy, given));
      return level.id;
    }
    const pick = await vscode.window.showQuickPick(
      [
        ...policy.severities.map((s) => ({
          label: s.id,
          description: s.description,
          detail: [
            vscode.l10n.t('Commander within {0}', minutes(s.responseMinutes)),
            s.updateMinutes === null ? vscode.l10n.t('no status updates required') : vscode.l10n.t('status updates every {0}', minutes(s.updateMinutes)),
            ...(s.statusPageMinutes !== null ? [vscode.l10n.t('status page every {0}', minutes(s.statusPageMinutes))] : []),
          ].join(' · '),
        })),
        ...(extra ? [{ label: '', kind: vscode.QuickPickItemKind.Separator }, extra] : []),
      ],
      // Open until a choice or Escape, like the incident pick (the first step of Declare).
      { title, placeHolder: vscode.l10n.t('Severity'), ignoreFocusOut: true },
    );
    return pick?.label;
  }

  /** The log as the store has it (for the names it holds); null when there is none or it cannot be read. */
  private async currentIndex(): Promise<LogIndex | null> {
    try {
      const state = await this.store.read();
      return state.kind === 'ok' ? state.index : null;
    } catch {
      return null;
    }
  }

  private async done(doc: vscode.TextDocument, saved: boolean, message: string): Promise<void> {
    this.store.invalidate(0);
    void vscode.window.setStatusBarMessage(saved || !doc.isDirty ? `$(check) ${message}` : vscode.l10n.t('$(check) {0} (the log had unsaved edits of yours, so it was left unsaved)', message), 5000);
  }

  async declare(args: Partial<DeclareArgs>): Promise<string | undefined> {
    const uri = this.store.logUri();
    const folder = this.folder();
    if (!uri || !folder) throw new WriteRefused(vscode.l10n.t('Open a folder first: the incident log lives in your repository.'));
    const policy = await this.store.policy(folder);
    // The steps, numbered alike: severity, title, and the commander when it is asked for (a title
    // typed, and a playbook that proposes one: see asksForCommander).
    const askCommander = text(args.commander) === undefined && asksForCommander(policy, new Date(), text(args.title) === undefined);
    const steps = askCommander ? 3 : 2;
    // "This is a drill" is the severity pick's last item; a drill then picks its severity.
    let drill = args.drill === true;
    let severity = await this.severity(policy, args.severity, vscode.l10n.t('Declare Incident (1/{0}): severity', steps), drill ? undefined : DRILL_ITEM);
    if (severity === DRILL_ITEM.label) [drill, severity] = [true, await this.severity(policy, undefined, vscode.l10n.t('Declare Drill (1/{0}): severity', steps))];
    if (!severity) return undefined;
    const title =
      text(args.title) ??
      (await vscode.window.showInputBox({
        title: drill ? vscode.l10n.t('Declare Drill (2/{0}): {1}', steps, severity) : vscode.l10n.t('Declare Incident (2/{0}): {1}', steps, severity),
        prompt: drill ? vscode.l10n.t('What does the drill rehearse?') : vscode.l10n.t('What is broken, as customers see it?'),
        placeHolder: vscode.l10n.t('e.g. Checkout API returning 500s'),
        validateInput: (v) => (v.trim() ? undefined : drill ? vscode.l10n.t('Give the drill a title.') : vscode.l10n.t('Give the incident a title.')),
      }));
    if (!title?.trim()) return undefined;
    const you = await gitResponderIn(folder.uri.fsPath, policy);
    const owner = you?.handle ?? null;
    const at = new Date();
    // The primary on call is proposed, the people Assign Role offers beside; the choice is logged
    // (`Incident Commander: …`) as an assignment later is.
    const commanderTitle = drill ? vscode.l10n.t('Declare Drill (3/{0}): commander', steps) : vscode.l10n.t('Declare Incident (3/{0}): commander', steps);
    const commander = text(args.commander) ?? (await chooseCommander(policy, at, you, askCommander, commanderTitle, askCommander ? await this.currentIndex() : null));
    if (commander === undefined) return undefined;
    const phases = scenarioPhases(policy, text(args.scenario));
    let doc: vscode.TextDocument | undefined;
    try {
      doc = await vscode.workspace.openTextDocument(uri);
    } catch {
      doc = undefined;
    }
    let id: string;
    if (!doc) {
      // No log yet: create it with its title and the first incident.
      const declared = declareIncident(null, { title, severity, commander, at, owner, drill, phases }, policy);
      if (!(await this.store.filesFor(uri).create(uri.fsPath, declared.newText ?? ''))) throw new WriteRefused(vscode.l10n.t('{0} was created meanwhile; declare the incident again.', vscode.workspace.asRelativePath(uri)));
      id = declared.id;
      doc = await vscode.workspace.openTextDocument(uri);
    } else {
      let newId = '';
      const { saved } = await applyLogEdit(doc, policy, (index) => {
        const declared = declareIncident(index, { title, severity, commander, at, owner, drill, phases }, policy);
        newId = declared.id;
        return declared.splices;
      });
      id = newId;
      await this.done(doc, saved, vscode.l10n.t('Declared {0}', id));
    }
    this.store.invalidate(0);
    await vscode.commands.executeCommand(Commands.open, { incident: id } satisfies IncidentArgs);
    return id;
  }

  async setStatus(args: Partial<SetStatusArgs>): Promise<boolean> {
    const { doc, policy, index, owner } = await writerOf(this.store);
    const incident = await this.incident(index, policy, args, vscode.l10n.t('Set Status'), false);
    if (!incident) return false;
    const status =
      text(args.status) ??
      (await vscode.window.showQuickPick(
        policy.statuses.map((s) => ({ label: s, description: s === incident.status ? vscode.l10n.t('current') : undefined })),
        { title: vscode.l10n.t('Set Status of {0}', incident.id), placeHolder: incident.status !== null ? vscode.l10n.t('Now: {0}', incident.status) : vscode.l10n.t('Now: not set') },
      ))?.label;
    if (!status) return false;
    const written = await applyIncidentEdit(this.store, doc, policy, incident, (i, id) => changeStatus(i, id, status, { at: new Date(), owner }, policy));
    await this.done(written.doc, written.saved, vscode.l10n.t('{0}: status {1}', incident.id, status));
    return true;
  }

  async setSeverity(args: Partial<SetSeverityArgs>): Promise<boolean> {
    const { doc, policy, index, owner } = await writerOf(this.store);
    const incident = await this.incident(index, policy, args, vscode.l10n.t('Set Severity'), false);
    if (!incident) return false;
    const severity = await this.severity(policy, args.severity, incident.severity !== null ? vscode.l10n.t('Set Severity of {0} (now {1})', incident.id, incident.severity) : vscode.l10n.t('Set Severity of {0} (now not set)', incident.id));
    if (!severity) return false;
    const written = await applyIncidentEdit(this.store, doc, policy, incident, (i, id) => changeSeverity(i, id, severity, { at: new Date(), owner }, policy));
    await this.done(written.doc, written.saved, vscode.l10n.t('{0}: severity {1}', incident.id, severity));
    return true;
  }

  async assignRole(args: Partial<AssignRoleArgs>): Promise<boolean> {
    const { doc, folder, policy, index, owner } = await writerOf(this.store);
    const incident = await this.incident(index, policy, args, vscode.l10n.t('Assign Role'), true);
    if (!incident) return false;
    const given = text(args.role);
    const role =
      (given && ROLES.find((r) => r.role === given || r.label.toLowerCase() === given.toLowerCase())?.role) ??
      (given ? undefined : (await vscode.window.showQuickPick(ROLES.map((r) => ({ label: roleLabel(r.role), description: incident.roles[r.role] ?? vscode.l10n.t('unassigned'), role: r.role })), { title: vscode.l10n.t('Assign Role on {0}', incident.id) }))?.role);
    if (given && !role) throw new WriteRefused(vscode.l10n.t('Unknown role "{0}" (use commander, techLead or commsLead).', given));
    if (!role) return false;
    const label = roleLabel(role);
    // The people Declare's commander step offers (on call, the playbook's, you, the log's), or any name typed.
    const name =
      text(args.name) ??
      (await pickResponder(responderSuggestions(policy, { role, at: new Date(), you: await gitResponderIn(folder.uri.fsPath, policy), index, current: incident.roles[role] }), {
        title: vscode.l10n.t('{0} of {1}', label, incident.id),
        placeHolder: incident.roles[role] ? vscode.l10n.t('Hand over from {0}: pick, or type a name', incident.roles[role]) : vscode.l10n.t('Who takes this role? Pick, or type a name'),
      }));
    if (!name?.trim()) return false;
    const written = await applyIncidentEdit(this.store, doc, policy, incident, (i, id) => assignRole(i, id, role, name, { at: new Date(), owner }, policy));
    await this.done(written.doc, written.saved, vscode.l10n.t('{0}: {1} {2}', incident.id, label, name.trim()));
    return true;
  }

  /**
   * Resolves an incident. From the palette it resolves the one named, under the cursor or picked;
   * with `confirm` (a panel, the Incidents view) it first asks (see confirmResolve). `note` is
   * logged as the resolution's entry.
   */
  async resolve(args: Partial<ResolveArgs>): Promise<boolean> {
    let { doc, policy, index, owner } = await writerOf(this.store);
    let incident = await this.incident(index, policy, args, vscode.l10n.t('Resolve Incident'), true);
    if (!incident) return false;
    let note = text(args.note);
    if (args.confirm === true) {
      const answer = await confirmResolve(incident, this.ui);
      if (!answer) return false;
      note ??= answer.note;
      // The log may have changed while the question was open: write to it as it is now.
      ({ doc, policy, index, owner } = await writerOf(this.store));
      const now = findIncident(index, incident.id);
      if (!now) throw new WriteRefused(vscode.l10n.t('{0} is not in the log any more; nothing was written.', incident.id));
      if (!isActive(now, policy)) throw new WriteRefused(vscode.l10n.t('{0} was resolved meanwhile; nothing was written.', incident.id));
      incident = now;
    }
    const entry = resolutionEntry(note);
    const written = await applyIncidentEdit(this.store, doc, policy, incident, (i, id) => resolveIncident(i, id, { at: new Date(), owner, ...(entry ? { note: entry } : {}) }, policy));
    await this.done(written.doc, written.saved, vscode.l10n.t('Resolved {0}', incident.id));
    const start = vscode.l10n.t('Open Post-Incident Review');
    const summary = vscode.l10n.t('Compose Executive Summary');
    void Promise.resolve(vscode.window.showInformationMessage(vscode.l10n.t('{0} is resolved. The post-incident review is due within {1}.', incident.id, reviewPeriodText(reviewPeriodFor(policy, incident.severity))), start, summary)).then((picked) => {
      if (picked === start) void vscode.commands.executeCommand(Commands.openReview, { incident: incident.id } satisfies IncidentArgs);
      if (picked === summary) void vscode.commands.executeCommand(Commands.composeSummary, { incident: incident.id } satisfies IncidentArgs);
    });
    return true;
  }

  /**
   * Works an incident's checklist: a multi-select pick with the done items ticked; accepting it
   * ticks and unticks exactly the items that changed, in one edit. `done` (indexes of the items
   * that should be done) does the same without UI. An incident without a checklist is offered
   * the playbook's (`add` adds it without asking).
   */
  async checklist(args: Partial<ChecklistArgs>): Promise<{ done: number; total: number } | undefined> {
    const doneArg: unknown = args.done;
    const { doc, policy, index } = await logContext(this.store);
    // Items are found by line: an edit while the pick is open would move them.
    const version = doc.version;
    const incident = await this.incident(index, policy, args, vscode.l10n.t('Checklist'), false);
    if (!incident) return undefined;
    if (incident.checklist.length === 0) {
      const add = vscode.l10n.t("Add the playbook's checklist ({0} items)", policy.checklist.length);
      const ok = args.add === true || (await vscode.window.showInformationMessage(vscode.l10n.t('{0} has no checklist.', incident.id), add)) === add;
      if (!ok) return undefined;
      const written = await applyIncidentEdit(this.store, doc, policy, incident, (i, id) => addChecklist(i, id, policy));
      await this.done(written.doc, written.saved, vscode.l10n.t('{0}: checklist added', incident.id));
      return { done: 0, total: policy.checklist.length };
    }
    let wanted: boolean[];
    if (Array.isArray(doneArg)) {
      wanted = incident.checklist.map((_, n) => (doneArg as unknown[]).includes(n));
    } else {
      const done = incident.checklist.filter((c) => c.done).length;
      const picked = await vscode.window.showQuickPick(
        incident.checklist.map((c, n) => ({ label: c.text, picked: c.done, n })),
        { canPickMany: true, title: vscode.l10n.t('Checklist of {0} ({1}/{2} done)', incident.id, done, incident.checklist.length), placeHolder: vscode.l10n.t('Tick what is done, untick what is not, then press Enter') },
      );
      if (!picked) return undefined;
      wanted = incident.checklist.map((_, n) => picked.some((p) => p.n === n));
    }
    const changes = incident.checklist.map((c, n) => ({ line: c.line, done: wanted[n], changed: c.done !== wanted[n] })).filter((c) => c.changed);
    const total = incident.checklist.length;
    const doneNow = wanted.filter(Boolean).length;
    if (changes.length) {
      if (doc.version !== version) throw new WriteRefused(vscode.l10n.t('The log changed while the checklist was open; nothing was ticked. Run the command again.'));
      const written = await applyIncidentEdit(this.store, doc, policy, incident, (i, id) => combineSplices(...changes.map((c) => setTaskDone(i, id, c.line, c.done))));
      await this.done(written.doc, written.saved, vscode.l10n.t('{0}: checklist {1}/{2}', incident.id, doneNow, total));
    }
    return { done: doneNow, total };
  }

  /**
   * Starts the post-incident review: writes `pir/<id>.md` beside the log from the template
   * (facts, timeline and action items filled in), links it from the incident's "Review" field,
   * and opens it. An existing review is opened, never overwritten. With `open: false` it only
   * drafts (the review form uses this, so there is one way a draft comes to be).
   */
  async startReview(args: Partial<StartReviewArgs>): Promise<vscode.Uri | undefined> {
    const { doc, policy, index } = await logContext(this.store);
    const incident = await this.incident(index, policy, args, vscode.l10n.t('Start Post-Incident Review'), false);
    if (!incident) return undefined;
    // The team's template (.incident/templates/pir.md beside the log or above it, up to the
    // repository root), as `incident review` reads it: through the repository, never through a link out.
    const files = this.store.filesFor(doc.uri);
    const templatePath = findTeamFile(dirname(doc.uri.fsPath), join('.incident', 'templates', 'pir.md'), files.root);
    const template = templatePath ? files.read(templatePath) : undefined;
    const plan = planReview(index, incident, policy, doc.uri.path.split('/').pop() ?? 'INCIDENT_LOG.md', template);
    const reviewUri = vscode.Uri.joinPath(doc.uri, '..', 'pir', plan.fileName);
    const draftExists = await exists(reviewUri);
    // The link goes in first: a log that cannot be written (conflict markers) gets no orphan draft.
    if (plan.writeField) {
      const written = await applyIncidentEdit(this.store, doc, policy, incident, (i, id) => setField(i, id, 'Review', plan.fieldValue, policy));
      await this.done(written.doc, written.saved, vscode.l10n.t('{0}: review started', incident.id));
    }
    if (!draftExists) await this.store.filesFor(reviewUri).create(reviewUri.fsPath, plan.draft(new Date()));
    if (args.open !== false) await vscode.window.showTextDocument(reviewUri, { preview: false });
    return reviewUri;
  }

  /** Creates an empty log at the configured path (never over an existing file) and opens it. */
  async createLog(): Promise<vscode.Uri | undefined> {
    const uri = this.store.logUri();
    if (!uri) throw new WriteRefused(vscode.l10n.t('Open a folder first: the incident log lives in your repository.'));
    // Never over a file, even one written since the look (create is exclusive under the lock).
    const already = (await exists(uri)) || !(await this.store.filesFor(uri).create(uri.fsPath, newLogText()));
    if (!already) {
      this.store.invalidate(0);
      void offerTeamMerging(uri);
    }
    await vscode.window.showTextDocument(uri, { preview: false });
    if (already) void vscode.window.setStatusBarMessage(vscode.l10n.t('{0} already exists; opened it.', vscode.workspace.asRelativePath(uri)), 5000);
    return uri;
  }

  async copyId(args: Partial<IncidentArgs>): Promise<string | undefined> {
    const { policy, index } = await logContext(this.store);
    const incident = await this.incident(index, policy, args, vscode.l10n.t('Copy Incident ID'), false);
    if (!incident) return undefined;
    await vscode.env.clipboard.writeText(incident.id);
    void vscode.window.setStatusBarMessage(vscode.l10n.t('$(copy) Copied {0}', incident.id), 3000);
    return incident.id;
  }
}

export function registerResponseCommands(store: LogStore, output: vscode.OutputChannel): vscode.Disposable[] {
  const commands = new ResponseCommands(store);
  const guard = guarded(output);
  return [
    vscode.commands.registerCommand(Commands.declare, guard(vscode.l10n.t('Declaring the incident'), (a?: DeclareArgs) => commands.declare(commandArgs<DeclareArgs>(a)))),
    vscode.commands.registerCommand(Commands.setStatus, guard(vscode.l10n.t('Setting the status'), (a?: SetStatusArgs) => commands.setStatus(commandArgs<SetStatusArgs>(a)))),
    vscode.commands.registerCommand(Commands.setSeverity, guard(vscode.l10n.t('Setting the severity'), (a?: SetSeverityArgs) => commands.setSeverity(commandArgs<SetSeverityArgs>(a)))),
    vscode.commands.registerCommand(Commands.assignRole, guard(vscode.l10n.t('Assigning the role'), (a?: AssignRoleArgs) => commands.assignRole(commandArgs<AssignRoleArgs>(a)))),
    // From the Incidents view (its menus pass the row) Resolve asks first; from the palette it does not.
    vscode.commands.registerCommand(Commands.resolve, guard(vscode.l10n.t('Resolving the incident'), (a?: ResolveArgs) => commands.resolve({ ...commandArgs<ResolveArgs>(a), ...(isIncidentRow(a) ? { confirm: true } : {}) }))),
    vscode.commands.registerCommand(Commands.copyId, guard(vscode.l10n.t('Copying the id'), (a?: IncidentArgs) => commands.copyId(commandArgs<IncidentArgs>(a)))),
    vscode.commands.registerCommand(Commands.createLog, guard(vscode.l10n.t('Creating the incident log'), () => commands.createLog())),
    vscode.commands.registerCommand(Commands.checklist, guard(vscode.l10n.t('Updating the checklist'), (a?: ChecklistArgs) => commands.checklist(commandArgs<ChecklistArgs>(a)))),
    vscode.commands.registerCommand(Commands.startReview, guard(vscode.l10n.t('Starting the post-incident review'), (a?: StartReviewArgs) => commands.startReview(commandArgs<StartReviewArgs>(a)))),
  ];
}
