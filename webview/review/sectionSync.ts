// The review form's text areas kept in step with the file, without ever putting an older text
// over what the user is typing. No DOM here: the page feeds it keys and snapshots, and unit
// tests drive it the same way.
//
// - A section is sent DEBOUNCE_MS after typing stops, and at once when it loses focus, with the
//   text the form last got from the file (`base`): the host writes only while the file still
//   reads so, so the form never overwrites text it did not show.
// - One write per section is in flight at a time. Each carries a `seq`; snapshots say which one
//   the host has acted on (`handled`). Until then a snapshot's text for that section is from
//   before the write and is not shown; after it, text typed meanwhile stays and is sent next.
// - A change made in the file (by hand, git, the CLI) wins over text not sent yet, and the
//   section says so.
// - Characters the host refuses in a section (the protocol's sectionText) are dropped before sending.
import { stripTextControls } from '../../src/shared/limits';

export const DEBOUNCE_MS = 500;
/**
 * Longest section text the host takes: src/shared/protocol.ts MAX_SECTION_TEXT (repeated here so
 * that the page's bundle does not take in the protocol's validation; a unit test keeps them equal).
 */
export const MAX_SECTION_TEXT = 100_000;

/** What the page sends for a section (the protocol's setSection without its envelope). */
export interface SectionWrite<K extends string> {
  readonly section: K;
  readonly base: string;
  readonly text: string;
  readonly seq: number;
}

export interface SectionSnapshot<K extends string> {
  readonly key: K;
  readonly text: string;
}

/** The host's word on a section's last write: its `seq`, and whether it was refused (the file had changed). */
export interface Handled {
  readonly seq: number;
  readonly refused: boolean;
}

export interface SectionSyncOptions<K extends string> {
  send(write: SectionWrite<K>): void;
  /** Runs `run` after `ms`; returns what cancels it (setTimeout in the page). */
  schedule(run: () => void, ms: number): () => void;
  /** Longest text the host takes (MAX_SECTION_TEXT). */
  maxText: number;
  /** The first `seq` (the page uses the clock, so that a reloaded page never reuses an old one). */
  firstSeq?: number;
}

/** Blank lines at either end and line-break style do not count: the host trims them when it writes. */
export const same = (a: string, b: string): boolean => {
  const n = (s: string) => s.replace(/\r\n?/g, '\n').replace(/^(?:[ \t]*\n)+/, '').replace(/(?:\n[ \t]*)+$/, '');
  return n(a) === n(b);
};


export class SectionSync<K extends string> {
  /** What each text area holds (the user's text, possibly not sent yet). */
  private readonly values = new Map<K, string>();
  /** The file's text each value is based on (what the form last got for the section). */
  private readonly base = new Map<K, string>();
  /** The write sent and not yet acted on by the host. */
  private readonly inFlight = new Map<K, { seq: number; text: string }>();
  private readonly timers = new Map<K, () => void>();
  private readonly conflicts = new Set<K>();
  private readonly tooLong = new Set<K>();
  private seq: number;
  private writable = true;

  constructor(private readonly o: SectionSyncOptions<K>) {
    this.seq = o.firstSeq ?? 0;
  }

  value(key: K): string | undefined {
    return this.values.get(key);
  }

  /** The section's unsent text gave way to a change made in the file. */
  conflicted(key: K): boolean {
    return this.conflicts.has(key);
  }

  /** The section's text is longer than the host takes; it is not sent. */
  overLimit(key: K): boolean {
    return this.tooLong.has(key);
  }

  /** Whether the section has text the file does not hold yet (typed, or sent and not acted on). */
  unsaved(key: K): boolean {
    return this.inFlight.has(key) || this.timers.has(key) || this.values.get(key) !== this.base.get(key);
  }

  /** The user changed the text area. */
  input(key: K, value: string): void {
    this.values.set(key, value);
    this.conflicts.delete(key);
    this.timers.get(key)?.();
    this.timers.set(
      key,
      this.o.schedule(() => {
        this.timers.delete(key);
        this.flush(key);
      }, DEBOUNCE_MS),
    );
  }

  /** Sends the section when it differs from the file's text (on the debounce, on blur, before Mark final). */
  flush(key: K): void {
    this.timers.get(key)?.();
    this.timers.delete(key);
    const value = this.values.get(key);
    const base = this.base.get(key);
    // While a write is in flight the next waits for its answer, so that it is based on the file after it.
    if (value === undefined || base === undefined || value === base || !this.writable || this.inFlight.has(key)) return;
    const text = stripTextControls(value);
    if (text.length > this.o.maxText) {
      this.tooLong.add(key);
      return;
    }
    this.tooLong.delete(key);
    const seq = ++this.seq;
    this.inFlight.set(key, { seq, text: value });
    this.o.send({ section: key, base, text, seq });
  }

  /** Sends every section with text the file does not hold yet. */
  flushAll(): void {
    for (const key of new Set([...this.values.keys(), ...this.timers.keys()])) this.flush(key);
  }

  /** Takes a new snapshot of the file, keeping text the user typed and the file does not hold yet. */
  adopt(sections: readonly SectionSnapshot<K>[], handled: Readonly<Partial<Record<K, Handled>>>, writable: boolean): void {
    this.writable = writable;
    for (const s of sections) {
      const key = s.key;
      const base = this.base.get(key);
      const value = this.values.get(key);
      if (base === undefined || value === undefined) {
        this.base.set(key, s.text);
        this.values.set(key, s.text);
        continue;
      }
      const sent = this.inFlight.get(key);
      if (sent) {
        const answer = handled[key];
        // A snapshot from before the host acted on the write: its text is older than the user's.
        if (!answer || answer.seq !== sent.seq) continue;
        this.inFlight.delete(key);
        this.base.set(key, s.text);
        if (answer.refused) {
          // The file changed meanwhile: its text wins, and the section says so.
          this.giveWay(key, s.text);
        } else if (value === sent.text) {
          // Nothing typed since: show the file's text (as the host wrote it, headings escaped).
          this.values.set(key, s.text);
        } else if (!this.timers.has(key)) {
          // Typed on while the write was in flight: the rest goes now, based on the file after it.
          this.flush(key);
        }
        continue;
      }
      if (s.text === base) continue;
      this.base.set(key, s.text);
      // A change made in the file (by hand, git, the CLI): it wins over text not sent yet.
      if (value !== base && !same(value, s.text)) this.giveWay(key, s.text);
      else {
        this.timers.get(key)?.();
        this.timers.delete(key);
        this.values.set(key, s.text);
      }
    }
  }

  private giveWay(key: K, text: string): void {
    this.timers.get(key)?.();
    this.timers.delete(key);
    if (!same(this.values.get(key) ?? '', text)) this.conflicts.add(key);
    this.values.set(key, text);
  }
}
