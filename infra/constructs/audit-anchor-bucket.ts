/**
 * Where the hourly anchor of the audit hash chains is written (DESIGN §5). Object Lock
 * makes an anchor impossible to rewrite or delete for the retention period, so a chain
 * truncated or rewritten in DynamoDB no longer matches its anchor. Access to the bucket
 * is logged to a separate bucket.
 */
import { Duration, Stack, Validations } from 'aws-cdk-lib'
import {
  BlockPublicAccess,
  Bucket,
  BucketEncryption,
  ObjectLockRetention,
  ObjectOwnership,
} from 'aws-cdk-lib/aws-s3'
import { Construct } from 'constructs'
import { type AnchorLockMode, stageOf } from './stage'

/**
 * A fixed name, so the app stack and the runbook can address the bucket without a
 * cross-stack reference (and IAM findings name it the same way on every synth).
 */
export const anchorBucketName = (stack: Stack): string =>
  `${stageOf(stack).namePrefix}-audit-anchors-${stack.account}-${stack.region}`

export type { AnchorLockMode } from './stage'

export interface AuditAnchorBucketProps {
  /** `compliance`: nobody, root included, can shorten or remove the lock. */
  lockMode: AnchorLockMode
  retentionYears: number
}

const secureBucketDefaults = {
  encryption: BucketEncryption.S3_MANAGED,
  blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
  enforceSSL: true,
  objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
} as const

export class AuditAnchorBucket extends Construct {
  readonly bucket: Bucket
  readonly accessLogs: Bucket

  constructor(scope: Construct, id: string, props: AuditAnchorBucketProps) {
    super(scope, id)
    // S3 server access logs can only be delivered to an SSE-S3 bucket; kept beyond a
    // year like the other logs an audit may ask for.
    this.accessLogs = new Bucket(this, 'AccessLogs', {
      ...secureBucketDefaults,
      removalPolicy: stageOf(this).removalPolicy,
      lifecycleRules: [{ expiration: Duration.days(400) }],
    })
    Validations.of(this.accessLogs).acknowledge({
      id: 'AwsSolutions-S1',
      reason: 'This is the access-log target of the anchor bucket; logging it into itself would loop.',
    })

    const retention = Duration.days(365 * props.retentionYears)
    this.bucket = new Bucket(this, 'Anchors', {
      // Anchors are hashes, never PII: SSE-S3 suffices and keeps them readable without the data key.
      ...secureBucketDefaults,
      removalPolicy: stageOf(this).removalPolicy,
      bucketName: anchorBucketName(Stack.of(this)),
      versioned: true,
      objectLockEnabled: true,
      objectLockDefaultRetention:
        props.lockMode === 'compliance'
          ? ObjectLockRetention.compliance(retention)
          : ObjectLockRetention.governance(retention),
      serverAccessLogsBucket: this.accessLogs,
      serverAccessLogsPrefix: 'anchors/',
    })
  }
}
