// Ids for incidents whose heading has none: the day and a short transliteration of the title
// (`2026-05-17-sboi-oplaty` for "Сбой оплаты", `2026-03-02-diakopi-reymatos` for "Διακοπή
// ρεύματος"), or the day and an ordinal (`2026-05-17-1`) for a title in a script without a
// transliteration here. They are computed on every read from the text alone, so they are the
// same on every re-read, and they are never written into the log.
import type { Incident } from '../model';
import type { Policy } from '../playbook/policy';
import { stripInline } from './text';
import { dayOf } from '../format/time';

const TABLE: Record<string, string> = {};
function add(pairs: string): void {
  for (const pair of pairs.split(' ')) {
    const [from, to] = pair.split('=');
    TABLE[from] = to ?? '';
  }
}
// Russian, Ukrainian and Belarusian Cyrillic (a simple, readable scheme, not a standard one).
add('а=a б=b в=v г=g д=d е=e ё=e ж=zh з=z и=i й=y к=k л=l м=m н=n о=o п=p р=r с=s т=t у=u ф=f х=kh ц=ts ч=ch ш=sh щ=shch ъ= ы=y ь= э=e ю=yu я=ya є=ye і=i ї=yi ґ=g ў=u');
// Greek, after the accents are taken off by NFKD.
add('α=a β=v γ=g δ=d ε=e ζ=z η=i θ=th ι=i κ=k λ=l μ=m ν=n ξ=x ο=o π=p ρ=r σ=s ς=s τ=t υ=y φ=f χ=ch ψ=ps ω=o');
// Latin letters NFKD does not take apart.
add('ß=ss æ=ae œ=oe ø=o ł=l đ=d ð=d þ=th ı=i');

/** Most characters a slug keeps. */
const SLUG_MAX = 40;

/**
 * A short, sayable slug of a title: lower-case ASCII words joined by `-`, at most SLUG_MAX
 * characters cut at a word's end. Letters of other scripts are dropped.
 */
export function transliterate(title: string): string {
  const words = titleWords(title);
  let slug = '';
  for (const w of words) {
    const next = slug ? `${slug}-${w}` : w;
    if (next.length > SLUG_MAX) {
      if (!slug) slug = w.slice(0, SLUG_MAX);
      break;
    }
    slug = next;
  }
  return slug;
}

/** Every word of a title as a slug spells it (lower-case ASCII, no cap): `Double-Path Bug` → double, path, bug. */
export function titleWords(title: string): string[] {
  const plain = stripInline(title).toLowerCase().normalize('NFKD');
  let out = '';
  for (const ch of plain) {
    const code = ch.charCodeAt(0);
    if ((code >= 97 && code <= 122) || (code >= 48 && code <= 57)) out += ch;
    else if (code >= 0x300 && code <= 0x36f) continue; // combining accents
    else if (TABLE[ch] !== undefined) out += TABLE[ch];
    else out += '-';
  }
  return out.split('-').filter(Boolean);
}

/** Whether a title has letters at all (a title of only digits and signs has nothing to say). */
function hasLetters(title: string): boolean {
  return /\p{L}/u.test(title);
}

/** The date written in an incident's heading: its derived id takes that day over a field's. */
const headingDates = new WeakMap<Incident, string>();

export function noteHeadingDate(incident: Incident, date: string | null): void {
  if (date) headingDates.set(incident, date);
}

/** Incidents without a written id get one from their day and title, unique in the log. */
export function assignDerivedIds(incidents: Incident[], policy: Policy): void {
  const used = new Set(incidents.filter((i) => i.idWritten).map((i) => i.id));
  /** Per day, how many titles without a transliteration have been numbered. */
  const ordinals = new Map<string, number>();
  const nextSuffix = new Map<string, number>();
  for (const inc of incidents) {
    if (inc.idWritten && inc.id) continue;
    const dated = headingDates.get(inc) ?? inc.detected;
    const day = dated ? (dated.length > 10 ? (dayOf(dated, policy.timeZone) ?? '') : dated) : '';
    let slug = transliterate(inc.title);
    if (!slug && hasLetters(inc.title) && day) {
      const n = (ordinals.get(day) ?? 0) + 1;
      ordinals.set(day, n);
      slug = String(n);
    }
    const base = [day, slug].filter(Boolean).join('-') || `line-${inc.line}`;
    let id = base;
    if (used.has(id)) {
      // The next suffix is remembered per base: thousands of sections with one title are numbered
      // in linear time (every smaller suffix is taken already, so the ids are the same).
      let n = nextSuffix.get(base) ?? 2;
      while (used.has(`${base}-${n}`)) n++;
      id = `${base}-${n}`;
      nextSuffix.set(base, n + 1);
    }
    used.add(id);
    inc.id = id;
    inc.idWritten = false;
  }
}
