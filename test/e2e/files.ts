// Reading the workspace's files from the test process while VS Code writes them.
import { existsSync, readFileSync } from 'node:fs';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The text of `path` once `ok` accepts it. VS Code saves in place (truncate, then write), so a
 * read can catch the file empty or half-written: a text counts only when two reads 50 ms apart
 * agree.
 */
export async function waitForFile(path: string, what: string, ok: (text: string) => boolean, timeoutMs = 15_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  for (;;) {
    const first = existsSync(path) ? readFileSync(path, 'utf8') : '';
    if (ok(first)) {
      await sleep(50);
      last = existsSync(path) ? readFileSync(path, 'utf8') : '';
      if (last === first) return first;
    } else last = first;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}.\n${last.slice(0, 1500)}`);
    await sleep(100);
  }
}
