/**
 * Local scheduling of the daily retention job (DESIGN §5, ADR 0006), like the hourly
 * anchoring: it runs whenever the project clock is advanced
 * (`POST /api/dev/clock/advance`) and when the wall clock reaches the next UTC midnight
 * of the project clock. Runs are queued, never concurrent; a run with nothing due does
 * nothing. On AWS an EventBridge schedule invokes the same `runRetention`. The daily end
 * of TKSK terms (issue 13) runs on the same firing; on AWS the admin function's schedule.
 */
import { now, nowMs, onClockAdvance } from '../../../functions/shared/clock'
import { logger } from '../../../functions/shared/logger'
import { endExpiredTerms } from '../../../functions/flows/admin/end-terms'
import { type RetentionRun, runRetention } from '../../../functions/triggers/retention-job'
import { RETENTION_JOB_FUNCTION } from '../../stacks/access-statements'
import { runAsFunction } from '../iam/function-context'

const DAY_MS = 24 * 60 * 60 * 1000
const AFTER_BOUNDARY_MS = 1_000

export interface LocalRetention {
  /** Runs the job now (after any run in progress). */
  runNow: () => Promise<RetentionRun>
  stop: () => void
}

export const startLocalRetention = (): LocalRetention => {
  let queue: Promise<unknown> = Promise.resolve()
  let timer: NodeJS.Timeout | undefined
  let stopped = false

  const runNow = (): Promise<RetentionRun> => {
    const run = queue.then(async () => {
      const retention = await runAsFunction(RETENTION_JOB_FUNCTION, () => runRetention(now()))
      // On AWS the admin function ends terms (it holds the Cognito grant); locally it runs as that function too.
      const ended = await runAsFunction('admin', () => endExpiredTerms(now()))
      if (ended.length > 0) logger.info('term-end run finished', { ended: ended.length })
      return retention
    })
    queue = run.catch(() => undefined)
    return run
  }

  const runLogged = async (): Promise<void> => {
    try {
      const run = await runNow()
      if (run.anonymised.length > 0 || run.dropped > 0)
        logger.info('retention run finished', { anonymised: run.anonymised.length, dropped: run.dropped })
    } catch (error) {
      logger.error('retention run failed', { error: error as Error })
    }
  }

  const scheduleNextMidnight = (): void => {
    clearTimeout(timer)
    if (stopped) return
    timer = setTimeout(
      () => void runLogged().then(scheduleNextMidnight),
      DAY_MS - (nowMs() % DAY_MS) + AFTER_BOUNDARY_MS,
    )
    timer.unref()
  }

  const stopListening = onClockAdvance(async () => {
    await runLogged()
    scheduleNextMidnight()
  })
  scheduleNextMidnight()

  return {
    runNow,
    stop: () => {
      stopped = true
      clearTimeout(timer)
      stopListening()
    },
  }
}
