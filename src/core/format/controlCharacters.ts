// Control characters, named once: the classes that text from the log, the panels' pages and the
// terminal is tested against or cleaned of, and the escape sequences a terminal reads. Pure (no
// imports): the core and the hosts import it, the panels' pages through src/shared/limits.ts.
//
// The classes differ on purpose, each by what its text may hold:
// - LINE_CONTROL: every C0 control and DEL. One line (a table cell, a filter value) holds none.
// - TEXT_CONTROL: the same but tab, line feed and carriage return. Text with line breaks (a review
//   section, a status update) keeps those.
// - CONTROL_BUT_TAB_LF: TEXT_CONTROL and the carriage return. Text whose line breaks are `\n`
//   only (a checklist item, a reason, a log line once its breaks are folded) holds no `\r`.
// - C0_CONTROL: C0 only (DEL allowed). A link the page asks to open.
// - LINE_BREAK_CONTROL: LINE_CONTROL and U+2028/U+2029, which YAML and JavaScript read as line
//   breaks. A front-matter value.
// - HIDDEN_CONTROL: C0, DEL, C1, U+2028/U+2029 and the bidi embeddings, overrides and isolates
//   (U+202A–U+202E, U+2066–U+2069). A YAML comment written for a person to read.
// Each class matches one character and has no flags (so `test` keeps no state); the functions
// below replace every match.
/* eslint-disable no-control-regex -- the one module whose patterns name control characters */

/** C0 controls, U+0000–U+001F. */
export const C0_CONTROL = /[\u0000-\u001f]/;
/** C0 controls and DEL (U+007F): what one line may not hold. */
export const LINE_CONTROL = /[\u0000-\u001f\u007f]/;
/** C0 controls and DEL except tab, line feed and carriage return: what text with line breaks may not hold. */
export const TEXT_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
/** C0 controls and DEL except tab and line feed: a carriage return counts as a control. */
export const CONTROL_BUT_TAB_LF = /[\u0000-\u0008\u000b-\u001f\u007f]/;
/** C0 controls, DEL, and the line and paragraph separators U+2028/U+2029. */
export const LINE_BREAK_CONTROL = /[\u0000-\u001f\u007f\u2028\u2029]/;
/** C0 and C1 controls, DEL, U+2028/U+2029, and the bidi embeddings, overrides and isolates. */
export const HIDDEN_CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

const everyOne = (c: RegExp) => new RegExp(c.source, 'g');
const everyRun = (c: RegExp) => new RegExp(`${c.source}+`, 'g');
const TEXT_CONTROLS = everyOne(TEXT_CONTROL);
const CONTROLS_BUT_TAB_LF = everyOne(CONTROL_BUT_TAB_LF);
const LINE_BREAK_RUNS = everyRun(LINE_BREAK_CONTROL);
const HIDDEN_CONTROLS = everyOne(HIDDEN_CONTROL);

/** `text` without TEXT_CONTROL characters (tabs and line breaks kept). */
export function stripTextControls(text: string): string {
  return text.replace(TEXT_CONTROLS, '');
}

/** `text` without CONTROL_BUT_TAB_LF characters (tabs and line feeds kept, carriage returns dropped). */
export function stripControlsButTabLf(text: string): string {
  return text.replace(CONTROLS_BUT_TAB_LF, '');
}

/** `text` with each run of LINE_BREAK_CONTROL characters made one space. */
export function foldLineBreakControls(text: string): string {
  return text.replace(LINE_BREAK_RUNS, ' ');
}

/** `text` with each HIDDEN_CONTROL character made a space. */
export function blankHiddenControls(text: string): string {
  return text.replace(HIDDEN_CONTROLS, ' ');
}

// CSI (ESC [ … final, or the one-byte U+009B), OSC (ESC ] … BEL / ST, or U+009D; unterminated
// ones to the end of their bounded run or of the line), other two-byte escapes (ESC + one
// character). Every quantifier is bounded: the text may be megabytes of untrusted output. No ESC
// survives: where no longer sequence starts, the last branch takes it alone.
const TERMINAL_SEQUENCES = /(?:\u001b\[|\u009b)[0-?]{0,64}[ -/]{0,16}[@-~]?|(?:\u001b[\]PX^_]|[\u009d\u0090\u0098\u009e\u009f])[^\u0007\u001b\u009c\n\r]{0,8192}(?:\u0007|\u001b\\|\u009c)?|\u001b[ -~]?/g;

/** `text` without ANSI/VT escape sequences (CSI, OSC — including OSC 633 — DCS, and the rest). */
export function stripTerminalSequences(text: string): string {
  return text.replace(TERMINAL_SEQUENCES, '');
}
