/**
 * The hourly anchor job on AWS (DESIGN §5): a function of its own, run by an EventBridge
 * schedule a minute past each hour. Its role is spelled out here rather than in the
 * access table, because no other function needs this shape: Query on the audit table's
 * `byDay` index only (which chains changed), and list/read/write of anchor objects in
 * the Object Lock bucket. It cannot read the state table, entries by key, or any other
 * index, and nothing in it can delete an anchor.
 */
import { Duration, Stack, Validations } from 'aws-cdk-lib'
import type { ITable } from 'aws-cdk-lib/aws-dynamodb'
import { Rule, Schedule } from 'aws-cdk-lib/aws-events'
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets'
import { PolicyStatement } from 'aws-cdk-lib/aws-iam'
import type { IKey } from 'aws-cdk-lib/aws-kms'
import type { IBucket } from 'aws-cdk-lib/aws-s3'
import { flattenCfnReference } from 'cdk-nag/lib/utils/flatten-cfn-reference'
import { Construct } from 'constructs'
import { auditTable } from '../../functions/data/table-definitions'
import { PROJECT_ROOT, TkskFunction } from './tksk-function'

/** Must match the key prefix of functions/data/audit-anchor-s3-store.ts. */
export const ANCHOR_OBJECT_PREFIX = 'anchors/'
const HEADS_INDEX = 'byDay'

export interface AuditAnchoringProps {
  auditTable: ITable
  tableKey: IKey
  anchorBucket: IBucket
  /** Variables every function shares (stage, table names…). */
  environment: Record<string, string>
}

export class AuditAnchoring extends Construct {
  readonly job: TkskFunction
  readonly schedule: Rule

  constructor(scope: Construct, id: string, props: AuditAnchoringProps) {
    super(scope, id)
    if (!auditTable.globalSecondaryIndexes.some((index) => index.indexName === HEADS_INDEX))
      throw new Error(`the audit table has no ${HEADS_INDEX} index`)
    this.job = new TkskFunction(this, 'Job', {
      entry: `${PROJECT_ROOT}/functions/triggers/audit-anchoring.ts`,
      kind: 'job',
      description: 'tksk-flow scheduled audit-anchoring',
      environment: {
        ...props.environment,
        POWERTOOLS_SERVICE_NAME: 'tksk-audit-anchoring',
        ANCHOR_BUCKET_NAME: props.anchorBucket.bucketName,
      },
    })
    const { role } = this.job
    const region = Stack.of(this).region
    const objects = props.anchorBucket.arnForObjects(`${ANCHOR_OBJECT_PREFIX}*`)
    role.addToPrincipalPolicy(
      new PolicyStatement({
        actions: ['dynamodb:Query'],
        resources: [`${props.auditTable.tableArn}/index/${HEADS_INDEX}`],
      }),
    )
    role.addToPrincipalPolicy(
      new PolicyStatement({
        actions: ['kms:Decrypt', 'kms:DescribeKey'],
        resources: [props.tableKey.keyArn],
        conditions: { StringEquals: { 'kms:ViaService': `dynamodb.${region}.amazonaws.com` } },
      }),
    )
    // Listing finds the newest record (keys count down); only under the anchors prefix.
    role.addToPrincipalPolicy(
      new PolicyStatement({
        actions: ['s3:ListBucket'],
        resources: [props.anchorBucket.bucketArn],
        conditions: { StringLike: { 's3:prefix': [`${ANCHOR_OBJECT_PREFIX}*`] } },
      }),
    )
    role.addToPrincipalPolicy(
      new PolicyStatement({ actions: ['s3:GetObject', 's3:PutObject'], resources: [objects] }),
    )
    Validations.of(role).acknowledge({
      id: `AwsSolutions-IAM5[Resource::${flattenCfnReference(Stack.of(role).resolve(objects))}]`,
      reason:
        'Anchor objects are named by their position; the grant covers the anchors prefix of one bucket.',
    })

    this.schedule = new Rule(this, 'Hourly', {
      description: 'Seals the audit chain heads changed in the last hour into the anchor chain',
      // A minute past the hour: the hour just ended is whole (the job also reaches back for index lag).
      schedule: Schedule.cron({ minute: '1' }),
      targets: [
        new LambdaFunction(this.job.function, { retryAttempts: 2, maxEventAge: Duration.minutes(50) }),
      ],
    })
  }
}
