// The other folders' logs of a multi-root workspace, as rows under the followed log's groups:
// each folder with a log, and its active incidents, so that an outage in another service is never
// out of sight while the view follows one log. The rows only show: every command of the view
// works on the log it follows, so choosing one of these rows first follows that folder's log.
// No vscode import (unit tests read the rows directly).
import { isActive } from '../../core/indexer';
import type { Incident } from '../../core/model';
import type { Policy } from '../../core/playbook/policy';
import { severityRank } from '../../core/response/clock';
import { l10n } from '../l10n';
import { shown } from './model';

/** One other folder's log as read for the view: its incidents, or why it could not be read. */
export interface FolderLogRead {
  /** The workspace folder's name (what Choose Log Folder takes). */
  folder: string;
  /** Where the log is, as the workspace names it (for the tooltip). */
  logPath: string;
  incidents?: readonly Incident[];
  policy?: Policy;
  /** Why the log was not read (unreadable, linked out of its repository). */
  problem?: string;
}

/** The heading row above the other folders' logs. */
export class OtherLogsNode {
  readonly kind = 'otherLogs';
  readonly key = 'otherLogs';
  readonly parent = undefined;
  children: FolderLogNode[] = [];
  /** Active incidents in all the other folders' logs. */
  get active(): number {
    return this.children.reduce((n, f) => n + f.children.length, 0);
  }
}

/** One other folder's log. */
export class FolderLogNode {
  readonly kind = 'folderLog';
  /** Its active incidents, most severe first. */
  children: OtherIncidentNode[] = [];
  constructor(
    readonly parent: OtherLogsNode,
    readonly folder: string,
    readonly logPath: string,
    /** Incidents in the log (every state). */
    readonly total: number,
    readonly problem?: string,
  ) {}
  get key(): string {
    return `otherLogs/${this.folder}`;
  }
}

/** An active incident of another folder's log. */
export class OtherIncidentNode {
  readonly kind = 'otherIncident';
  constructor(
    readonly parent: FolderLogNode,
    readonly id: string,
    readonly title: string,
    readonly severity: string | null,
    readonly status: string | null,
    readonly key: string,
  ) {}
}

export type OtherLogsTreeNode = OtherLogsNode | FolderLogNode | OtherIncidentNode;

/** The rows for the other folders' logs; undefined when there are none. */
export function otherLogsNode(reads: readonly FolderLogRead[]): OtherLogsNode | undefined {
  if (!reads.length) return undefined;
  const root = new OtherLogsNode();
  for (const read of reads) {
    const folder = new FolderLogNode(root, read.folder, read.logPath, read.incidents?.length ?? 0, read.problem);
    const policy = read.policy;
    if (read.incidents && policy) {
      const active = read.incidents
        .map((incident, order) => ({ incident, order, rank: severityRank(policy, incident) }))
        .filter((r) => isActive(r.incident, policy))
        .sort((a, b) => a.rank - b.rank || a.order - b.order);
      folder.children = active.map((r) => new OtherIncidentNode(folder, r.incident.id, r.incident.title, r.incident.severity, r.incident.status, `${folder.key}/${r.order}`));
    }
    root.children.push(folder);
  }
  return root;
}

export interface OtherLogsRow {
  label: string;
  description?: string;
  tooltip: string;
  /** Whether the row stands for something on fire (an active incident, or a folder that has one). */
  alarm: boolean;
}

export function otherLogsRow(node: OtherLogsTreeNode): OtherLogsRow {
  if (node instanceof OtherLogsNode) {
    const active = node.active;
    return {
      label: l10n.t('Other folders'),
      description: active ? l10n.t('{0} active', active) : undefined,
      tooltip: l10n.t('The logs of the workspace’s other folders. Choose one to show its log here.'),
      alarm: active > 0,
    };
  }
  if (node instanceof FolderLogNode) {
    const name = shown(node.folder);
    if (node.problem) return { label: name, description: l10n.t('not read'), tooltip: shown(node.problem), alarm: false };
    const active = node.children.length;
    const counts = node.total === 1 ? l10n.t('1 incident') : l10n.t('{0} incidents', node.total);
    return {
      label: name,
      description: active ? `${l10n.t('{0} active', active)} · ${counts}` : counts,
      tooltip: l10n.t('{0} — choose to show this log in the view', shown(node.logPath)),
      alarm: active > 0,
    };
  }
  const what = [node.severity, node.status].filter((x): x is string => !!x).map(shown);
  return {
    label: shown(node.title ? `${node.id}: ${node.title}` : node.id),
    description: what.join(' · ') || undefined,
    tooltip: l10n.t('In the log of {0} — choose to show that log and open the incident', shown(node.parent.folder)),
    alarm: true,
  };
}
