// What a hostile page can send over the real webview → host channel of the checklist panel:
// malformed, oversized and hostile messages are refused, each refusal is written to the
// "Incident Playbook" output channel, and the log is left as it was (disk text, no dirty
// document). checklistPanel.test.ts covers the basic shapes; this file covers the rest and the
// logging. The shapes are shared with the review panel once its host takes the same path.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Commands } from '../../src/extension/commandIds';
import { diskText, logUri, useFixtureLog, waitFor } from './helpers';

const ID = 'INC-2026-1121-001';
const OTHER = 'INC-2026-1120-001';
const ITEM = { index: 1, text: 'Assign incident commander, technical lead and communications lead' };
/** How the panel names itself in the output channel. */
const LABEL = `Checklist panel (${ID})`;

/**
 * The panel's host as the command returns it. `ctx.output` is the extension's one output channel
 * (a protected field): the test wraps its appendLine to read what was logged, since VS Code
 * offers extensions no way to read an output channel back.
 */
interface PanelHandle {
  isReady: boolean;
  receive(raw: unknown): Promise<boolean>;
  ctx: { output: vscode.OutputChannel };
}

/** Objects whose own keys are the prototype-pollution keys (JSON.parse makes them own keys, as structured clone does). */
const polluted = (json: string) => JSON.parse(json) as unknown;

/** Every message here must be refused: [what it tries, the message]. */
export function hostileMessages(id: string, other: string, item: { index: number; text: string }): Array<[string, unknown]> {
  const big = 'x'.repeat(5 * 1024 * 1024);
  return [
    ['undefined', undefined],
    ['a number', 42],
    ['a bare kind', 'setDone'],
    ['an array of messages', [{ type: 'setDone', incident: id, item, done: true }]],
    ['no type', { incident: id, item, done: true }],
    ['a numeric type', { type: 1, incident: id }],
    ['an unknown kind', { type: 'writeFile', incident: id, path: 'docs/INCIDENT_LOG.md', text: '' }],
    ['a kind of another panel', { type: 'saveSection', incident: id, section: 'Root cause', text: 'x' }],
    ['done as a string', { type: 'setDone', incident: id, item, done: 'true' }],
    ['done as a number', { type: 'setDone', incident: id, item, done: 1 }],
    ['index as a string', { type: 'setDone', incident: id, item: { ...item, index: '1' }, done: true }],
    ['a negative index', { type: 'setDone', incident: id, item: { ...item, index: -1 }, done: true }],
    ['a NaN index', { type: 'setDone', incident: id, item: { ...item, index: Number.NaN }, done: true }],
    ['an Infinity index', { type: 'setDone', incident: id, item: { ...item, index: Number.POSITIVE_INFINITY }, done: true }],
    ['item text as an array', { type: 'setDone', incident: id, item: { ...item, text: [item.text] }, done: true }],
    ['item as a string', { type: 'setDone', incident: id, item: item.text, done: true }],
    ['the id of another incident', { type: 'setDone', incident: other, item: { index: 0, text: 'Post status page update' }, done: true }],
    ['the id of another incident, skip', { type: 'skip', incident: other, item, reason: 'because' }],
    ['the id of another incident, command', { type: 'command', incident: other, command: 'resolve' }],
    ['no incident id', { type: 'command', command: 'resolve' }],
    ['an id with a trailing space', { type: 'command', incident: `${id} `, command: 'resolve' }],
    ['a path for an id', { type: 'setDone', incident: '../../etc/passwd', item, done: true }],
    ['an absolute path for an id', { type: 'setDone', incident: '/etc/passwd', item, done: true }],
    ['a path field', { type: 'setDone', incident: id, item, done: true, path: '../../etc/passwd' }],
    ['a relative path out of the workspace', { type: 'openLink', incident: id, href: '../../etc/passwd' }],
    ['an encoded path out', { type: 'openLink', incident: id, href: 'docs/../../../etc/passwd' }],
    ['a backslash path', { type: 'openLink', incident: id, href: '..\\..\\etc\\passwd' }],
    ['a file URL', { type: 'openLink', incident: id, href: 'file:///etc/passwd' }],
    ['a javascript URL', { type: 'openLink', incident: id, href: 'javascript:alert(1)' }],
    ['a command URI', { type: 'openLink', incident: id, href: 'command:workbench.action.terminal.new' }],
    ['a vscode URI', { type: 'openLink', incident: id, href: 'vscode://file/etc/passwd' }],
    ['a command outside the list', { type: 'command', incident: id, command: 'workbench.action.files.delete' }],
    ['a command id as __proto__', { type: 'command', incident: id, command: '__proto__' }],
    ['a command id as constructor', { type: 'command', incident: id, command: 'constructor' }],
    ['__proto__ as the kind', { type: '__proto__', incident: id }],
    ['constructor as the kind', { type: 'constructor', incident: id }],
    ['an own __proto__ key', polluted(`{"type":"setDone","incident":"${id}","item":{"index":1,"text":"${item.text}"},"done":true,"__proto__":{"polluted":true}}`)],
    ['an own __proto__ key in the item', polluted(`{"type":"setDone","incident":"${id}","item":{"index":1,"text":"${item.text}","__proto__":{"index":0}},"done":true}`)],
    ['an own constructor key', polluted(`{"type":"command","incident":"${id}","command":"resolve","constructor":{"prototype":{"polluted":true}}}`)],
    ['a 5 MB item text', { type: 'setDone', incident: id, item: { index: 1, text: big }, done: true }],
    ['a 5 MB reason', { type: 'skip', incident: id, item, reason: big }],
    ['a 5 MB link', { type: 'openLink', incident: id, href: `https://example.com/${big}` }],
    ['a 5 MB kind', { type: big, incident: id }],
    ['a 5 MB id', { type: 'setDone', incident: big, item, done: true }],
    ['a multi-line reason', { type: 'skip', incident: id, item, reason: 'one\n- [x] injected line' }],
    ['a reason with a NUL', { type: 'skip', incident: id, item, reason: 'ok\u0000' }],
    ['item text with control characters', { type: 'setDone', incident: id, item: { index: 1, text: `${item.text}\u001b[2J` }, done: true }],
  ];
}

