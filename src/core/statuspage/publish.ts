// Writing the site into its folder, through the repository's file access: the folder must be
// inside the repository and reached through no symbolic link, and so must every file. The site
// is rebuilt whole: a manifest beside it (`.statuspage-manifest.json`) lists what the last run
// wrote, and only those files are removed when they are no longer part of the site. A file the
// tool did not write is never removed, and never replaced unless it already holds the same text.
import { lstatSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import type { RepositoryFiles } from '../log/repositoryFiles';
import type { SiteFile } from './site';

export const MANIFEST = '.statuspage-manifest.json';

/** A refusal with a one-line message (nothing was written). */
export class SiteError extends Error {}

export interface PublishResult {
  /** Relative to the folder, in site order. */
  written: string[];
  unchanged: string[];
  removed: string[];
}

/** A path the site may hold: `index.html`, `feed.atom`, `feed.rss`, `status.json`, `incidents/<name>.html`. */
const SITE_PATH = /^(?:index\.html|feed\.atom|feed\.rss|status\.json|incidents\/[A-Za-z0-9_][A-Za-z0-9._-]{0,120}\.html)$/;

/** The folder a site goes to, checked: inside the repository, not its .git, through no link. */
export function siteFolder(files: RepositoryFiles, folder: string): string {
  const out = resolve(files.root, folder);
  const rel = relative(files.root, out);
  if (rel.startsWith('..') || resolve(files.root, rel) !== out || rel.split(sep).includes('..') || /^[A-Za-z]:/.test(rel)) {
    throw new SiteError(`${folder} is outside the repository (${files.root}); the status page is written only inside it.`);
  }
  if (rel.split(sep)[0] === '.git') throw new SiteError(`${folder} is inside .git; choose another folder.`);
  const link = linkOnTheWay(files.root, out);
  if (link) throw new SiteError(`${relative(files.root, link)} is a symbolic link; the status page is not written through one.`);
  if (!files.contains(out)) throw new SiteError(`${folder} is outside the repository (${files.root}); the status page is written only inside it.`);
  return out;
}

/** The first symbolic link among the existing parts of `target` below `root`. */
function linkOnTheWay(root: string, target: string): string | undefined {
  const rel = relative(root, target);
  if (!rel) return undefined;
  let at = root;
  for (const part of rel.split(sep)) {
    at = join(at, part);
    const stats = lstatSync(at, { throwIfNoEntry: false });
    if (!stats) return undefined;
    if (stats.isSymbolicLink()) return at;
  }
  return undefined;
}

/** What the last run wrote, from its manifest: only paths a site can hold (anything else in it is ignored). */
export function readManifest(files: RepositoryFiles, out: string): string[] {
  let text: string | undefined;
  try {
    text = files.read(join(out, MANIFEST));
  } catch {
    return [];
  }
  if (text === undefined) return [];
  try {
    const parsed = JSON.parse(text) as { files?: unknown };
    return Array.isArray(parsed.files) ? parsed.files.filter((f): f is string => typeof f === 'string' && SITE_PATH.test(f)) : [];
  } catch {
    return [];
  }
}

/**
 * Writes `site` into `out` (from siteFolder): every check is made before the first write, so a
 * refusal writes nothing. Files whose text is unchanged are not rewritten.
 */
export async function publishSite(files: RepositoryFiles, out: string, site: readonly SiteFile[]): Promise<PublishResult> {
  const manifestLink = linkOnTheWay(files.root, join(out, MANIFEST));
  if (manifestLink) throw new SiteError(`${relative(files.root, manifestLink)} is a symbolic link; the status page is not written through one.`);
  const previous = new Set(readManifest(files, out));
  const next = new Set(site.map((f) => f.path));
  for (const f of site) {
    if (!SITE_PATH.test(f.path)) throw new SiteError(`${f.path} is not a status page file name.`);
    const target = join(out, f.path);
    const link = linkOnTheWay(files.root, target);
    if (link) throw new SiteError(`${relative(files.root, link)} is a symbolic link; the status page is not written through one.`);
    if (previous.has(f.path)) continue;
    const stats = lstatSync(target, { throwIfNoEntry: false });
    if (stats && (!stats.isFile() || files.read(target) !== f.text)) {
      throw new SiteError(`${relative(files.root, target)} is already there and was not written by incident statuspage; move it, or choose another --out.`);
    }
  }
  const result: PublishResult = { written: [], unchanged: [], removed: [] };
  for (const f of site) {
    const { written } = await files.update(join(out, f.path), () => f.text);
    (written ? result.written : result.unchanged).push(f.path);
  }
  for (const path of [...previous].sort()) {
    if (next.has(path)) continue;
    const target = join(out, path);
    const stats = lstatSync(target, { throwIfNoEntry: false });
    // Only a file: a link or a folder put there since is someone else's.
    if (stats?.isFile() && !linkOnTheWay(files.root, target) && files.remove(target)) result.removed.push(path);
  }
  const manifest = `${JSON.stringify({ generator: 'incident statuspage', files: site.map((f) => f.path) }, null, 2)}\n`;
  await files.update(join(out, MANIFEST), () => manifest);
  return result;
}
