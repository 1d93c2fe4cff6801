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
 */
import { AsyncLocalStorage } from 'node:async_hooks'
import type { BuildMiddleware, MetadataBearer } from '@smithy/types'
import type { AwsClient } from '../../functions/shared/clients'
import { currentFunction } from './iam/function-context'

/**
 * Longer than an intake on a quiet machine (~30 ms), short enough that a busy API never
 * stalls a workflow. `TKSK_BACKGROUND_MAX_WAIT_MS=0` turns the ordering off (to compare).
 */
export const BACKGROUND_MAX_WAIT_MS = Number(process.env.TKSK_BACKGROUND_MAX_WAIT_MS ?? 200)

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
    if (inFlight === 0) releaseAll()
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

interface StackHost {
  middlewareStack: {
    add(middleware: BuildMiddleware<object, MetadataBearer>, options: { step: 'build'; name: string }): void
  }
}

/**
 * Makes a handlers' SDK client wait for a turn on every call a background function makes
 * (a workflow step, the mailer, a local job). Calls outside any function (the seed, a
 * test's own set-up) and an API request's own calls go at once.
 */
export const backgroundWaitsItsTurn = (client: AwsClient): void => {
  const middleware: BuildMiddleware<object, MetadataBearer> = (next) => async (args) => {
    if (currentFunction() !== undefined) await backgroundTurn()
    return next(args)
  }
  ;(client as unknown as StackHost).middlewareStack.add(middleware, {
    step: 'build',
    name: 'foregroundFirst',
  })
}
