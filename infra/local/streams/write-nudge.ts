/**
 * Tells the local stream poller that a handler wrote DynamoDB, so the stream is read right
 * after the write (as Lambda's event source mapping reacts to new records) instead of by
 * polling a quiet stream several times a second.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb'
import type { BuildMiddleware, MetadataBearer } from '@smithy/types'
import type { AwsClient } from '../../../functions/shared/clients'

/** The DynamoDB operations that can put records on a table's stream. */
const WRITES = new Set([
  'PutItemCommand',
  'UpdateItemCommand',
  'DeleteItemCommand',
  'BatchWriteItemCommand',
  'TransactWriteItemsCommand',
  'ExecuteStatementCommand',
  'BatchExecuteStatementCommand',
  'ExecuteTransactionCommand',
])

interface StackHost {
  middlewareStack: {
    add(middleware: BuildMiddleware<object, MetadataBearer>, options: { step: 'build'; name: string }): void
  }
}

/** After each successful write of `client` (a DynamoDB client; others are left alone), calls `nudge`. */
export const nudgeOnWrites = (client: AwsClient, nudge: () => void): void => {
  if (!(client instanceof DynamoDBClient)) return
  const middleware: BuildMiddleware<object, MetadataBearer> = (next, context) => async (args) => {
    const result = await next(args)
    if (WRITES.has(context.commandName ?? '')) nudge()
    return result
  }
  ;(client as unknown as StackHost).middlewareStack.add(middleware, { step: 'build', name: 'streamNudge' })
}
