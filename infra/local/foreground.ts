/**
 * API answers first (issue 20 point 3, ADR 0042). On AWS a workflow's steps, the mailer
 * and the Step Functions journal run in other Lambdas against a table that scales, so
 * they never queue in front of an API request. Locally they share one process and one
 * DynamoDB Local (one JVM, its SQLite file, two cores at best): measured, an intake's
 * three store calls took 3.6× longer while the previous intake's workflow (~11 store
 * calls, its mail, its journal) ran than after it had settled.
 *
 * So the gateway counts the API requests in flight, and background work asks for a turn
 * before each call to the store: it waits while any API request is in flight, at most
 * `maxWaitMs` (background work is never starved, and a request that itself waits on
 * background work, e.g. a test polling a long workflow, is delayed, never deadlocked).
 * A call already sent is not held back: DynamoDB Local cannot reorder what it queued.
 *
 * So background store calls also take a slot (`backgroundStoreCall`): one of them is in
 * the JVM at a time while a request is in flight (three while none is), so a request's
 * next call queues behind a few background calls at most, not behind a wave of every
 * workflow's, the journal's and the mailer's calls.
 */
import { AsyncLocalStorage } from 'node:async_hooks'
import { DynamoDBClient } from '@aws-sdk/client-dynamodb'
import type { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams'
import type { BuildMiddleware, MetadataBearer } from '@smithy/types'
import type { AwsClient } from '../../functions/shared/clients'
import { currentFunction } from './iam/function-context'

/**
 * Longer than an intake on a quiet machine (~30 ms), short enough that a busy API never
 * stalls a workflow. `TKSK_BACKGROUND_MAX_WAIT_MS=0` turns the ordering off (to compare).
 */
export const BACKGROUND_MAX_WAIT_MS = Number(process.env.TKSK_BACKGROUND_MAX_WAIT_MS ?? 200)

/**
 * Background store calls in the JVM at a time while an API request is in flight (one), and
 * while none is (`TKSK_BACKGROUND_IDLE_SLOTS`, three; `0`: no limit). A limit also while
 * idle, else every waiting call goes in the gap between one answer and the next request,
 * and that request queues behind all of them; but one slot while idle serialises the
 * verval validation's parallel reads. Measured on a quiet machine (ADR 0042, third pass):
 * idle limit 1: intake p50 63 ms, 20,000-row validation 11.6–15.1 s; none: 82 ms, 6.1 s;
 * three: 53 ms, 7.0 s.
 */
const slotsFrom = (value: string | undefined, fallback: number): number => {
  const slots = Number(value ?? fallback)
  return slots > 0 ? slots : Number.POSITIVE_INFINITY
}
export const BACKGROUND_STORE_SLOTS = slotsFrom(process.env.TKSK_BACKGROUND_STORE_SLOTS, 1)
const IDLE_STORE_SLOTS = slotsFrom(process.env.TKSK_BACKGROUND_IDLE_SLOTS, 3)

const foreground = new AsyncLocalStorage<true>()
let inFlight = 0
let waiting: (() => void)[] = []
let timer: NodeJS.Timeout | undefined

const releaseAll = () => {
  clearTimeout(timer)
  timer = undefined
  const released = waiting
  waiting = []
  for (const resume of released) resume()
}

/** Runs one API request as foreground work: background store calls wait while it is in flight. */
export const asForeground = async <T>(request: () => Promise<T>): Promise<T> => {
  inFlight += 1
  try {
    return await foreground.run(true, request)
  } finally {
    inFlight -= 1
    if (inFlight === 0) {
      releaseAll()
      grantSlots()
    }
  }
}

/** True inside an API request's own work (its store calls never wait for a turn). */
export const isForeground = (): boolean => foreground.getStore() === true

/**
 * Resolves when background work may call the store: at once when no API request is in
 * flight (or the caller is one), else when the last one ends or `maxWaitMs` has passed.
 */
export const backgroundTurn = (maxWaitMs = BACKGROUND_MAX_WAIT_MS): Promise<void> => {
  if (inFlight === 0 || maxWaitMs <= 0 || isForeground()) return Promise.resolve()
  return new Promise((resolve) => {
    waiting.push(resolve)
    // One timer for everyone waiting: the oldest waiter's deadline releases the whole queue.
    timer ??= setTimeout(releaseAll, maxWaitMs)
  })
}

let slotsTaken = 0
const slotQueue: (() => void)[] = []

const slotLimit = () => (inFlight > 0 ? BACKGROUND_STORE_SLOTS : IDLE_STORE_SLOTS)

/** Hands free slots to the oldest waiters first. */
function grantSlots(): void {
  while (slotQueue.length > 0 && slotsTaken < slotLimit()) {
    slotsTaken += 1
    slotQueue.shift()?.()
  }
}

const takeSlot = (): Promise<void> => {
  if (slotQueue.length === 0 && slotsTaken < slotLimit()) {
    slotsTaken += 1
    return Promise.resolve()
  }
  return new Promise((resolve) => {
    slotQueue.push(resolve)
    grantSlots()
  })
}

/**
 * Runs one background call to the store (DynamoDB Local) after its turn and holding a
 * slot until it answers. Pass only calls that answer without further background work
 * (a call to the store itself), or a slot could wait on itself. An API request's own
 * calls, and everything when the ordering is off, go at once.
 */
export const backgroundStoreCall = async <T>(call: () => Promise<T>): Promise<T> => {
  if (isForeground() || BACKGROUND_MAX_WAIT_MS <= 0) return call()
  await backgroundTurn()
  await takeSlot()
  try {
    return await call()
  } finally {
    slotsTaken -= 1
    grantSlots()
  }
}

interface StackHost {
  middlewareStack: {
    add(middleware: BuildMiddleware<object, MetadataBearer>, options: { step: 'build'; name: string }): void
  }
}

/** Adds a build-step middleware to any SDK client (their stacks differ only in their types). */
const addBuildStep = (
  client: AwsClient | DynamoDBStreamsClient,
  name: string,
  middleware: BuildMiddleware<object, MetadataBearer>,
): void => (client as unknown as StackHost).middlewareStack.add(middleware, { step: 'build', name })

/** Makes every call of a platform's own client to the store (the stream poller's) a background store call. */
export const storeCallsAreBackground = (client: DynamoDBStreamsClient): void =>
  addBuildStep(client, 'backgroundStoreCall', (next) => (args) => backgroundStoreCall(() => next(args)))

/**
 * Makes a handlers' SDK client wait for a turn on every call a background function makes
 * (a workflow step, the mailer, a local job), and its DynamoDB calls take a slot. Calls
 * outside any function (the seed, a test's own set-up) and an API request's own calls go
 * at once. Other clients' calls (Step Functions, SES) may cause store calls of their own,
 * so they hold no slot.
 */
export const backgroundWaitsItsTurn = (client: AwsClient): void => {
  const store = client instanceof DynamoDBClient
  addBuildStep(client, 'foregroundFirst', (next) => async (args) => {
    if (currentFunction() === undefined) return next(args)
    if (store) return backgroundStoreCall(() => next(args))
    await backgroundTurn()
    return next(args)
  })
}
