/**
 * The hourly anchor job on AWS (DESIGN §5): a function of its own, run by an EventBridge
 * schedule a minute past each hour. Its statements (job-statements.ts
 * `auditAnchoringStatements`) are not an access-table entry, because no other function
 * needs this shape: Query on the audit table's `byDay` index only (which chains
 * changed), and list/read/write of anchor objects in the Object Lock bucket. It cannot
 * read the state table, entries by key, or any other index, and nothing in it can
 * delete an anchor.
 */
import { Duration } from 'aws-cdk-lib'
import type { Construct } from 'constructs'
import { auditAnchoringStatements } from '../stacks/job-statements'
import type { GrantTargets } from './access-grants'
import { ScheduledJob } from './scheduled-job'

export interface AuditAnchoringProps {
  targets: GrantTargets
  /** Variables every function shares (stage, table names…). */
  environment: Record<string, string>
}

export class AuditAnchoring extends ScheduledJob {
  constructor(scope: Construct, id: string, props: AuditAnchoringProps) {
    super(scope, id, {
      handler: 'functions/triggers/audit-anchoring.ts',
      description: 'tksk-flow scheduled audit-anchoring',
      environment: {
        ...props.environment,
        POWERTOOLS_SERVICE_NAME: 'tksk-audit-anchoring',
        ANCHOR_BUCKET_NAME: props.targets.anchorBucket.bucketName,
      },
      statements: auditAnchoringStatements(),
      targets: props.targets,
      schedule: {
        id: 'Hourly',
        description: 'Seals the audit chain heads changed in the last hour into the anchor chain',
        // A minute past the hour: the hour just ended is whole (the job also reaches back for index lag).
        cron: { minute: '1' },
        // Within the hour: a later run would overlap the next one, which reaches back anyway.
        maxEventAge: Duration.minutes(50),
      },
    })
  }
}
