// The status update composer's text area, for the composer e2e files. Not a test file.
import type { FrameLocator } from 'playwright-core';

/** The text area's value as Lit bound it (its label does not name the inner box). */
export const updateText = (frame: FrameLocator) => frame.locator('vscode-textarea#update-text').evaluate((e) => (e as unknown as { value: string }).value);

/** Polls the text area until `ok` holds; fails naming `what` it did not do, with the text. */
export async function waitForText(frame: FrameLocator, what: string, ok: (text: string) => boolean, timeoutMs = 15_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const text = await updateText(frame).catch(() => '');
    if (ok(text)) return text;
    if (Date.now() > deadline) throw new Error(`The update text did not ${what}:\n${text.slice(0, 800)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
