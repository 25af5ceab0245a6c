// `incident statuspage`: the public status site generated from the log (src/core/statuspage):
// index.html, one page per incident, feed.atom, feed.rss and status.json, written into a folder of the
// repository (default site/status/) and rebuilt whole; --dry-run prints what would be published.
// Several logs (`--log` repeated or a glob) make one page: every log's incidents, each read under
// its own playbook, and every playbook's components; the site goes in the first log's repository.
import { relative, resolve } from 'node:path';
import { type CliContext, defineCommand } from '../command';
import { NOW } from '../options';

export default defineCommand({
  name: 'statuspage',
  usage: 'statuspage [--out DIR] [--days N] [--title TEXT] [--base-url URL] [--now ISO] [--dry-run]',
  summary: 'Write the public status page (HTML, Atom feed, status.json) from the log.',
  options: [
    { name: 'out', value: 'DIR', description: 'The folder to write, inside the repository (default: site/status/ at its root).' },
    { name: 'days', value: 'N', description: 'Days of resolved incidents to list (default: 90).' },
    { name: 'title', value: 'TEXT', description: 'The page’s title (default: Service status).' },
    { name: 'base-url', value: 'URL', description: 'The site’s public address, for absolute links in the feed and status.json.' },
    NOW,
    { name: 'dry-run', description: 'Print what would be published; write nothing.' },
  ],
  maxArgs: 0,
  manyLogs: true,
  run,
});

async function run(ctx: CliContext): Promise<number> {
  const { buildStatusPage, buildStatusPageOf } = await import('../../core/statuspage/model');
  const { dryRunText, renderSite } = await import('../../core/statuspage/site');
  const { SiteError, publishSite, siteFolder } = await import('../../core/statuspage/publish');
  const { CommandError, guarded, note, nowOf, print, readIndex } = await import('./shared');
  return guarded(async () => {
    const days = daysOf(ctx.values.days, CommandError);
    const baseUrl = baseUrlOf(ctx.values['base-url'], CommandError);
    const now = nowOf(ctx);
    const options = { days, title: ctx.values.title };
    const model = ctx.logs ? buildStatusPageOf(ctx.logs.map((l) => ({ index: l.readIndex(), policy: l.policy })), now, options) : buildStatusPage(readIndex(ctx), ctx.policy, now, options);
    const out = ctx.values.out === undefined ? resolve(ctx.files.root, 'site', 'status') : resolve(ctx.cwd, ctx.values.out);
    let folder: string;
    try {
      folder = siteFolder(ctx.files, out);
    } catch (e) {
      if (e instanceof SiteError) throw new CommandError(e.message.replace(out, ctx.values.out ?? out));
      throw e;
    }
    const shownFolder = relative(ctx.files.root, folder) || '.';
    const site = renderSite(model, { baseUrl });
    if (ctx.values['dry-run']) {
      print(dryRunText(model));
      print(`\nWould write ${site.length} files to ${shownFolder}/: ${site.map((f) => f.path).join(', ')}\n`);
      return 0;
    }
    try {
      const result = await publishSite(ctx.files, folder, site);
      const removed = result.removed.length ? `, removed ${result.removed.length} (${result.removed.join(', ')})` : '';
      note(`Status page in ${shownFolder}/: ${result.written.length} written, ${result.unchanged.length} unchanged${removed}.`);
      return 0;
    } catch (e) {
      if (e instanceof SiteError) throw new CommandError(e.message);
      throw e;
    }
  });
}

function daysOf(value: string | undefined, Err: new (message: string) => Error): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value.trim());
  if (!/^\d{1,5}$/.test(value.trim()) || n < 1 || n > 3650) throw new Err(`--days "${value}" is not a number of days from 1 to 3650.`);
  return n;
}

function baseUrlOf(value: string | undefined, Err: new (message: string) => Error): string | undefined {
  if (value === undefined) return undefined;
  let url: URL | undefined;
  try {
    url = new URL(value.trim());
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:') || url.search || url.hash || url.username || url.password) {
    throw new Err(`--base-url "${value}" is not an http(s) address without a query (e.g. https://status.example.com/).`);
  }
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}
