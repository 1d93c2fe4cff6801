/** The stream poller's drain: read the stream to its end now, bounded by a deadline. */
import { nowMs } from '../../../functions/shared/clock'
import type { PassSchedule } from './pass-schedule'
import type { PollerState } from './poller-state'

const sleep = (ms: number) => new Promise((resolveSleep) => setTimeout(resolveSleep, ms))

/**
 * The promise's value, or `undefined` once `deadline` (epoch ms) has passed: a drain never
 * waits past its timeout, even behind a pass whose handler hangs (a held or unanswered
 * start), which would otherwise hold every dev clock move that drains first (ADR 0050).
 */
const beforeDeadline = async <T>(
  promise: Promise<T> | undefined,
  deadline: number,
): Promise<T | undefined> => {
  let timer: NodeJS.Timeout | undefined
  const late = new Promise<undefined>((resolveLate) => {
    timer = setTimeout(() => resolveLate(undefined), Math.max(0, deadline - Date.now()))
  })
  try {
    return await Promise.race([promise, late])
  } finally {
    clearTimeout(timer)
  }
}

/** StreamPoller's `drain` (stream-poller-types.ts): passes until the stream is read to its end or only failed retries wait. */
export const streamDrain =
  (schedule: PassSchedule, state: PollerState) =>
  async (timeoutMs = 10_000): Promise<boolean> => {
    const deadline = Date.now() + timeoutMs
    // A try already under way when the drain began may have read the shard before the last write.
    const triedBefore = state.tries
    while (!state.stopped && Date.now() < deadline) {
      await beforeDeadline(schedule.running(), deadline)
      if (schedule.knownQuiet()) return true
      const outcome = await beforeDeadline(schedule.runPass(), deadline)
      if (outcome === undefined) return false
      if (outcome === 'quiet') return true
      // Every shard that waits has had a retry since the drain began, and it failed again: the
      // next try waits for something outside the stream (a throttle that ends, a clock moved
      // on), which a drain that waited until its timeout would not see end either. A batch
      // that failed for the first time during the drain still gets its one retry.
      const retried = [...state.backoff.values()].every((entry) => entry.retriedAs > triedBefore)
      if (outcome === 'retrying' && retried) return false
      // Retries are due on the project clock; a clock moved forward makes them due at once.
      const next = Math.min(...[...state.backoff.values()].map((entry) => entry.retryAt - nowMs()), 20)
      await sleep(Math.max(0, Math.min(next, deadline - Date.now())))
    }
    return false
  }
