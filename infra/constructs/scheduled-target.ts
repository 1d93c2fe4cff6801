/**
 * The target of an EventBridge schedule (issue 17): the job's function, retried by
 * EventBridge when the invocation cannot be delivered or fails asynchronously, and a
 * dead-letter queue for what still fails, so a missed nightly or hourly run is kept and
 * seen (the alarm on the queue's depth belongs to the alarms) instead of dropped silently.
 */
import type { Duration } from 'aws-cdk-lib'
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets'
import type { IFunction } from 'aws-cdk-lib/aws-lambda'
import type { Queue } from 'aws-cdk-lib/aws-sqs'
import { Construct } from 'constructs'
import { deadLetterQueue } from './dead-letter-queue'

/** EventBridge's own retries of a failed delivery, before the event goes to the queue. */
export const SCHEDULE_RETRY_ATTEMPTS = 2

export interface ScheduledTarget {
  target: LambdaFunction
  deadLetters: Queue
}

/**
 * `maxEventAge` bounds the retries: a run that cannot start within it is stale (the next
 * scheduled run does its work) and goes to the queue rather than overlap the next run.
 */
export const scheduledTarget = (
  scope: Construct,
  id: string,
  fn: IFunction,
  maxEventAge: Duration,
): ScheduledTarget => {
  // Under a construct of its own: a queue named at the stack's top would hide whose it is.
  const deadLetters = deadLetterQueue(
    new Construct(scope, `${id}Target`),
    'the DLQ of an EventBridge schedule target',
  )
  return {
    target: new LambdaFunction(fn, {
      retryAttempts: SCHEDULE_RETRY_ATTEMPTS,
      maxEventAge,
      deadLetterQueue: deadLetters,
    }),
    deadLetters,
  }
}
