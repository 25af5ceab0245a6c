// Front matter is parsed with the `yaml` package, as YAML only: a log is untrusted, and
// gray-matter both evaluates `---js` blocks as code and caches every input it sees for the life
// of the process. Nothing here keeps state between calls.
//
// The package costs ~30 ms to load and most logs have no front matter: it is required on the
// first call, not with the core (the bundler keeps it in the bundle either way).
import type * as Yaml from 'yaml';

let loaded: typeof Yaml | undefined;

/** A front matter block that is not read at all (its message is a whole sentence). */
export class FrontMatterError extends Error {}

/** What a caller reports for a front matter block that could not be read. */
export function frontMatterProblemMessage(e: unknown): string {
  if (e instanceof FrontMatterError) return e.message;
  return `The front matter is not valid YAML: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`;
}

/** The largest front matter block parsed as YAML. */
export const FRONT_MATTER_CAP = 64 * 1024;

/** The languages a front matter block may name on its opening line (`---yaml`). */
const YAML_NAMES = new Set(['', 'yaml', 'yml']);

/**
 * Parses a front-matter block (`---\n…\n---`, or closed by `...`); throws on invalid YAML, and on
 * a block marked as another language (`---js`), which is never run. Error messages give lines
 * of the block as given (line 1 is the opening `---`).
 */
export function parseFrontMatter(text: string): { data: Record<string, unknown> } {
  // The YAML parser slows more than proportionally on some shapes (a long run of quotes); real
  // front matter is a few hundred bytes, so a block over the cap is reported, never parsed.
  if (text.length > FRONT_MATTER_CAP) throw new FrontMatterError(`The front matter is over ${FRONT_MATTER_CAP / 1024} KB; it is not read.`);
  const lines = text.split('\n');
  const opening = lines[0].replace(/\r$/, '');
  if (!opening.startsWith('---')) return { data: {} };
  const language = opening.slice(3).trim().toLowerCase();
  if (!YAML_NAMES.has(language)) throw new Error(`Front matter marked "${opening.slice(3).trim()}" is not read: only YAML front matter is.`);
  let close = lines.length;
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i].replace(/\r$/, '');
    if (line === '---' || line === '...') {
      close = i;
      break;
    }
  }
  // The opening line stays as YAML's own document marker, so reported lines match the file's.
  const source = ['---', ...lines.slice(1, close)].join('\n') + '\n';
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  loaded ??= require('yaml') as typeof Yaml;
  // YAML 1.2 core schema, plus timestamps so `detected: 2026-03-04T10:00:00+01:00` is a date as it
  // was with gray-matter. Warnings are not printed: the caller reports errors as problems.
  const doc = loaded.parseDocument(source, { customTags: ['timestamp'], logLevel: 'silent', prettyErrors: true });
  if (doc.errors.length) throw new Error(doc.errors[0].message);
  const data: unknown = doc.toJS({ maxAliasCount: 100 });
  return { data: data !== null && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {} };
}
