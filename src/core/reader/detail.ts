// The one place a full markdown parser runs (mdast-util-from-markdown, loaded lazily): a single
// incident, for detail the line index does not need (links, code, plain text of the description).
// It only parses; it never serialises a user's document.
import type { Root, RootContent } from 'mdast';
import type { Incident, LogIndex } from '../model';

export interface IncidentDetail {
  /** Plain text of the paragraphs directly under the heading. */
  description: string;
  links: Array<{ text: string; url: string }>;
  headings: string[];
  codeBlocks: number;
  /** Set when the section was not given to the parser, and why. */
  skipped?: string;
}

/** The parser's cost grows steeply with nesting (800 nested list levels: ~40 s here); beyond these it is not run. */
const MAX_NESTING = 32;
const MAX_BYTES = 512 * 1024;

/** The deepest container nesting in the text: `>` markers and list indentation. */
function nestingDepth(text: string): number {
  let max = 0;
  for (const line of text.split('\n')) {
    const m = /^[ \t>]*/.exec(line)![0];
    let quotes = 0;
    let width = 0;
    for (const c of m) {
      if (c === '>') quotes++;
      else width += c === '\t' ? 4 : 1;
    }
    const depth = quotes + Math.floor(width / 2);
    if (depth > max) max = depth;
  }
  return max;
}

function plain(node: RootContent | Root): string {
  if ('value' in node && typeof node.value === 'string') return node.value;
  if ('children' in node) return (node.children as RootContent[]).map(plain).join('');
  return '';
}

export async function incidentDetail(index: LogIndex, incident: Incident): Promise<IncidentDetail> {
  const section = index.text.slice(incident.start, incident.end);
  const detail: IncidentDetail = { description: '', links: [], headings: [], codeBlocks: 0 };
  const depth = section.length > MAX_BYTES ? 0 : nestingDepth(section);
  if (section.length > MAX_BYTES || depth > MAX_NESTING) {
    detail.skipped = section.length > MAX_BYTES ? `the section is ${Math.round(section.length / 1024)} KB` : `the section nests ${depth} levels deep`;
    detail.headings = incident.title ? [incident.title] : [];
    return detail;
  }
  const { fromMarkdown } = await import('mdast-util-from-markdown');
  const tree = fromMarkdown(section);
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
