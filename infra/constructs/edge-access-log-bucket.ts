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
import { edgeAccessLogSourceName } from './edge-access-log-delivery'
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
  // As the CloudFront and CloudWatch Logs guides prescribe for v2 delivery to S3: the log
  // delivery service only, for this account's CloudFront delivery source in us-east-1 (the
  // Region CloudWatch Logs keeps CloudFront's sources in, whatever the bucket's Region).
  // Their `s3:x-amz-acl` condition is left out: with ACLs off it guards nothing, and a
  // delivery without that header would be refused silently (ADR 0058).
  bucket.addToResourcePolicy(
    new PolicyStatement({
      sid: 'CloudFrontAccessLogDelivery',
      effect: Effect.ALLOW,
      principals: [new ServicePrincipal('delivery.logs.amazonaws.com')],
      actions: ['s3:PutObject'],
      resources: [bucket.arnForObjects('*')],
      conditions: {
        StringEquals: { 'aws:SourceAccount': stack.account },
        ArnLike: {
          'aws:SourceArn': Arn.format(
            {
              service: 'logs',
              region: EDGE_REGION,
              resource: 'delivery-source',
              resourceName: edgeAccessLogSourceName(scope),
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
