// A review of one incident written as a document of its own (`# Retro: the March 12 release
// rollback` over `## What happened`, `## Root cause`): the document is the incident. A retro may
// be of anything, so its title must name a failure. Scans over words.
import type { IndexContext } from './context';
import { isAnatomyTitle } from './anatomy';
import { subsectionKind } from './headings';
import { wordsOf } from './proseWords';
import { stripInline } from './text';

/** Words that label a document as the review of one incident, before a colon or a dash (`Retro: …`, `Postmortem — …`). */
const REVIEW_LABELS = new Set([
  'retro', 'retrospective', 'postmortem', 'post mortem', 'post-mortem', 'post incident review', 'post-incident review', 'incident review', 'incident report', 'incident', 'pir', 'rca', 'root cause analysis', 'outage report', 'outage',
  'retrospectiva', 'rétrospective', 'retrospektive', 'informe de incidente', 'relatório de incidente', 'rapport d’incident', "rapport d'incident", 'störungsbericht', 'vorfallbericht', 'rapporto di incidente', 'разбор инцидента',
]);

/** Whether the document is the review of one incident: an H1 labelled so (see REVIEW_LABELS) over two parts of an incident or more. */
export function reviewDocument(ctx: IndexContext, bodyLine: number): boolean {
  const hi = ctx.headings.findIndex((h) => h.line >= bodyLine);
  if (hi < 0 || ctx.headings[hi].level !== 1) return false;
  const plain = stripInline(ctx.headings[hi].text).trim();
  let cut = -1;
  for (const sep of [':', '：', ' — ', ' – ', ' - ']) {
    const at = plain.indexOf(sep);
    if (at > 0 && (cut < 0 || at < cut)) cut = at;
  }
  const label = plain.slice(0, cut).trim().toLowerCase();
  if (cut < 0 || !REVIEW_LABELS.has(label)) return false;
  // A retro may be of anything (a sprint, a planning round): its title names a failure when it is an incident's.
  if (RETRO_LABELS.has(label) && !wordsOf(plain.slice(cut + 1), 16).some((w) => FAILURE_WORDS.has(w))) return false;
  // Its parts: an incident's (`## What happened`, `## Root cause`), or a review's (`## What went
  // well`, `## Action items`, `## Timeline`).
  let parts = 0;
  for (let k = hi + 1; k < ctx.headings.length && parts < 2; k++) {
    const h = ctx.headings[k];
    if (h.level !== 2) continue;
    const title = stripInline(h.text).trim().toLowerCase();
    if (isAnatomyTitle(h.text) || subsectionKind(h.text, ctx.policy) !== null || REVIEW_PARTS.some((w) => title.startsWith(w))) parts++;
  }
  return parts >= 2;
}

/** Review labels that do not say what is reviewed: a retro's title must name a failure (see FAILURE_WORDS). */
const RETRO_LABELS = new Set(['retro', 'retrospective', 'retrospectiva', 'rétrospective', 'retrospektive']);
/** Words of a title that name something that went wrong. */
const FAILURE_WORDS = new Set([
  'rollback', 'rolled', 'outage', 'outages', 'incident', 'failure', 'failed', 'down', 'downtime', 'broken', 'error', 'errors', 'bug', 'breach', 'leak', 'crash', 'degradation', 'degraded', 'loss',
  'caída', 'incidente', 'falla', 'fallo', 'falha', 'queda', 'panne', 'störung', 'ausfall', 'vorfall', 'guasto', 'сбой', 'авария', 'инцидент',
]);

/** Parts of a review of an incident, by their titles' first words. */
const REVIEW_PARTS = ['what went well', 'what went wrong', "what didn't go well", 'what did not go well', 'what could be improved', 'lessons learned', 'lessons', 'follow-up', 'follow up'];
