/**
 * The daily retention job (DESIGN §5, ADR 0006): an EventBridge schedule invoking a
 * function of its own (functions/triggers/retention-job.ts). Its role may only read and
 * change schedule items and cases of the main table (`dynamodb:LeadingKeys`
 * `RETENTION#*`, `CASE#*`; no index, no Scan, no Put) and append to the audit table.
 */
import { Duration } from 'aws-cdk-lib'
import type { Construct } from 'constructs'
import { retentionJobStatements } from '../stacks/job-statements'
import type { GrantTargets } from './access-grants'
import { ScheduledJob } from './scheduled-job'

export interface RetentionJobProps {
  targets: GrantTargets
  retentionYears: number
}

export class RetentionJob extends ScheduledJob {
  constructor(scope: Construct, id: string, props: RetentionJobProps) {
    const { targets } = props
    super(scope, id, {
      handler: 'functions/triggers/retention-job.ts',
      description: 'tksk-flow daily job: anonymises closed cases past their retention period',
      environment: {
        STAGE: 'aws',
        MAIN_TABLE_NAME: targets.main.table.tableName,
        AUDIT_TABLE_NAME: targets.audit.table.tableName,
        RETENTION_YEARS: String(props.retentionYears),
        POWERTOOLS_SERVICE_NAME: 'tksk-retention',
      },
      // Its table statements are data (job-statements.ts), evaluated as they are by the local platform.
      statements: retentionJobStatements(),
      targets,
      schedule: {
        id: 'Daily',
        description: 'tksk-flow retention job, daily',
        // 02:00 WIB, after the day's work and before the next.
        cron: { minute: '0', hour: '19' },
        // A run that has not started within 6 hours is left to the next night's.
        maxEventAge: Duration.hours(6),
      },
    })
  }
}
