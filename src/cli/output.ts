// What the CLI writes to the terminal, and the errors it reports as a message (never a stack).
import { escapeJsonForTerminal, sanitizeForDisplay } from '../core/format/displayText';

/** A mistake in how the command was called: its message, then exit code 2. */
export class UsageError extends Error {}

// Every string that comes from a log passes through `shown` (one line) or `print` (a block)
// before it reaches the terminal: a log can hold escape sequences (an OSC 52 clipboard write, a
// window-title change) and bidi overrides, and the terminal must never receive them raw.
// See core/format/displayText.ts for what is shown instead. `--json` output is escaped, not marked:
// see escapeJsonForTerminal.
export const shown = (s: string | null | undefined, fallback = '-'): string => (s === null || s === undefined ? fallback : sanitizeForDisplay(s));
export const print = (text: string): void => console.log(sanitizeForDisplay(text, { multiline: true }));
export const note = (text: string): void => console.error(sanitizeForDisplay(text, { multiline: true }));
// Straight to stdout: console.log's formatting pass cost a sixth of `list --json` on a big log.
export const printJson = (value: unknown, indent?: number): void => void process.stdout.write(forTerminal(JSON.stringify(value, null, indent)) + '\n');

/** What escapeJsonForTerminal changes: DEL and C1 controls, bidi marks and overrides, U+2028/U+2029. */
const TO_ESCAPE = /[\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/;

/** escapeJsonForTerminal, after a native look for anything to escape (almost never anything). */
function forTerminal(json: string): string {
  return TO_ESCAPE.test(json) ? escapeJsonForTerminal(json) : json;
}

/** How many characters of JSON printJsonArray gathers before it writes them. */
const CHUNK_CHARS = 1 << 16;

/**
 * Prints the array `items.map(toValue)` exactly as printJson would, one element at a time and in
 * chunks: neither the array of values nor its whole text is ever held, so what an element is
 * made from can be dropped once it is written (`list --json` on 10,000 incidents).
 * Escaping works character by character, so escaping each element escapes the whole. Each
 * element is escaped as JSON.stringify gave it (one flat string) and a chunk is joined once:
 * escaping a chunk built with `+=` first copied its pieces into one string, a tenth of the time
 * of `list --json` on 2,000 incidents.
 */
export function printJsonArray<T>(items: readonly T[], toValue: (item: T) => unknown, indent?: number): void {
  if (items.length === 0) {
    printJson([], indent);
    return;
  }
  // JSON.stringify's indentation: up to 10 spaces; an element's own lines one step further in.
  const gap = indent === undefined ? '' : ' '.repeat(Math.min(10, Math.max(0, Math.trunc(indent))));
  const comma = gap ? ',\n' + gap : ',';
  let pieces: string[] = [gap ? '[\n' + gap : '['];
  let size = 0;
  for (let k = 0; k < items.length; k++) {
    // An element that has no JSON (undefined, a function) is written `null`, as in an array.
    const json = JSON.stringify(toValue(items[k]), null, indent) ?? 'null';
    if (k > 0) pieces.push(comma);
    // A JSON text has no line break inside a string: every one is indentation.
    pieces.push(forTerminal(gap ? json.replaceAll('\n', '\n' + gap) : json));
    size += json.length;
    if (size >= CHUNK_CHARS) {
      process.stdout.write(pieces.join(''));
      pieces = [];
      size = 0;
    }
  }
  pieces.push(gap ? '\n]\n' : ']\n');
  process.stdout.write(pieces.join(''));
}

/** Runs `work` with an AbortSignal that Ctrl+C (SIGINT) or SIGTERM aborts, so child process groups die with us. */
export async function withInterrupt<T>(work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const onSignal = () => controller.abort();
  // A hang-up (the terminal closed) stops the work as Ctrl+C or TERM do: the check's process
  // group is killed and the result reported and logged, rather than the CLI ending at once.
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
  for (const s of signals) process.on(s, onSignal);
  try {
    return await work(controller.signal);
  } finally {
    for (const s of signals) process.off(s, onSignal);
  }
}

/** The last non-empty line of output, redacted, for a table cell. */
export function lastLine(output: string, redact: (s: string) => string, max = 60): string {
  const lines = redact(output).split(/\r?\n|\r/).map((l) => l.trim()).filter(Boolean);
  const line = lines.at(-1) ?? '';
  return shown(line.length > max ? line.slice(0, max - 1) + '…' : line, '');
}

export function pad(s: string, n: number): string {
  return s.length >= n ? s : s + ' '.repeat(n - s.length);
}
