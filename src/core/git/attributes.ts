// Union merging of the incident record: which `.gitattributes` lines the log, its linked incident
// files and its reviews need, a splice that adds the missing ones, and the `no-union-merge`
// finding. With git's default merge, two responders appending to the end of one incident on
// different machines conflict on adjacent lines; with `merge=union` git keeps both sides' lines.
//
// Everything here reads files directly (never spawns git): the finding is computed on every
// check of the log, in the editor after each edit too.
import { readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { Problem } from '../model';
import { findGitRoot } from '../log/paths';

/** One rule of a `.gitattributes` file: a pattern and what it says about `merge`. */
interface MergeRule {
  pattern: string;
  /** 'union', another driver name, or 'unset' (`-merge`, `!merge`, `binary`). */
  merge: string;
}

/** Reads a C-style quoted pattern (`"a b.md"`) from the start of `line`; [pattern, rest]. */
function quotedPattern(line: string): [string, string] | undefined {
  let out = '';
  for (let i = 1; i < line.length; i++) {
    const c = line[i];
    if (c === '"') return [out, line.slice(i + 1)];
    if (c === '\\' && i + 1 < line.length) {
      const n = line[++i];
      out += n === 't' ? '\t' : n === 'n' ? '\n' : n;
    } else out += c;
  }
  return undefined;
}

/** The merge rules of a `.gitattributes` text, in order (later rules win). */
export function mergeRules(text: string): MergeRule[] {
  const rules: MergeRule[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\r$/, '').replace(/^[\s\uFEFF]+/, '');
    if (!line || line.startsWith('#') || line.startsWith('[attr]')) continue;
    let pattern: string;
    let rest: string;
    if (line.startsWith('"')) {
      const q = quotedPattern(line);
      if (!q) continue;
      [pattern, rest] = q;
    } else {
      const cut = line.search(/[ \t]/);
      if (cut === -1) continue;
      pattern = line.slice(0, cut);
      rest = line.slice(cut);
    }
    let merge: string | undefined;
    for (const attr of rest.split(/[ \t]+/)) {
      if (attr === 'binary' || attr === '-merge' || attr === '!merge') merge = 'unset';
      else if (attr === 'merge') merge = 'text';
      else if (attr.startsWith('merge=')) merge = attr.slice(6);
    }
    if (merge !== undefined) rules.push({ pattern, merge });
  }
  return rules;
}

/**
 * Glob matching as git's wildmatch does for attributes: `*` and `?` never cross `/`, `**` does,
 * `[...]` classes, `\` escapes. A table over (pattern position, path position): linear in their
 * product, never exponential, whatever the pattern holds.
 */
export function globMatch(pattern: string, path: string): boolean {
  // Tokens: literal chars, '?', '*', '**' (with its slash), classes.
  type Tok = { kind: 'lit'; c: string } | { kind: 'any' } | { kind: 'star' } | { kind: 'globstar' } | { kind: 'class'; negate: boolean; test: (c: string) => boolean };
  const toks: Tok[] = [];
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\' && i + 1 < pattern.length) toks.push({ kind: 'lit', c: pattern[++i] });
    else if (c === '?') toks.push({ kind: 'any' });
    else if (c === '*') {
      let j = i;
      while (pattern[j + 1] === '*') j++;
      const double = j > i;
      const atStart = i === 0 || pattern[i - 1] === '/';
      const atEnd = j + 1 === pattern.length || pattern[j + 1] === '/';
      if (double && atStart && atEnd) {
        // `**/` matches zero or more folders; a trailing `/**` everything inside.
        toks.push({ kind: 'globstar' });
        if (pattern[j + 1] === '/') j++;
      } else toks.push({ kind: 'star' });
      i = j;
    } else if (c === '[') {
      const end = pattern.indexOf(']', i + 2);
      if (end === -1) {
        toks.push({ kind: 'lit', c });
        continue;
      }
      let body = pattern.slice(i + 1, end);
      const negate = body.startsWith('!') || body.startsWith('^');
      if (negate) body = body.slice(1);
      const ranges: Array<[string, string]> = [];
      for (let k = 0; k < body.length; k++) {
        if (body[k + 1] === '-' && k + 2 < body.length) {
          ranges.push([body[k], body[k + 2]]);
          k += 2;
        } else ranges.push([body[k], body[k]]);
      }
      toks.push({ kind: 'class', negate, test: (ch) => ch !== '/' && ranges.some(([a, b]) => ch >= a && ch <= b) !== negate });
      i = end;
    } else toks.push({ kind: 'lit', c });
  }
  // can[t][p]: tokens t.. match path p..
  const n = path.length;
  let next: boolean[] = new Array(n + 1).fill(false);
  next[n] = true;
  for (let t = toks.length - 1; t >= 0; t--) {
    const tok = toks[t];
    const cur: boolean[] = new Array(n + 1).fill(false);
    for (let p = n; p >= 0; p--) {
      if (tok.kind === 'star') cur[p] = next[p] || (p < n && path[p] !== '/' && cur[p + 1]);
      else if (tok.kind === 'globstar') {
        // Zero folders, or skip up to and including the next `/` (or everything when last).
        if (next[p]) cur[p] = true;
        else if (t === toks.length - 1) cur[p] = p < n;
        else {
          const slash = path.indexOf('/', p);
          cur[p] = slash !== -1 && cur[slash + 1];
        }
      } else if (p < n) {
        const ch = path[p];
        const ok = tok.kind === 'lit' ? ch === tok.c : tok.kind === 'any' ? ch !== '/' : tok.test(ch);
        cur[p] = ok && next[p + 1];
      }
    }
    next = cur;
  }
  return next[0];
}

