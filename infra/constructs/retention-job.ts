/**
 * The daily retention job (DESIGN §5, ADR 0006): an EventBridge schedule invoking a
 * function of its own (functions/triggers/retention-job.ts). Its role may only read and
 * change schedule items and cases of the main table (`dynamodb:LeadingKeys`
 * `RETENTION#*`, `CASE#*`; no index, no Scan, no Put) and append to the audit table.
 */
import { Duration } from 'aws-cdk-lib'
import { Rule, Schedule } from 'aws-cdk-lib/aws-events'
import type { Queue } from 'aws-cdk-lib/aws-sqs'
import { Construct } from 'constructs'
import { retentionJobStatements } from '../stacks/access-statements'
import { type GrantTargets, grantStatements } from './access-grants'
import { scheduledTarget } from './scheduled-target'
import { PROJECT_ROOT, TkskFunction } from './tksk-function'

export interface RetentionJobProps {
  targets: GrantTargets
  retentionYears: number
}

export class RetentionJob extends Construct {
  readonly fn: TkskFunction
  readonly rule: Rule
  /** Daily runs that failed after EventBridge's retries. */
  readonly deadLetters: Queue

  constructor(scope: Construct, id: string, props: RetentionJobProps) {
    super(scope, id)
    const { targets } = props
    this.fn = new TkskFunction(this, 'Job', {
      entry: `${PROJECT_ROOT}/functions/triggers/retention-job.ts`,
      kind: 'job',
      description: 'tksk-flow daily job: anonymises closed cases past their retention period',
      environment: {
        STAGE: 'aws',
        MAIN_TABLE_NAME: targets.main.table.tableName,
        AUDIT_TABLE_NAME: targets.audit.table.tableName,
        RETENTION_YEARS: String(props.retentionYears),
        POWERTOOLS_SERVICE_NAME: 'tksk-retention',
      },
    })
    // Its table statements are data (access-statements.ts), evaluated as they are by the local platform.
    grantStatements(this.fn.role, retentionJobStatements(), targets)
    // A run that has not started within 6 hours is left to the next night's.
    const { target, deadLetters } = scheduledTarget(this, 'Daily', this.fn.function, Duration.hours(6))
    this.deadLetters = deadLetters
    // 02:00 WIB, after the day's work and before the next.
    this.rule = new Rule(this, 'Daily', {
      description: 'tksk-flow retention job, daily',
      schedule: Schedule.cron({ minute: '0', hour: '19' }),
      targets: [target],
    })
  }
}
