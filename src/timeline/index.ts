/**
 * Public API of the timeline builder's logic (issue 7). Pure and browser-safe: the island imports
 * this module and keeps the UI. See plan.ts for the conventions (anchors, pauses, moves, terms).
 */
export {
  ANCHORS,
  Anchor,
  BLANK_META,
  DEFAULT_REACTION,
  DEFAULT_TERM_DAYS,
  LIMITS,
  PAUSE_REASONS,
  Pause,
  PauseReason,
  PlanError,
  PlanMeta,
  PlanSchema,
  PlanSettings,
  PlanStep,
  Repeat,
  applyChange,
  blankPlan,
  canUndo,
  changePlan,
  createEditor,
  createSettings,
  nominalOffsets,
  planFromWorkflow,
  validatePlan,
} from './plan.ts';
export type { Change, Editor, Plan, SettingsInput, StepContent } from './plan.ts';

export { caseCatalog, computeSchedule, describeTemplate, isFormalNotice, isWritten } from './schedule.ts';
export type {
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

export { RULES, WARNING_IDS, buildTimeline, warningsFor } from './warnings.ts';
export type { Rule, RuleContext, Severity, Warning, WarningId } from './warnings.ts';

export { planRows } from './rows.ts';
export type { PlanRow } from './rows.ts';

export { PlanWorkflowJson, TimelineExtension, WorkflowJsonInput, planToWorkflowJson, workflowJsonToPlan } from './json.ts';

export { MAX_STATE_LENGTH, decodeState, encodeState } from './share.ts';

export { dayLabel, longDate } from './format.ts';
