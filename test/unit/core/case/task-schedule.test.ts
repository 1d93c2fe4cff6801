import { describe, expect, it } from 'vitest'
import { createIndonesianHolidayCalendar } from '../../../../functions/core/calendar/indonesian-holidays'
import { dueMilestones, scheduleTask, secondsUntilNext } from '../../../../functions/core/case/task-schedule'

const calendar = { timeZone: 'Asia/Jakarta', holidays: createIndonesianHolidayCalendar() }

describe('task schedules', () => {
  it('an assessment opened the day before Kenaikan Isa Almasih is due five working days later, past the holiday, the cuti bersama and the weekend', () => {
    // Wed 13 May 2026: Thu 14 holiday, Fri 15 cuti bersama, Sat–Sun weekend; Mon 18 … Fri 22 are the 5 days.
    const schedule = scheduleTask('ASSESSMENT', new Date('2026-05-13T03:00:00Z'), calendar)
    expect(schedule.dueAt).toBe('2026-05-22T16:59:59.999Z')
    expect(schedule.finalAt).toBe('2026-06-12T03:00:00.000Z')
    expect(schedule.milestones.map((m) => m.type)).toEqual(['REMINDER', 'ESCALATE', 'FINAL'])
  })

  it('an escalated approval is reminded daily until its final deadline', () => {
    const schedule = scheduleTask('APPROVAL', new Date('2026-01-05T03:00:00Z'), calendar)
    const daily = schedule.milestones.filter((m) => m.id.startsWith('daily-'))
    expect(daily.length).toBeGreaterThan(20)
  })

  it('a clock jump over many reminders sends only the latest, and the final deadline wins over everything', () => {
    const schedule = scheduleTask('APPROVAL', new Date('2026-01-05T03:00:00Z'), calendar)
    const afterTenDays = dueMilestones(
      schedule.milestones,
      new Set(['reminder', 'escalate']),
      new Date('2026-01-18T00:00:00Z'),
    )
    expect(afterTenDays.reminder?.id).toMatch(/^daily-/)
    expect(afterTenDays.settled.length).toBeGreaterThan(1)
    const atTheEnd = dueMilestones(schedule.milestones, new Set(), new Date('2026-03-01T00:00:00Z'))
    expect(atTheEnd).toMatchObject({ final: true })
    expect(atTheEnd.reminder).toBeUndefined()
  })

  it('waits at least one second, as Step Functions requires', () => {
    const schedule = scheduleTask('REFERRAL_RESULT', new Date('2026-01-05T03:00:00Z'), calendar)
    const everything = new Set(schedule.milestones.map((m) => m.id))
    expect(secondsUntilNext(schedule.milestones, everything, new Date('2026-01-05T03:00:00Z'))).toBe(1)
    expect(secondsUntilNext(schedule.milestones, new Set(), new Date('2026-01-05T03:00:00Z'))).toBe(
      29 * 24 * 3600,
    )
  })

  it('the offer of another service after a result lapses after 14 days, with no reminder and no escalation', () => {
    const schedule = scheduleTask('FOLLOW_UP', new Date('2026-03-02T02:00:00Z'), calendar)
    expect(schedule.milestones).toEqual([{ id: 'final', type: 'FINAL', at: '2026-03-16T02:00:00.000Z' }])
    expect(schedule.dueAt).toBe(schedule.finalAt)
  })
})
