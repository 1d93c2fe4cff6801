/**
 * Local scheduling of the hourly anchor job (DESIGN §5 "hourly, on the clock"). The
 * project clock can run ahead of the wall clock, so the job runs both when the wall
 * clock reaches the next hour boundary of the project clock and whenever the clock is
 * advanced (`POST /api/dev/clock/advance`). A run with no new whole hour does nothing,
 * so extra runs are harmless; runs are queued, never concurrent. On AWS the same
 * `anchorChangedChains` is meant to run from an hourly EventBridge schedule.
 */
import { join } from 'node:path'
import type { AnchorRecord } from '../../../functions/core/audit/anchor'
import { FileAnchorStore } from '../../../functions/data/audit-anchor-file-store'
import { anchorChangedChains } from '../../../functions/data/audit-anchoring'
import { now, nowMs, onClockAdvance } from '../../../functions/shared/clock'
import { logger } from '../../../functions/shared/logger'
import { AUDIT_ANCHORING_FUNCTION } from '../../stacks/access-statements'
import { runAsFunction } from '../iam/function-context'

const HOUR_MS = 60 * 60 * 1000
/** Past the boundary, so the hour that just ended is whole when the job looks at it. */
const AFTER_BOUNDARY_MS = 1_000

export interface LocalAnchoring {
  /** Runs the job now (after any run in progress); the record written, if any. */
  anchorNow: () => Promise<AnchorRecord | undefined>
  /** Settles once no run is in progress. */
  idle: () => Promise<void>
  stop: () => void
}

export const startLocalAnchoring = ({ dataDir }: { dataDir: string }): LocalAnchoring => {
  const store = new FileAnchorStore(join(dataDir, 'anchors'))
  let queue: Promise<unknown> = Promise.resolve()
  let timer: NodeJS.Timeout | undefined
  let stopped = false

  const anchorNow = (): Promise<AnchorRecord | undefined> => {
    const run = queue.then(() =>
      runAsFunction(AUDIT_ANCHORING_FUNCTION, () => anchorChangedChains(store, now())),
    )
    queue = run.catch(() => undefined)
    return run
  }

  const runLogged = async (): Promise<void> => {
    try {
      const record = await anchorNow()
      if (record)
        logger.info('audit anchor written', { anchorSeq: record.anchorSeq, heads: record.heads.length })
    } catch (error) {
      logger.error('audit anchor failed', { error: error as Error })
    }
  }

  const scheduleNextBoundary = (): void => {
    clearTimeout(timer)
    if (stopped) return
    const wait = HOUR_MS - (nowMs() % HOUR_MS) + AFTER_BOUNDARY_MS
    timer = setTimeout(() => void runLogged().then(scheduleNextBoundary), wait)
    timer.unref()
  }

  const stopListening = onClockAdvance(async () => {
    await runLogged()
    scheduleNextBoundary()
  })
  void runLogged()
  scheduleNextBoundary()

  return {
    anchorNow,
    idle: async () => {
      await queue
    },
    stop: () => {
      stopped = true
      clearTimeout(timer)
      stopListening()
    },
  }
}
