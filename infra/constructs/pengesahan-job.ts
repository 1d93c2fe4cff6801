/**
 * The daily pengesahan job (issue 21.5, ADR 0035): an EventBridge schedule invoking a
 * function of its own (functions/triggers/pengesahan-job.ts), which reminds and
 * escalates what is late against each kabupaten/kota's pengesahan day. Its role reads
 * the main table (and its indexes), puts reminder records and outbox mails, appends audit
 * entries: no update, no delete, no SES (the mailer sends).
 */
import { Duration } from 'aws-cdk-lib'
import { Rule, Schedule } from 'aws-cdk-lib/aws-events'
import type { Queue } from 'aws-cdk-lib/aws-sqs'
import { Construct } from 'constructs'
import { pengesahanJobStatements } from '../stacks/access-statements'
import { type GrantTargets, grantStatements } from './access-grants'
import { scheduledTarget } from './scheduled-target'
import { PROJECT_ROOT, TkskFunction } from './tksk-function'

export interface PengesahanJobProps {
  targets: GrantTargets
  /** Variables every function shares (stage, table names, public base URL…). */
  environment: Record<string, string>
}

export class PengesahanJob extends Construct {
  readonly fn: TkskFunction
  readonly rule: Rule
  /** Daily runs that failed after EventBridge's retries. */
  readonly deadLetters: Queue

  constructor(scope: Construct, id: string, props: PengesahanJobProps) {
    super(scope, id)
    this.fn = new TkskFunction(this, 'Job', {
      entry: `${PROJECT_ROOT}/functions/triggers/pengesahan-job.ts`,
      kind: 'job',
      description: 'tksk-flow daily job: reminders and escalations of the verval pengesahan deadline',
      environment: { ...props.environment, POWERTOOLS_SERVICE_NAME: 'tksk-pengesahan' },
      // The mails name the kecamatan from the Kemendagri codes.
      assets: ['idn-area-data'],
    })
    grantStatements(this.fn.role, pengesahanJobStatements(), props.targets)
    // A run that has not started within 6 hours is left to the next day's (each milestone is sent once).
    const { target, deadLetters } = scheduledTarget(this, 'Daily', this.fn.function, Duration.hours(6))
    this.deadLetters = deadLetters
    // 07:00 WIB: the reminder is in the inbox when the office opens.
    this.rule = new Rule(this, 'Daily', {
      description: 'tksk-flow pengesahan deadline reminders, daily',
      schedule: Schedule.cron({ minute: '0', hour: '0' }),
      targets: [target],
    })
  }
}
