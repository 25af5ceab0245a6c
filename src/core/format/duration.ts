// The one duration format: elapsed times in tree rows, the status bar, reminders, `check` and the
// post-incident review all read the same way.

/** "42 min", "3 h 05 min", "2 d 4 h": compact elapsed time, rounded down to the minute. */
export function formatElapsed(minutes: number): string {
  const m = Math.max(0, Math.floor(minutes));
  if (m < 60) return `${m} min`;
  if (m < 48 * 60) return `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, '0')} min`;
  return `${Math.floor(m / 1440)} d ${Math.floor((m % 1440) / 60)} h`;
}

/** How long something is overdue: "12 min", "1 h 05 min"; "less than 1 min" in its first minute, never "0 min". */
export function overdueText(minutesOverdue: number): string {
  return minutesOverdue < 1 ? 'less than 1 min' : formatElapsed(minutesOverdue);
}
