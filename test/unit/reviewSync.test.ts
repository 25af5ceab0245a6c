// The review form's text areas and the file (webview/review/sectionSync.ts), driven as the page
// drives them: keys, a debounce, blur, and snapshots from the host that come late, early or twice.
// Whatever order they come in, the form never puts an older text over what the user typed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_SECTION_TEXT as PROTOCOL_MAX } from '../../src/shared/protocol';
import { DEBOUNCE_MS, type Handled, MAX_SECTION_TEXT, SectionSync, type SectionWrite } from '../../webview/review/sectionSync';
import { isSelectAllInTextField } from '../../webview/selectAll';

type K = 'rootCause' | 'lessons';

/** A SectionSync with a hand-run clock: `tick()` fires the due timers. */
function harness(first: Record<K, string> = { rootCause: '', lessons: '' }) {
  const sent: SectionWrite<K>[] = [];
  let timers: Array<{ at: number; run: () => void; live: boolean }> = [];
  let now = 0;
  const sync = new SectionSync<K>({
    send: (w) => sent.push(w),
    schedule: (run, ms) => {
      const t = { at: now + ms, run, live: true };
      timers.push(t);
      return () => {
        t.live = false;
      };
    },
    maxText: MAX_SECTION_TEXT,
    firstSeq: 100,
  });
  const snapshot = (texts: Partial<Record<K, string>>, handled: Partial<Record<K, Handled>> = {}) =>
    sync.adopt(
      (Object.keys(texts) as K[]).map((key) => ({ key, text: texts[key]! })),
      handled,
      true,
    );
  snapshot(first);
  return {
    sync,
    sent,
    snapshot,
    tick(ms = DEBOUNCE_MS) {
      now += ms;
      const due = timers.filter((t) => t.live && t.at <= now);
      timers = timers.filter((t) => !due.includes(t));
      for (const t of due) t.run();
    },
    /** The user types `text` one key at a time (the area holding `text` after each key). */
    type(key: K, text: string, from = '') {
      for (let i = 1; i <= text.length; i++) sync.input(key, from + text.slice(0, i));
    },
  };
}

test('the page keeps the review limit of the protocol', () => {
  assert.equal(MAX_SECTION_TEXT, PROTOCOL_MAX);
});

test('a section goes 500 ms after the last key, once, based on the file’s text; the host’s answer shows', () => {
  const h = harness();
  h.type('rootCause', 'The inventory-sync consumer group');
  assert.equal(h.sent.length, 0, 'nothing while typing');
  h.tick();
  assert.deepEqual(h.sent, [{ section: 'rootCause', base: '', text: 'The inventory-sync consumer group', seq: 101 }]);
  // Snapshots from before the host acted on it (the file still empty): the typed text stays.
  h.snapshot({ rootCause: '' });
  h.snapshot({ rootCause: 'The inventory-sync consumer group' });
  assert.equal(h.sync.value('rootCause'), 'The inventory-sync consumer group');
  h.snapshot({ rootCause: 'The inventory-sync consumer group' }, { rootCause: { seq: 101, refused: false } });
  assert.equal(h.sync.value('rootCause'), 'The inventory-sync consumer group');
  assert.equal(h.sync.unsaved('rootCause'), false);
  h.tick();
  assert.equal(h.sent.length, 1, 'nothing more to send');
});

test('a snapshot older than the keys typed never replaces them', () => {
  const h = harness({ rootCause: 'Template text', lessons: '' });
  h.sync.input('rootCause', 'T');
  // The host's echo of the text before the first key, arriving after it.
  h.snapshot({ rootCause: 'Template text' });
  h.sync.input('rootCause', 'Th');
  h.sync.input('rootCause', 'The');
  assert.equal(h.sync.value('rootCause'), 'The');
  h.tick();
  assert.deepEqual(h.sent.map((w) => [w.base, w.text]), [['Template text', 'The']]);
});

test('typing on while a write is in flight: the rest is sent after it, based on the file it left; nothing is put back', () => {
  const h = harness();
  h.type('rootCause', 'Paging worked.');
  h.tick();
  assert.equal(h.sent.length, 1);
  h.type('rootCause', ' The runbook was current.', 'Paging worked.');
  // Leaving the field while the first write is on its way: the second waits for its answer.
  h.sync.flush('rootCause');
  assert.equal(h.sent.length, 1, 'one write in flight per section');
  // The file after the first write, before the host said so (a follow-up of the editor's change).
  h.snapshot({ rootCause: 'Paging worked.' });
  assert.equal(h.sync.value('rootCause'), 'Paging worked. The runbook was current.');
  h.snapshot({ rootCause: 'Paging worked.' }, { rootCause: { seq: 101, refused: false } });
  assert.equal(h.sync.value('rootCause'), 'Paging worked. The runbook was current.', 'the text typed since stays');
  assert.deepEqual(h.sent[1], { section: 'rootCause', base: 'Paging worked.', text: 'Paging worked. The runbook was current.', seq: 102 });
  h.snapshot({ rootCause: 'Paging worked. The runbook was current.' }, { rootCause: { seq: 102, refused: false } });
  assert.equal(h.sync.value('rootCause'), 'Paging worked. The runbook was current.');
  assert.equal(h.sync.unsaved('rootCause'), false);
});

