// A quick pick of people that still takes a name typed in: Declare Incident's commander step and
// Assign Role. The suggestions come from the core (responderSuggestions); a name that is not one
// of them is offered first, as typed, so Enter takes what was written.
import * as vscode from 'vscode';
import type { ResponderSuggestion } from '../core/response/responders';

export interface ResponderPickOptions {
  title: string;
  placeHolder: string;
}

type Item = vscode.QuickPickItem & { name: string };

/** The items for what is typed: the typed name first unless it is one of the suggestions. */
export function responderItems(suggestions: readonly ResponderSuggestion[], typed: string): Item[] {
  const items: Item[] = suggestions.map((s) => ({ label: s.name, description: s.description, name: s.name }));
  const name = typed.trim();
  if (!name || suggestions.some((s) => s.name.toLowerCase() === name.toLowerCase())) return items;
  return [{ label: name, description: vscode.l10n.t('as typed'), name, alwaysShow: true }, ...items];
}

/** Asks for a person: a suggestion, or any name typed. Undefined when dismissed. */
export function pickResponder(suggestions: readonly ResponderSuggestion[], options: ResponderPickOptions): Promise<string | undefined> {
  return new Promise((resolve) => {
    const qp = vscode.window.createQuickPick<Item>();
    qp.title = options.title;
    qp.placeholder = options.placeHolder;
    qp.items = responderItems(suggestions, '');
    // The value the items were last made for: an Enter that comes before they follow a keystroke
    // takes the text as typed, not a suggestion filtered by the text before it.
    let itemsFor = '';
    let done = false;
    const finish = (name: string | undefined) => {
      if (done) return;
      done = true;
      resolve(name);
      qp.dispose();
    };
    qp.onDidChangeValue((value) => {
      qp.items = responderItems(suggestions, value);
      itemsFor = value;
    });
    qp.onDidAccept(() => {
      const typed = qp.value.trim();
      const active = qp.activeItems[0] ?? qp.selectedItems[0];
      const name = typed && (itemsFor !== qp.value || !active) ? typed : active?.name;
      // Nothing typed and nothing to pick: the pick stays open, saying what it needs.
      if (!name?.trim()) {
        qp.placeholder = vscode.l10n.t('Write a name (Escape cancels)');
        return;
      }
      finish(name.trim());
    });
    qp.onDidHide(() => finish(undefined));
    qp.show();
  });
}
