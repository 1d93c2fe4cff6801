/**
 * The project clock remembers how far ahead it ran at each past instant of the wall clock:
 * the local stream mappings age a DynamoDB Local record (stamped on the wall clock) by the
 * moves after it was written, not by those before.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { advanceClock, clockOffsetAt, clockOffsetMs, setClockOffsetMs } from '../../../functions/shared/clock'

describe('the project clock’s past offsets', () => {
  let offsetBefore = 0
  beforeEach(() => {
    offsetBefore = clockOffsetMs()
    vi.useFakeTimers({ now: Date.parse('2026-03-02T08:00:00Z') })
  })
  afterEach(() => {
    vi.useRealTimers()
    setClockOffsetMs(offsetBefore)
  })

  it('knows the offset before and after each move, the restored one standing for every instant before', async () => {
    setClockOffsetMs(5_000)
    const restoredAt = Date.now()
    vi.advanceTimersByTime(1_000)
    await advanceClock(3_600)
    const movedAt = Date.now()
    vi.advanceTimersByTime(1_000)
    await advanceClock(60)
    expect(clockOffsetAt(restoredAt - 86_400_000)).toBe(5_000)
    expect(clockOffsetAt(movedAt - 1)).toBe(5_000)
    expect(clockOffsetAt(movedAt)).toBe(5_000 + 3_600_000)
    expect(clockOffsetAt(movedAt + 999)).toBe(5_000 + 3_600_000)
    expect(clockOffsetAt(Date.now())).toBe(5_000 + 3_660_000)
    expect(clockOffsetAt(Date.now())).toBe(clockOffsetMs())
  })

  it('forgets the moves when an offset is restored', async () => {
    await advanceClock(3_600)
    setClockOffsetMs(0)
    expect(clockOffsetAt(Date.now() - 1)).toBe(0)
  })
})
