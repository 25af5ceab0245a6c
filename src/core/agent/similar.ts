// "Have we seen this before?": past incidents ranked by TF-IDF cosine similarity to a text or to
// another incident. Each incident's document is its title, its descriptive fields (root cause,
// impact, services…), its timeline and its action items; the index already holds them, so no
// incident is parsed again. Written once here: the corpus is one log, a few thousand documents.
import type { Incident } from '../model';

const STOP = new Set(
  'a an and are as at be been but by for from had has have in into is it its of on or that the their then there these this to was were will with not no we our us after before again all also any back been being both can did do does down during each few more most new now off once only other out over same so some such than too up very what when where which while who why incident incidents alert fired entry status update updates'.split(' '),
);

/** Lower-cased words of two or more letters or digits, stop words left out (linear in the text). */
export function terms(text: string): string[] {
  const out: string[] = [];
  for (const word of text.toLowerCase().split(/[^\p{L}\p{N}]+/u)) if (word.length >= 2 && !STOP.has(word) && !/^\d+$/.test(word)) out.push(word);
  return out;
}

export function incidentDocument(incident: Incident): string {
  return [
    incident.title,
    // What the incident was about: its summary and the team's own fields (root cause, impact,
    // services…); severity, status, times, roles and ids say nothing of the symptoms.
    ...incident.fields.filter((f) => f.canonical === undefined || f.canonical === 'summary' || f.canonical === 'title').map((f) => f.value),
    ...incident.timeline.map((e) => e.text),
    ...incident.actionItems.map((a) => a.text),
  ].join('\n');
}

export interface SimilarIncident {
  id: string;
  title: string;
  score: number;
  sharedTerms: string[];
}

function counts(words: string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const w of words) m.set(w, (m.get(w) ?? 0) + 1);
  return m;
}

/** The incidents closest to `query`, best first; `exclude` (the query's own incident) is left out. */
export function similarIncidents(incidents: readonly Incident[], query: string, options: { exclude?: string; limit?: number } = {}): SimilarIncident[] {
  const docs = incidents.filter((i) => i.id !== options.exclude).map((i) => ({ incident: i, tf: counts(terms(incidentDocument(i))) }));
  const df = new Map<string, number>();
  for (const d of docs) for (const w of d.tf.keys()) df.set(w, (df.get(w) ?? 0) + 1);
  const idf = (w: string) => Math.log((docs.length + 1) / ((df.get(w) ?? 0) + 1)) + 1;
  const weigh = (tf: Map<string, number>) => {
    const v = new Map<string, number>();
    let norm = 0;
    for (const [w, n] of tf) {
      const x = (1 + Math.log(n)) * idf(w);
      v.set(w, x);
      norm += x * x;
    }
    return { v, norm: Math.sqrt(norm) };
  };
  const q = weigh(counts(terms(query)));
  if (q.norm === 0) return [];
  const scored: SimilarIncident[] = [];
  for (const d of docs) {
    const dv = weigh(d.tf);
    if (dv.norm === 0) continue;
    let dot = 0;
    const shared: Array<[string, number]> = [];
    for (const [w, x] of q.v) {
      const y = dv.v.get(w);
      if (y !== undefined) {
        dot += x * y;
        shared.push([w, x * y]);
      }
    }
    if (dot === 0) continue;
    shared.sort((a, b) => b[1] - a[1]);
    scored.push({ id: d.incident.id, title: d.incident.title, score: Math.round((dot / (q.norm * dv.norm)) * 1000) / 1000, sharedTerms: shared.slice(0, 6).map(([w]) => w) });
  }
  scored.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
  return scored.slice(0, options.limit ?? 5);
}
