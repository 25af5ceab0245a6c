// Limits both sides of the panel messaging read, in a module without zod so that a page's bundle
// can import them (protocol.ts builds its schemas when loaded).

/** Longest composer draft a page keeps in its saved state. */
export const MAX_DRAFT_TEXT = 100_000;
