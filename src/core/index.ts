// The core's public surface. Pure TypeScript: no vscode import anywhere under src/core.
export * from './model';
export { indexLog, indexIncidentFile, findIncident, isActive, statusState, policyOf, type StatusState, readHeading, plainIncident, readingProblems, contentOf, reindexLog, type IndexOptions } from './indexer';
export {
  addChecklist,
  appendTimelineEntry,
  applySplices,
  combineSplices,
  declareIncident,
  newLogText,
  nextIncidentId,
  resolveIncident,
  setField,
  setTaskDone,
  setChecklistItem,
  type ChecklistState,
  WriteRefused,
  type DeclareOptions,
  type Declared,
  type NewTimelineEntry,
} from './log/writer';
export {
  defaultPolicy,
  priorityPolicy,
  matchSeverity,
  matchStatus,
  isResolvedStatus,
  unknownSeverityMessage,
  unknownStatusMessage,
  canonicalField,
  fieldFromName,
  parseDuration,
  parseReviewPeriod,
  reviewPeriodText,
  reviewPeriodFor,
  flattenPhases,
  type ChecklistPhase,
  type ChecklistStep,
  type ReviewPeriod,
  FIELD_LABELS,
  PolicyError,
  type Policy,
  type SeverityLevel,
} from './playbook/policy';
export { loadPolicy } from './playbook/playbook';
export { checkLog, IncrementalCheck, incidentFacts, checkIncidentFacts, type CheckOptions, type IncidentFacts, lastUpdateAt, nextUpdateDue, snoozeEntryText, snoozeMinutes, snoozedUntil } from './response/check';
export { dueReminders, type Reminder, type ReminderKind } from './response/reminders';
export { headingSlug, incidentReviewDue, planReview, renderReview, reviewDueDate, reviewDueFor, reviewFileName, reviewOverdue, type ReviewOptions, type ReviewPlan } from './review/review';
export {
  REVIEW_SECTIONS,
  finalizeReview,
  findReviewSection,
  readReview,
  sectionBodyText,
  setReviewFrontMatter,
  spliceSection,
  type FrontMatterLine,
  type ReviewDoc,
  type ReviewFinalized,
  type ReviewSection,
  type ReviewSectionKey,
} from './review/reviewFile';
export {
  addReviewActionItem,
  editReviewActionItem,
  openReviewActionItems,
  overdueActionItems,
  readReviewActionItems,
  setReviewActionItemDone,
  type ActionColumn,
  type ActionTable,
  type NewActionItem,
  type OverdueOptions,
  type ReviewActionItem,
} from './review/reviewActions';
export { formatDisplayTime, formatLogTime, formatIsoUtc, parseUserTime, resolveDisplayZone, toDate, parseLeadingTime } from './format/time';
export { stripInline, foldUserText } from './reader/text';
export { incidentDetail, type IncidentDetail } from './reader/detail';
export { addPlaybookChecklist, assignRole, changeSeverity, changeStatus, isEscalation, skipChecklistItem, tickChecklistItem, type Actor, type Role } from './response/operations';
export { checklistView, type ChecklistView, type ChecklistViewItem, type ChecklistViewPhase } from './response/checklist';
export { activeClocks, byUrgency, clocksByUrgency, elapsedMinutes, formatElapsed, overdueText, severityRank, updateDueText, updateUrgency, type ActiveClock, type UpdateUrgency } from './response/clock';
export { sanitizeForDisplay, escapeJsonForTerminal, type DisplayTextOptions } from './format/displayText';
export { gitAuthor, gitIdentity, gitResponder, gitUserName } from './response/gitUser';
export { authorHandle, cleanOwner, isFullName, ownerCell, ownerLabel, ownerTrailer, personOf, responderOf, type GitIdentity, type Responder } from './response/author';
export { REDACTED, redactSecrets, stripTerminalSequences } from './health/redact';
export {
  DEFAULT_CHECK_TIMEOUT_MS,
  EXCERPT_CHARS,
  findHealthCheck,
  findRunbook,
  formatRunDuration,
  healthCheckEntry,
  healthChecksOf,
  healthSummaryEntry,
  normalizeCheckCwd,
  outputExcerpt,
  parseCheckTimeout,
  runbookParamEnv,
  runbooksOf,
  statusFor,
  usesParam,
  type HealthCheck,
  type RunResult,
  type RunStatus,
  type Runbook,
  type RunbookParam,
  type RunbookStep,
} from './health/healthChecks';
export { DEFAULT_MAX_OUTPUT_BYTES, checkFolder, defaultRunShell, runCommand, runHealthCheck, type CommandRun, type RunCheckOptions, type RunCommandOptions } from './health/healthRun';
export { PLAYBOOK_TEMPLATE } from './playbook/playbookTemplate';
export { playbookRoot } from './log/paths';
export { readStatus, statusIsResolved, isFilledValue, isPlaceholderValue, resolutionFact, type StatusReading } from './playbook/statusWords';
export { readSeverity, isImpactKey, type SeverityReading } from './playbook/severityWords';
export { presetForLog, type InferredPolicy } from './playbook/severityPreset';
export { proposePlaybook } from './playbook/playbookProposal';
export { readingNotes, approximately, type ReadingNotes } from './reader/readingNotes';
