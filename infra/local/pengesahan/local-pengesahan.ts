/**
 * Local scheduling of the daily pengesahan job (issue 21.5, ADR 0035), like the retention
 * job: it runs whenever the project clock is advanced (`POST /api/dev/clock/advance`) and
 * at each UTC midnight of the project clock, queued, never concurrent, as the job's own
 * function (its grants, infra/stacks/access-statements.ts). On AWS an EventBridge
 * schedule invokes the same flow. A run with nothing due writes nothing.
 */
import { now, nowMs, onClockAdvance } from '../../../functions/shared/clock'
import { logger } from '../../../functions/shared/logger'
import { type ReminderRun, runPengesahanReminders } from '../../../functions/flows/verval/pengesahan'
import { PENGESAHAN_JOB_FUNCTION } from '../../stacks/access-statements'
import { runAsFunction } from '../iam/function-context'

const DAY_MS = 24 * 60 * 60 * 1000
const AFTER_BOUNDARY_MS = 1_000

export interface LocalPengesahan {
  runNow: () => Promise<ReminderRun>
  stop: () => void
}

export const startLocalPengesahan = (): LocalPengesahan => {
  let queue: Promise<unknown> = Promise.resolve()
  let timer: NodeJS.Timeout | undefined
  let stopped = false

  const runNow = (): Promise<ReminderRun> => {
    const run = queue.then(() => runAsFunction(PENGESAHAN_JOB_FUNCTION, () => runPengesahanReminders(now())))
    queue = run.catch(() => undefined)
    return run
  }

  const runLogged = async (): Promise<void> => {
    try {
      const run = await runNow()
      if (run.sent.length > 0) logger.info('pengesahan run finished', { sent: run.sent.length })
    } catch (error) {
      logger.error('pengesahan run failed', { error: error as Error })
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
