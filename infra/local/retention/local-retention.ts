/**
 * Local scheduling of the daily retention job (DESIGN §5, ADR 0006), like the hourly
 * anchoring: on each advance of the project clock and at each UTC midnight of it
 * (`clock-schedule.ts`). On AWS an EventBridge schedule invokes the same `runRetention`.
 * The daily end of TKSK terms (issue 13) runs on the same firing; on AWS the admin
 * function's schedule.
 */
import { now } from '../../../functions/shared/clock'
import { logger } from '../../../functions/shared/logger'
import { endExpiredTerms } from '../../../functions/flows/admin/end-terms'
import { type RetentionRun, runRetention } from '../../../functions/triggers/retention-job'
import { RETENTION_JOB_FUNCTION } from '../../stacks/job-statements'
import { type ClockSchedule, DAY_MS, startClockSchedule } from '../clock-schedule'
import { runAsFunction } from '../iam/function-context'

export type LocalRetention = ClockSchedule<RetentionRun>

export const startLocalRetention = (): LocalRetention =>
  startClockSchedule({
    periodMs: DAY_MS,
    run: async () => {
      // On AWS the two are separate functions: a failed retention run (it throws after its
      // other cases) must not keep the term ends from running here either.
      const retention = await runAsFunction(RETENTION_JOB_FUNCTION, () => runRetention(now())).then(
        (run) => ({ run }),
        (error: unknown) => ({ error }),
      )
      // On AWS the admin function ends terms (it holds the Cognito grant); locally it runs as that function too.
      const ended = await runAsFunction('admin', () => endExpiredTerms(now()))
      if (ended.length > 0) logger.info('term-end run finished', { ended: ended.length })
      if ('error' in retention) throw retention.error
      return retention.run
    },
    report: (run) => {
      if (run.anonymised.length > 0 || run.dropped > 0)
        logger.info('retention run finished', { anonymised: run.anonymised.length, dropped: run.dropped })
    },
    failure: 'retention run',
  })
