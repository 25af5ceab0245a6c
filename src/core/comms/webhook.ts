// Posting a status update to a Slack-compatible incoming webhook: one POST of `{"text": …}`,
// with a timeout, through Node's own http/https (no dependency). The URL is a secret (anyone
// holding it can post to the channel), so it is validated here and never appears in a message:
// errors name the host only (redactUrl), and anything echoed from the server or the socket
// goes through redactSecrets with the URL itself cut out first.
import * as http from 'node:http';
import * as https from 'node:https';
import { REDACTED, redactSecrets, redactUrl } from '../health/redact';

/** How long a post may take, connection included. */
export const WEBHOOK_TIMEOUT_MS = 10_000;
/** Longest webhook URL accepted (Slack's are about 80 characters). */
const MAX_URL_LENGTH = 2048;
/** How much of an error response's body is quoted in the message. */
const MAX_QUOTED_BODY = 200;

/** A webhook post that did not succeed; the message is safe to show (no URL path). */
export class WebhookError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WebhookError';
  }
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** The URL when it may be posted to (https:, or http: only on this machine); else why not. */
export function validateWebhookUrl(raw: string): { ok: true; url: URL } | { ok: false; message: string } {
  const text = raw.trim();
  if (text === '') return { ok: false, message: 'Enter the webhook URL (https://…).' };
  if (text.length > MAX_URL_LENGTH) return { ok: false, message: `A webhook URL is at most ${MAX_URL_LENGTH} characters.` };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, message: 'That is not a URL: a webhook URL looks like https://hooks.slack.com/services/…' };
  }
  if (url.username || url.password) return { ok: false, message: 'A webhook URL carries no user name or password.' };
  if (url.protocol === 'https:') return { ok: true, url };
  if (url.protocol === 'http:') {
    if (LOOPBACK.has(url.hostname)) return { ok: true, url };
    return { ok: false, message: 'Use https:// for a webhook: plain http:// is allowed only for 127.0.0.1 and localhost.' };
  }
  return { ok: false, message: `A webhook URL starts with https:// (not ${url.protocol}//).` };
}

/** `text` safe to show: the webhook URL (and its path alone) cut out, then other secrets. */
function scrub(text: string, url: URL): string {
  let s = text.split(url.href).join(redactUrl(url.href));
  if (url.pathname.length > 1) s = s.split(url.pathname).join(`/${REDACTED}`);
  return redactSecrets(s);
}

/** A socket error as a sentence a responder can act on. */
function describeFailure(e: NodeJS.ErrnoException, where: string, url: URL): string {
  switch (e.code) {
    case 'ECONNREFUSED':
      return `The webhook at ${where} refused the connection (nothing is listening there).`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `The webhook's host ${url.hostname} could not be found (DNS).`;
    case 'ECONNRESET':
      return `The webhook at ${where} closed the connection before answering.`;
    case 'CERT_HAS_EXPIRED':
    case 'DEPTH_ZERO_SELF_SIGNED_CERT':
    case 'SELF_SIGNED_CERT_IN_CHAIN':
    case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE':
    case 'ERR_TLS_CERT_ALTNAME_INVALID':
      return `The webhook at ${where} has a certificate that cannot be trusted (${e.code}).`;
    default:
      return `Posting to the webhook at ${where} failed: ${scrub(e.message, url)}${e.code ? ` (${e.code})` : ''}.`;
  }
}

/**
 * POSTs `{"text": text}` as JSON to `rawUrl`. Resolves on a 2xx answer; otherwise rejects with a
 * WebhookError naming the status code, the timeout or the refused connection. Redirects are not
 * followed (a webhook that redirects is misconfigured, and following would resend the update).
 */
export function postToWebhook(rawUrl: string, text: string, timeoutMs = WEBHOOK_TIMEOUT_MS): Promise<void> {
  const valid = validateWebhookUrl(rawUrl);
  if (!valid.ok) return Promise.reject(new WebhookError(`The webhook URL is not usable: ${valid.message}`));
  const url = valid.url;
  const where = redactUrl(url.href);
  const body = Buffer.from(JSON.stringify({ text }), 'utf8');
  const transport = url.protocol === 'https:' ? https : http;
  return new Promise<void>((resolve, reject) => {
    let settled = false;
    const finish = (error?: WebhookError) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (error) reject(error);
      else resolve();
    };
    const req = transport.request(
      url,
      { method: 'POST', headers: { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': body.length, 'User-Agent': 'incident-playbook' } },
      (res) => {
        const chunks: Buffer[] = [];
        let kept = 0;
        res.on('data', (c: Buffer) => {
          // Only the start of the body is ever quoted: the rest is drained, not kept.
          if (kept < MAX_QUOTED_BODY * 4) {
            chunks.push(c);
            kept += c.length;
          }
        });
        res.on('error', (e: NodeJS.ErrnoException) => finish(new WebhookError(describeFailure(e, where, url))));
        res.on('end', () => {
          const status = res.statusCode ?? 0;
          if (status >= 200 && status < 300) return finish();
          const said = scrub(Buffer.concat(chunks).toString('utf8').slice(0, MAX_QUOTED_BODY).replace(/\s+/g, ' ').trim(), url);
          const reason = res.statusMessage ? ` ${res.statusMessage}` : '';
          finish(new WebhookError(`The webhook at ${where} answered ${status}${reason}${said ? `: ${said}` : ''}.`));
        });
      },
    );
    const timer = setTimeout(() => {
      finish(new WebhookError(`The webhook at ${where} did not answer within ${Math.round(timeoutMs / 100) / 10} s.`));
      req.destroy();
    }, timeoutMs);
    req.on('error', (e: NodeJS.ErrnoException) => finish(new WebhookError(describeFailure(e, where, url))));
    req.end(body);
  });
}
