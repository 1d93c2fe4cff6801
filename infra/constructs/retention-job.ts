/**
 * The daily retention job (DESIGN §5, ADR 0006): an EventBridge schedule invoking a
 * function of its own (functions/triggers/retention-job.ts). Its role may only read and
 * change schedule items and cases of the main table (`dynamodb:LeadingKeys`
 * `RETENTION#*`, `CASE#*`; no index, no Scan, no Put) and append to the audit table.
 */
import { Rule, Schedule } from 'aws-cdk-lib/aws-events'
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets'
import { PolicyStatement } from 'aws-cdk-lib/aws-iam'
import { Construct } from 'constructs'
import { retentionJobKeyPatterns } from '../../functions/data/keys'
import { type GrantTargets, grantAccess } from './access-grants'
import { PROJECT_ROOT, TkskFunction } from './tksk-function'

/** What the job does to the main table: read the schedule and cases, update a case, delete its schedule item. */
export const RETENTION_MAIN_ACTIONS = [
  'dynamodb:GetItem',
  'dynamodb:Query',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
] as const

export interface RetentionJobProps {
  targets: GrantTargets
  retentionYears: number
}

export class RetentionJob extends Construct {
  readonly fn: TkskFunction
  readonly rule: Rule

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
    this.fn.role.addToPrincipalPolicy(
      new PolicyStatement({
        actions: [...RETENTION_MAIN_ACTIONS],
        resources: [targets.main.table.tableArn],
        conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [...retentionJobKeyPatterns] } },
      }),
    )
    // The audit append (and with it the tables' key through DynamoDB), as every writer of entries has it.
    grantAccess(this.fn.role, { audit: 'append' }, targets)
    // 02:00 WIB, after the day's work and before the next.
    this.rule = new Rule(this, 'Daily', {
      description: 'tksk-flow retention job, daily',
      schedule: Schedule.cron({ minute: '0', hour: '19' }),
      targets: [new LambdaFunction(this.fn.function, { retryAttempts: 2 })],
    })
  }
}
