/**
 * Local scheduling of the hourly anchor job (DESIGN §5 "hourly, on the clock"): on each
 * advance of the project clock, at each hour boundary of it and once at start
 * (`clock-schedule.ts`). A run with no new whole hour does nothing, so extra runs are
 * harmless. On AWS the same `anchorChangedChains` runs from an hourly EventBridge schedule.
 */
import { join } from 'node:path'
import type { AnchorRecord } from '../../../functions/core/audit/anchor'
import { FileAnchorStore } from '../../../functions/data/audit-anchor-file-store'
import { anchorChangedChains } from '../../../functions/data/audit-anchoring'
import { now } from '../../../functions/shared/clock'
import { logger } from '../../../functions/shared/logger'
import { AUDIT_ANCHORING_FUNCTION } from '../../stacks/job-statements'
import { type ClockSchedule, HOUR_MS, startClockSchedule } from '../clock-schedule'
import { runAsFunction } from '../iam/function-context'

export interface LocalAnchoring extends Omit<ClockSchedule<AnchorRecord | undefined>, 'runNow'> {
  /** Runs the job now (after any run in progress); the record written, if any. */
  anchorNow: () => Promise<AnchorRecord | undefined>
}

export const startLocalAnchoring = ({ dataDir }: { dataDir: string }): LocalAnchoring => {
  const store = new FileAnchorStore(join(dataDir, 'anchors'))
  const { runNow, ...schedule } = startClockSchedule({
    periodMs: HOUR_MS,
    run: () => runAsFunction(AUDIT_ANCHORING_FUNCTION, () => anchorChangedChains(store, now())),
    report: (record) => {
      if (record)
        logger.info('audit anchor written', { anchorSeq: record.anchorSeq, heads: record.heads.length })
    },
    failure: 'audit anchor',
    runAtStart: true,
  })
  return { anchorNow: runNow, ...schedule }
}
