// The rules of the secret redactor that work within one line (all but private-key blocks, which
// redactStream.ts follows across lines). The discipline of redact.ts holds here: the text is
// untrusted and may be megabytes long, so every pattern has bounded quantifiers only, the runs
// that could be unbounded (a value's end, a quoted value, a JWT's parts) are hand scans, and
// everything is linear in the length of the text. No rule looks past a line end, so redacting
// text line by line gives the same result as redacting it whole.
import { stripTerminalSequences } from '../format/controlCharacters';
import { sanitizeForDisplay } from '../format/displayText';

export { stripTerminalSequences } from '../format/controlCharacters';

/** What a redacted value is replaced with. */
export const REDACTED = '[REDACTED]';

// A run without carriage returns: what sanitizeForDisplay is given (in its multiline mode, which
// keeps line feeds and tabs), so that line ends stay as they are.
const WITHOUT_CR = /[^\r]{1,65536}/g;

/**
 * `text` as the rules read it: escape sequences stripped (a colour code in the middle of a token
 * cannot hide it), bidi embeddings, overrides and isolates dropped (neither can they, and a log
 * must not read differently than it is), other control characters shown as control pictures —
 * the terminal's own handling (displayText.ts), with line ends and tabs kept.
 */
export function plainText(text: string): string {
  return stripTerminalSequences(text).replace(WITHOUT_CR, (run) => sanitizeForDisplay(run, { multiline: true }));
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
  // Stripe secret and restricted keys (live, test and prod).
  /\b(?:sk|rk)_(?:live|test|prod)_[A-Za-z0-9]{10,99}\b/g,
  // Google API keys: AIza and 35 more characters.
  /\bAIza[A-Za-z0-9_-]{35}(?![A-Za-z0-9_-])/g,
  // npm access tokens: npm_ and 36 letters or digits.
  /\bnpm_[A-Za-z0-9]{36}(?![A-Za-z0-9])/g,
];

// Slack webhook URLs: the host and kind stay, the path (the secret) goes.
const SLACK_WEBHOOK = /(\bhooks\.slack(?:-gov)?\.com\/(?:services|workflows|triggers)\/)[A-Za-z0-9/_+-]{1,512}/gi;

