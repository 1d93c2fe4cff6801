/**
 * What `npm run cost` counts while the local platform runs a miniature month: a
 * middleware on every SDK client the handlers make asks DynamoDB for the capacity each
 * call consumed (ReturnConsumedCapacity) and counts SES emails and S3 requests; an
 * invocation observer counts each function's invocations and their duration. Step
 * Functions' state transitions are read from the executions' histories afterwards
 * (`transitions.ts`). Counts are kept per function, so a figure can be traced to its code.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb'
import { S3Client } from '@aws-sdk/client-s3'
import { SESv2Client } from '@aws-sdk/client-sesv2'
import type { BuildMiddleware, InitializeMiddleware, MetadataBearer } from '@smithy/types'
import type { AwsClient } from '../../functions/shared/clients'
import { currentFunction, observeInvocations } from '../../infra/local/iam/function-context'
import { transactionUnits } from './transaction-units'

/** Everything a phase of the month consumed, before prices. */
export interface Usage {
  readUnits: number
  writeUnits: number
  /** DynamoDB calls whose answer carried no ConsumedCapacity (shown so a gap is seen, never hidden). */
  unmeteredCalls: number
  lambdaInvocations: number
  /** Sum of invocation durations in ms (wall clock of this machine). */
  lambdaMs: number
  emails: number
  s3PutRequests: number
  s3GetRequests: number
  stateTransitions: number
}

export const emptyUsage = (): Usage => ({
  readUnits: 0,
  writeUnits: 0,
  unmeteredCalls: 0,
  lambdaInvocations: 0,
  lambdaMs: 0,
  emails: 0,
  s3PutRequests: 0,
  s3GetRequests: 0,
  stateTransitions: 0,
})

export const usageMinus = (after: Usage, before: Usage): Usage =>
  Object.fromEntries(
    Object.entries(after).map(([key, value]) => [key, value - before[key as keyof Usage]]),
  ) as unknown as Usage

const READS = new Set(['GetItem', 'BatchGetItem', 'Query', 'Scan', 'TransactGetItems'])
const WRITES = new Set(['PutItem', 'UpdateItem', 'DeleteItem', 'BatchWriteItem', 'TransactWriteItems'])
/** S3's cheaper request tier; every other request (PUT, COPY, POST, LIST) is billed as a PUT. */
const S3_GET_TIER = new Set(['GetObject', 'HeadObject'])

interface Capacity {
  CapacityUnits?: number
  ReadCapacityUnits?: number
  WriteCapacityUnits?: number
}

/** Units of one answer: a single object (item calls) or one per table (batch and transaction calls). */
const unitsOf = (consumed: Capacity | Capacity[] | undefined): number | undefined => {
  if (consumed === undefined) return undefined
  const all = Array.isArray(consumed) ? consumed : [consumed]
  return all.reduce(
    (sum, c) => sum + (c.CapacityUnits ?? (c.ReadCapacityUnits ?? 0) + (c.WriteCapacityUnits ?? 0)),
    0,
  )
}

const commandOf = (name: string | undefined): string => (name ?? '').replace(/Command$/, '')

interface StackHost {
  middlewareStack: {
    add(
      middleware: InitializeMiddleware<object, MetadataBearer> | BuildMiddleware<object, MetadataBearer>,
      options: { step: 'initialize' | 'build'; name: string },
    ): void
  }
}

export interface Meter {
  /** Pass to the platform's `decorateClients`. */
  decorate: (client: AwsClient) => void
  /** The counts so far, overall and per function (a copy). */
  snapshot: () => { total: Usage; byFunction: Record<string, Usage> }
  /** Adds transitions read from the execution histories. */
  addStateTransitions: (count: number) => void
  stop: () => void
}

export const startMeter = (): Meter => {
  const total = emptyUsage()
  const byFunction = new Map<string, Usage>()
  /** Calls outside any function (the seed, the local dev routes the run polls) are not the system's cost. */
  const count = (change: (usage: Usage) => void) => {
    const name = currentFunction()
    if (name === undefined) return
    const own = byFunction.get(name) ?? emptyUsage()
    byFunction.set(name, own)
    change(own)
    change(total)
  }
  observeInvocations((name, durationMs) => {
    const own = byFunction.get(name) ?? emptyUsage()
    byFunction.set(name, own)
    for (const usage of [own, total]) {
      usage.lambdaInvocations += 1
      usage.lambdaMs += durationMs
    }
  })

  /** Asks for the capacity of every metered call (before the document client marshals: the field passes through). */
  const askCapacity: InitializeMiddleware<object, MetadataBearer> = (next, context) => async (args) => {
    const command = commandOf(context.commandName)
    if (READS.has(command) || WRITES.has(command))
      (args.input as Record<string, unknown>).ReturnConsumedCapacity = 'TOTAL'
    return next(args)
  }
  let reader: DynamoDBClient | undefined
  /** Counts what the answer says, or for a transaction what `transactionUnits` computes (DynamoDB Local misreports it). */
  const countCapacity: BuildMiddleware<object, MetadataBearer> = (next, context) => async (args) => {
    const command = commandOf(context.commandName)
    const result = await next(args)
    if (!READS.has(command) && !WRITES.has(command)) return result
    let units = unitsOf((result.output as { ConsumedCapacity?: Capacity | Capacity[] }).ConsumedCapacity)
    if (command === 'TransactWriteItems') {
      reader ??= new DynamoDBClient({
        region: 'ap-southeast-3',
        endpoint: process.env.DYNAMODB_ENDPOINT,
        credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
      })
      units = await transactionUnits(reader, (args.input as { TransactItems?: [] }).TransactItems ?? [])
    }
    count((usage) => {
      if (units === undefined) usage.unmeteredCalls += 1
      else if (READS.has(command)) usage.readUnits += units
      else usage.writeUnits += units
    })
    return result
  }
  const requests =
    (kind: 'ses' | 's3'): InitializeMiddleware<object, MetadataBearer> =>
    (next, context) =>
    async (args) => {
      const command = commandOf(context.commandName)
      const result = await next(args)
      count((usage) => {
        if (kind === 'ses' && command === 'SendEmail') usage.emails += 1
        if (kind === 's3') {
          if (S3_GET_TIER.has(command)) usage.s3GetRequests += 1
          else usage.s3PutRequests += 1
        }
      })
      return result
    }

  return {
    decorate(client) {
      const stack = (client as unknown as StackHost).middlewareStack
      if (client instanceof DynamoDBClient) {
        stack.add(askCapacity, { step: 'initialize', name: 'costMeterAsk' })
        stack.add(countCapacity, { step: 'build', name: 'costMeter' })
      }
      if (client instanceof SESv2Client) stack.add(requests('ses'), { step: 'initialize', name: 'costMeter' })
      if (client instanceof S3Client) stack.add(requests('s3'), { step: 'initialize', name: 'costMeter' })
    },
    snapshot: () => ({
      total: { ...total },
      byFunction: Object.fromEntries([...byFunction].map(([name, usage]) => [name, { ...usage }])),
    }),
    addStateTransitions(transitions) {
      total.stateTransitions += transitions
    },
    stop: () => {
      observeInvocations(undefined)
      reader?.destroy()
    },
  }
}
