// How the agent tools of the catalogue (src/core/agent/catalog.ts) are named among VS Code's
// language model tools, and who the timeline says made a change through them. Plain values: the
// manifest's generator (scripts/lm-tools.ts) reads them too.

/** `incident_list_incidents` is the catalogue's `list_incidents`. */
export const LM_TOOL_PREFIX = 'incident_';

/** The agent that an entry written through a tool names beside the git user (`dana via Copilot`). */
export const LM_CLIENT = 'Copilot';
