// Hostile single lines, each placed where the reader looks hardest: a heading, a field, a
// timeline entry, a table cell, an index-table row and plain prose. Every one must be read in
// time proportional to its length; `pathological.test.ts` compares each with a normal log of
// the same size, and `npm run bench` prints the same table.

/** A shape: `unit` repeated to fill `n` characters, between an optional head and tail. */
export interface HostileShape {
  name: string;
  unit: string;
  head?: string;
  tail?: string;
}

export const HOSTILE_SHAPES: HostileShape[] = [
  { name: 'spaces', unit: ' ', tail: 'x' },
  { name: 'spaces then #', unit: ' ', tail: '#' },
  { name: 'spaces at the end', unit: ' ' },
  { name: 'tabs', unit: '\t', tail: 'x' },
  { name: '" -" run', unit: ' -', tail: 'x' },
  { name: '"- " run', unit: '- ' },
  { name: '"|-" then spaces', unit: ' ', head: '|-', tail: 'x' },
  { name: '"|" run', unit: '|' },
  { name: '"| " run', unit: '| ' },
  { name: '"[a](" run', unit: '[a](' },
  { name: '"](" run', unit: '](' },
  { name: '"**a " run', unit: '**a ' },
  { name: '"__a " run', unit: '__a ' },
  { name: '"*" run', unit: '*' },
  { name: '"`a " run', unit: '`a ' },
  { name: '"<a" run', unit: '<a' },
  { name: '"<!--" run', unit: '<!--' },
  { name: '"(@" run', unit: '(@' },
  { name: '" - @a" run', unit: ' - @a' },
  { name: '"@" run', unit: '@' },
  { name: '"[(" run', unit: '[(' },
  { name: '"(SEV-1" run', unit: '(SEV-1 ' },
  { name: '"SEV-" run', unit: 'SEV-' },
  { name: '"INC-2026-" run', unit: 'INC-2026-' },
  { name: '"AB-1" run', unit: 'AB-1 ' },
  { name: '"#1 " run', unit: '#1 ' },
  { name: 'digits', unit: '1' },
  { name: '"2026-" run', unit: '2026-' },
  { name: '"12:" run', unit: '12:' },
  { name: '"Jan 1 " run', unit: 'Jan 1 ' },
  { name: '"a: " run', unit: 'a: ' },
  { name: '"Status:" run', unit: 'Status:' },
  { name: '". Status: x" run', unit: '. Status: x' },
  { name: '":" run', unit: ':' },
  { name: '"\\\\" run', unit: '\\' },
  { name: '"#" run', unit: '#' },
  { name: '"`" run', unit: '`' },
  { name: '"~" run', unit: '~' },
  { name: '"—" run', unit: ' — ' },
  { name: '"[x] " run', unit: '[x] ' },
  { name: '"http://a" run', unit: 'http://a ' },
  { name: 'words', unit: 'lorem ipsum ' },
  { name: '"→" run', unit: '→' },
  { name: '"a -> " run', unit: 'a -> ' },
  { name: '"[2026-01-01] " run', unit: '[2026-01-01] ' },
  { name: '"ID: " run', unit: 'ID: ' },
  { name: '"(" run', unit: '(' },
  { name: '"（" run', unit: '（' },
  { name: '"(unresolved) " run', unit: '(unresolved) ' },
];

export type Placement = 'heading' | 'field' | 'timeline' | 'prose' | 'table-cell' | 'index-row' | 'field-table' | 'status-shapes' | 'unseen-shapes' | 'below-status' | 'entries' | 'parts-and-tags' | 'registers' | 'reports' | 'flat-and-fenced' | 'title-lines-and-tasks';

export const PLACEMENTS: Placement[] = ['heading', 'field', 'timeline', 'prose', 'table-cell', 'index-row', 'field-table', 'status-shapes', 'unseen-shapes', 'below-status', 'entries', 'parts-and-tags', 'registers', 'reports', 'flat-and-fenced', 'title-lines-and-tasks'];

