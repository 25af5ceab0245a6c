// Limits and character classes both sides of the panel messaging read, in a module without zod
// so that a page's bundle can import them (protocol.ts builds its schemas when loaded).

/** Longest composer draft a page keeps in its saved state. */
export const MAX_DRAFT_TEXT = 100_000;

/**
 * The control characters the host refuses (src/core/format/controlCharacters.ts, pure and without
 * imports): the schemas test for them, the page drops them before it sends.
 */
export { C0_CONTROL, CONTROL_BUT_TAB_LF, LINE_CONTROL, TEXT_CONTROL, stripTextControls } from '../core/format/controlCharacters';
