// The `incidentPlaybook.logState` context key: `no-folder`, `missing`, `unreadable`, `empty` or
// `ok`. package.json shows the commands that need a log, their Alt+I chords and the view's
// welcome text by it (`!= missing && != no-folder`), so it must be right before the view is
// ever shown: it follows the store from activation on, not the tree's drawing.
import * as vscode from 'vscode';
import type { LogState, LogStore } from './logStore';

export const LOG_STATE_KEY = 'incidentPlaybook.logState';

export type LogStateValue = 'no-folder' | 'missing' | 'unreadable' | 'empty' | 'ok';

export function logStateValue(state: LogState): LogStateValue {
  if (state.kind !== 'ok') return state.kind;
  return state.index.incidents.length ? 'ok' : 'empty';
}

export function registerLogStateContext(store: LogStore): vscode.Disposable[] {
  let last: LogStateValue | undefined;
  let disposed = false;
  const update = async () => {
    let value: LogStateValue;
    try {
      value = logStateValue(await store.read());
    } catch {
      return;
    }
    if (disposed || value === last) return;
    last = value;
    await vscode.commands.executeCommand('setContext', LOG_STATE_KEY, value);
  };
  // Off the activation path: the first read (shared with the view and the Problems panel) runs
  // right after activate returns.
  const first = setTimeout(() => void update(), 0);
  return [
    store.onDidChange(() => void update()),
    {
      dispose: () => {
        disposed = true;
        clearTimeout(first);
      },
    },
  ];
}
