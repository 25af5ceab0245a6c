// The anatomy of an incident as a section writes it: its parts labelled on lines (`Symptom:`,
// `**Root cause:**`, `- **Fix** …`, `**מה קרה.**`) or as the titles of its sub-sections (`### 問題`,
// `### 原因`, `### 解決`), in the seven languages, CJK and the further ones (moreLanguages.ts).
// Two different parts make a section tell an incident (see anatomySections in proseIncidents.ts
// and documents of one incident in headingFields.ts). Word lookups, no pattern on the user's text.
import { MORE_ANATOMY_LABELS } from '../playbook/moreLanguages';
import { type IndexContext, lineText } from './context';
import { isPlaceholderValue } from './placeholders';
import { eachProseLine, key, wordsOf } from './proseWords';
import { firstColon, splitTableRow, stripInline } from './text';
import { tableAt } from './tables';
import { FIX_LABELS } from './statusInProse';
import { namesSomething } from '../playbook/statusWords';

/** Keys of an incident's anatomy, written as a line's label (`Symptom:`, `**Root cause:**`, `Исправление`). */
const ANATOMY_KEYS = new Set(
  [
    'symptom', 'symptoms', 'cause', 'root cause', 'diagnosis', 'diagnostics', 'fix', 'the fix', 'resolution', 'impact', 'workaround', 'solution', 'trigger', 'detection',
    'problem', 'the problem', 'issue', 'the issue', 'what happened',
    // The problem described (not a description of anything: a feature has one too).
    'problem description', 'issue description', 'bug description', 'descripción del problema', 'descrição do problema', 'description du problème', 'problembeschreibung',
    'descrizione del problema', 'описание проблемы', '问题描述', '問題描述', '問題の説明', '문제 설명', 'problema', 'problème', 'проблема', 'что случилось', 'что произошло', 'was passiert ist', 'qué pasó', 'o que aconteceu', 'ce qui s est passé',
    '문제', '해결책', '해결 방법', '問題', '问题', '解決策', '解决方案', '解決', '解决', '対応', '处理',
    'síntoma', 'síntomas', 'causa', 'causa raíz', 'diagnóstico', 'solución', 'corrección', 'arreglo', 'impacto', 'sintoma', 'sintomas', 'causa raiz', 'solução', 'correção', 'conserto',
    'symptôme', 'symptômes', 'diagnostic', 'correctif', 'résolution', 'ursache', 'diagnose', 'lösung', 'loesung', 'behebung', 'auswirkung', 'auswirkungen',
    'sintomo', 'sintomi', 'diagnosi', 'soluzione', 'correzione', 'impatto', 'симптом', 'симптомы', 'причина', 'диагностика', 'исправление', 'решение', 'влияние',
    '症状', '现象', '現象', '原因', '根因', '对策', '対策', '修复', '修正', '影响', '影響', '증상', '원인', '조치', '해결', '영향',
    '事象', '推定原因', '対応策', '調査内容', '発生した問題', '発生した事象', '起きた問題', '解決方法', '解决方法', '解決手順', '处理方法', '처리', '대응', '추가 조치', '문제상황', '문제 상황', '해결방안', '해결 방안',
    // Parts named as the questions a write-up answers (`### なぜ起きたのか`, `### How we fixed it`).
    'actual cause', 'real cause', 'what changed', 'why it happened', 'why did it happen', 'how we fixed it', 'how it was fixed', 'how it was resolved',
    // Why it fails, as a report of a fault found names its cause (`**Warum es fehlschlägt:**`).
    'why it fails', 'why it breaks', 'warum es fehlschlägt', 'por qué falla', 'por que falha', 'pourquoi ça échoue', 'perché fallisce', 'почему не работает', '失败原因', '失敗原因', '실패 원인',
    'どんなエラーが出たか', 'どんな問題が起きたか', '何が起きたか', 'なぜ起きたのか', 'なぜ起きたか', 'どうやって解決したか', 'どう解決したか',
    // What was learned: a story of what happened and its lesson is an incident told (`**What happened.**`, `**Lesson.**`).
    'lesson', 'lessons', 'lesson learned', 'lessons learned', 'takeaway', 'takeaways', 'lección', 'lecciones', 'lecciones aprendidas', 'lição', 'lições', 'lições aprendidas',
    'leçon', 'leçons', 'leçons apprises', 'lehre', 'lehren', 'erkenntnisse', 'lezione', 'lezioni', 'lezioni apprese', 'урок', 'уроки', 'выводы', '教訓', '教训', '교훈',
    // What was found and done, as a write-up's parts name them.
    // The cause as an analysis names it (`### 🔍 원인 분석`, `## Root cause analysis`).
    'root cause analysis', 'cause analysis', '원인 분석', '원인분석', '原因分析', '原因の分析', 'análisis de causa', 'análisis de la causa', 'análisis de causa raíz', 'análise da causa', 'análise de causa raiz',
    'analyse des causes', 'analyse de la cause', 'ursachenanalyse', 'analisi delle cause', 'анализ причин', 'анализ причины',
    // What was done to limit it or set it right.
    'mitigation', 'mitigations', 'remediation', 'remediations', 'mitigación', 'mitigaciones', 'mitigação', 'mitigações', 'atténuation', 'remédiation', 'mitigazione', 'gegenmaßnahmen', 'abhilfe', 'смягчение', 'меры',
    // What was tried (not what fixed it): a part of the story all the same.
    'attempted fix', 'attempted fixes', 'fix attempts', 'solutions tried', 'what we tried', 'what was tried', 'soluciones intentadas', 'intentos de solución', 'soluções tentadas', 'tentativas',
    'tentatives', 'lösungsversuche', 'tentativi', 'попытки', 'giải pháp đã thử', 'đã thử',
    // The cause as suspected and the measures taken, while the story is still being written
    // (`#### 想定される原因`, `#### 実施した対策`, `Possible causes`, `Maßnahmen`).
    // Not `Possible causes`: a troubleshooting FAQ's entry (`E42 — Paper jam`) lists those beside a solution.
    'suspected cause', 'suspected causes', 'measures taken', 'actions taken', 'steps taken',
    'causa sospechada', 'causa suspeita', 'cause suspectée', 'vermutete ursache', 'ergriffene maßnahmen', 'causa sospetta', 'предполагаемая причина', 'принятые меры',
    '想定される原因', '推定される原因', '原因の推定', '疑似原因', '예상 원인', '추정 원인',
    '実施した対策', '実施した対応', '行った対策', '試したこと', '対応内容', '已采取措施', '采取的措施', '已採取措施', '處理方式', '处理方式', '尝试的方法', '嘗試的方法', '시도한 방법', '시도한 해결책', '조치 내용',
    'cause racine', 'problème racine', 'le problème racine', 'correctifs', 'correctifs appliqués', 'fixes applied', 'applied fixes', 'fix applied', 'solución aplicada', 'solução aplicada', 'hypotheses', 'attempts',
    ...MORE_ANATOMY_LABELS,
  ].map(key),
);

