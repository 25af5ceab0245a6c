// Where a link a panel asks to open may go: an http(s) URL (opened in the browser) or a file
// inside the workspace folder (opened in an editor). Everything else is refused. Pure (node:path
// and node:fs only), so unit tests call it directly.
import { resolve } from 'node:path';
import { containedPath } from '../../core/log/paths';
import { hrefSchema } from '../../shared/protocol';

export type LinkTarget = { kind: 'url'; url: string } | { kind: 'file'; path: string } | { kind: 'refused'; reason: string };

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
  const where = containedPath(workspaceRoot, resolve(baseDir, decoded));
  if ('reason' in where) return { kind: 'refused', reason: where.reason === 'points outside the repository' ? 'the file is outside the workspace' : `the file ${where.reason.replace('the repository', 'the workspace')}` };
  if (!where.exists) return { kind: 'refused', reason: 'the file does not exist' };
  return { kind: 'file', path: where.realPath };
}