export function hostileLine(shape: HostileShape, n: number): string {
  const head = shape.head ?? '';
  const tail = shape.tail ?? '';
  const reps = Math.max(1, Math.floor((n - head.length - tail.length) / shape.unit.length));
  return head + shape.unit.repeat(reps) + tail;
}

const NORMAL_INCIDENT = (k: number) => {
  const d = String(1 + (k % 28)).padStart(2, '0');
  const id = `INC-2026-01${d}-${String(k).padStart(3, '0')}`;
  return [
    `## ${id}: Checkout latency ${k}`,
    '',
    `- **Severity:** SEV-${1 + (k % 3)}`,
    `- **Status:** Resolved`,
    `- **Detected:** 2026-01-${d} 14:0${k % 10} UTC`,
    `- **Resolved:** 2026-01-${d} 15:30 UTC`,
    `- **Incident Commander:** Dana Reyes`,
    '',
    '### Timeline',
    '',
    `- 14:0${k % 10} — Alerts fired on p99 latency (@dana)`,
    '- 14:12 — Rolled back deploy 7f3c — @sam',
    '- 15:30 — Resolved',
    '',
  ].join('\n');
};

/** A normal log of at least `size` characters (the yardstick a hostile log is compared with). */
export function normalLog(size: number): string {
  const parts = ['# Incident log', ''];
  let len = 0;
  for (let k = 1; len < size; k++) {
    const s = NORMAL_INCIDENT(k);
    parts.push(s);
    len += s.length + 1;
  }
  return parts.join('\n');
}

