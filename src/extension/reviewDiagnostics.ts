// The Problems panel for post-incident reviews (pir/<id>.md beside the log): open action items
// past their due date, as `incident check` reports them (`overdue-action-item`). Only reviews
// open in an editor are checked, with their unsaved edits; `incident check` covers the rest.
import * as vscode from 'vscode';
import { overdueActionItems } from '../core/review/reviewActions';
import type { LogStore } from './logStore';

const SOURCE = 'Incident Playbook';
/** Often enough that an item turns overdue within minutes of its day ending. */
const RECHECK_MS = 10 * 60_000;

export class ReviewDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('incidentPlaybook.reviews');
  private readonly disposables: vscode.Disposable[] = [this.collection];
  private readonly timer: ReturnType<typeof setInterval>;

  constructor(private readonly store: LogStore) {
    this.disposables.push(
      vscode.workspace.onDidOpenTextDocument((d) => void this.update(d)),
      vscode.workspace.onDidChangeTextDocument((e) => void this.update(e.document)),
      vscode.workspace.onDidCloseTextDocument((d) => this.collection.delete(d.uri)),
      store.onDidChange(() => this.updateAll()),
    );
    this.timer = setInterval(() => this.updateAll(), RECHECK_MS);
    this.updateAll();
  }

  /** A review is a markdown file in the `pir` folder beside the log. */
  private isReview(uri: vscode.Uri): boolean {
    const log = this.store.logUri();
    if (!log || uri.scheme !== log.scheme || !uri.path.endsWith('.md')) return false;
    return uri.path === vscode.Uri.joinPath(log, '..', 'pir', uri.path.split('/').pop()!).path;
  }

  private updateAll(): void {
    for (const d of vscode.workspace.textDocuments) void this.update(d);
  }

  private async update(doc: vscode.TextDocument): Promise<void> {
    if (!this.isReview(doc.uri) || doc.isClosed) return;
    const folder = vscode.workspace.getWorkspaceFolder(doc.uri);
    const zone = folder ? (await this.store.policy(folder)).timeZone : 'UTC';
    const problems = overdueActionItems(doc.getText(), new Date(), { zone });
    this.collection.set(
      doc.uri,
      problems.map((p) => {
        const line = Math.max(0, Math.min(p.line - 1, doc.lineCount - 1));
        const d = new vscode.Diagnostic(doc.lineAt(line).range, p.message, vscode.DiagnosticSeverity.Warning);
        d.source = SOURCE;
        d.code = p.code;
        return d;
      }),
    );
  }

  dispose(): void {
    clearInterval(this.timer);
    for (const d of this.disposables) d.dispose();
  }
}
