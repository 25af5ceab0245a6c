// "Post to webhook" in a real VS Code, against an HTTP server on 127.0.0.1: the URL is set by
// "Incident: Set Status Update Webhook" into SecretStorage (an invalid one is refused), the server
// receives `{"text": <slack text>}` and the timeline gets the entry "Mark as sent" writes; a 500
// and a timeout give their error, with the URL redacted, and write nothing; clearing it hides the
// button.
import * as assert from 'node:assert/strict';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as vscode from 'vscode';
import { defaultPolicy, findIncident, indexLog } from '../../src/core';
import { Commands } from '../../src/extension/commandIds';
import type { ComposeToWebview } from '../../src/shared/protocol';
import { diskText, useFixtureLog, waitFor } from './helpers';

const ID = 'INC-2026-1120-001';
const SECRET_PATH = '/services/T0ACME/B0OPS/w3bh00kS3cr3t';

interface ComposerHandle {
  incidentId: string;
  webhookTimeoutMs: number;
  receive(raw: unknown): Promise<boolean>;
  postToWebhook(audience: 'internal' | 'statuspage', text: string): Promise<void>;
  snapshot(): Promise<ComposeToWebview>;
}

async function webhookShown(panel: ComposerHandle): Promise<string | null> {
  const s = await panel.snapshot();
  assert.equal(s.type, 'state');
  return s.type === 'state' ? s.view.webhook : null;
}

describe('Status update webhook', () => {
  const fixture = useFixtureLog();
  let server: http.Server;
  let url = '';
  let mode: 'ok' | 'fail' | 'hang' = 'ok';
  const received: { method?: string; type?: string; body: string }[] = [];

  before(async () => {
    server = http.createServer((req, res) => {
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (c: string) => (body += c));
      req.on('end', () => {
        received.push({ method: req.method, type: req.headers['content-type'], body });
        if (mode === 'hang') return;
        if (mode === 'fail') {
          res.statusCode = 500;
          res.end('internal_error');
          return;
        }
        res.end('ok');
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}${SECRET_PATH}`;
  });

  after(async () => {
    await vscode.commands.executeCommand(Commands.clearStatusUpdateWebhook);
    server.closeAllConnections();
    await new Promise<void>((r) => server.close(() => r()));
  });

  it('is set per workspace in secret storage; an invalid URL is refused', async () => {
    const panel = await vscode.commands.executeCommand<ComposerHandle>(Commands.composeUpdate, { incident: ID });
    assert.equal(await webhookShown(panel), null, 'no button without a webhook');
    assert.equal(await vscode.commands.executeCommand(Commands.setStatusUpdateWebhook, { url: 'http://hooks.example.com/services/x' }), undefined);
    assert.equal(await webhookShown(panel), null, 'plain http off this machine is refused');
    assert.equal(await vscode.commands.executeCommand(Commands.setStatusUpdateWebhook, { url }), true);
    assert.equal(await webhookShown(panel), `http://127.0.0.1:${(server.address() as AddressInfo).port}/[REDACTED]`);
    const settings = JSON.stringify(vscode.workspace.getConfiguration('incidentPlaybook'));
    assert.ok(!settings.includes('w3bh00k'), 'the URL is not in the settings');
  });

  it('posts the Slack text and logs the update like "Mark as sent"', async () => {
    await vscode.commands.executeCommand(Commands.setStatusUpdateWebhook, { url });
    const panel = await vscode.commands.executeCommand<ComposerHandle>(Commands.composeUpdate, { incident: ID });
    received.length = 0;
    mode = 'ok';
    assert.equal(await panel.receive({ type: 'postWebhook', incident: ID, audience: 'internal', text: '**Mitigating: Checkout** 5xx > 2%\n- rolled back' }), true);
    assert.equal(received.length, 1);
    assert.equal(received[0].method, 'POST');
    assert.match(received[0].type ?? '', /^application\/json/);
    assert.deepEqual(JSON.parse(received[0].body), { text: '*Mitigating: Checkout* 5xx &gt; 2%\n• rolled back' });
    const text = await waitFor('the entry on disk', async () => {
      const t = await diskText();
      return t.includes('Status update (internal): Mitigating: Checkout 5xx > 2%') && t;
    });
    const last = findIncident(indexLog(text, { policy: defaultPolicy() }), ID)!.timeline.at(-1)!;
    assert.equal(last.text, 'Status update (internal): Mitigating: Checkout 5xx > 2%');
    assert.equal(text.split('\n').length, fixture.original.split('\n').length + 1);
  });

  it('a 500 and a timeout give their error, the URL redacted, and write nothing', async () => {
    await vscode.commands.executeCommand(Commands.setStatusUpdateWebhook, { url });
    const panel = await vscode.commands.executeCommand<ComposerHandle>(Commands.composeUpdate, { incident: ID });
    const redacted = (e: unknown, pattern: RegExp) => {
      assert.ok(e instanceof Error);
      assert.match(e.message, pattern);
      assert.match(e.message, /Nothing was logged\.$/);
      assert.ok(!e.message.includes('w3bh00k') && !e.message.includes('/services/'), e.message);
      return true;
    };
    received.length = 0;
    mode = 'fail';
    await assert.rejects(panel.postToWebhook('internal', 'Mitigating: Checkout'), (e) => redacted(e, /answered 500 Internal Server Error: internal_error/));
    assert.equal(received.length, 1, 'the server was asked');
    mode = 'hang';
    panel.webhookTimeoutMs = 500;
    const started = Date.now();
    await assert.rejects(panel.postToWebhook('statuspage', 'Mitigating: Checkout'), (e) => redacted(e, /did not answer within 0\.5 s/));
    assert.ok(Date.now() - started < 5000);
    // Through the page too: the message is accepted, the error shown, nothing written.
    mode = 'fail';
    assert.equal(await panel.receive({ type: 'postWebhook', incident: ID, audience: 'internal', text: 'Mitigating: Checkout' }), true);
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(await diskText(), fixture.original, 'nothing was written');
    panel.webhookTimeoutMs = 10_000;
  });

  it('"Clear Status Update Webhook" hides the button and posting is refused', async () => {
    await vscode.commands.executeCommand(Commands.setStatusUpdateWebhook, { url });
    const panel = await vscode.commands.executeCommand<ComposerHandle>(Commands.composeUpdate, { incident: ID });
    assert.equal(await vscode.commands.executeCommand(Commands.clearStatusUpdateWebhook), true);
    assert.equal(await webhookShown(panel), null);
    received.length = 0;
    await assert.rejects(panel.postToWebhook('internal', 'x'), /No status update webhook is set/);
    assert.equal(received.length, 0);
    assert.equal(await diskText(), fixture.original);
  });
});
