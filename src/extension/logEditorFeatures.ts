// In the log's own editor: a CodeLens row over each incident heading (Add entry · Set status ·
// Checklist n/m · Open checklist · Post-incident review) and an "Incidents" outline (each incident with its
// severity and status, and its timeline, checklist and action items). Both read the core's line
// index of the document as it is now, unsaved edits included; nothing here parses markdown.
import * as vscode from 'vscode';
import { indexLog } from '../core/indexer';
import type { Incident, LogIndex } from '../core/model';
import { Commands, type IncidentArgs } from './commandIds';
import type { LogStore } from './logStore';

const SELECTOR: vscode.DocumentSelector = [{ language: 'markdown' }];

/** The document's index, reusing the store's when it indexed this very text. */
async function indexOf(store: LogStore, doc: vscode.TextDocument): Promise<LogIndex | undefined> {
  if (!store.isLog(doc.uri)) return undefined;
  const text = doc.getText();
  const state = await store.read();
  if (state.kind === 'ok' && state.text === text) return state.index;
  const folder = vscode.workspace.getWorkspaceFolder(doc.uri);
  const policy = state.kind === 'ok' ? state.policy : folder ? await store.policy(folder) : undefined;
  return indexLog(text, policy ? { policy } : {});
}

const headingRange = (doc: vscode.TextDocument, incident: Incident) => doc.lineAt(Math.min(doc.lineCount - 1, Math.max(0, incident.line - 1))).range;

export class IncidentCodeLensProvider implements vscode.CodeLensProvider {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly store: LogStore) {
    this.subscription = store.onDidChange(() => this.changed.fire());
  }

  async provideCodeLenses(doc: vscode.TextDocument): Promise<vscode.CodeLens[]> {
    const index = await indexOf(this.store, doc);
    if (!index || index.hasConflicts) return [];
    const lenses: vscode.CodeLens[] = [];
    const seen = new Map<string, number>();
    for (const i of index.incidents) seen.set(i.id, (seen.get(i.id) ?? 0) + 1);
    for (const incident of index.incidents) {
      // Table rows and linked files have no heading of their own in this document to sit on;
      // a duplicated id would send the lens to the first of them (the Problems panel offers to renumber).
      if (incident.source !== 'section' || (seen.get(incident.id) ?? 0) > 1) continue;
      const range = headingRange(doc, incident);
      const done = incident.checklist.filter((c) => c.done).length;
      const args = [{ incident: incident.id } satisfies IncidentArgs];
      lenses.push(
        new vscode.CodeLens(range, { title: vscode.l10n.t('$(add) Add entry'), command: Commands.addTimelineEntry, arguments: args, tooltip: vscode.l10n.t('Add a timeline entry to {0}', incident.id) }),
        new vscode.CodeLens(range, { title: incident.status !== null ? `$(pulse) ${incident.status}` : vscode.l10n.t('$(pulse) Set status'), command: Commands.setStatus, arguments: args, tooltip: vscode.l10n.t('Set the status') }),
        new vscode.CodeLens(range, {
          title: incident.checklist.length ? vscode.l10n.t('$(checklist) Checklist {0}/{1}', done, incident.checklist.length) : vscode.l10n.t('$(checklist) Add checklist'),
          command: Commands.checklist,
          arguments: args,
          tooltip: vscode.l10n.t('Tick checklist items'),
        }),
        new vscode.CodeLens(range, { title: vscode.l10n.t('$(preview) Open checklist'), command: Commands.openChecklist, arguments: args, tooltip: vscode.l10n.t('Open the response checklist panel of {0}', incident.id) }),
        new vscode.CodeLens(range, {
          title: vscode.l10n.t('$(notebook) Post-incident review'),
          command: Commands.openReview,
          arguments: args,
          tooltip: vscode.l10n.t('Open the post-incident review form of {0} (drafted when absent)', incident.id),
        }),
      );
    }
    return lenses;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}

export class IncidentSymbolProvider implements vscode.DocumentSymbolProvider {
  constructor(private readonly store: LogStore) {}

  async provideDocumentSymbols(doc: vscode.TextDocument): Promise<vscode.DocumentSymbol[]> {
    const index = await indexOf(this.store, doc);
    if (!index) return [];
    const out: vscode.DocumentSymbol[] = [];
    for (const incident of index.incidents) {
      const selection = headingRange(doc, incident);
      // A linked file's offsets are into that file: here it is just its row of the index table.
      const range = incident.source === 'linked-file' ? selection : new vscode.Range(doc.positionAt(incident.start), doc.positionAt(Math.max(incident.start, incident.end)));
      const symbol = new vscode.DocumentSymbol(
        `${incident.id}: ${incident.title}`,
        [incident.severity, incident.status].filter(Boolean).join(' · '),
        vscode.SymbolKind.Event,
        range.contains(selection) ? range : selection,
        selection,
      );
      const part = (name: string, detail: string, lines: number[]) => {
        if (!lines.length || incident.source === 'linked-file') return;
        const first = doc.lineAt(Math.min(doc.lineCount - 1, Math.min(...lines))).range;
        const last = doc.lineAt(Math.min(doc.lineCount - 1, Math.max(...lines))).range;
        const r = new vscode.Range(first.start, last.end);
        if (symbol.range.contains(r)) symbol.children.push(new vscode.DocumentSymbol(name, detail, vscode.SymbolKind.Field, r, first));
      };
      part(vscode.l10n.t('Timeline'), incident.timeline.length === 1 ? vscode.l10n.t('1 entry') : vscode.l10n.t('{0} entries', incident.timeline.length), incident.timeline.map((e) => e.line));
      part(vscode.l10n.t('Checklist'), `${incident.checklist.filter((c) => c.done).length}/${incident.checklist.length}`, incident.checklist.map((c) => c.line));
      part(vscode.l10n.t('Action items'), vscode.l10n.t('{0} open', incident.actionItems.filter((a) => !a.done).length), incident.actionItems.map((a) => a.line));
      out.push(symbol);
    }
    return out;
  }
}

export function registerLogEditorFeatures(store: LogStore): vscode.Disposable[] {
  const lenses = new IncidentCodeLensProvider(store);
  return [
    lenses,
    vscode.languages.registerCodeLensProvider(SELECTOR, lenses),
    // The label names this outline when the markdown extension's heading outline is also there.
    vscode.languages.registerDocumentSymbolProvider(SELECTOR, new IncidentSymbolProvider(store), { label: vscode.l10n.t('Incidents') }),
  ];
}
