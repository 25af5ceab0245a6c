// The status bar's reminder of post-incident reviews past their due date (3 business days by
// default; 48 h / 1 week under the P1..P4 preset; the review file's own `review_due` wins).
// It shows while a resolved incident's review is late and not final, and opens the review form.
import * as vscode from 'vscode';
import { type Incident, isActive } from '../core';
import { reviewFileName } from '../core/review/review';
import { readReview } from '../core/review/reviewFile';
import { type OverdueReview, REVIEW_REMINDER_WINDOW_DAYS, type ReviewFileFacts, overdueReviews } from '../core/review/reviewReminder';
import { toDate } from '../core/format/time';
import { Commands, type IncidentArgs } from './commandIds';
import { type LogStore, readText } from './logStore';
import { SerialRefresh } from './serialRefresh';

/** Often enough that a review turns late within minutes of its day ending. */
const RECHECK_MS = 5 * 60_000;
/** Reviews of incidents resolved longer ago than this are not read (none of them can be in the reminder's window). */
const CANDIDATE_DAYS = REVIEW_REMINDER_WINDOW_DAYS + 60;

/** "Review overdue: INC-… (due 2026-11-25)", or "3 reviews overdue". */
export function reviewReminderText(late: readonly OverdueReview[]): string {
  if (late.length === 1) return vscode.l10n.t('$(notebook) Review overdue: {0} (due {1})', late[0].id, late[0].due.replace(/T(\d\d:\d\d).*$/, ' $1 UTC'));
  return vscode.l10n.t('$(notebook) {0} reviews overdue', late.length);
}

/** A review's front matter values; none when it cannot be read (it is still a review begun). */
function frontMatterValues(text: string): Record<string, string | null> {
  try {
    return readReview(text).frontMatter?.values ?? {};
  } catch {
    return {};
  }
}

export class ReviewReminderStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('incidentPlaybook.reviewDue', vscode.StatusBarAlignment.Left, 49);
  private readonly disposables: vscode.Disposable[] = [this.item];
  private readonly timer: ReturnType<typeof setInterval>;
  private readonly serial = new SerialRefresh(() => this.render());
  private late: OverdueReview[] = [];
  /**
   * What each review file says (status, due date), by its URI; null when it does not exist. The
   * log changes with every edit, its reviews seldom: they are read again only when one is saved,
   * changed on disk (a pull) or created, or when `refresh` is called.
   */
  private readonly facts = new Map<string, ReviewFileFacts | null>();
  /** Bumped whenever facts are forgotten: a run that began before keeps what it read to itself. */
  private generation = 0;

  constructor(private readonly store: LogStore) {
    this.item.name = vscode.l10n.t('Incident Playbook: reviews due');
    const reviews = vscode.workspace.createFileSystemWatcher('**/pir/*.md');
    const forget = (uri: vscode.Uri) => {
      if (!this.isReview(uri)) return;
      this.facts.delete(uri.toString());
      this.generation++;
      void this.update();
    };
    this.disposables.push(
      reviews,
      reviews.onDidCreate(forget),
      reviews.onDidChange(forget),
      reviews.onDidDelete(forget),
      store.onDidChange(() => void this.update()),
      // A review marked final (or its due date moved) in the form or by hand.
      vscode.workspace.onDidSaveTextDocument((d) => forget(d.uri)),
    );
    setTimeout(() => void this.update(), 0);
    this.timer = setInterval(() => void this.update(), RECHECK_MS);
  }

  private isReview(uri: vscode.Uri): boolean {
    const log = this.store.logUri();
    return !!log && uri.path.endsWith('.md') && uri.path.startsWith(vscode.Uri.joinPath(log, '..', 'pir').path + '/');
  }

  /** Reads every review again, then shows what is late. */
  refresh(): Promise<void> {
    this.facts.clear();
    this.generation++;
    return this.update();
  }

  /** Shows what is late, reading only the reviews not read yet. Calls while one runs share one more run after it. */
  private update(): Promise<void> {
    return this.serial.request();
  }

  private async render(): Promise<void> {
    const state = await this.store.read();
    const logUri = this.store.logUri();
    if (state.kind !== 'ok' || !logUri) return this.show([]);
    const now = new Date();
    const oldest = now.getTime() - CANDIDATE_DAYS * 86_400_000;
    const candidates = state.index.incidents.filter((i) => i.resolved && !isActive(i, state.policy) && (toDate(i.resolved)?.getTime() ?? 0) >= oldest);
    const facts = new Map<Incident, ReviewFileFacts>();
    const generation = this.generation;
    await Promise.all(
      candidates.map(async (incident) => {
        const uri = vscode.Uri.joinPath(logUri, '..', 'pir', reviewFileName(incident));
        const key = uri.toString();
        let known = this.facts.get(key);
        if (known === undefined) {
          const read = await readText(uri);
          const values = read.kind === 'ok' ? frontMatterValues(read.text) : undefined;
          known = values ? { status: values.status ?? null, due: values.review_due ?? null } : null;
          if (generation === this.generation) this.facts.set(key, known);
        }
        if (known) facts.set(incident, known);
      }),
    );
    this.show(overdueReviews(candidates, state.policy, now, (i) => facts.get(i)));
  }

  private show(late: OverdueReview[]): void {
    this.late = late;
    if (late.length === 0) {
      this.item.hide();
      return;
    }
    this.item.text = reviewReminderText(late);
    this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
    const lines = late.slice(0, 10).map((r) => (r.started ? vscode.l10n.t('• {0}: {1} — due {2}', r.id, r.title, r.due) : vscode.l10n.t('• {0}: {1} — due {2} (not started)', r.id, r.title, r.due)));
    if (late.length > 10) lines.push(vscode.l10n.t('… and {0} more', late.length - 10));
    this.item.tooltip = `${vscode.l10n.t('Post-incident reviews past their due date:')}\n${lines.join('\n')}\n\n${vscode.l10n.t('Click to open the review of {0}.', late[0].id)}`;
    this.item.command = { title: vscode.l10n.t('Open Post-Incident Review'), command: Commands.openReview, arguments: [{ incident: late[0].id } satisfies IncidentArgs] };
    this.item.show();
  }

  /** The late reviews shown now (for tests and other extensions). */
  get current(): { text: string; visible: boolean; late: readonly OverdueReview[]; command: vscode.Command | undefined } {
    return { text: this.item.text, visible: this.late.length > 0, late: this.late, command: this.item.command as vscode.Command | undefined };
  }

  dispose(): void {
    clearInterval(this.timer);
    for (const d of this.disposables) d.dispose();
  }
}
