// Where a link a panel asks to open may go: an http(s) URL (opened in the browser) or a file
// inside the workspace folder (opened in an editor). Everything else is refused. Pure (node:path
// and node:fs only), so unit tests call it directly.
import { realpathSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { hrefSchema } from '../../shared/protocol';

export type LinkTarget = { kind: 'url'; url: string } | { kind: 'file'; path: string } | { kind: 'refused'; reason: string };

const inside = (root: string, p: string) => {
  const rel = relative(root, p);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
};

/**
 * `href` as the page sent it; `baseDir` the folder relative paths start from (the log's);
 * `workspaceRoot` the folder they must stay in, after symlinks.
 */
export function linkTarget(href: string, baseDir: string, workspaceRoot: string): LinkTarget {
  if (!hrefSchema.safeParse(href).success) return { kind: 'refused', reason: 'only http(s) URLs and workspace files open from a panel' };
  if (/^https?:\/\//i.test(href)) return { kind: 'url', url: new URL(href).toString() };
  const clean = href.split('#')[0].split('?')[0];
  let decoded: string;
  try {
    decoded = decodeURIComponent(clean);
  } catch {
    return { kind: 'refused', reason: 'a malformed %-encoding' };
  }
  const path = resolve(baseDir, decoded);
  if (!inside(workspaceRoot, path)) return { kind: 'refused', reason: 'the file is outside the workspace' };
  let real: string;
  let realRoot: string;
  try {
    real = realpathSync(path);
    realRoot = realpathSync(workspaceRoot);
  } catch {
    return { kind: 'refused', reason: 'the file does not exist' };
  }
  if (!inside(realRoot, real)) return { kind: 'refused', reason: 'the file is outside the workspace (through a symlink)' };
  return { kind: 'file', path: real };
}
