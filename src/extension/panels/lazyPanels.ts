// Registers a panel kind's command and its serializer (restore after a reload) while its code
// stays unloaded: the panel's module (zod schemas included) loads on first use, never at
// activation. Each register*Panel.ts names its module with a literal import(), so the bundler
// keeps it lazy.
import * as vscode from 'vscode';
import { commandArgs } from '../commandIds';
import { guarded } from '../report';

/** The open panels of one kind, as the command and the serializer drive them. */
export interface PanelCollection<A extends object> extends vscode.WebviewPanelSerializer, vscode.Disposable {
  openPanel(args: Partial<A>): Promise<unknown>;
}

export interface LazyPanelKind<A extends object> {
  /** The command that opens (or reveals) a panel. */
  command: string;
  /** What a failure of the command is reported as ("Opening the checklist"). */
  what: string;
  viewType: string;
  /** Loads the panel's module and builds its collection; called once, on first use. */
  load(): Promise<PanelCollection<A>>;
}

export function registerLazyPanels<A extends object>(output: vscode.OutputChannel, kind: LazyPanelKind<A>): vscode.Disposable[] {
  let panels: Promise<PanelCollection<A>> | undefined;
  let loaded: PanelCollection<A> | undefined;
  const get = () =>
    (panels ??= kind.load().then((p) => {
      loaded = p;
      return p;
    }));
  const guard = guarded(output);
  return [
    vscode.commands.registerCommand(kind.command, guard(kind.what, async (a?: A) => (await get()).openPanel(commandArgs<A>(a)))),
    vscode.window.registerWebviewPanelSerializer(kind.viewType, { deserializeWebviewPanel: async (panel, state) => (await get()).deserializeWebviewPanel(panel, state) }),
    { dispose: () => loaded?.dispose() },
  ];
}