/** Articles a label may open with in the Romance languages (`A causa`, `La cause`, `El arreglo`, `Il problema`). */
const ARTICLES = new Set(['a', 'o', 'os', 'as', 'la', 'el', 'los', 'las', 'le', 'les', 'il', 'lo', 'gli']);

/** The anatomy key a line's label names: its words before the colon, or the words before or inside a `(…)` or `（…）` (`문제 (Problem):`). */
function anatomyKeyOf(label: string): string | undefined {
  const ascii = label.indexOf('(');
  const open = ascii >= 0 ? ascii : label.indexOf('（');
  const close = open >= 0 ? label.indexOf(ascii >= 0 ? ')' : '）', open) : -1;
  const parts = open >= 0 && close > open ? [label.slice(0, open), label.slice(open + 1, close)] : [label];
  // A label qualified after a comma (`Actual cause, found by reproducing CI`) names its part first.
  const comma = label.indexOf(',');
  if (comma > 0) parts.push(label.slice(0, comma));
  for (const part of parts) {
    const words = wordsOf(part, 6);
    // A numbered part (`#### 2. 원인`) is named by its words.
    if (/^\d+$/.test(words[0] ?? '')) words.shift();
    const k = words.join(' ');
    if (words.length && words.length <= 4 && ANATOMY_KEYS.has(k)) return k;
    // With its article (`**A causa.**`, `**O conserto.**`, `La cause :`, `El arreglo:`).
    if (words.length >= 2 && words.length <= 5 && ARTICLES.has(words[0]) && ANATOMY_KEYS.has(words.slice(1).join(' '))) return words.slice(1).join(' ');
  }
  return undefined;
}

/** Parts that tell what was done about it (`### Fix`, `### How we fixed it`, `### 解決`): filled, the incident was dealt with. */
/** The fix written as steps (`### Repair steps`, `### 修复步骤`): a to-do list there is a fix still to make. */
const REPAIR_STEP_KEYS = new Set(
  [
    'repair steps', 'fix steps', 'steps to fix', 'remediation steps', 'resolution steps', 'pasos de solución', 'passos de correção', 'étapes de correction', 'schritte zur behebung', 'passi di correzione', 'шаги исправления',
    '修复步骤', '修復步驟', '対応手順', '復旧手順', '수정 절차', '복구 절차',
  ].map(key),
);