// Prefixes after which a value is a secret. Only spaces and tabs between the parts: a rule never
// reaches into the next line.
const AUTHORIZATION = /\b(?:proxy-)?authorization["']?[ \t]{0,8}[:=][ \t]{0,8}["']?(?:basic|bearer|token)[ \t]{1,8}/gi;
// A name that ends in one of these words, then `:`, `=`, `:=` or `=>`: the keyword list of
// detect-secrets (api_key, auth_key, db_pass, password, passwd, pwd, secret, …) with `-`, `_` or
// nothing between the words (X-Api-Key, apiKey), names ending in `_key` or `token`, passphrases.
// Anchored on the word, not on the name's start: the name before it does not matter.
const SECRET_NAME =
  /(?:(?:api|auth|access|service|account|client|secret|private|priv|db|database|session|signing|encryption|master)[_-]?key|_key|token|secret|password|passwd|passphrase|pwd|[_.-]pass)["']?[ \t]{0,4}(?::=|=>|[:=])[ \t]{0,4}/gi;
// `scheme://user:` — the password runs to the `@` (when there is one before the host ends).
const URL_USER = /\b[A-Za-z][A-Za-z0-9+.-]{0,30}:\/\/[^\s:/@?#"'<>]{0,256}:/g;
// `curl -u user:password`, `--user user:password`, `--user=…`, quoted or not. A `$USER` is a
// variable, not a name.
const CURL_USER = /(?<![\w-])(?:-u[ \t]{0,8}|--user(?:[ \t]{1,8}|=))(["']?)[^\s:"'$]{1,256}:/g;

const VALUE_STOP = new Set([' ', '\t', '\n', '\r', '"', "'", '`', ',', ';', '&', '<', '>', ')', ']', '}']);
const QUOTES = new Set(['"', "'", '`']);
/** The longest quoted value looked at; a longer one is redacted to this length. */
const MAX_QUOTED = 4096;

/** Where a value that starts at `from` ends: `[start, end)` of the part to replace, or undefined. */
type ValueSpan = (text: string, from: number, match: RegExpExecArray) => [number, number] | undefined;

/** An unquoted value: up to whitespace, a quote or punctuation that ends a value. */
function plainValueEnd(text: string, from: number): number {
  if (text.startsWith(REDACTED, from)) return from + REDACTED.length;
  let i = from;
  while (i < text.length && !VALUE_STOP.has(text[i])) i++;
  return i;
}

/** A quoted value's content, from just after its opening `quote` to the closing one or the line's end. */
function quotedValueEnd(text: string, from: number, quote: string): number {
  const limit = Math.min(text.length, from + MAX_QUOTED);
  let i = from;
  while (i < limit && text[i] !== quote && text[i] !== '\n' && text[i] !== '\r') i += text[i] === '\\' && quote !== "'" ? 2 : 1;
  return Math.min(i, limit);
}

/** A value that may be quoted: a quoted one is redacted whole, spaces included; the quotes stay. */
const nameValue: ValueSpan = (text, from) => {
  const c = text[from];
  if (c !== undefined && QUOTES.has(c)) return [from + 1, quotedValueEnd(text, from + 1, c)];
  return [from, plainValueEnd(text, from)];
};

/** After `-u user:` the password runs to the quote the user part opened, or is a plain value. */
const curlPassword: ValueSpan = (text, from, match) => (match[1] ? [from, quotedValueEnd(text, from, match[1])] : [from, plainValueEnd(text, from)]);

/** The end of a URL password: the `@` before the host ends, or undefined when there is none. */
const urlPassword: ValueSpan = (text, from) => {
  const limit = Math.min(text.length, from + 1024);
  for (let i = from; i < limit; i++) {
    const c = text[i];
    if (c === '@') return [from, i];
    if (c === '/' || c === '?' || c === '#' || VALUE_STOP.has(c)) return undefined;
  }
  return undefined;
};

const plainValue: ValueSpan = (text, from) => [from, plainValueEnd(text, from)];

/** Replaces the value after each match of `prefix` (a hand scan to its end) with REDACTED. */
function redactAfter(text: string, prefix: RegExp, span: ValueSpan): string {
  prefix.lastIndex = 0;
  let out = '';
  let last = 0;
  for (let m = prefix.exec(text); m; m = prefix.exec(text)) {
    if (m[0].length === 0) {
      prefix.lastIndex++;
      continue;
    }
    const found = span(text, m.index + m[0].length, m);
    if (!found) continue;
    const [start, stop] = found;
    // `$VAR` is a variable, not a secret; an empty value is none; a redacted one stays as it is.
    if (stop <= start || text[start] === '$' || text.slice(start, stop) === REDACTED) continue;
    out += text.slice(last, start) + REDACTED;
    last = stop;
    prefix.lastIndex = stop;
  }
  return last === 0 ? text : out + text.slice(last);
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

/**
 * `text` (already through plainText) with every one-line secret replaced by REDACTED: all the
 * rules but private-key blocks. No rule crosses a line end.
 */
export function redactWithinLines(text: string): string {
  let s = redactAfter(text, AUTHORIZATION, plainValue);
  s = redactAfter(s, URL_USER, urlPassword);
  s = redactAfter(s, CURL_USER, curlPassword);
  s = s.replace(SLACK_WEBHOOK, `$1${REDACTED}`);
  s = redactJwts(s);
  for (const pattern of TOKEN_PATTERNS) s = s.replace(pattern, REDACTED);
  s = redactAfter(s, SECRET_NAME, nameValue);
  return s;
}