/** A small log with the hostile line where `placement` puts it. */
export function hostileLog(line: string, placement: Placement): string {
  const head = '# Incident log\n\n';
  switch (placement) {
    case 'heading':
      return `${head}## INC-2026-0101-001: A ${line}\n\n- **Severity:** SEV-1\n\n## ${line}\n\n- **Status:** Active\n\n### ${line}\n`;
    case 'field':
      return `${head}## INC-2026-0101-001: A\n\n- **Severity:** ${line}\n- **Status:** ${line}\n- **Detected:** ${line}\n**Commander:** ${line}\nSeverity: ${line}\n- ${line}: x\n`;
    case 'timeline':
      return `${head}## INC-2026-0101-001: A\n\n- **Severity:** SEV-1\n- **Detected:** 2026-01-01 10:00 UTC\n\n### Timeline\n\n- 10:00 ${line}\n- ${line}\n- **10:05** ${line}\n- 2026-01-01 10:06 — ${line} — @${line}\n\n| Time | Event | Owner |\n|---|---|---|\n| 10:07 | ${line} | ${line} |\n`;
    case 'prose':
      return `${head}## INC-2026-0101-001: A\n\n- **Severity:** SEV-1\n\n${line}\n\n### Checklist\n\n- [ ] ${line}\n\n### Action items\n\n- [ ] ${line}\n`;
    case 'table-cell':
      return `${head}| ID | Title | Severity | Status | Detected |\n|---|---|---|---|---|\n| INC-2026-0101-001 | ${line} | SEV-1 | ${line} | ${line} |\n| ${line} | A | SEV-2 | Resolved | 2026-01-01 |\n`;
    case 'index-row':
      return `${head}| Incident | Date |\n|---|---|\n| [INC-2026-0101-001](${line}) | 2026-01-01 |\n| [${line}](incidents/a.md) | 2026-01-01 |\n| ${line} | 2026-01-01 |\n`;
    case 'status-shapes':
      // Whole-line bold fields, French colons, resolution facts, impacts, owners, zone-noted
      // and approximate times, and a history table without a Status column.
      return `${head}## INC-2026-0101-001: A\n\n**Status: ${line}**\n- **Statut :** ${line}\nTTR: ${line}\nImpact: ${line}\n- **Owner:** ${line}\n- **Date Opened:** ~${line}\n- **Resolution:** ${line}\n\n| Date / Window (${line}) | Severity | Summary | TTR |\n|---|---|---|---|\n| ~${line} | ${line} | ${line} | ${line} |\n`;
    case 'below-status':
      // Prose below a status field (a restated status is looked for), a duration and an
      // outstanding list (what keeps an incident with no status open).
      return `${head}## INC-2026-0101-001: A\n\n- **Status:** Open\n\n### Resolution\n\n${line}\n\n## INC-2026-0101-002: B\n\n- **Duration:** ${line}\n- **Outstanding:** ${line}\n\n### Outstanding\n\n${line}\n`;
    case 'unseen-shapes':
      // Prose sections under an incidents title, a status said in words, a bold status line
      // that wraps, and a table of occurrences.
      return `# Incidents\n\n## ${line}\n\n${line}\n\n## Checkout down\n\nStill unfixed ${line} not an ${line}\n**Status: ${line}\n${line}**\n\n| Date | Down | Recovered | ${line} |\n|---|---|---|---|\n| 2026-01-01 | ${line} | ${line} | ${line} |\n| ${line} | 10:00 | not yet | ${line} |\n`;
    case 'entries':
      // Incidents with no heading (list entries, key blocks, a table of problems and fixes) and
      // labelled sections under a bare day: read only when nothing else is, as here; items tagged
      // with a status or opening with a bold title, a Resolved group's list, leftover items
      // under a bold label, and a table under a heading dated by a period.
      return `# Outages\n\n- ${line} → ${line}\n- 2026-01-01: ${line}\n- [2026-01-01T00:00:00Z] ${line}\n- **${line}** ${line}\n  ${line}\n\nID: ${line}\nwhat: ${line}\nimpact: ${line}\n\nID: Q2\n${line}: ${line}\ncost: ${line}\n\n| Problem | Fix |\n|---|---|\n| ${line} | ${line} |\n\n## 2026-01-02\n\n### ${line}\n\n**Problem (${line}):** ${line}\n- **Cause** ${line}\nNot fixed. ${line}\n\n# Known bugs (${line})\n\n- **[OPEN] ${line}**\n- **[${line}] ${line}**\n- [RESOLVED ${line}] ${line}\n1. **${line}** ${line}\n2. **A ${line}.** ${line}\n\n## Resolved\n- **${line}** — ${line}\n- **B ${line}** ${line}\n\n**Leftover items**\n- (Pending) ${line}\n\n## ${line}, 2026-01 to 2026-06\n\n| Date | What happened | Fix |\n|---|---|---|\n| 2026-01-01 | ${line} | ${line} |\n`;
    case 'registers':
      // A numbered list of known problems with marks, a page in parts, a log of dated titles,
      // parts in a two-column table, a date column beside what went wrong and its cause, and a
      // status key with a full-width colon after its bold.
      return `# Known issues (${line})\n\n1. ✅ **${line}** ${line}\n2. ⏳ **${line}:** ${line}\n3. ${line}\n\n# Incident & Resolution Log\n\n## 1. ${line}\n\n### 1.1 ${line}\n**Symptom:** ${line}\n**Cause:** ${line}\n\n### 1.2 B\n**Symptom:** ${line}\n**Fix:** ${line}\n\n# 2026-01-01 — ${line}\n\n## Summary\n${line}\n\n## Impact\n${line}\n\n# 2026-01-02 — B\n\n## Summary\n${line}\n\n## Resolution\n${line}\n\n## E1: ${line}\n\n| 항목 | 내용 |\n|---|---|\n| 증상 | ${line} |\n| ${line} | ${line} |\n\n| Datum | Fehler | Ursache |\n|---|---|---|\n| 7.10. | ${line} | ${line} |\n\n- **状态**：${line}\n`;
    case 'reports':
      // A bug report's parts and a fix still to make, parts named as questions, numbered and
      // qualified after a comma, a table of bugs with ids, an end and an outcome, and a file one
      // incident by its front matter.
      return `---\ntitle: "${line}"\nseverity: ${line}\nresolved: ${line}\n---\n\n## BUG-1\n\n**Steps to reproduce:** ${line}\n**Expected result:** ${line}\n**Suggested fix**: ${line}\n\n## ${line}\n\n### What happened\n${line}\n\n### 2. ${line}\n${line}\n\n### How we fixed it\n${line}\n\n**Actual cause, ${line}.** ${line}\n\n| Bug ID | Bug | Outcome | First Reported | Fix Deployed |\n|---|---|---|---|---|\n| BUG-2 | ${line} | Recurred ${line} | 2026-01-01 | ${line} |\n| ${line} | A | ${line} | ${line} | — |\n\n# Known issues\n\n## Open (2)\n\n- **[BUG-1](b.md) ${line}**\n- [BUG-2](${line}) A\n`;
    case 'parts-and-tags':
      // A status in brackets ending a heading, a change's tag, sub-sections titled as parts, a
      // row that opens saying it was no incident, a list item labelled with parts, a register
      // grouped by status, a period heading over incidents, and a section labelled like the
      // incident beside it.
      return `# Notes\n\n## ${line} (${line})\n\n### Problem\n${line}\n\n### Fix\n${line}\n\n## A（${line}）\n\n### 問題\n${line}\n\n### 原因\n${line}\n\n## [${line}] B\n\n| Datum | Kaj | Trajanje |\n|---|---|---|\n| 2026-01-01 | **No incident.** ${line} | ${line} |\n\n# Incidents\n\n- Date: 2026-01-01\n  Cause: ${line}\n  Fix: ${line}\n\n# Register\n\n## Resolved — ${line}\n\n### INC-1: ${line}\n${line}\n\n### ${line}\n${line}\n\n## Semaine 1 (${line} 2026-01-01 - 2026-01-05)\n\n### INC-2: ${line}\n- **Severity:** SEV-2\n\n# Registry\n\n## X-1\n- Stato: OPEN\n- Sintomo: ${line}\n- Root cause: ${line}\n\n## ${line}\n- Sintomo: ${line}\n- Root cause: ${line}\n- ${line}: ${line}\n`;
    case 'flat-and-fenced':
      // A document whole in a Markdown fence, parts written at their entry's level, and pitfalls
      // under a heading that says they have not happened yet.
      return `\`\`\`md\n# Troubleshooting\n\n## Log\n\n### ❗ ${line}\n\n### 🔍 원인 분석\n\n${line}\n\n### ✅ 해결 방법\n\n${line}\n\n### ❗ B ${line}\n\n### Cause\n\n${line}\n\n### Fix\n\n${line}\n\n## Known pitfalls (${line} not yet encountered)\n\n### INC-1 — ${line}\n\n${line}\n\`\`\`\n`;
    case 'title-lines-and-tasks':
      // Entries opened by title lines, problems as tasks under status groups, groups under a log
      // title whose parts open with a status, and an entry titled by its description line.
      return `제목 : ${line}\n원인 분석 : ${line}\n해결책 : ${line}\n\nTitle: B ${line}\nCause: ${line}\nFix: ${line}\n\n# Probleme\n\n## Offen\n\n- [ ] **${line}** – ${line}\n\n## Erledigt\n\n- [x] **${line}** – ${line}\n\n# Bekannte Fehler\n\n## Behoben\n\n### ${line}\n\n- **Behoben ${line}:** ${line}\n\n## 2026-04-21 01:55\n- Mô tả lỗi: ${line}\n`;
    case 'field-table':
      return `${head}## INC-2026-0101-001: A\n\n| Field | Value |\n|---|---|\n| Severity | ${line} |\n| ${line} | SEV-1 |\n${line}\n`;
  }
}
