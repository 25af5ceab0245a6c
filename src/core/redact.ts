// Secrets taken out of command output before it is shown or written anywhere (a timeline entry,
// a notification, an output channel). The output is arbitrary: a check may print megabytes of
// anything. So every pattern here has bounded quantifiers only, and the parts that would need an
// unbounded run (a value's end, a JWT's parts, a private-key block) are hand scans. Everything is
// linear in the length of the text.
//
// Terminal sequences (ANSI CSI, OSC including VS Code's OSC 633, other escapes) are stripped
// first, so a colour code in the middle of a token cannot hide it.
//
// Deliberately absent: "high entropy" and generic keyword rules. Hex hashes, UUIDs, commit ids
// and base64 data stay readable.

/** What a redacted value is replaced with. */
export const REDACTED = '[REDACTED]';

// CSI (ESC [ … final, or the one-byte U+009B), OSC (ESC ] … BEL / ST, or U+009D; unterminated
// ones to the end of their bounded run), other two-byte escapes (ESC + one character).
// eslint-disable-next-line no-control-regex
const TERMINAL_SEQUENCES = /(?:\u001b\[|\u009b)[0-?]{0,64}[ -/]{0,16}[@-~]?|(?:\u001b[\]PX^_]|[\u009d\u0090\u0098\u009e\u009f])[^\u0007\u001b\u009c]{0,8192}(?:\u0007|\u001b\\|\u009c)?|\u001b[ -~]?/g;

/** `text` without ANSI/VT escape sequences (CSI, OSC — including OSC 633 — DCS, and the rest). */
export function stripTerminalSequences(text: string): string {
  return text.replace(TERMINAL_SEQUENCES, '');
}