const FIX_PART_KEYS = new Set([...FIX_LABELS, 'how we fixed it', 'how it was fixed', 'how it was resolved', 'fixes applied', 'fix applied', 'solución aplicada', 'solução aplicada', 'correctifs', 'correctifs appliqués', '解决', '解決', 'どうやって解決したか', 'どう解決したか', '해결책', '해결 방법',
  ...REPAIR_STEP_KEYS, '解決方法', '対処方法', '対処法', '解决方法', '解決手順', '处理方法'].map(key));

/** Whether a sub-section's title names the fix as steps to take (see REPAIR_STEP_KEYS). */
export function isRepairStepsTitle(title: string): boolean {
  return REPAIR_STEP_KEYS.has(key(stripInline(title).slice(0, 80)));
}

/** Whether a sub-section's title names what was done about the incident (see FIX_PART_KEYS). */
export function isFixPartTitle(title: string): boolean {
  // The title alone: a qualified one (`Fix (planned)`, `Fix, not yet deployed`) says no more than a plan.
  return FIX_PART_KEYS.has(key(stripInline(title).slice(0, 80)));
}

/** Whether a section's title names a part of an incident (`Root cause`, `事故经过`, `教训（…）`, `Přčina`). */
export function isAnatomyTitle(title: string): boolean {
  return anatomyKeyOf(stripInline(title).slice(0, 80)) !== undefined;
}

/** The text of a bold run that opens a line, after any list marker (`- **Symptom** …` → `Symptom`), or undefined. */
function boldLead(line: string): string | undefined {
  let i = 0;
  if ((line[0] === '-' || line[0] === '*' || line[0] === '+') && line[1] === ' ') i = 2;
  while (line[i] === ' ') i++;
  const marker = line.slice(i, i + 2);
  if (marker !== '**' && marker !== '__') return undefined;
  const close = line.indexOf(marker, i + 2);
  return close > i + 2 && close - i <= 60 ? line.slice(i + 2, close) : undefined;
}

/** Words in an anatomy key that name a cause (`root cause`, `원인 분석`, `Ursache`, `причина`). */
const CAUSE_WORDS = ['cause', 'causa', 'ursache', 'причин', '原因', '根因', '원인', 'nguyên nhân', 'cauz', 'oorzaak', 'przyczyn', 'neden', 'sebep', 'penyebab', 'orsak', 'årsa', 'syy', 'příčin', 'príčin', 'vzrok', 'uzrok', 'סיבה', 'שורש'];

/** Whether lines of [from, to) are labelled with a cause (see CAUSE_WORDS) among their anatomy keys. */
export function namesCause(ctx: IndexContext, from: number, to: number): boolean {
  for (const k of anatomyKeys(ctx, from, to)) if (CAUSE_WORDS.some((w) => k.includes(w))) return true;
  return false;
}

/** How many different anatomy keys label lines of [from, to) (a line's words before its colon, or a short line alone). */
export function anatomyKeyCount(ctx: IndexContext, from: number, to: number): number {
  return anatomyKeys(ctx, from, to).size;
}

/** A line's label: its bold lead, its words before a colon, or the line itself when short; undefined when it has none. */
function lineLabel(line: string, alone = true): string | undefined {
  const text = line.slice(0, 80);
  const bold = boldLead(text);
  const colon = firstColon(text);
  // A label in bold that leads its line (`- **Symptom** the tile showed …`) is a label too.
  if (bold !== undefined) return bold;
  if (colon >= 0) return text.slice(0, colon);
  return !alone || text.length > 30 ? undefined : text;
}

/** The different anatomy keys that label lines of [from, to), up to three (see anatomyKeyCount). */
function anatomyKeys(ctx: IndexContext, from: number, to: number, seen = new Set<string>()): Set<string> {
  eachProseLine(ctx, from, to, (line) => {
    const label = lineLabel(line);
    const k = label === undefined ? undefined : anatomyKeyOf(label);
    if (k) seen.add(k);
    return seen.size >= 3;
  });
  return seen;
}

/** The parts of a bug report (`Steps to reproduce`, `Expected result`, `Фактический результат`). */
export const BUG_REPORT_KEYS = new Set(
  [
    'steps to reproduce', 'reproduction steps', 'how to reproduce', 'actual result', 'actual behavior', 'actual behaviour', 'expected result', 'expected behavior', 'expected behaviour',
    'pasos para reproducir', 'resultado actual', 'resultado obtenido', 'resultado esperado', 'passos para reproduzir', 'resultado atual', 'resultado obtido',
    'étapes pour reproduire', 'étapes de reproduction', 'résultat obtenu', 'résultat attendu', 'comportement attendu', 'schritte zur reproduktion', 'reproduktionsschritte',
    'tatsächliches ergebnis', 'erwartetes ergebnis', 'erwartetes verhalten', 'passi per riprodurre', 'risultato atteso', 'risultato effettivo',
    'шаги для воспроизведения', 'шаги воспроизведения', 'фактический результат', 'ожидаемый результат',
    '复现步骤', '重现步骤', '实际结果', '预期结果', '期望结果', '再現手順', '実際の結果', '期待結果', '期待される結果', '재현 단계', '재현 방법', '실제 결과', '기대 결과', '예상 결과',
  ].map(key),
);

