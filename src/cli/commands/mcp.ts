// `incident mcp`: serves the incident tools to an agent over MCP on stdio (see docs/AGENTS.md).
// Read tools only, unless --allow-write (previewed writes) and --allow-run (health checks).
import { type CliContext, defineCommand } from '../command';

declare const __INCIDENT_VERSION__: string | undefined;

export default defineCommand({
  name: 'mcp',
  usage: 'mcp [--allow-write] [--allow-run]',
  summary: 'Serve the incident tools to an agent (Model Context Protocol, stdio); read-only unless --allow-write.',
  options: [
    { name: 'allow-write', description: 'Also serve the write tools: each returns a preview, written only by apply_change.' },
    { name: 'allow-run', description: 'Also serve run_health_check (runs the playbook’s commands, output redacted).' },
  ],
  maxArgs: 0,
  run,
});

async function run(ctx: CliContext): Promise<number> {
  const { serveMcp } = await import('../mcp/server');
  const version = typeof __INCIDENT_VERSION__ === 'string' ? __INCIDENT_VERSION__ : '0.0.0-dev';
  await serveMcp(ctx, { allowWrite: !!ctx.values['allow-write'], allowRun: !!ctx.values['allow-run'], version });
  return 0;
}