test('a write the host left as it was (the file already read so) does not hold the section back', () => {
  const h = harness({ rootCause: 'Same', lessons: '' });
  h.sync.input('rootCause', 'Same\n');
  h.tick();
  assert.equal(h.sent.length, 1);
  // Nothing changed in the file: the snapshot says the write was handled all the same.
  h.snapshot({ rootCause: 'Same' }, { rootCause: { seq: 101, refused: false } });
  assert.equal(h.sync.value('rootCause'), 'Same');
  h.sync.input('rootCause', 'Same, and more');
  h.tick();
  assert.deepEqual(h.sent[1], { section: 'rootCause', base: 'Same', text: 'Same, and more', seq: 102 });
});

test('the host writes what it must (a heading escaped): the form shows the file’s text when nothing was typed since', () => {
  const h = harness();
  h.sync.input('lessons', '## Not a heading');
  h.tick();
  h.snapshot({ lessons: '\\## Not a heading' }, { lessons: { seq: 101, refused: false } });
  assert.equal(h.sync.value('lessons'), '\\## Not a heading');
  assert.equal(h.sync.conflicted('lessons'), false);
});

test('a change made in the file wins over text not sent yet, and the section says so; sent text refused likewise', () => {
  const h = harness({ rootCause: 'Old', lessons: 'Old lessons' });
  h.sync.input('rootCause', 'Old, edited');
  h.snapshot({ rootCause: 'Changed by hand' });
  assert.equal(h.sync.value('rootCause'), 'Changed by hand');
  assert.equal(h.sync.conflicted('rootCause'), true);
  h.tick();
  assert.equal(h.sent.length, 0, 'the debounce was dropped');
  h.sync.input('rootCause', 'Changed by hand, then typed');
  assert.equal(h.sync.conflicted('rootCause'), false, 'typing clears the notice');

  h.sync.input('lessons', 'Mine');
  h.tick();
  h.snapshot({ lessons: 'By git' }, { lessons: { seq: 102, refused: true } });
  assert.equal(h.sync.value('lessons'), 'By git');
  assert.equal(h.sync.conflicted('lessons'), true);
});

test('a change in the file while the text area holds the file’s text is simply shown', () => {
  const h = harness({ rootCause: 'Old', lessons: '' });
  h.snapshot({ rootCause: 'New' });
  assert.equal(h.sync.value('rootCause'), 'New');
  assert.equal(h.sync.conflicted('rootCause'), false);
});

test('control characters are dropped and an oversized text is not sent', () => {
  const h = harness();
  h.sync.input('rootCause', 'bell\u0007 and tab\t');
  h.sync.flush('rootCause');
  assert.equal(h.sent[0].text, 'bell and tab\t');
  h.sync.input('lessons', 'x'.repeat(MAX_SECTION_TEXT + 1));
  h.sync.flush('lessons');
  assert.equal(h.sent.length, 1);
  assert.equal(h.sync.overLimit('lessons'), true);
});

test('a read-only review sends nothing; flushAll sends every section with unsent text', () => {
  const h = harness();
  h.sync.adopt([{ key: 'rootCause', text: '' }], {}, false);
  h.sync.input('rootCause', 'x');
  h.sync.flush('rootCause');
  assert.equal(h.sent.length, 0);
  h.sync.adopt([{ key: 'rootCause', text: '' }], {}, true);
  h.sync.input('lessons', 'y');
  h.sync.flushAll();
  assert.deepEqual(h.sent.map((w) => w.section).sort(), ['lessons', 'rootCause']);
});

test('Ctrl+A (Cmd+A) in a text field is kept in the page; other keys and places are not', () => {
  const key = (k: Partial<Parameters<typeof isSelectAllInTextField>[0]>) => ({ key: 'a', code: 'KeyA', ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...k });
  const inArea = ['textarea', '#shadow-root', 'vscode-textarea', 'section', 'incident-review', 'main', 'body', 'html'];
  assert.equal(isSelectAllInTextField(key({ ctrlKey: true }), inArea), true);
  assert.equal(isSelectAllInTextField(key({ metaKey: true, key: 'A' }), inArea), true);
  assert.equal(isSelectAllInTextField(key({ ctrlKey: true }), ['input', 'vscode-textfield', 'form']), true);
  // AZERTY: the key that types "a" is where QWERTY has Q.
  assert.equal(isSelectAllInTextField(key({ ctrlKey: true, code: 'KeyQ' }), inArea), true);
  assert.equal(isSelectAllInTextField(key({ ctrlKey: true }), ['button', 'section', 'body']), false, 'Select All of the page goes to VS Code');
  assert.equal(isSelectAllInTextField(key({}), inArea), false);
  assert.equal(isSelectAllInTextField(key({ ctrlKey: true, shiftKey: true }), inArea), false);
  assert.equal(isSelectAllInTextField(key({ ctrlKey: true, altKey: true }), inArea), false);
  assert.equal(isSelectAllInTextField(key({ ctrlKey: true, key: 'c', code: 'KeyC' }), inArea), false, 'copy is VS Code’s');
});
