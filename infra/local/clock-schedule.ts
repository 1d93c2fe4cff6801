/**
 * Local scheduling of a periodic job on the project clock (the hourly anchoring, the daily
 * retention and pengesahan jobs). The project clock can run ahead of the wall clock, so
 * the job runs both whenever the clock is advanced (`POST /api/dev/clock/advance`) and
 * when the wall clock reaches the next period boundary of the project clock (UTC hour or
 * midnight). Runs are queued, never concurrent; a run with nothing due does nothing. On
 * AWS an EventBridge schedule invokes the same flow.
 */
import { nowMs, onClockAdvance } from '../../functions/shared/clock'
import { logger } from '../../functions/shared/logger'

export const HOUR_MS = 60 * 60 * 1000
export const DAY_MS = 24 * HOUR_MS
/** Past the boundary, so the period that just ended is whole when the job looks at it. */
const AFTER_BOUNDARY_MS = 1_000

export interface ClockSchedule<Run> {
  /** Runs the job now (after any run in progress). */
  runNow: () => Promise<Run>
  /** Settles once no run is in progress. */
  idle: () => Promise<void>
  /**
   * Stops the schedule and settles once a run in progress has ended: a platform stopping
   * drops its tables and DATA_DIR next, which a run still going would read and write (and a
   * test worker's next platform would find its env and clients in its place).
   */
  stop: () => Promise<void>
}

export const startClockSchedule = <Run>(job: {
  periodMs: number
  run: () => Promise<Run>
  /** Logs what a run did (a run with nothing due logs nothing). */
  report: (run: Run) => void
  /** Named in the log line of a run that failed ("<failure> failed"). */
  failure: string
  /** Runs once at start as well (the anchoring: an hour missed while stopped is sealed at once). */
  runAtStart?: boolean
}): ClockSchedule<Run> => {
  let queue: Promise<unknown> = Promise.resolve()
  let timer: NodeJS.Timeout | undefined
  let stopped = false

  const runNow = (): Promise<Run> => {
    const run = queue.then(job.run)
    queue = run.catch(() => undefined)
    return run
  }

  const runLogged = async (): Promise<void> => {
    try {
      job.report(await runNow())
    } catch (error) {
      logger.error(`${job.failure} failed`, { error: error as Error })
    }
  }

  const scheduleNextBoundary = (): void => {
    clearTimeout(timer)
    if (stopped) return
    const wait = job.periodMs - (nowMs() % job.periodMs) + AFTER_BOUNDARY_MS
    timer = setTimeout(() => void runLogged().then(scheduleNextBoundary), wait)
    timer.unref()
  }

  const stopListening = onClockAdvance(async () => {
    await runLogged()
    scheduleNextBoundary()
  })
  if (job.runAtStart) void runLogged()
  scheduleNextBoundary()

  return {
    runNow,
    idle: async () => {
      await queue
    },
    stop: async () => {
      stopped = true
      clearTimeout(timer)
      stopListening()
      await queue
    },
  }
}
