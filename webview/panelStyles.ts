// Styles several panels share: the page's width and heading, the facts list (a grid of names
// and values), text tones, button rows, the read-only note and markdown text areas. Each panel
// adds its own after these, in its `static styles` array (later rules win).
import { css } from 'lit';

/** The page's block and its title. */
export const panelPageStyles = css`
  :host {
    display: block;
    max-width: 920px;
  }
  h1 {
    font-size: 1.4em;
    font-weight: 600;
    margin: 16px 0 8px;
    overflow-wrap: anywhere;
  }
`;

/** `<dl class="facts">`: names dimmed on the left, values on the right. */
export const factsListStyles = css`
  .facts {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 4px 16px;
    margin: 8px 0 12px;
  }
  .facts dt {
    color: var(--vscode-descriptionForeground);
  }
  .facts dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
`;

/** Text tones: secondary text, errors, warnings. */
export const toneStyles = css`
  .muted {
    color: var(--vscode-descriptionForeground);
  }
  /* The theme's error and warning colours drawn towards its text colour: Light Modern's own
     (#F85149, #BF8803) reach only 3.4:1 and 2.9:1 on white, short of the 4.5:1 text needs;
     mixed with the foreground they pass in light, dark and high-contrast themes alike. */
  .error {
    color: color-mix(in srgb, var(--vscode-errorForeground) 65%, var(--vscode-foreground));
  }
  .warn {
    color: color-mix(in srgb, var(--vscode-editorWarning-foreground) 60%, var(--vscode-foreground));
  }
`;

/** `.actions`: a row of buttons that wraps; each panel sets its margins. */
export const actionsRowStyles = css`
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
  }
`;

/** `.readonly`: the note saying why the panel cannot write. */
export const readOnlyNoteStyles = css`
  .readonly {
    padding: 8px 12px;
    border-left: 3px solid var(--vscode-editorWarning-foreground);
    background: var(--vscode-textBlockQuote-background);
    margin: 8px 0;
  }
`;

/** A text area as wide as the page, in the editor's font (the text is markdown). */
export const editorTextAreaStyles = css`
  vscode-textarea {
    width: 100%;
    font-family: var(--vscode-editor-font-family);
  }
`;