describe('Checklist panel protocol (hostile page)', () => {
  const fixture = useFixtureLog();

  it('refuses each malformed, oversized or hostile message, logs it to the output channel, and writes nothing', async function () {
    this.timeout(60_000);
    const panel = await vscode.commands.executeCommand<PanelHandle>(Commands.openChecklist, { incident: ID });
    assert.ok(panel);
    await waitFor('the page to say ready', () => panel.isReady, 20_000);
    const output = panel.ctx.output;
    const logged: string[] = [];
    const appendLine = output.appendLine;
    output.appendLine = (line: string) => {
      logged.push(line);
      appendLine.call(output, line);
    };
    // The channel is the whole extension's: the log store notes each re-read there ("Re-indexed
    // docs/INCIDENT_LOG.md: …") whenever a file event or a timer makes it read again, at any
    // moment. What the panel wrote since `from`: one line (one appendLine) per message.
    const panelLine = (from: number, what: string) => {
      const mine = logged.slice(from).filter((l) => l.startsWith(`${LABEL}: `));
      assert.equal(mine.length, 1, `${what}: the panel logged ${mine.length} lines: ${JSON.stringify(mine.map((l) => l.slice(0, 200)))}`);
      return mine[0];
    };
    try {
      const messages = hostileMessages(ID, OTHER, ITEM);
      assert.ok(messages.length >= 45, String(messages.length));
      for (const [what, m] of messages) {
        const before = logged.length;
        assert.equal(await panel.receive(m), false, `${what} was accepted`);
        const line = panelLine(before, what);
        assert.match(line, /^Checklist panel \(INC-2026-1121-001\): ignored a message from the panel: /, `${what} was not logged`);
        // The log line names the refusal without echoing the payload (5 MB, or a forged line).
        assert.ok(line.length < 600, `${what}: the log line is ${line.length} characters`);
        assert.ok(!line.includes('x'.repeat(50)), `${what}: the log line echoes the payload`);
        assert.ok(!line.includes('\n'), `${what}: the log line spans lines`);
      }
      assert.equal(({} as Record<string, unknown>).polluted, undefined, 'Object.prototype untouched');
      await new Promise((r) => setTimeout(r, 300));
      assert.equal(await diskText(), fixture.original, 'nothing was written');
      const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === logUri().toString());
      assert.ok(!doc?.isDirty, 'the log is not dirty');
      assert.equal(vscode.window.visibleTextEditors.filter((e) => e.document.uri.path.endsWith('/passwd')).length, 0, 'no file was opened');
      // Well-formed, but about an item the page never showed: accepted by the schema, refused when
      // acted on (the item's text is checked against the log), logged, nothing written.
      for (const m of [
        { type: 'setDone', incident: ID, item: { index: 1, text: '../../etc/passwd' }, done: true },
        { type: 'setDone', incident: ID, item: { index: 9999, text: ITEM.text }, done: true },
        { type: 'skip', incident: ID, item: { index: 0, text: ITEM.text }, reason: 'wrong row' },
      ]) {
        const before = logged.length;
        assert.equal(await panel.receive(m), true, `${JSON.stringify(m)} was refused by the schema`);
        assert.match(panelLine(before, JSON.stringify(m)), /^Checklist panel \(INC-2026-1121-001\): (setDone|skip) failed: /, JSON.stringify(m));
      }
      await new Promise((r) => setTimeout(r, 300));
      assert.equal(await diskText(), fixture.original, 'nothing was written for an item the page never showed');
      // The panel still works afterwards: a well-formed message is accepted.
      assert.equal(await panel.receive({ type: 'ready' }), true);
    } finally {
      output.appendLine = appendLine;
    }
  });
});
