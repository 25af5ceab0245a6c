// Who an entry is by, one way everywhere (the CLI, the extension, health checks): the playbook's
// handle for the git user when they are one of its `people:` (matched by name or email), else the
// git user's name as written. An author is written after the entry as `(@dana)`, or `(Dana Reyes)`
// for a name with spaces (no `@` in front of a full name); `(@Dana Reyes)`, as older versions
// wrote it, is still read.
import type { Person } from '../oncall/oncall';
import { foldUserText } from '../reader/text';

/** What git says about the user: `user.name` and `user.email`, either possibly missing. */
export interface GitIdentity {
  name: string | null;
  email: string | null;
}

/** The git user as a responder: the name for a role field, the handle for entries. */
export interface Responder {
  /** The playbook's name for them (the `people:` key), else the git name (else the email). */
  name: string;
  /** Their author handle (see authorHandle). */
  handle: string;
}

const folded = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();
const plainEmail = (s: string) => folded(s.replace(/^mailto:/i, ''));
const bareHandle = (s: string) => s.trim().replace(/^@+/, '').trim();

/**
 * The person of the playbook the git user is: by name (the `people:` key, or the handle, in any
 * case), else by email. Undefined when none matches.
 */
export function personOf(identity: GitIdentity | null, people: Readonly<Record<string, Person>>): { name: string; person: Person } | undefined {
  if (!identity) return undefined;
  const name = identity.name ? folded(identity.name) : '';
  const email = identity.email ? plainEmail(identity.email) : '';
  const entries = Object.entries(people);
  if (name) {
    const byName = entries.find(([key]) => folded(key) === name) ?? entries.find(([, p]) => p.handle !== undefined && folded(bareHandle(p.handle)) === folded(bareHandle(name)));
    if (byName) return { name: byName[0], person: byName[1] };
  }
  if (email) {
    const byEmail = entries.find(([, p]) => p.email !== undefined && plainEmail(p.email) === email);
    if (byEmail) return { name: byEmail[0], person: byEmail[1] };
  }
  return undefined;
}

/**
 * The short handle an entry by the git user carries: the playbook's `handle` (without its `@`)
 * when the git user is one of its people and has one; else the git name as written (else the
 * email). Null when git names nobody.
 */
export function authorHandle(identity: GitIdentity | null, people: Readonly<Record<string, Person>>): string | null {
  return responderOf(identity, people)?.handle ?? null;
}

/** The git user as the playbook knows them (name and handle); null when git names nobody. */
export function responderOf(identity: GitIdentity | null, people: Readonly<Record<string, Person>>): Responder | null {
  const own = identity ? (identity.name?.trim() || identity.email?.trim() || '') : '';
  if (!identity || !own) return null;
  const match = personOf(identity, people);
  const handle = match?.person.handle ? bareHandle(match.person.handle) : '';
  return { name: match?.name ?? own, handle: handle || own };
}

// A full name read from a trailing `(…)` without an `@`: two to four words, the first and the
// last a capitalised word (`Dana`, `O'Brien`, `Al-Rashid`, `McKay`) or an initial (`J.`), those
// between may be particles (`van`, `de`…), and at least one capitalised word. Anything else in
// parentheses (`(SEV-1)`, `(rolled back)`, `(EU)`) stays the entry's own text.
const WORD = /^\p{Lu}[\p{L}\p{M}]*(?:['’-][\p{L}\p{M}]+)*$/u;
const LOWER = /\p{Ll}/u;
const INITIAL = /^\p{Lu}\.$/u;
const PARTICLES = new Set(['van', 'von', 'de', 'da', 'del', 'della', 'der', 'den', 'di', 'du', 'la', 'le', 'dos', 'das', 'do', 'ten', 'ter', 'bin', 'ibn', 'al', 'el', 'y']);
/** The longest name read without an `@`. */
export const MAX_NAME_CHARS = 80;

const capitalised = (w: string) => WORD.test(w) && LOWER.test(w);

/** Whether `(text)` at the end of an entry is read as its author: a person's full name (see above). */
export function isFullName(text: string): boolean {
  if (text.length > MAX_NAME_CHARS) return false;
  const words = text.split(' ');
  if (words.length < 2 || words.length > 4) return false;
  const ends = [words[0], words[words.length - 1]];
  if (!ends.every((w) => capitalised(w) || INITIAL.test(w))) return false;
  if (!words.some(capitalised)) return false;
  return words.every((w) => capitalised(w) || INITIAL.test(w) || PARTICLES.has(w));
}

/** An owner as it is written: folded to one line, without a leading `@` or parentheses. */
export function cleanOwner(owner: string | null | undefined): string {
  return owner ? foldUserText(owner).replace(/^@+/, '').replace(/[()]/g, '').trim() : '';
}

/**
 * How an owner is written after an entry: ` (@dana)`, or ` (Dana Reyes)` for a full name (read
 * back as one, see isFullName); any other name with spaces keeps its `@` so it is still read as
 * the owner. Empty for no owner.
 */
export function ownerTrailer(owner: string | null | undefined): string {
  const o = cleanOwner(owner);
  if (!o) return '';
  return isFullName(o) ? ` (${o})` : ` (@${o})`;
}

/** An owner in an owner column: `@dana`, or `Dana Reyes` without an `@`. */
export function ownerCell(owner: string | null | undefined): string {
  const o = cleanOwner(owner);
  if (!o) return '';
  return /\s/.test(o) ? o : `@${o}`;
}

/** An owner as shown beside an entry's text elsewhere (a status update, a summary, the CLI): ` (@dana)`, ` (Dana Reyes)`. */
export function ownerLabel(owner: string | null | undefined): string {
  const o = owner ? owner.trim().replace(/^@+/, '').trim() : '';
  if (!o) return '';
  return isFullName(o) ? ` (${o})` : ` (@${o})`;
}
