// The shown text of the view models (tree/model.ts, oncall/model.ts), which have no vscode import
// so that unit tests read them directly. Their `l10n.t` is vscode.l10n.t once a view that renders
// them is loaded (useTranslation); before that (unit tests) it fills the English message's {0}
// placeholders, as vscode.l10n.t does when there is no bundle for the display language.
export type Translate = (message: string, ...args: Array<string | number | boolean>) => string;

const english: Translate = (message, ...args) =>
  message.replace(/\{(\d+)\}/g, (match, n: string) => {
    const value = args[Number(n)];
    return value === undefined ? match : String(value);
  });

let translate: Translate = english;

export const l10n = {
  t: (message: string, ...args: Array<string | number | boolean>): string => translate(message, ...args),
};

/** Makes the view models' text VS Code's translation (called by the views that render them). */
export function useTranslation(t: Translate): void {
  translate = t;
}
