import { describe, expect, it } from 'vitest'
import { HOUR_MS, startClockSchedule } from '../../../infra/local/clock-schedule'
import { advanceClock, clockOffsetMs, setClockOffsetMs } from '../../../functions/shared/clock'
import { settle, settledYet } from '../../support/promise-state'

/** A job whose runs are held open until `finish()`; `runs` counts the runs begun. */
const heldJob = () => {
  let finish = () => undefined as void
  const held = new Promise<void>((resolve) => (finish = resolve))
  const job = { runs: 0, finish }
  const run = async () => {
    job.runs += 1
    await held
  }
  return { job, run }
}

describe('a clock schedule stopping', () => {
  it('settles only once the run in progress has ended', async () => {
    const { job, run } = heldJob()
    const schedule = startClockSchedule({
      periodMs: HOUR_MS,
      run,
      report: () => undefined,
      failure: 'test job',
      runAtStart: true,
    })
    await settle()
    expect(job.runs).toBe(1)

    const stopped = schedule.stop()
    // The platform drops its tables and DATA_DIR right after: the run must be over first.
    expect(await settledYet(stopped)).toBe(false)
    job.finish()
    expect(await settledYet(stopped)).toBe(true)
  })

  it('runs nothing more after it stopped, on a clock advance either', async () => {
    const { job, run } = heldJob()
    job.finish()
    const schedule = startClockSchedule({
      periodMs: HOUR_MS,
      run,
      report: () => undefined,
      failure: 'test job',
    })
    await schedule.stop()
    const offset = clockOffsetMs()
    try {
      await advanceClock(2 * 60 * 60)
      await settle()
    } finally {
      setClockOffsetMs(offset)
    }
    expect(job.runs).toBe(0)
  })
})
