/**
 * Timers on the project clock (functions/shared/clock.ts), for Wait states and task
 * timeouts. Node timers cannot serve alone: they overflow past 24.8 days and do not follow
 * a clock that `advanceClock` moves. One unref'd Node timer waits for the earliest due
 * timer (at most `MAX_SLEEP_MS`, then it looks again), so a platform whose timers are days
 * away does not wake four times a second; `fireDue()` fires them at once when the clock
 * is advanced.
 */
import { nowMs } from '../../../functions/shared/clock'

/** Longest single sleep: far below Node's 2^31 ms overflow; a due time never drifts past it. */
const MAX_SLEEP_MS = 60_000

export interface ClockTimers {
  /** Calls `fire` once the project clock reaches `dueMs`; returns a cancel function. */
  schedule(dueMs: number, fire: () => void): () => void
  /** Fires every timer that is due now; returns how many fired. */
  fireDue(): number
  stop(): void
}

export const createClockTimers = (): ClockTimers => {
  const pending = new Set<{ dueMs: number; fire: () => void }>()
  let wakeUp: NodeJS.Timeout | undefined
  /** When the pending Node timer fires (project clock), Infinity when none is pending. */
  let wakeAt = Infinity

  /** Sleeps until the earliest pending timer is due (or MAX_SLEEP_MS, whichever is first). */
  const arm = (): void => {
    let earliest = Infinity
    for (const timer of pending) earliest = Math.min(earliest, timer.dueMs)
    if (earliest >= wakeAt) return
    clearTimeout(wakeUp)
    wakeUp = undefined
    wakeAt = Infinity
    if (earliest === Infinity) return
    const sleep = Math.min(Math.max(0, earliest - nowMs()), MAX_SLEEP_MS)
    wakeAt = nowMs() + sleep
    wakeUp = setTimeout(onWake, sleep)
    wakeUp.unref()
  }

  const fireDue = (): number => {
    const at = nowMs()
    const due = [...pending].filter((timer) => timer.dueMs <= at).sort((a, b) => a.dueMs - b.dueMs)
    for (const timer of due) {
      pending.delete(timer)
      timer.fire()
    }
    return due.length
  }

  const onWake = (): void => {
    wakeUp = undefined
    wakeAt = Infinity
    fireDue()
    arm()
  }

  return {
    schedule(dueMs, fire) {
      const timer = { dueMs, fire }
      pending.add(timer)
      arm()
      return () => {
        // A cancelled timer leaves the Node timer armed: it wakes once for nothing and re-arms.
        pending.delete(timer)
      }
    },
    fireDue: () => {
      const fired = fireDue()
      // The clock may have moved forward: the next due timer is nearer than the armed wake-up.
      clearTimeout(wakeUp)
      wakeUp = undefined
      wakeAt = Infinity
      arm()
      return fired
    },
    stop() {
      clearTimeout(wakeUp)
      wakeUp = undefined
      wakeAt = Infinity
      pending.clear()
    },
  }
}
