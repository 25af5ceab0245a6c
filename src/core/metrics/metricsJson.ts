// The metrics as JSON, one shape for `incident metrics --json` and the agents' get_metrics tool.
import { addDays, isValidZone, startOfDay } from '../format/zone';
import { FIGURE_LABELS, type Metrics } from './metrics';
import { parseTimeValue, toDate } from '../format/time';

/** The JSON of `incident metrics --json` (and the agents' get_metrics): the headline figures first, then the details behind them. */
export function metricsJson(m: Metrics, period: { since: string | null; until: string | null; severity: string | null }) {
  return {
    incidents: m.incidents,
    drills: m.drills,
    bySeverity: m.bySeverity,
    byMonth: m.byMonth,
    timeToDetectMinutes: m.timeToDetectMinutes,
    timeToAcknowledgeMinutes: m.timeToAcknowledgeMinutes,
    timeToResolveMinutes: m.timeToResolveMinutes,
    timeToMitigateMinutes: m.timeToMitigateMinutes,
    responseTimeCompliance: m.responseTimeCompliance,
    updateCadenceCompliance: m.updateCadenceCompliance,
    reviewCompliance: m.reviewCompliance,
    openActionItems: m.openActionItems,
    overdueActionItems: m.overdueActionItems,
    details: {
      period,
      definitions: { ...FIGURE_LABELS, p90: 'nearest rank: the value at rank ceil(0.9 × n) of the sorted values', median: 'the middle value; the mean of the two middle values for an even count' },
      unknownIncidents: m.unknownIncidents,
      unknownReasons: m.unknownReasons,
      durationsBySeverity: m.durationsBySeverity,
      compliance: m.compliance,
      actionItemsByOwner: m.actionItemsByOwner,
      timeInStatusMinutes: m.timeInStatusMinutes,
    },
  };
}

/** A --since / --until value as an instant; `endOfDay` moves a bare day to the next midnight. */
export function periodBoundary(flag: string, value: string | undefined, zone: string, endOfDay: boolean): Date | undefined | { problem: string } {
  if (value === undefined) return undefined;
  const p = parseTimeValue(value, zone);
  if (!p || p.invalid || !p.value || p.length !== value.trim().length) return { problem: `--${flag} "${value}" is not a date (use YYYY-MM-DD, or an ISO 8601 date-time).` };
  if (p.kind === 'datetime') return toDate(p.value) as Date;
  // A month or a year alone (`2026-07`, `2026`) starts on its first day.
  const day = p.value.length === 7 ? `${p.value}-01` : p.value.length === 4 ? `${p.value}-01-01` : p.value;
  return new Date(startOfDay(endOfDay ? addDays(day, 1) : day, isValidZone(zone) ? zone : 'UTC'));
}
