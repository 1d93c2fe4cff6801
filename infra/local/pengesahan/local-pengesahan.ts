/**
 * Local scheduling of the daily pengesahan job (issue 21.5, ADR 0035), like the retention
 * job: on each advance of the project clock and at each UTC midnight of it
 * (`clock-schedule.ts`), as the job's own function (its grants,
 * infra/stacks/job-statements.ts). On AWS an EventBridge schedule invokes the same flow.
 */
import { now } from '../../../functions/shared/clock'
import { logger } from '../../../functions/shared/logger'
import { type ReminderRun, runPengesahanReminders } from '../../../functions/flows/verval/pengesahan'
import { PENGESAHAN_JOB_FUNCTION } from '../../stacks/job-statements'
import { type ClockSchedule, DAY_MS, startClockSchedule } from '../clock-schedule'
import { runAsFunction } from '../iam/function-context'

export type LocalPengesahan = ClockSchedule<ReminderRun>

export const startLocalPengesahan = (): LocalPengesahan =>
  startClockSchedule({
    periodMs: DAY_MS,
    run: () => runAsFunction(PENGESAHAN_JOB_FUNCTION, () => runPengesahanReminders(now())),
    report: (run) => {
      if (run.sent.length > 0) logger.info('pengesahan run finished', { sent: run.sent.length })
    },
    failure: 'pengesahan run',
  })
