// The incident a git command is about, in the log as a write needs it (../logContext.ts).
import type { Incident } from '../../core/model';
import { chooseIncident } from '../incidentPicker';
import type { LogContext } from '../logContext';
import type { LogStore } from '../logStore';

/** The incident a command means: its argument, the one under the cursor, or a pick. */
export function incidentFor(store: LogStore, ctx: LogContext, given: unknown, title: string): Promise<Incident | undefined> {
  return chooseIncident(store, ctx.index, { given: typeof given === 'string' && given.trim() ? given.trim() : undefined, title });
}
