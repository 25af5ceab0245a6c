// The one place remark runs: a real markdown parse of a single incident, loaded lazily, for
// detail the line index does not need (links, code, plain text of the description). It only
// parses; it never serialises a user's document.
import type { Root, RootContent } from 'mdast';
import type { Incident, LogIndex } from './model';

export interface IncidentDetail {
  /** Plain text of the paragraphs directly under the heading. */
  description: string;
  links: Array<{ text: string; url: string }>;
  headings: string[];
  codeBlocks: number;
}

function plain(node: RootContent | Root): string {
  if ('value' in node && typeof node.value === 'string') return node.value;
  if ('children' in node) return (node.children as RootContent[]).map(plain).join('');
  return '';
}

export async function incidentDetail(index: LogIndex, incident: Incident): Promise<IncidentDetail> {
  const { fromMarkdown } = await import('mdast-util-from-markdown');
  const tree = fromMarkdown(index.text.slice(incident.start, incident.end));
  const detail: IncidentDetail = { description: '', links: [], headings: [], codeBlocks: 0 };
  let sawSubheading = false;
  const paragraphs: string[] = [];
  for (const node of tree.children) {
    if (node.type === 'heading') {
      if (node.position?.start.line !== 1) sawSubheading = true;
      detail.headings.push(plain(node));
    } else if (node.type === 'paragraph' && !sawSubheading) paragraphs.push(plain(node));
    else if (node.type === 'code') detail.codeBlocks++;
  }
  const visit = (node: RootContent | Root) => {
    if (node.type === 'link') detail.links.push({ text: plain(node), url: node.url });
    if ('children' in node) for (const c of node.children as RootContent[]) visit(c);
  };
  visit(tree);
  detail.description = paragraphs.join('\n\n').trim();
  return detail;
}
