/**
 * A Lambda event source mapping on the main table's stream (ADR 0018, 0050): the records
 * the filter takes, in small batches, with partial batch responses (a failed record is
 * retried from there on, in order), bounded retries and an SQS dead-letter queue for a batch
 * still failing after them. Each consumer (the mailer, the case starter) has its own mapping,
 * position and queue, made here in the consumer's construct.
 */
import { Duration, Validations } from 'aws-cdk-lib'
import type { ITable } from 'aws-cdk-lib/aws-dynamodb'
import { FilterCriteria, StartingPosition } from 'aws-cdk-lib/aws-lambda'
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources'
import type { Queue } from 'aws-cdk-lib/aws-sqs'
import type { Construct } from 'constructs'
import type { StreamConsumerSettings } from '../../functions/triggers/stream-settings'
import { deadLetterQueue } from './dead-letter-queue'
import type { TkskFunction } from './tksk-function'

export interface StreamMappingProps {
  table: ITable
  /** The consumer's batch size, retries and filter (its handler module's, which the local feed reads too). */
  settings: StreamConsumerSettings
}

/** Feeds `consumer` from the table's stream; returns its dead-letter queue (made in `scope` as `DeadLetters`). */
export const addStreamMapping = (
  scope: Construct,
  consumer: TkskFunction,
  props: StreamMappingProps,
): Queue => {
  Validations.of(consumer.role).acknowledge({
    id: 'AwsSolutions-IAM5[Resource::*]',
    reason:
      'dynamodb:ListStreams, which the stream event source grants, supports no resource-level permissions.',
  })
  const deadLetters = deadLetterQueue(scope, 'the on-failure destination of a stream mapping')
  const { batchSize, retries, filter } = props.settings
  consumer.function.addEventSource(
    new DynamoEventSource(props.table, {
      startingPosition: StartingPosition.TRIM_HORIZON,
      batchSize,
      reportBatchItemFailures: true,
      retryAttempts: retries.attempts,
      maxRecordAge: Duration.hours(retries.maxRecordAgeHours),
      onFailure: new SqsDlq(deadLetters),
      filters: [FilterCriteria.filter(filter)],
    }),
  )
  return deadLetters
}
