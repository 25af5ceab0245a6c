// What the executive summary composer shows for one incident, as protocol data. No vscode
// import, so unit tests read it directly.
import { composeExecutiveSummary, renderExecutiveSummary } from '../../core/comms/execSummary';
import { isActive } from '../../core/indexer';
import type { Incident } from '../../core/model';
import type { Policy } from '../../core/playbook/policy';
import { stripInline } from '../../core/reader/text';
import type { SummaryView } from '../../shared/protocol';

export function summaryView(incident: Incident, policy: Policy, review: { text: string; path: string } | undefined, now: Date): SummaryView {
  const s = composeExecutiveSummary(incident, policy, review?.text, now);
  return {
    incident: { id: incident.id, title: incident.title, severity: incident.severity, status: incident.status, active: isActive(incident, policy) },
    summary: renderExecutiveSummary(s, 'markdown', { finalUpdate: false }),
    finalUpdate: s.finalUpdate + '\n',
    review: review?.path ?? null,
  };
}

/** Markdown as plain text for an email: emphasis and links reduced to their words, list markers and indents kept. */
export function markdownToPlain(markdown: string): string {
  return markdown
    .split('\n')
    .map((line) => {
      let i = 0;
      while (i < line.length && line[i] === ' ') i++;
      const marker = /^[-*+] /.test(line.slice(i, i + 2)) ? '- ' : '';
      return line.slice(0, i) + marker + stripInline(line.slice(i + marker.length));
    })
    .join('\n');
}
