/**
 * Tells the local stream poller that a handler wrote DynamoDB, so the stream is read right
 * after the write (as Lambda's event source mapping reacts to new records) instead of by
 * polling a quiet stream several times a second.
 */
import { type AttributeValue, DynamoDBClient } from '@aws-sdk/client-dynamodb'
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

type Item = Record<string, AttributeValue>
type WriteInput = {
  Item?: Item
  Key?: Item
  RequestItems?: Record<string, { PutRequest?: { Item?: Item }; DeleteRequest?: { Key?: Item } }[]>
  TransactItems?: { Put?: { Item?: Item }; Update?: { Key?: Item }; Delete?: { Key?: Item } }[]
}

/**
 * The items (or keys) a write changes, as the build step sees them (the document client has
 * marshalled them by then); undefined when the command does not name them (PartiQL).
 */
const itemsWritten = (input: WriteInput): Item[] | undefined => {
  if (input.Item) return [input.Item]
  if (input.Key) return [input.Key]
  if (input.RequestItems)
    return Object.values(input.RequestItems)
      .flat()
      .flatMap((request) => [request.PutRequest?.Item ?? request.DeleteRequest?.Key ?? {}])
  // A ConditionCheck changes nothing: it puts no record on the stream.
  if (input.TransactItems)
    return input.TransactItems.flatMap((write) =>
      write.Put?.Item
        ? [write.Put.Item]
        : write.Update?.Key
          ? [write.Update.Key]
          : write.Delete?.Key
            ? [write.Delete.Key]
            : [],
    )
  return undefined
}

/** Each consumer's middleware has its own name: the SDK refuses a second one of the same name. */
let installed = 0

/**
 * After each successful write of `client` (a DynamoDB client; others are left alone), calls
 * `nudge`. With `wanted`, only a write that changes an item `wanted` accepts nudges (and
 * any write whose items it cannot tell): the stream's reader is not woken for records its
 * filter drops (a request's session, rate-limit and audit writes), and a drain that follows
 * them need not read the stream. Called once per stream consumer (the mailer, the case
 * starter), each with its own filter.
 */
export const nudgeOnWrites = (
  client: AwsClient,
  nudge: () => void,
  wanted: (item: Item) => boolean = () => true,
): void => {
  if (!(client instanceof DynamoDBClient)) return
  const middleware: BuildMiddleware<object, MetadataBearer> = (next, context) => async (args) => {
    const result = await next(args)
    if (WRITES.has(context.commandName ?? '')) {
      const items = itemsWritten(args.input as WriteInput)
      if (!items || items.some(wanted)) nudge()
    }
    return result
  }
  installed += 1
  ;(client as unknown as StackHost).middlewareStack.add(middleware, {
    step: 'build',
    name: `streamNudge${installed}`,
  })
}
