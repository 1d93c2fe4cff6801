/**
 * The case starter on the local platform (ADR 0050): the same handler as on AWS
 * (functions/triggers/case-starter.ts), fed from DynamoDB Local's stream of the main table
 * by a local event source mapping of its own (its own checkpoint, filter, retries and dead
 * letters), so a new case's workflow starts after the intake answered, as background work.
 */
import type { AttributeValue } from '@aws-sdk/client-dynamodb'
import { caseKeyPrefix, caseSortKey } from '../../../functions/data/keys'
import {
  caseStarterStream,
  FILED_STATUS,
  handler as caseStarterHandler,
} from '../../../functions/triggers/case-starter'
import { CASE_STARTER } from '../../stacks/function-access'
import { writeStreamDeadLetter } from '../mail/dead-letters'
import { startLocalStreamConsumer } from './local-stream-consumer'
import type { StreamHandler, StreamPoller } from './stream-poller-types'

export interface LocalCaseStarterOptions {
  dataDir: string
  dynamodbEndpoint: string
  tableName: string
  streamArn?: string
  /** The handler the stream feeds; tests wrap the real one to hold or fail starts. */
  handler?: StreamHandler
  /** The mapping's retries before a failed batch goes to the dead letter (AWS's, unless a test shortens it). */
  maxRetryAttempts?: number
}

/**
 * Could a write of this item (or key) put a new case on the stream? Only a whole case item
 * in its first status: intake's Put. Every change of a case after that is an UpdateItem or
 * a transaction's Update by key, which the starter's filter drops; nudging the starter for
 * each would read the stream once more per change for nothing. (A case created some other
 * way still starts: the idle poll reads it within two seconds.)
 */
export const mayFeedCaseStarter = (item: Record<string, AttributeValue>): boolean =>
  item.pk?.S?.startsWith(caseKeyPrefix) === true &&
  item.sk?.S === caseSortKey &&
  item.status?.S === FILED_STATUS

export const startLocalCaseStarter = (options: LocalCaseStarterOptions): Promise<StreamPoller> =>
  startLocalStreamConsumer({
    functionName: CASE_STARTER,
    handler: options.handler ?? caseStarterHandler,
    settings: caseStarterStream,
    dataDir: options.dataDir,
    dynamodbEndpoint: options.dynamodbEndpoint,
    tableName: options.tableName,
    ...(options.streamArn ? { streamArn: options.streamArn } : {}),
    intervalMs: 200,
    // Short: a test that makes Step Functions unreachable waits for the retry once it is back.
    retry: { baseMs: 50, maxMs: 1_000 },
    maxRetryAttempts: options.maxRetryAttempts,
    onFailure: (deadLetter) => writeStreamDeadLetter(options.dataDir, deadLetter, CASE_STARTER),
  })
