/**
 * The SQS dead-letter queue of a consumer (a stream mapping's on-failure destination, a
 * schedule target's DLQ): encrypted, TLS only, and kept as long as SQS allows (14 days,
 * longer than a stream keeps its records). cdk-nag's SQS3 asks every queue for a DLQ of its
 * own; this one is the DLQ, which it does not recognise.
 */
import { Duration, Validations } from 'aws-cdk-lib'
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs'
import type { Construct } from 'constructs'

/** `DeadLetters` in `scope`; `of` names whose dead letters they are, for the acknowledgement. */
export const deadLetterQueue = (scope: Construct, of: string): Queue => {
  const queue = new Queue(scope, 'DeadLetters', {
    encryption: QueueEncryption.SQS_MANAGED,
    enforceSSL: true,
    retentionPeriod: Duration.days(14),
  })
  Validations.of(queue).acknowledge({
    id: 'AwsSolutions-SQS3',
    reason: `It is the dead-letter queue itself: ${of}, which cdk-nag does not recognise as one.`,
  })
  return queue
}
