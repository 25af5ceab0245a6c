// The service a log belongs to, when several logs are read as one (`incident list --log A --log B`,
// the metrics dashboard of a multi-root workspace): the playbook's `service:` when it names one,
// else a name made from where the log is (see serviceOfLog in core/log/logGlob.ts).
import type { Policy } from './policy';

/** A policy read from a playbook that names its service (`service: payments`). */
export interface PolicyWithService extends Policy {
  service?: string;
}

/** The playbook's `service:`, or undefined when it names none (or there is no playbook). */
export function serviceOf(policy: Policy): string | undefined {
  return (policy as PolicyWithService).service;
}