const TOKEN_PATTERNS: RegExp[] = [
  // AWS access key ids.
  /\b(?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}\b/g,
  // GitHub tokens: classic and fine-grained.
  /\b(?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{36,255}\b/g,
  /\bgithub_pat_[A-Za-z0-9_]{22,255}/g,
  // GitLab personal access tokens.
  /\bglpat-[A-Za-z0-9_-]{20,64}/g,
  // Slack tokens.
  /\bxox[abposre]-[A-Za-z0-9-]{10,255}/gi,
];

// Slack webhook URLs: the host and kind stay, the path (the secret) goes.
const SLACK_WEBHOOK = /(\bhooks\.slack(?:-gov)?\.com\/(?:services|workflows|triggers)\/)[A-Za-z0-9/_+-]{1,512}/gi;

// Prefixes after which a value (up to whitespace or a quote) is a secret.
const AUTHORIZATION = /\b(?:proxy-)?authorization["']?\s{0,8}[:=]\s{0,8}["']?(?:basic|bearer|token)\s{1,8}/gi;
const SECRET_NAME = /\b[A-Za-z0-9_.-]{0,64}(?:_token|_key|_secret|password|passwd|_pwd)["']?\s{0,4}[:=]\s{0,4}["']?/gi;
// `scheme://user:` — the password runs to the `@` (when there is one before the host ends).
const URL_USER = /\b[A-Za-z][A-Za-z0-9+.-]{0,30}:\/\/[^\s:/@?#"'<>]{0,256}:/g;

const VALUE_STOP = new Set([' ', '\t', '\n', '\r', '"', "'", '`', ',', ';', '&', '<', '>', ')', ']', '}']);

function valueEnd(text: string, from: number): number {
  if (text.startsWith(REDACTED, from)) return from + REDACTED.length;
  let i = from;
  while (i < text.length && !VALUE_STOP.has(text[i])) i++;
  return i;
}

/** Replaces the value after each match of `prefix` (a hand scan to its end) with REDACTED. */
function redactAfter(text: string, prefix: RegExp, end: (text: string, from: number) => number | undefined): string {
  prefix.lastIndex = 0;
  let out = '';
  let last = 0;
  for (let m = prefix.exec(text); m; m = prefix.exec(text)) {
    const start = m.index + m[0].length;
    if (m[0].length === 0) {
      prefix.lastIndex++;
      continue;
    }
    const stop = end(text, start);
    // `$VAR` is a variable, not a secret; an already redacted value stays as it is.
    if (stop === undefined || stop <= start || text[start] === '$' || text.startsWith(REDACTED, start)) continue;
    out += text.slice(last, start) + REDACTED;
    last = stop;
    prefix.lastIndex = stop;
  }
  return last === 0 ? text : out + text.slice(last);
}

/** The end of a URL password: the `@` before the host ends, or undefined when there is none. */
function urlPasswordEnd(text: string, from: number): number | undefined {
  const limit = Math.min(text.length, from + 1024);
  for (let i = from; i < limit; i++) {
    const c = text[i];
    if (c === '@') return i;
    if (c === '/' || c === '?' || c === '#' || VALUE_STOP.has(c)) return undefined;
  }
  return undefined;
}

const BASE64URL = /^[A-Za-z0-9_-]+$/;

function decodesToJsonObject(part: string): boolean {
  if (part.length < 8 || part.length > 4096 || !BASE64URL.test(part)) return false;
  const json = Buffer.from(part, 'base64url').toString('utf8').trim();
  if (!json.startsWith('{') || !json.endsWith('}')) return false;
  try {
    const value: unknown = JSON.parse(json);
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  } catch {
    return false;
  }
}

/**
 * After this many JWT-shaped runs whose header was not JSON, the rest are redacted without
 * decoding: output built to make the decoder work hard loses its look-alikes, not its time.
 */
const MAX_JWT_DECODES = 2000;

function isBase64UrlChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 45 || c === 95;
}

/** JWTs: `eyJ…` three base64url parts whose first part decodes to a JSON object. Hand scan. */
function redactJwts(text: string): string {
  let out = '';
  let last = 0;
  let from = 0;
  let decodes = 0;
  for (;;) {
    const at = text.indexOf('eyJ', from);
    if (at < 0) break;
    const ends: number[] = [];
    let i = at;
    for (let part = 0; part < 3; part++) {
      const start = i;
      while (i < text.length && isBase64UrlChar(text.charCodeAt(i))) i++;
      ends.push(i);
      if (part < 2) {
        if (i === start || text[i] !== '.') break;
        i++;
      }
    }
    const firstEnd = ends[0];
    const shaped = ends.length === 3 && ends[1] > firstEnd + 1 && firstEnd - at >= 8;
    if (shaped && (decodes >= MAX_JWT_DECODES || decodesToJsonObject(text.slice(at, firstEnd)))) {
      out += text.slice(last, at) + REDACTED;
      last = ends[2];
      from = ends[2];
    } else {
      if (shaped) decodes++;
      // Any later `eyJ` inside this first part ends where it ends: skip the whole run.
      from = Math.max(firstEnd, at + 3);
    }
  }
  return last === 0 ? text : out + text.slice(last);
}

const KEY_BEGIN = /-----BEGIN[ A-Z0-9_-]{0,100}PRIVATE KEY(?:-----|\b)/g;
const KEY_END = /-----END[ A-Z0-9_-]{0,100}PRIVATE KEY-----/g;

/** Private-key blocks, from BEGIN to END, or to the end of the text when the END was cut off. */
function redactPrivateKeys(text: string): string {
  KEY_BEGIN.lastIndex = 0;
  let out = '';
  let last = 0;
  for (let m = KEY_BEGIN.exec(text); m; m = KEY_BEGIN.exec(text)) {
    KEY_END.lastIndex = m.index + m[0].length;
    const end = KEY_END.exec(text);
    const stop = end ? end.index + end[0].length : text.length;
    out += text.slice(last, m.index) + '-----BEGIN PRIVATE KEY----- ' + REDACTED + (end ? ' -----END PRIVATE KEY-----' : '');
    last = stop;
    KEY_BEGIN.lastIndex = stop;
  }
  return last === 0 ? text : out + text.slice(last);
}

/**
 * `text` with terminal sequences stripped and secrets replaced by `[REDACTED]`:
 * Authorization Basic/Bearer/Token values, `scheme://user:password@` passwords (not `$VAR`),
 * `*_TOKEN` / `*_KEY` / `*_SECRET` / `PASSWORD=` values (not `$VAR`), AWS access key ids,
 * GitHub, GitLab and Slack tokens, Slack webhook URLs, JWTs (first part decodes to JSON) and
 * private-key blocks (even when cut off). Linear in the length of `text`.
 */
export function redactSecrets(text: string): string {
  let s = stripTerminalSequences(text);
  s = redactPrivateKeys(s);
  s = redactAfter(s, AUTHORIZATION, valueEnd);
  s = redactAfter(s, URL_USER, urlPasswordEnd);
  s = s.replace(SLACK_WEBHOOK, `$1${REDACTED}`);
  s = redactJwts(s);
  for (const pattern of TOKEN_PATTERNS) s = s.replace(pattern, REDACTED);
  s = redactAfter(s, SECRET_NAME, valueEnd);
  return s;
}

/**
 * A webhook URL as it may be shown: the scheme and host (with its port) stay, so the responder
 * sees where the update went; the path and query, which carry the webhook's secret, become
 * `[REDACTED]`. A user:password part goes too. Text that is no URL is redacted whole.
 */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}/${REDACTED}`;
  } catch {
    return REDACTED;
  }
}
