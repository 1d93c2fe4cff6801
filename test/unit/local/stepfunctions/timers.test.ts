import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { advanceClock, clockOffsetMs, setClockOffsetMs } from '../../../../functions/shared/clock'
import { createClockTimers } from '../../../../infra/local/stepfunctions/timers'

describe('the local Step Functions timers', () => {
  let offset = 0
  beforeEach(() => {
    offset = clockOffsetMs()
    vi.useFakeTimers()
  })
  afterEach(() => {
    vi.useRealTimers()
    setClockOffsetMs(offset)
  })

  it('fire a timer when real time reaches its due time, and not before', () => {
    const timers = createClockTimers()
    const fired: string[] = []
    timers.schedule(Date.now() + 1_000, () => fired.push('wait'))
    vi.advanceTimersByTime(999)
    expect(fired).toEqual([])
    vi.advanceTimersByTime(1)
    expect(fired).toEqual(['wait'])
    timers.stop()
  })

  it('do not wake up while nothing is pending', () => {
    const timers = createClockTimers()
    expect(vi.getTimerCount()).toBe(0)
    const cancel = timers.schedule(Date.now() + 5_000, () => undefined)
    expect(vi.getTimerCount()).toBe(1)
    cancel()
    vi.advanceTimersByTime(5_000)
    expect(vi.getTimerCount()).toBe(0)
    timers.stop()
  })

  it('fire a timer days away once the days have passed', () => {
    const timers = createClockTimers()
    const fired: number[] = []
    timers.schedule(Date.now() + 3 * 24 * 3_600_000, () => fired.push(1))
    vi.advanceTimersByTime(2 * 24 * 3_600_000)
    expect(fired).toEqual([])
    vi.advanceTimersByTime(24 * 3_600_000)
    expect(fired).toEqual([1])
    timers.stop()
  })

  it('fire an earlier timer scheduled after a later one at its own time', () => {
    const timers = createClockTimers()
    const fired: string[] = []
    timers.schedule(Date.now() + 10_000, () => fired.push('late'))
    timers.schedule(Date.now() + 100, () => fired.push('early'))
    vi.advanceTimersByTime(100)
    expect(fired).toEqual(['early'])
    vi.advanceTimersByTime(9_900)
    expect(fired).toEqual(['early', 'late'])
    timers.stop()
  })

  it('fire what a moved clock made due, and then the next one at its time on the new clock', async () => {
    const timers = createClockTimers()
    const fired: string[] = []
    const start = Date.now()
    timers.schedule(start + 3_600_000, () => fired.push('hour'))
    timers.schedule(start + 3_600_000 + 500, () => fired.push('hour and a bit'))
    await advanceClock(3_600)
    expect(timers.fireDue()).toBe(1)
    expect(fired).toEqual(['hour'])
    vi.advanceTimersByTime(500)
    expect(fired).toEqual(['hour', 'hour and a bit'])
    timers.stop()
  })
})
