// The on-call commands: Escalate (log who was called, one WorkspaceEdit), Start Drill (declare a
// drill from a playbook scenario), and the On Call view's actions: copy or open a contact, open
// a team link. A contact opens only as tel:, mailto: or https: after validation (contactUri); a
// link opens only as an http(s) URL or a regular file inside the workspace folder.
import { statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as vscode from 'vscode';
import { isActive, findIncident } from '../../core/indexer';
import { findPlaybook } from '../../core/log/logFile';
import { type EscalationContact, type Team, contactUri, escalationEntry, linkTarget, onCallAt, personContacts, teamOf } from '../../core/oncall/oncall';
import { containedPath, playbookRoot } from '../../core/log/paths';
import { WriteRefused, appendTimelineEntry } from '../../core/log/writer';
import { Commands, type DeclareArgs, stringArg } from '../commandIds';
import { gitUser } from '../gitUser';
import { chooseIncident } from '../incidentPicker';
import { applyIncidentEdit, inSyncWithDisk } from '../logEdit';
import type { LogStore } from '../logStore';
import { guarded } from '../report';
import type { OnCallNode } from './model';

export interface EscalateArgs {
  incident?: string;
  /** The contact's name (an escalation contact, or a person on call now); picked when absent. */
  contact?: string;
}

export interface StartDrillArgs {
  /** The scenario's id or title; picked when absent. */
  drill?: string;
  /** The commander; the primary on call when absent. */
  commander?: string;
}

/** A contact as the view's item passes it, or as a caller names it. */
type ContactArg = OnCallNode | { value?: string; name?: string } | undefined;

export interface EscalationResult {
  incidentId: string;
  entry: string;
}

/** Everyone Escalate can name: the escalation list, then who is on call now (with a contact). */
function escalationChoices(team: Team, now: Date): Array<EscalationContact & { detail: string }> {
  const out: Array<EscalationContact & { detail: string }> = team.escalation.map((e, i) => ({ ...e, detail: vscode.l10n.t('escalation {0}', i + 1) }));
  if (team.rotation) {
    try {
      const shift = onCallAt(team.rotation, now);
      for (const [name, role] of [
        [shift.primary, vscode.l10n.t('primary on call')],
        [shift.backup, vscode.l10n.t('backup on call')],
      ] as const) {
        if (!name || out.some((o) => o.name === name)) continue;
        const first = personContacts(team.people[name])[0];
        out.push({ name, contact: first?.value ?? '', detail: role });
      }
    } catch {
      // before the rotation starts: the escalation list alone
    }
  }
  return out;
}

class OnCallCommands {
  constructor(private readonly store: LogStore) {}

  private async policy() {
    const folder = this.store.logFolder();
    if (!folder) throw new WriteRefused(vscode.l10n.t('Open a folder first: the playbook lives in your repository.'));
    return { folder, policy: await this.store.policy(folder) };
  }

  async escalate(args: EscalateArgs): Promise<EscalationResult | undefined> {
    const { folder, policy } = await this.policy();
    const team = teamOf(policy);
    const choices = escalationChoices(team, new Date());
    if (choices.length === 0) throw new WriteRefused(vscode.l10n.t('The playbook lists no escalation contacts: add escalation: (and an oncall: rotation) to .incident/playbook.yml.'));
    const uri = this.store.logUri();
    if (!uri) throw new WriteRefused(vscode.l10n.t('Open a folder first: the incident log lives in your repository.'));
    let doc: vscode.TextDocument;
    try {
      doc = await vscode.workspace.openTextDocument(uri);
    } catch {
      throw new WriteRefused(vscode.l10n.t('There is no incident log at {0} yet: declare an incident first.', vscode.workspace.asRelativePath(uri)));
    }
    const index = this.store.indexText(doc.uri, doc.getText(), policy);
    const incident = await chooseIncident(this.store, index, { given: stringArg(args.incident), title: vscode.l10n.t('Escalate'), candidates: (i) => isActive(i, policy), none: vscode.l10n.t('There is no active incident to escalate.') });
    if (!incident) return undefined;
    const wanted = stringArg(args.contact);
    let contact: EscalationContact | undefined;
    if (wanted) {
      contact = choices.find((c) => c.name.toLowerCase() === wanted.toLowerCase());
      if (!contact) throw new WriteRefused(vscode.l10n.t('No escalation contact "{0}" (there are: {1}).', wanted, choices.map((c) => c.name).join(', ')));
    } else {
      const pick = await vscode.window.showQuickPick(
        choices.map((c) => ({ label: c.name, description: c.contact, detail: c.detail, contact: c })),
        { title: vscode.l10n.t('Escalate {0}', incident.id), placeHolder: team.logContacts ? vscode.l10n.t('Who was called? (the name and contact go on the timeline)') : vscode.l10n.t('Who was called? (the name goes on the timeline)'), matchOnDescription: true },
      );
      contact = pick?.contact;
    }
    if (!contact) return undefined;
    const text = escalationEntry(contact, team.logContacts);
    if (!(await inSyncWithDisk(doc))) throw new WriteRefused(vscode.l10n.t('The log changed on disk and VS Code has not reloaded it yet; nothing was written. Run the command again.'));
    const owner = await gitUser(folder.uri.fsPath);
    const current = findIncident(this.store.indexText(doc.uri, doc.getText(), policy), incident.id);
    if (!current) throw new WriteRefused(vscode.l10n.t('No incident "{0}" in the log.', incident.id));
    const { saved, wasDirty } = await applyIncidentEdit(this.store, doc, policy, current, (i, id) => appendTimelineEntry(i, id, { at: new Date(), text, owner }, policy));
    this.store.invalidate(0);
    void vscode.window.setStatusBarMessage(wasDirty || saved ? `$(megaphone) ${incident.id}: ${text}` : vscode.l10n.t('$(megaphone) {0}: {1} (not saved)', incident.id, text), 5000);
    // The contact is one click away once it is logged.
    const uriToOpen = contactUri(contact.contact);
    // Not awaited: the command is done once the entry is written, whatever becomes of the toast.
    if (uriToOpen && !wanted) {
      const openButton = vscode.l10n.t('Open');
      const copyButton = vscode.l10n.t('Copy');
      void vscode.window.showInformationMessage(vscode.l10n.t('Logged: {0}.', text), openButton, copyButton).then(async (open) => {
        if (open === openButton) await vscode.env.openExternal(vscode.Uri.parse(uriToOpen, true));
        else if (open === copyButton) await vscode.env.clipboard.writeText(contact.contact);
      });
    }
    return { incidentId: incident.id, entry: text };
  }

  async startDrill(args: StartDrillArgs): Promise<string | undefined> {
    const { policy } = await this.policy();
    const drills = teamOf(policy).drills;
    if (drills.length === 0) throw new WriteRefused(vscode.l10n.t('The playbook has no drill scenarios: add drills: (a title, a severity and a checklist or runbook) to .incident/playbook.yml.'));
    const wanted = stringArg(args.drill);
    let scenario = wanted ? drills.find((d) => d.id.toLowerCase() === wanted.toLowerCase() || d.title.toLowerCase() === wanted.toLowerCase()) : undefined;
    if (wanted && !scenario) throw new WriteRefused(vscode.l10n.t('No drill "{0}" in the playbook (there are: {1}).', wanted, drills.map((d) => d.id).join(', ')));
    if (!scenario) {
      const pick = await vscode.window.showQuickPick(
        drills.map((d) => ({ label: `$(beaker) ${d.title}`, description: d.severity, detail: d.description ?? (d.runbook ? vscode.l10n.t('Follows the runbook {0}', d.runbook) : d.phases ? vscode.l10n.t('{0} checklist items', d.phases[0].items.length) : vscode.l10n.t('The playbook checklist')), scenario: d })),
        { title: vscode.l10n.t('Start Drill'), placeHolder: vscode.l10n.t('Which scenario? (declared with Drill: yes)') },
      );
      scenario = pick?.scenario;
    }
    if (!scenario) return undefined;
    const declare: DeclareArgs = { severity: scenario.severity, title: scenario.title, drill: true, scenario: scenario.id, ...(stringArg(args.commander) ? { commander: stringArg(args.commander) } : {}) };
    return vscode.commands.executeCommand<string | undefined>(Commands.declare, declare);
  }

  async copyContact(arg: ContactArg): Promise<string | undefined> {
    const value = contactValue(arg);
    if (!value) return undefined;
    await vscode.env.clipboard.writeText(value);
    void vscode.window.setStatusBarMessage(vscode.l10n.t('$(copy) Copied {0}', value), 3000);
    return value;
  }

  async openContact(arg: ContactArg): Promise<string | undefined> {
    const value = contactValue(arg);
    if (!value) return undefined;
    const uri = contactUri(value);
    if (!uri) {
      await vscode.env.clipboard.writeText(value);
      void vscode.window.showInformationMessage(vscode.l10n.t('"{0}" is not a phone number, email address or https URL, so it was copied instead of opened.', value));
      return undefined;
    }
    await vscode.env.openExternal(vscode.Uri.parse(uri, true));
    return uri;
  }

  /** Opens a team link: its URL, or its file inside the workspace folder. Returns what was opened. */
  async openLink(arg: OnCallNode | { link?: string } | undefined): Promise<string | undefined> {
    const name = stringArg(arg && 'link' in arg ? arg.link : undefined);
    if (!name) return undefined;
    const { folder, policy } = await this.policy();
    const link = teamOf(policy).links.find((l) => l.name === name);
    if (!link) throw new WriteRefused(vscode.l10n.t('No link "{0}" in the playbook.', name));
    const target = linkTarget(link.target);
    if ('problem' in target) throw new WriteRefused(vscode.l10n.t('The link {0}: {1}.', name, target.problem));
    if ('url' in target) {
      await vscode.env.openExternal(vscode.Uri.parse(target.url, true));
      return target.url;
    }
    // Relative to the folder holding .incident/ (as health checks run), and it must stay inside
    // the workspace folder once symbolic links are followed.
    const log = this.store.logUri();
    const repo = log && log.scheme === 'file' ? this.store.repositoryRoot(log, folder) : folder.uri.fsPath;
    const playbook = log && log.scheme === 'file' ? findPlaybook(dirname(log.fsPath), repo) : undefined;
    const path = join(playbook ? playbookRoot(playbook) : repo, ...target.file.split('/'));
    const where = containedPath(folder.uri.fsPath, path);
    if ('reason' in where) throw new WriteRefused(vscode.l10n.t('The link {0} points at {1}, which resolves outside the workspace folder; it was not opened.', name, target.file));
    if (!where.exists) throw new WriteRefused(vscode.l10n.t('The link {0} points at {1}, which does not exist.', name, target.file));
    const real = where.realPath;
    if (!statSync(real).isFile()) throw new WriteRefused(vscode.l10n.t('The link {0} points at {1}, which is not a file.', name, target.file));
    const uri = vscode.Uri.file(real);
    await vscode.commands.executeCommand('vscode.open', uri);
    return uri.toString();
  }
}

function contactValue(arg: ContactArg): string | undefined {
  if (!arg || typeof arg !== 'object') return undefined;
  if ('contact' in arg && arg.contact && typeof arg.contact === 'object') return arg.contact.value;
  return stringArg((arg as { value?: unknown }).value);
}

export function registerOnCallCommands(store: LogStore, output: vscode.OutputChannel): vscode.Disposable[] {
  const commands = new OnCallCommands(store);
  const guard = guarded(output);
  return [
    vscode.commands.registerCommand(Commands.escalate, guard(vscode.l10n.t('Escalating'), (a?: EscalateArgs) => commands.escalate(a && typeof a === 'object' ? a : {}))),
    vscode.commands.registerCommand(Commands.startDrill, guard(vscode.l10n.t('Starting the drill'), (a?: StartDrillArgs | OnCallNode) => commands.startDrill(a && typeof a === 'object' ? ('kind' in a ? { drill: a.drill } : a) : {}))),
    vscode.commands.registerCommand(Commands.copyContact, guard(vscode.l10n.t('Copying the contact'), (a?: ContactArg) => commands.copyContact(a))),
    vscode.commands.registerCommand(Commands.openContact, guard(vscode.l10n.t('Opening the contact'), (a?: ContactArg) => commands.openContact(a))),
    vscode.commands.registerCommand(Commands.openTeamLink, guard(vscode.l10n.t('Opening the link'), (a?: OnCallNode | { link?: string }) => commands.openLink(a))),
  ];
}
