// The secret redactor as a stream: output shown while a command runs arrives in chunks cut
// anywhere, so redacting each chunk alone would miss a token cut in two, and a private key whose
// body comes in a later chunk than its BEGIN line. The stream lets out complete lines only
// (a line with no end is let out in pieces past a cap), and holds a private-key block from its
// BEGIN line to its END line (or a cap), letting it out as one redacted line. redactSecrets is
// this stream given the whole text at once, so what is shown live and what is redacted whole
// are the same. The discipline of redact.ts holds: bounded patterns, hand scans, linear time;
// a held key block is counted, never kept.
import { REDACTED, plainText, redactWithinLines } from './redactRules';

/** A line with no end is let out, redacted, in pieces of at most this many characters. */
export const MAX_HELD_LINE_CHARS = 64 * 1024;
/** A piece of such a line ends after the last separator in its final part of this size. */
const CUT_WINDOW_CHARS = 4096;
/** A key block with no END line within this many lines or characters is let out as cut off. */
export const MAX_KEY_BLOCK_LINES = 200;
export const MAX_KEY_BLOCK_CHARS = 64 * 1024;

// PKCS#8 (`PRIVATE KEY`), RSA, EC, DSA, OPENSSH, ENCRYPTED, PGP (`PRIVATE KEY BLOCK`) and the
// rest. A BEGIN cut off before its dashes counts too.
const KEY_BEGIN = /-----BEGIN[ A-Z0-9_-]{0,100}PRIVATE KEY(?:-----|\b)/g;
const KEY_END = /-----END[ A-Z0-9_-]{0,100}PRIVATE KEY(?: BLOCK)?-----/;
const KEY_REDACTED = `-----BEGIN PRIVATE KEY----- ${REDACTED}`;
const KEY_END_SHOWN = ' -----END PRIVATE KEY-----';

// After a cut-off block, the lines that still look like a key's body are dropped too.
const BASE64_CHARS = /^[A-Za-z0-9+/=]{0,4096}$/;
// Where a piece of an endless line ends: after a field, a parameter or a word (in that order of
// preference), so that a value is not cut in two.
const SEPARATORS = [',', ';', '&', ' ', '\t'];

function isLineBreak(c: string): boolean {
  return c === '\n' || c === '\r';
}

/** The end of the line starting at `from`: after its line break, or the end of `text`. */
function lineEnd(text: string, from: number): number {
  for (let i = from; i < text.length; i++) if (isLineBreak(text[i])) return i + 1;
  return text.length;
}

/** Where the first piece of a line longer than MAX_HELD_LINE_CHARS (no line break in it) ends. */
function pieceEnd(line: string): number {
  const windowStart = MAX_HELD_LINE_CHARS - CUT_WINDOW_CHARS;
  for (const separator of SEPARATORS) {
    const at = line.lastIndexOf(separator, MAX_HELD_LINE_CHARS - 1);
    if (at >= windowStart) return at + 1;
  }
  // Not between the two halves of a surrogate pair.
  const code = line.charCodeAt(MAX_HELD_LINE_CHARS - 1);
  return code >= 0xd800 && code <= 0xdbff ? MAX_HELD_LINE_CHARS - 1 : MAX_HELD_LINE_CHARS;
}

export interface RedactingStream {
  /** Takes the next chunk; returns what can be shown now: complete lines, redacted. */
  push(chunk: string): string;
  /** The output has ended: the rest, redacted (a key block still held is cut off). */
  end(): string;
}

type Mode = 'text' | 'key' | 'after-cut-off-key';

class LineRedactor implements RedactingStream {
  /** The start of a line whose end has not come yet (shorter than MAX_HELD_LINE_CHARS). */
  private pending = '';
  private mode: Mode = 'text';
  /** Lines and characters of the key block being held. */
  private keyLines = 0;
  private keyChars = 0;
  private keyEndsWithBreak = false;

