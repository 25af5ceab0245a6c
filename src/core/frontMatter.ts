// gray-matter (with js-yaml) costs ~20 ms to load, and most logs have no front matter: it is
// loaded on the first call, not with the core. The bundler keeps it in the bundle either way.
import type grayMatter from 'gray-matter';

let loaded: typeof grayMatter | undefined;

/** Parses a front-matter block (`---\n…\n---`) with gray-matter; throws on invalid YAML. */
export function parseFrontMatter(text: string): { data: Record<string, unknown> } {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  loaded ??= require('gray-matter') as typeof grayMatter;
  return { data: loaded(text).data as Record<string, unknown> };
}
