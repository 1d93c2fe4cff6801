/**
 * Timers on the project clock (functions/shared/clock.ts), for Wait states and task
 * timeouts. Node timers cannot serve: they overflow past 24.8 days and do not follow a
 * clock that `advanceClock` moves. One unref'd interval checks the due timers while real
 * time passes; `fireDue()` fires them at once when the clock is advanced.
 */
import { nowMs } from '../../../functions/shared/clock'

/** Resolution of real-time firing; a day-long Wait does not need better than this. */
const TICK_MS = 250

export interface ClockTimers {
  /** Calls `fire` once the project clock reaches `dueMs`; returns a cancel function. */
  schedule(dueMs: number, fire: () => void): () => void
  /** Fires every timer that is due now; returns how many fired. */
  fireDue(): number
  stop(): void
}

export const createClockTimers = (): ClockTimers => {
  const pending = new Set<{ dueMs: number; fire: () => void }>()
  let interval: NodeJS.Timeout | undefined

  const fireDue = (): number => {
    const at = nowMs()
    const due = [...pending].filter((timer) => timer.dueMs <= at).sort((a, b) => a.dueMs - b.dueMs)
    for (const timer of due) {
      pending.delete(timer)
      timer.fire()
    }
    return due.length
  }

  return {
    schedule(dueMs, fire) {
      const timer = { dueMs, fire }
      pending.add(timer)
      if (!interval) {
        interval = setInterval(fireDue, TICK_MS)
        interval.unref()
      }
      return () => {
        pending.delete(timer)
      }
    },
    fireDue,
    stop() {
      clearInterval(interval)
      interval = undefined
      pending.clear()
    },
  }
}
