/**
 * The triage sections of docs/runbook.md ("## Alarms"), one per kind of alarm: every
 * alarm's description names its section, so the operator who receives the mail knows
 * where to read. test/infra/alarms.test.ts keeps these headings and the runbook equal.
 */
export const RUNBOOK_SECTIONS = {
  api5xx: 'API 5xx rate',
  functionErrors: 'Function errors',
  functionThrottles: 'Function throttles',
  executionsFailed: 'Executions failed',
  executionsTimedOut: 'Executions timed out',
  executionsAborted: 'Executions aborted',
  tableThrottles: 'DynamoDB throttles',
  cognitoTriggers: 'Cognito trigger errors',
  anchorMissing: 'Audit anchor job missing',
  retentionErrors: 'Retention job errors',
  deadLetters: 'Dead letters',
  streamBacklog: 'Stream backlog',
  mailsFailed: 'Mail refused by SES',
  sesBounceRate: 'SES bounce rate',
  needsAttention: 'Needs attention',
} as const

export type RunbookSection = keyof typeof RUNBOOK_SECTIONS

export const RUNBOOK_PATH = 'docs/runbook.md'

/** GitHub's anchor of a heading: lower case, spaces to dashes, punctuation dropped. */
export const headingAnchor = (heading: string): string =>
  heading
    .toLowerCase()
    .replace(/[^a-z0-9 -]/g, '')
    .replace(/ /g, '-')

/** Where an alarm's description points: the file and the heading (with its anchor). */
export const runbookReference = (section: RunbookSection): string =>
  `Runbook: ${RUNBOOK_PATH}#${headingAnchor(RUNBOOK_SECTIONS[section])} (${RUNBOOK_SECTIONS[section]})`