  push(chunk: string): string {
    let lastBreak = -1;
    for (let i = chunk.length - 1; i >= 0; i--) {
      if (isLineBreak(chunk[i])) {
        lastBreak = i;
        break;
      }
    }
    let out = '';
    if (lastBreak >= 0) {
      out += this.lines(this.pending + chunk.slice(0, lastBreak + 1));
      this.pending = chunk.slice(lastBreak + 1);
    } else this.pending += chunk;
    while (this.pending.length > MAX_HELD_LINE_CHARS) {
      const cut = pieceEnd(this.pending);
      out += this.take(this.pending.slice(0, cut));
      this.pending = this.pending.slice(cut);
    }
    return out;
  }

  end(): string {
    let out = this.pending ? this.take(this.pending) : '';
    this.pending = '';
    if (this.mode === 'key') out += KEY_REDACTED + (this.keyEndsWithBreak ? '\n' : '');
    this.mode = 'text';
    return out;
  }

  /** Complete lines: runs of them at once, a line longer than the cap in pieces (as push cuts it). */
  private lines(text: string): string {
    let out = '';
    let runStart = 0;
    for (let at = 0; at < text.length; ) {
      const end = lineEnd(text, at);
      const length = end - at - (isLineBreak(text[end - 1]) ? 1 : 0);
      if (length > MAX_HELD_LINE_CHARS) {
        out += this.take(text.slice(runStart, at));
        let rest = text.slice(at, end);
        while (rest.length - 1 > MAX_HELD_LINE_CHARS) {
          const cut = pieceEnd(rest);
          out += this.take(rest.slice(0, cut));
          rest = rest.slice(cut);
        }
        out += this.take(rest);
        runStart = end;
      }
      at = end;
    }
    return out + this.take(text.slice(runStart));
  }

  /** Redacts `raw` (whole lines, or a piece of an endless line) following key blocks across calls. */
  private take(raw: string): string {
    if (!raw) return '';
    const text = plainText(raw);
    let out = '';
    for (let at = 0; at < text.length; ) {
      if (this.mode === 'text') {
        KEY_BEGIN.lastIndex = at;
        const begin = KEY_BEGIN.exec(text);
        if (!begin) {
          out += redactWithinLines(text.slice(at));
          break;
        }
        out += redactWithinLines(text.slice(at, begin.index));
        this.mode = 'key';
        this.keyLines = 0;
        this.keyChars = 0;
        this.keyEndsWithBreak = false;
        at = begin.index + begin[0].length;
        continue;
      }
      const end = lineEnd(text, at);
      const line = text.slice(at, end);
      const close = KEY_END.exec(line);
      if (close) {
        const after = at + close.index + close[0].length;
        if (this.mode === 'key') out += KEY_REDACTED + KEY_END_SHOWN;
        // After a cut-off block its END line goes with it, line break included.
        else if (isLineBreak(text[after] ?? '') && end === after + 1) {
          this.mode = 'text';
          at = end;
          continue;
        }
        this.mode = 'text';
        at = after;
        continue;
      }
      if (this.mode === 'after-cut-off-key') {
        if (!BASE64_CHARS.test(line.replace(/[\n\r]{1,2}$/, ''))) {
          // The key's body is over: this line is read as any other.
          this.mode = 'text';
          continue;
        }
        at = end;
        continue;
      }
      this.keyChars += end - at;
      this.keyEndsWithBreak = isLineBreak(text[end - 1]);
      if (this.keyEndsWithBreak) this.keyLines++;
      at = end;
      if (this.keyLines >= MAX_KEY_BLOCK_LINES || this.keyChars > MAX_KEY_BLOCK_CHARS) {
        out += KEY_REDACTED + '\n';
        this.mode = 'after-cut-off-key';
      }
    }
    return out;
  }
}

/** A new stream redactor for one command's output (see the top of this file). */
export function createRedactingStream(): RedactingStream {
  return new LineRedactor();
}
