// Secrets taken out of command output before it is shown or written anywhere (a timeline entry,
// a notification, an output channel, the terminal while a runbook step runs). The output is
// arbitrary: a check may print megabytes of anything. So every pattern has bounded quantifiers
// only, and the parts that would need an unbounded run (a value's end, a quoted value, a JWT's
// parts, a private-key block) are hand scans. Everything is linear in the length of the text.
//
// Terminal sequences (ANSI CSI, OSC including VS Code's OSC 633, other escapes) are stripped
// first, so a colour code in the middle of a token cannot hide it; bidi controls are dropped and
// other control characters made visible for the same reason (redactRules.ts).
//
// Every rule works within one line, except private-key blocks, which run from their BEGIN line to
// their own END line. Output shown live goes through createRedactingStream (redactStream.ts),
// which lets out complete lines only and holds a key block until its END line; redactSecrets is
// that same stream given the whole text, so a secret cut across chunks is caught as if whole.
//
// Deliberately absent: "high entropy" and generic keyword rules. Hex hashes, UUIDs, commit ids
// and base64 data stay readable. The shapes matched are listed in docs/FORMAT.md (health checks).
import { REDACTED } from './redactRules';
import { createRedactingStream } from './redactStream';

export { REDACTED, stripTerminalSequences } from './redactRules';
export { type RedactingStream, createRedactingStream } from './redactStream';

/**
 * `text` with terminal sequences stripped, bidi controls dropped and secrets replaced by
 * `[REDACTED]`: Authorization Basic/Bearer/Token values, `scheme://user:password@` passwords,
 * `curl -u user:password` passwords, values named like a key, token, secret or password
 * (`X-Api-Key:`, `apikey=`, `"apiKey": "…"`, `DB_PASS=`, `pwd=`, quoted values whole; not `$VAR`),
 * AWS access key ids, GitHub, GitLab, Slack, Stripe, Google API and npm tokens, Slack webhook
 * URLs, JWTs (first part decodes to JSON) and private-key blocks (even when cut off). Linear in
 * the length of `text`.
 */
export function redactSecrets(text: string): string {
  const stream = createRedactingStream();
  return stream.push(text) + stream.end();
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
