// Ctrl+A in a panel's text fields, for every panel page (PanelElement installs it). No DOM
// types beyond the event's shape, so unit tests call it directly.

/** The modifier and key of a keydown, as KeyboardEvent has them. */
export interface KeyPress {
  readonly key: string;
  readonly code: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly altKey: boolean;
  readonly shiftKey: boolean;
}

/** Elements whose own Select All the page keeps (their text, not the page's). */
const TEXT_FIELDS = new Set(['textarea', 'input', 'vscode-textarea', 'vscode-textfield']);

/**
 * Ctrl+A (Cmd+A) in a text field. VS Code forwards a webview's keys to the workbench, whose Select
 * All command sends `selectAll` back to the page: it arrives after the browser has selected the
 * field's text and after the keys typed meanwhile, so it selects those and the next key replaces
 * them. The page stops such a key at the field, leaving the browser's own Select All alone.
 * `path` is the event's composed path, as tag names.
 */
export function isSelectAllInTextField(e: KeyPress, path: readonly string[]): boolean {
  if (!(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey) return false;
  if (e.key.toLowerCase() !== 'a' && e.code !== 'KeyA') return false;
  return path.some((tag) => TEXT_FIELDS.has(tag.toLowerCase()));
}