/** Whether an attributes pattern (relative to its file's folder) matches `rel` (posix). */
export function patternMatches(pattern: string, rel: string): boolean {
  if (!pattern.includes('/')) return globMatch(pattern, rel.slice(rel.lastIndexOf('/') + 1));
  return globMatch(pattern.startsWith('/') ? pattern.slice(1) : pattern, rel);
}

/** The `merge` attribute a list of `.gitattributes` texts gives `rel`, lowest priority first. */
export function mergeAttribute(files: Array<{ text: string; base: string }>, rel: string): string | undefined {
  let merge: string | undefined;
  for (const { text, base } of files) {
    const prefix = base ? `${base}/` : '';
    if (prefix && !rel.startsWith(prefix)) continue;
    const inner = rel.slice(prefix.length);
    for (const rule of mergeRules(text)) if (patternMatches(rule.pattern, inner)) merge = rule.merge;
  }
  return merge;
}

/** A path as a `.gitattributes` pattern: glob characters escaped, quoted when it holds spaces. */
export function attributePattern(rel: string, glob = ''): string {
  const escaped = rel.replace(/[*?[\\]/g, (c) => `\\${c}`) + glob;
  if (!/[\s"]/.test(escaped)) return escaped;
  return `"${escaped.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\t/g, '\\t')}"`;
}

/** What one union line covers: its pattern and a path it must match (to tell it is there). */
export interface UnionTarget {
  pattern: string;
  sample: string;
}

const posix = (p: string) => p.split(sep).join('/');

/**
 * The union lines the record of a log needs, relative to the repository root: the log, the
 * reviews beside it (`pir/*.md`), and the incident files its index table links to (their folder
 * as `folder/*.md`, or the file itself when it sits beside the log or at the root, so that no
 * other markdown there is merged by union).
 */
export function unionTargets(root: string, logPath: string, linkedFiles: readonly string[] = []): UnionTarget[] {
  const logRel = posix(relative(root, resolve(logPath)));
  const logDir = logRel.includes('/') ? logRel.slice(0, logRel.lastIndexOf('/')) : '';
  const inDir = (d: string, rest: string) => (d ? `${d}/${rest}` : rest);
  const targets: UnionTarget[] = [{ pattern: attributePattern(logRel), sample: logRel }];
  const pirDir = inDir(logDir, 'pir');
  targets.push({ pattern: attributePattern(pirDir, '/*.md'), sample: `${pirDir}/INC-0000-0000-001.md` });
  for (const file of linkedFiles) {
    const rel = posix(relative(root, resolve(file)));
    if (rel.startsWith('../') || rel === logRel) continue;
    const dir = rel.includes('/') ? rel.slice(0, rel.lastIndexOf('/')) : '';
    const target = dir === logDir || dir === '' || dir === pirDir ? { pattern: attributePattern(rel), sample: rel } : { pattern: attributePattern(dir, '/*.md'), sample: `${dir}/incident.md` };
    if (!targets.some((t) => t.pattern === target.pattern)) targets.push(target);
  }
  return targets;
}

/** The comment written above the lines this tool adds. */
export const UNION_COMMENT = '# Incident record: responders append to the same incident on several machines; union merge keeps both sides.';

/**
 * The text of `.gitattributes` with a `merge=union` line for each target it does not cover yet:
 * appended at the end (after a line break if the file lacks a final one), in the file's own line
 * endings; every existing byte is kept. `undefined` text means the file does not exist yet.
 */
export function spliceUnionLines(text: string | undefined, targets: readonly UnionTarget[]): { text: string; added: string[] } {
  const current = text ?? '';
  const missing = targets.filter((t) => mergeAttribute([{ text: current, base: '' }], t.sample) !== 'union');
  if (missing.length === 0) return { text: current, added: [] };
  const eol = current.includes('\r\n') ? '\r\n' : '\n';
  const lines = missing.map((t) => `${t.pattern} merge=union`);
  const head = current && !current.endsWith('\n') ? eol : '';
  const comment = current.includes(UNION_COMMENT) ? [] : [UNION_COMMENT];
  const gap = current.trim() && !current.endsWith(`${eol}${eol}`) && comment.length ? eol : '';
  return { text: current + head + gap + [...comment, ...lines].map((l) => l + eol).join(''), added: lines };
}

function readIfFile(path: string): string | undefined {
  try {
    if (!statSync(path).isFile()) return undefined;
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** The repository's git folder (`.git`, or where a worktree's `.git` file points) and its common folder. */
function gitDirs(root: string): { gitDir: string; commonDir: string } | undefined {
  const dotGit = join(root, '.git');
  let stats;
  try {
    stats = statSync(dotGit);
  } catch {
    return undefined;
  }
  if (stats.isDirectory()) return { gitDir: dotGit, commonDir: dotGit };
  const pointer = /^gitdir:[ \t]*(.+?)\s*$/m.exec(readIfFile(dotGit)?.slice(0, 4096) ?? '');
  if (!pointer) return undefined;
  const gitDir = resolve(root, pointer[1]);
  const common = readIfFile(join(gitDir, 'commondir'))?.trim();
  return { gitDir, commonDir: common ? resolve(gitDir, common) : gitDir };
}

/** True when the repository's config names a remote: the log is shared through git. */
export function hasRemote(root: string): boolean {
  const dirs = gitDirs(root);
  if (!dirs) return false;
  const config = readIfFile(join(dirs.commonDir, 'config')) ?? '';
  return /^[ \t]*\[remote[ \t]+"/m.test(config);
}

/**
 * The `merge` attribute git gives `path` inside `root`: the `.gitattributes` of the root and of
 * each folder down to the file's (deeper ones win), then `info/attributes`.
 */
export function mergeAttributeOf(root: string, path: string): string | undefined {
  const rel = posix(relative(root, resolve(path)));
  const files: Array<{ text: string; base: string }> = [];
  const parts = rel.split('/');
  for (let i = 0; i < parts.length; i++) {
    const base = parts.slice(0, i).join('/');
    const text = readIfFile(join(root, base, '.gitattributes'));
    if (text !== undefined) files.push({ text, base });
  }
  const dirs = gitDirs(root);
  const info = dirs ? readIfFile(join(dirs.commonDir, 'info', 'attributes')) : undefined;
  if (info !== undefined) files.push({ text: info, base: '' });
  return mergeAttribute(files, rel);
}

/**
 * `no-union-merge` (info) when the log is in a git repository that has a remote and git would
 * not merge it by union. Reads files only.
 */
export function unionMergeProblems(logPath: string): Problem[] {
  const root = findGitRoot(dirname(resolve(logPath)));
  if (!root || !hasRemote(root)) return [];
  if (mergeAttributeOf(root, logPath) === 'union') return [];
  const rel = posix(relative(root, resolve(logPath)));
  return [
    {
      code: 'no-union-merge',
      message: `${rel} is shared through git without merge=union in .gitattributes: two responders appending to one incident will get a merge conflict. Run "incident setup-merge" (or Incident: Set Up Team Merging).`,
      line: 1,
      severity: 'info',
    },
  ];
}

/** What setting up union merging would change: the `.gitattributes` of the log's repository. */
export interface UnionMergePlan {
  root: string;
  /** `.gitattributes` at the root. */
  path: string;
  /** Its text now; undefined when it does not exist. */
  before: string | undefined;
  after: string;
  /** The lines added (empty when everything was already covered). */
  added: string[];
}

/**
 * Plans the `.gitattributes` splice for a log and the incident files it links to (absolute
 * paths). Throws a plain Error with a message for the user outside a git repository.
 */
export function planUnionMerge(logPath: string, linkedFiles: readonly string[], read: (path: string) => string | undefined): UnionMergePlan {
  const root = findGitRoot(dirname(resolve(logPath)));
  if (!root) throw new NotInGitError(`${logPath} is not in a git repository: union merging is a git setting, so there is nothing to set up.`);
  const path = join(root, '.gitattributes');
  const before = read(path);
  const { text, added } = spliceUnionLines(before, unionTargets(root, logPath, linkedFiles));
  return { root, path, before, after: text, added };
}

export class NotInGitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NotInGitError';
  }
}
