// Styles several panels share: the page's width and heading, and the facts list (a grid of
// names and values). Each panel adds its own after these, in its `static styles` array.
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
