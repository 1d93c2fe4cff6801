/**
 * The bucket CloudFront's access logs are delivered to (standard logging v2, ADR 0058), in
 * Jakarta with the app: the records name clients' addresses, personal data that stays in
 * Indonesia (PP 71/2019, UU PDP 27/2022). No ACLs (v2 writes through the bucket policy),
 * SSE-S3, TLS only, no public access, a year's records.
 */
import { Arn, ArnFormat, Duration, Stack, Validations } from 'aws-cdk-lib'
import { Effect, PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam'
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3'
import type { Construct } from 'constructs'
import { EDGE_REGION } from '../stacks/edge-stack'
import { stageOf } from './stage'

export const edgeAccessLogBucket = (scope: Construct, id: string): Bucket => {
  const stack = Stack.of(scope)
  const bucket = new Bucket(scope, id, {
    objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
    blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
    encryption: BucketEncryption.S3_MANAGED,
    enforceSSL: true,
    versioned: false,
    lifecycleRules: [{ expiration: Duration.days(365) }],
    removalPolicy: stageOf(scope).removalPolicy,
  })
  // CloudWatch Logs' own statement for vended logs to S3 ("Logs sent to Amazon S3"), the one
  // CDK's S3 delivery destination writes too: when a delivery is created, CloudWatch Logs
  // appends this statement to the policy unless it finds one like it, so any other wording
  // drifts from the template. Any delivery source of this account, in us-east-1 (where
  // CloudWatch Logs keeps CloudFront's sources; a bucket-Region ARN denies every write
  // silently), may write under AWSLogs/<account>/, with the bucket-owner-full-control ACL
  // header that the delivery sends and BucketOwnerEnforced accepts (ADR 0058).
  bucket.addToResourcePolicy(
    new PolicyStatement({
      sid: 'CloudFrontAccessLogDelivery',
      effect: Effect.ALLOW,
      principals: [new ServicePrincipal('delivery.logs.amazonaws.com')],
      actions: ['s3:PutObject'],
      resources: [bucket.arnForObjects(`AWSLogs/${stack.account}/*`)],
      conditions: {
        StringEquals: {
          's3:x-amz-acl': 'bucket-owner-full-control',
          'aws:SourceAccount': stack.account,
        },
        ArnLike: {
          'aws:SourceArn': Arn.format(
            {
              service: 'logs',
              region: EDGE_REGION,
              resource: 'delivery-source',
              resourceName: '*',
              arnFormat: ArnFormat.COLON_RESOURCE_NAME,
            },
            stack,
          ),
        },
      },
    }),
  )
  Validations.of(bucket).acknowledge({
    id: 'AwsSolutions-S1',
    reason:
      'This bucket holds the access logs of the distribution; logging its own reads into another bucket ' +
      'would need a log bucket for that one too. The only writer is the log delivery service; public access is blocked.',
  })
  return bucket
}