/**
 * The first line of [from, to) labelled with a key of `keys` (see lineLabel) and something after
 * its label, once `distinct` different keys label lines: its key and 1-based line; else undefined.
 * A bug report is two different parts of one (steps to reproduce, what happened, what was expected).
 */
export function labelledWith(ctx: IndexContext, from: number, to: number, keys: ReadonlySet<string>, distinct = 1): { words: string; line: number } | undefined {
  let first: { words: string; line: number } | undefined;
  const seen = new Set<string>();
  eachProseLine(ctx, from, to, (line, li) => {
    // A label in bold or before a colon (a bare `TODO` line is no label), not followed by a word
    // that says there is nothing (`Next steps: none.`).
    const label = lineLabel(line, false);
    const k = label === undefined ? '' : wordsOf(label, 5).join(' ');
    const rest = k ? stripInline(line.slice(line.indexOf(label as string) + (label as string).length)).replace(/^[\s*_:：]+/, '') : '';
    if (!keys.has(k) || (rest && !namesSomething(rest))) return false;
    first ??= { words: k, line: li + 1 };
    seen.add(k);
    return seen.size >= distinct;
  });
  return seen.size >= distinct ? first : undefined;
}

/**
 * The anatomy keys of a two-column table's rows (`| 항목 | 내용 |` over `| 증상 | … |`, `| 원인 |
 * … |`): a part labelled in a table's first cell, as a field table writes it. Rows of a real
 * table only (a header and a delimiter row), its header aside, a placeholder value (`| Cause | TBD
 * |`) telling nothing.
 */
function tableLabels(ctx: IndexContext, from: number, to: number): Set<string> {
  const { text, lines } = ctx;
  const seen = new Set<string>();
  for (let li = from; li < to && seen.size < 3; li++) {
    if (lines.skip[li] || lines.level[li] || text.charCodeAt(lines.starts[li]) !== 124 /* | */) continue;
    const table = tableAt(text, lines, li, to);
    if (!table) continue;
    li = table.lastRow;
    if (table.headers.length !== 2) continue;
    for (let r = table.firstRow; r <= table.lastRow && seen.size < 3; r++) {
      const row = splitTableRow(text.slice(lines.starts[r], Math.min(lines.ends[r], lines.starts[r] + 400))).cells;
      if (row.length < 2 || isPlaceholderValue(stripInline(row[1]))) continue;
      const k = anatomyKeyOf(stripInline(row[0]));
      if (k) seen.add(k);
    }
  }
  return seen;
}

/** How many parts of an incident a section's two-column tables label (see tableLabels): its story, told in a table. */
export function tableAnatomy(ctx: IndexContext, from: number, to: number): number {
  return tableLabels(ctx, from, to).size;
}

/**
 * How many of a section's sub-sections one level down are titled as a part of an incident and
 * hold a line that is no placeholder (code counts: `### 解決` over a fenced fix is filled).
 */
export function filledParts(ctx: IndexContext, hi: number, to: number): number {
  const headings = ctx.headings;
  let n = 0;
  for (let k = hi + 1; k < headings.length && headings[k].line < to; k++) {
    if (headings[k].level !== headings[hi].level + 1 || !anatomyKeyOf(stripInline(headings[k].text).slice(0, 80))) continue;
    const partEnd = k + 1 < headings.length && headings[k + 1].line < to ? headings[k + 1].line : to;
    for (let li = headings[k].line + 1; li < partEnd; li++) {
      const line = lineText(ctx, li).trim();
      if (line && !line.startsWith('```') && !line.startsWith('~~~') && !isPlaceholderValue(stripInline(line))) {
        n++;
        break;
      }
    }
  }
  return n;
}

/**
 * The anatomy keys of a section: its labelled lines, and the titles of its sub-sections one level
 * down that name a part (`### 問題`, `### 原因`, `### 解決`; `### Root cause`, `### Fix`).
 */
export function sectionAnatomy(ctx: IndexContext, hi: number, to: number): number {
  const headings = ctx.headings;
  const seen = new Set<string>();
  for (let k = hi + 1; k < headings.length && headings[k].line < to && seen.size < 3; k++) {
    if (headings[k].level !== headings[hi].level + 1) continue;
    const key = anatomyKeyOf(stripInline(headings[k].text).slice(0, 80));
    if (key) seen.add(key);
  }
  return seen.size >= 2 ? seen.size : anatomyKeys(ctx, headings[hi].line + 1, to, seen).size;
}
