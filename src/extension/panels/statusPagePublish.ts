// "Publish…": what changed since the status site was last generated in the repository's
// site/status/ (the CLI's default folder), shown as a diff of the two `--dry-run` texts (the last
// site's, read back from its status.json, and the site the log gives now), then, when asked,
// the site written through the core's writer under the CLI's rules: inside the repository, no
// symbolic link on the way, only the files it wrote itself (src/core/statuspage/publish.ts).
// The site is made from the log as the editor has it, as the preview shows it.
import { join, relative } from 'node:path';
import * as vscode from 'vscode';
import { formatLogTime } from '../../core/format/time';
import { readLastSite, siteChanges } from '../../core/statuspage/lastSite';
import { buildStatusPage } from '../../core/statuspage/model';
import { type PublishResult, SiteError, publishSite, siteFolder } from '../../core/statuspage/publish';
import type { LogStore } from '../logStore';
import { documentColumn } from './panelRegistry';

/** What Publish shows and asks (tests answer it). */
export interface PublishUi {
  /** Shows the two texts side by side. */
  showDiff(left: vscode.Uri, right: vscode.Uri, title: string): Thenable<unknown>;
  /** Offers to write the site; true to write it. */
  confirmWrite(message: string, write: string): Thenable<boolean>;
  info(message: string): Thenable<unknown>;
}

export const vscodePublishUi = (log: () => vscode.Uri | undefined): PublishUi => ({
  showDiff: (left, right, title) => vscode.commands.executeCommand('vscode.diff', left, right, title, { preview: true, viewColumn: documentColumn(log()) }),
  confirmWrite: async (message, write) => (await vscode.window.showInformationMessage(message, write)) === write,
  info: (message) => vscode.window.showInformationMessage(message),
});

export type PublishOutcome =
  | { kind: 'unchanged'; folder: string }
  | { kind: 'cancelled'; folder: string; changed: string[]; removed: string[] }
  | ({ kind: 'written'; folder: string } & PublishResult);

/** The scheme of the two texts the diff shows (read-only documents held here). */
export const DRY_RUN_SCHEME = 'incident-statuspage';

export class StatusPagePublisher implements vscode.Disposable {
  ui: PublishUi;
  private readonly texts = new Map<string, string>();
  private readonly provider: vscode.Disposable;
  private shown = 0;

  constructor(private readonly store: LogStore) {
    this.ui = vscodePublishUi(() => store.logUri());
    this.provider = vscode.workspace.registerTextDocumentContentProvider(DRY_RUN_SCHEME, { provideTextDocumentContent: (uri) => this.texts.get(uri.toString()) ?? '' });
  }

  /** The repository's files and the site's folder in it (site/status/ at its root), checked as the CLI checks --out. */
  private where(uri: vscode.Uri) {
    const files = this.store.filesFor(uri);
    let folder: string;
    try {
      folder = siteFolder(files, join(files.root, 'site', 'status'));
    } catch (e) {
      if (e instanceof SiteError) throw new Error(vscode.l10n.t('Incident Playbook: {0}', e.message));
      throw e;
    }
    return { files, folder, shown: `${relative(files.root, folder).split('\\').join('/') || '.'}/` };
  }

  /** The title the site in the folder was last generated with; undefined when there is none (or no log). */
  lastTitle(): string | undefined {
    const uri = this.store.logUri();
    if (!uri || uri.scheme !== 'file') return undefined;
    try {
      const { files, folder } = this.where(uri);
      return readLastSite(files, folder)?.model.title;
    } catch {
      return undefined;
    }
  }

  /** A read-only document holding `text`, new for each Publish (a diff shows the texts of that moment). */
  private document(name: string, text: string): vscode.Uri {
    const uri = vscode.Uri.from({ scheme: DRY_RUN_SCHEME, path: `/${this.shown}/${name}` });
    this.texts.set(uri.toString(), text);
    return uri;
  }

  async publish(): Promise<PublishOutcome> {
    const state = await this.store.read();
    if (state.kind !== 'ok') throw new Error(vscode.l10n.t('Incident Playbook: the incident log cannot be read, so there is no status page to publish.'));
    const { files, folder, shown } = this.where(state.uri);
    const build = (now: Date, title: string | undefined) => buildStatusPage(state.index, state.policy, now, { title });
    const changes = siteChanges(files, folder, build, new Date());
    if (changes.unchanged && changes.last) {
      void this.ui.info(vscode.l10n.t('Status page: nothing changed since the site in {0} was generated ({1}).', shown, formatLogTime(changes.last.model.now, changes.last.model.timeZone)));
      return { kind: 'unchanged', folder };
    }
    this.shown++;
    this.texts.clear();
    const before = changes.before || `${vscode.l10n.t('No status page has been generated in {0} yet.', shown)}\n`;
    const left = this.document(`last-site-dry-run.txt`, before);
    const right = this.document(`now-dry-run.txt`, changes.after);
    await this.ui.showDiff(left, right, vscode.l10n.t('Status page: last generated ↔ now'));
    const removed = changes.removed.length ? vscode.l10n.t(' and remove {0}', changes.removed.join(', ')) : '';
    const message = vscode.l10n.t('Write the status page to {0}? {1} of its {2} files change{3}.', shown, changes.changed.length, changes.site.length, removed);
    if (!(await this.ui.confirmWrite(message, vscode.l10n.t('Write Site')))) return { kind: 'cancelled', folder, changed: changes.changed, removed: changes.removed };
    let result: PublishResult;
    try {
      result = await publishSite(files, folder, changes.site);
    } catch (e) {
      if (e instanceof SiteError) throw new Error(vscode.l10n.t('Incident Playbook: {0}', e.message));
      throw e;
    }
    const gone = result.removed.length ? vscode.l10n.t(', removed {0} ({1})', result.removed.length, result.removed.join(', ')) : '';
    void this.ui.info(vscode.l10n.t('Status page in {0}: {1} written, {2} unchanged{3}.', shown, result.written.length, result.unchanged.length, gone));
    return { kind: 'written', folder, ...result };
  }

  dispose(): void {
    this.provider.dispose();
    this.texts.clear();
  }
}
