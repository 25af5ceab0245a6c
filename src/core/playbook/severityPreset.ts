// Without a playbook, the log's own severities choose the preset: a log written in P0/P1..P4
// (and never in SEV-n) is read with the P1..P4 preset, with a P0 level above P1 when it writes
// P0. Decided by one scan of the text for severity tokens, before any incident is read, so that
// every incident is read once, with the preset it will be checked against.
import { type Policy, priorityPolicy } from './policy';

export interface InferredPolicy {
  policy: Policy;
  /** Why it was chosen, as `check` and the view's tooltip say it. */
  reason: string;
}

// Built-in policies differ only by their zone (a setting): one preset object per zone, so that
// re-indexes and incremental checks see an unchanged policy.
const cache = new Map<string, { p: Policy; p0: Policy }>();

function presets(base: Policy): { p: Policy; p0: Policy } {
  let hit = cache.get(base.timeZone);
  if (!hit) {
    const keep = (p: Policy): Policy => ({ ...p, timeZone: base.timeZone, builtIn: true });
    hit = { p: keep(priorityPolicy()), p0: keep(priorityPolicy(true)) };
    if (cache.size < 50) cache.set(base.timeZone, hit);
  }
  return hit;
}

// `P0`..`P4` and `SEV-1`, `Sev 2`, `SEV3` as whole words. No nested quantifiers: linear.
const TOKENS = /(?<![\p{L}\p{N}_-])(?:(P[0-4])|(?:SEV|Sev|sev)[- ]?\d)(?![\p{L}\p{N}_])/gu;

/** How many P0..P4 and SEV-n tokens the text writes, and whether P0 is one. */
export function severityTokenCounts(text: string): { p: number; sev: number; p0: boolean } {
  let p = 0;
  let sev = 0;
  let p0 = false;
  TOKENS.lastIndex = 0;
  for (let m = TOKENS.exec(text); m; m = TOKENS.exec(text)) {
    if (m[1]) {
      p++;
      if (m[1] === 'P0') p0 = true;
    } else sev++;
  }
  return { p, sev, p0 };
}

/**
 * The preset a log is read with when there is no playbook: the P1..P4 preset (P0..P4 when it
 * writes P0) for a log whose severities are P-levels; undefined to keep `policy`. Only the
 * built-in SEV policy is replaced: a playbook always wins.
 */
export function presetForLog(text: string, policy: Policy): InferredPolicy | undefined {
  if (!policy.builtIn || policy.name !== 'SEV-1..SEV-3') return undefined;
  const counts = severityTokenCounts(text);
  if (counts.p === 0 || counts.sev > 0) return undefined;
  const chosen = counts.p0 ? presets(policy).p0 : presets(policy).p;
  return {
    policy: chosen,
    reason: `No playbook: the log writes its severities as P-levels, so it is read with the P1..P4 preset${counts.p0 ? ' (P0 above P1)' : ''}.`,
  };
}
