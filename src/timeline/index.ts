/**
 * Public API of the timeline builder's logic (issue 7). Pure and browser-safe. The page's island
 * imports the modules themselves, so its first paint leaves out zod (plan-schema.ts, json.ts,
 * share.ts) until a change needs them. See plan.ts for the conventions (anchors, pauses, moves, terms).
 */
export {
  ANCHORS,
  BLANK_META,
  DEFAULT_REACTION,
  DEFAULT_TERM_DAYS,
  LIMITS,
  PAUSE_REASONS,
  PlanError,
  applyChangeWith,
  blankPlan,
  canUndo,
  changePlanWith,
  createEditor,
  createSettings,
  nominalOffsets,
  planFromWorkflow,
} from './plan.ts';
export type { Change, Editor, Plan, SettingsInput, StepContent, Validate } from './plan.ts';
export { Anchor, Pause, PauseReason, PlanMeta, PlanSchema, PlanSettings, PlanStep, Repeat, applyChange, changePlan, validatePlan } from './plan-schema.ts';

export { caseCatalog, computeSchedule, describeTemplate, fourteenDayLetterBasis, isFormalNotice, isWritten } from './schedule.ts';
export { COLLECTION_COST_PATHS, PAY_BY_PATH, statesFourteenDayTerms } from './veertiendagenbrief.ts';
export type {
  FourteenDayLetterBasis,
  RunningTerm,
  Schedule,
  ScheduledStep,
  StepCost,
  StepCosts,
  StepInterest,
  StepStatus,
  StepTerm,
  TemplateCatalog,
  TemplateInfo,
  TermOrigin,
} from './schedule.ts';

export { RULES, WARNING_IDS, buildTimelineWith, warningsWith } from './warnings.ts';
export type { ContentVocabulary, Rule, RuleContext, Severity, Warning, WarningId } from './warnings.ts';
export { CONTENT_VOCABULARY, buildTimeline, warningsFor } from './defaults.ts';

export { planRows } from './rows.ts';
export type { PlanRow } from './rows.ts';

export { PlanWorkflowJson, TimelineExtension, WorkflowJsonInput, planToWorkflowJson, workflowJsonToPlan } from './json.ts';

export { MAX_STATE_LENGTH, decodeState, encodeState } from './share.ts';

export { dayLabel, longDate } from './format.ts';
