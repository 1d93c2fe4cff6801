/**
 * The names the functions write and the alarms and dashboard read (infra/constructs),
 * kept apart from the writer so the CDK app does not load Powertools.
 */
export const METRICS_NAMESPACE = 'tksk-flow'
/** Every function reports under one service, so an alarm's dimensions do not depend on which function counted. */
export const METRICS_SERVICE = 'tksk-flow'

export const BUSINESS_METRICS = [
  'CasesFiled',
  'CasesClosed',
  'TasksOverdue',
  'Escalations',
  'LinkDecisions',
  'VervalRowsApplied',
  'VervalRowsInvalid',
  'MailsSent',
  'MailsFailed',
  'MailsBounced',
  'MailsComplained',
  // Residents' SMS (ADR 0028); one refused for good counts as MailsFailed, which alarms.
  'SmsSent',
  'PiiReads',
  'RateLimited',
  // A case or verval batch marked NEEDS_ATTENTION (ADR 0025, 0040): its workflow halted on a failed step.
  'NeedsAttention',
  // A new case's start Step Functions refused for good (ADR 0050): its next read retries it.
  'WorkflowStartsRefused',
] as const

export type BusinessMetric = (typeof BUSINESS_METRICS)[number]
