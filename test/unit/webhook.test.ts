// The webhook post against a real HTTP server on 127.0.0.1: the body it receives, the error for
// each way a post fails (status code, timeout, refused), and the URL never in a message.
import * as assert from 'node:assert/strict';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, it } from 'node:test';
import { redactUrl } from '../../src/core/health/redact';
import { WebhookError, postToWebhook, validateWebhookUrl } from '../../src/core/comms/webhook';

const SECRET_PATH = '/services/T0ACME/B0OPS/s3cr3tW3bh00kT0k3n';

async function server(handler: http.RequestListener): Promise<{ url: string; close(): Promise<void> }> {
  const s = http.createServer(handler);
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}${SECRET_PATH}`,
    close: () =>
      new Promise<void>((r) => {
        s.closeAllConnections();
        s.close(() => r());
      }),
  };
}

function noSecret(e: unknown): boolean {
  assert.ok(e instanceof WebhookError);
  assert.ok(!e.message.includes('s3cr3t'), e.message);
  assert.ok(!e.message.includes('/services/'), e.message);
  return true;
}

describe('webhook URL validation', () => {
  it('accepts https anywhere and http on this machine only', () => {
    assert.equal(validateWebhookUrl('https://hooks.slack.com/services/T/B/x').ok, true);
    assert.equal(validateWebhookUrl('  http://127.0.0.1:8080/hook ').ok, true);
    assert.equal(validateWebhookUrl('http://localhost/hook').ok, true);
    for (const bad of ['', 'hooks.slack.com/services/x', 'http://hooks.example.com/x', 'ftp://example.com/x', 'javascript:alert(1)', 'file:///etc/passwd', 'https://user:pw@example.com/x', `https://e.com/${'a'.repeat(3000)}`]) {
      const r = validateWebhookUrl(bad);
      assert.equal(r.ok, false, bad.slice(0, 40));
      if (!r.ok) assert.ok(r.message.length > 0);
    }
    assert.match((validateWebhookUrl('http://example.com/x') as { message: string }).message, /https:\/\//);
  });

  it('shows a URL as its scheme and host only', () => {
    assert.equal(redactUrl(`https://hooks.slack.com${SECRET_PATH}?x=1`), 'https://hooks.slack.com/[REDACTED]');
    assert.equal(redactUrl('http://127.0.0.1:9/a'), 'http://127.0.0.1:9/[REDACTED]');
    assert.equal(redactUrl('not a url'), '[REDACTED]');
  });
});

describe('posting to a webhook', () => {
  it('POSTs {"text": …} as JSON and resolves on 200', async () => {
    const got: { method?: string; type?: string; body: string }[] = [];
    const s = await server((req, res) => {
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (c: string) => (body += c));
      req.on('end', () => {
        got.push({ method: req.method, type: req.headers['content-type'], body });
        res.end('ok');
      });
    });
    try {
      await postToWebhook(s.url, '*[SEV-1] Checkout* 5xx &gt; 2% — “rolled back”');
      assert.equal(got.length, 1);
      assert.equal(got[0].method, 'POST');
      assert.match(got[0].type ?? '', /^application\/json/);
      assert.deepEqual(JSON.parse(got[0].body), { text: '*[SEV-1] Checkout* 5xx &gt; 2% — “rolled back”' });
    } finally {
      await s.close();
    }
  });

  it('rejects a 500 with its status code and the start of its body, never the URL', async () => {
    const s = await server((req, res) => {
      req.resume();
      res.statusCode = 500;
      res.end(`invalid_token for ${SECRET_PATH}`);
    });
    try {
      await assert.rejects(postToWebhook(s.url, 'x'), (e: unknown) => noSecret(e) && /answered 500 Internal Server Error: invalid_token/.test((e as Error).message) && (e as Error).message.includes('http://127.0.0.1:'));
    } finally {
      await s.close();
    }
  });

  it('does not follow a redirect', async () => {
    const s = await server((req, res) => {
      req.resume();
      res.writeHead(302, { Location: 'http://127.0.0.1:1/elsewhere' }).end();
    });
    try {
      await assert.rejects(postToWebhook(s.url, 'x'), (e: unknown) => noSecret(e) && /answered 302/.test((e as Error).message));
    } finally {
      await s.close();
    }
  });

  it('gives up after the timeout', async () => {
    const s = await server((req) => req.resume());
    try {
      const started = Date.now();
      await assert.rejects(postToWebhook(s.url, 'x', 300), (e: unknown) => noSecret(e) && /did not answer within 0\.3 s/.test((e as Error).message));
      assert.ok(Date.now() - started < 2000);
    } finally {
      await s.close();
    }
  });

  it('says when the connection is refused', async () => {
    const s = await server(() => undefined);
    const url = s.url;
    await s.close();
    await assert.rejects(postToWebhook(url, 'x'), (e: unknown) => noSecret(e) && /refused the connection/.test((e as Error).message));
  });

  it('refuses an invalid URL without a request', async () => {
    await assert.rejects(postToWebhook('http://example.com/hook', 'x'), (e: unknown) => e instanceof WebhookError && /not usable: .*https/.test(e.message));
  });
});
