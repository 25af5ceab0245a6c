// Text from a log, made safe to show in a terminal or a tree row. A log is written by anyone who
// can push to the repository, so a title may carry an escape sequence: an OSC 52 clipboard write
// (`ESC ] 52 ; c ; BASE64 BEL`), a window-title change (`ESC ] 0 ; … BEL`), cursor moves that
// overwrite earlier output, or bidi overrides that make text read differently than it is.
//
// What is done, one character at a time (a single pass, no regular expression):
// - C0 controls (U+0000–U+001F) are shown as their Unicode control pictures (U+2400–U+241F):
//   ESC becomes `␛`, BEL `␇`, CR `␍`, NUL `␀`. A tab becomes a space. A line feed becomes `␊`,
//   unless `multiline` is set (then tabs and line feeds are kept as they are).
// - DEL (U+007F) is shown as `␡`.
// - C1 controls (U+0080–U+009F) are shown as `␛` followed by their 7-bit equivalent (U+009B, the
//   one-byte CSI, is shown as `␛[`; U+009D, OSC, as `␛]`), which is what a terminal would have
//   read them as.
// - Bidi embeddings, overrides, isolates and marks (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F,
//   U+061C) are removed.
// Nothing that follows an escape is removed: with the ESC shown as `␛`, the rest of a sequence
// is plain printable text, and seeing it tells the reader the log holds something odd.
// The marks are printable, so sanitizing twice gives the same text as sanitizing once.

export interface DisplayTextOptions {
  /** Keep line feeds and tabs (for a block of text such as a description). Default: one line. */
  multiline?: boolean;
}

const ESC_MARK = '\u241B';
/** The marks for C0 (U+2400–U+241F) and C1 (`␛` and the 7-bit equivalent), made once. */
const C0_MARKS = Array.from({ length: 0x20 }, (_, c) => String.fromCharCode(0x2400 + c));
const C1_MARKS = Array.from({ length: 0x20 }, (_, c) => ESC_MARK + String.fromCharCode(0x40 + c));
/** `\u007f` … `\u009f`, made once. */
const JSON_C1 = Array.from({ length: 0x21 }, (_, c) => `\\u00${(0x7f + c).toString(16)}`);

/** The visible form of one character, or undefined when it is shown as it is. */
function markFor(c: number, multiline: boolean): string | undefined {
  if (c < 0x20) {
    if (c === 0x09) return multiline ? undefined : ' ';
    if (c === 0x0a && multiline) return undefined;
    return C0_MARKS[c];
  }
  if (c < 0x7f) return undefined;
  if (c === 0x7f) return '\u2421';
  if (c <= 0x9f) return C1_MARKS[c - 0x80];
  if ((c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) || c === 0x200e || c === 0x200f || c === 0x061c) return '';
  return undefined;
}

/** `s` with every control character and escape made visible and bidi overrides removed (see above). */
export function sanitizeForDisplay(s: string, options: DisplayTextOptions = {}): string {
  const multiline = options.multiline === true;
  let out = '';
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    // Fast path: printable ASCII and most of Unicode.
    if ((c >= 0x20 && c < 0x7f) || (c > 0x9f && c < 0x061c) || (c > 0x061c && c < 0x200e) || (c > 0x200f && c < 0x202a) || c > 0x2069) continue;
    const mark = markFor(c, multiline);
    if (mark === undefined) continue;
    out += s.slice(start, i) + mark;
    start = i + 1;
  }
  return start === 0 ? s : out + s.slice(start);
}

/**
 * JSON text (from JSON.stringify) made safe for a terminal while staying the same data.
 * JSON.stringify already escapes C0 controls (`\u001b`), but it writes DEL, C1 controls, bidi
 * overrides and U+2028/U+2029 as they are. Those can occur only inside JSON strings, so writing
 * them as `\uXXXX` escapes is lossless: JSON.parse of the result gives back the very same
 * values, escapes included. (`--json` output is data for programs, so it is escaped, not marked.)
 */
export function escapeJsonForTerminal(json: string): string {
  let out = '';
  let start = 0;
  for (let i = 0; i < json.length; i++) {
    const c = json.charCodeAt(i);
    if (c < 0x7f || (c > 0x9f && c < 0x061c) || (c > 0x061c && c < 0x200e) || (c > 0x200f && c < 0x2028) || c > 0x2069) continue;
    if (!(c <= 0x9f || c === 0x061c || c === 0x200e || c === 0x200f || c === 0x2028 || c === 0x2029 || (c >= 0x202a && c <= 0x202e) || c >= 0x2066)) continue;
    out += json.slice(start, i) + (c <= 0x9f ? JSON_C1[c - 0x7f] : `\\u${c.toString(16).padStart(4, '0')}`);
    start = i + 1;
  }
  return start === 0 ? json : out + json.slice(start);
}
