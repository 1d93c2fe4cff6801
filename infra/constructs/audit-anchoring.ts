/**
 * The hourly anchor job on AWS (DESIGN §5): a function of its own, run by an EventBridge
 * schedule a minute past each hour. Its statements (access-statements.ts
 * `auditAnchoringStatements`) are not an access-table entry, because no other function
 * needs this shape: Query on the audit table's `byDay` index only (which chains
 * changed), and list/read/write of anchor objects in the Object Lock bucket. It cannot
 * read the state table, entries by key, or any other index, and nothing in it can
 * delete an anchor.
 */
import { Duration } from 'aws-cdk-lib'
import { Rule, Schedule } from 'aws-cdk-lib/aws-events'
import type { Queue } from 'aws-cdk-lib/aws-sqs'
import { Construct } from 'constructs'
import { auditAnchoringStatements } from '../stacks/access-statements'
import { type GrantTargets, grantStatements } from './access-grants'
import { scheduledTarget } from './scheduled-target'
import { PROJECT_ROOT, TkskFunction } from './tksk-function'

export interface AuditAnchoringProps {
  targets: GrantTargets
  /** Variables every function shares (stage, table names…). */
  environment: Record<string, string>
}

export class AuditAnchoring extends Construct {
  readonly job: TkskFunction
  readonly schedule: Rule
  /** Hourly runs that failed after EventBridge's retries. */
  readonly deadLetters: Queue

  constructor(scope: Construct, id: string, props: AuditAnchoringProps) {
    super(scope, id)
    this.job = new TkskFunction(this, 'Job', {
      entry: `${PROJECT_ROOT}/functions/triggers/audit-anchoring.ts`,
      kind: 'job',
      description: 'tksk-flow scheduled audit-anchoring',
      environment: {
        ...props.environment,
        POWERTOOLS_SERVICE_NAME: 'tksk-audit-anchoring',
        ANCHOR_BUCKET_NAME: props.targets.anchorBucket.bucketName,
      },
    })
    grantStatements(this.job.role, auditAnchoringStatements(), props.targets)

    // Within the hour: a later run would overlap the next one, which reaches back anyway.
    const { target, deadLetters } = scheduledTarget(this, 'Hourly', this.job.function, Duration.minutes(50))
    this.deadLetters = deadLetters
    this.schedule = new Rule(this, 'Hourly', {
      description: 'Seals the audit chain heads changed in the last hour into the anchor chain',
      // A minute past the hour: the hour just ended is whole (the job also reaches back for index lag).
      schedule: Schedule.cron({ minute: '1' }),
      targets: [target],
    })
  }
}
