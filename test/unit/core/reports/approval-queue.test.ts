import { describe, expect, it } from 'vitest'
import { createIndonesianHolidayCalendar } from '../../../../functions/core/calendar/indonesian-holidays'
import { approvalQueue } from '../../../../functions/core/reports/approval-queue'
import { aTask } from './fixtures'

const calendar = { timeZone: 'Asia/Jakarta', holidays: createIndonesianHolidayCalendar() }
// Monday 16 March 2026, 10:00 WIB.
const now = new Date('2026-03-16T03:00:00Z')

describe('the approval queue', () => {
  const older = aTask({
    createdAt: '2026-03-06T03:00:00Z',
    dueAt: '2026-03-11T16:59:59.999Z',
    done: ['reminder', 'escalate'],
  })
  const newer = aTask({
    createdAt: '2026-03-13T03:00:00Z',
    dueAt: '2026-03-18T16:59:59.999Z',
    assignees: [{ id: 'someone.else', role: 'dinsos', name: 'X', email: 'x@x' }],
  })
  const assessment = aTask({ kind: 'ASSESSMENT', createdAt: '2026-03-01T03:00:00Z' })
  const decided = aTask({ status: 'DECIDED', createdAt: '2026-03-02T03:00:00Z' })
  const rows = approvalQueue([newer, assessment, older, decided], new Map([[older.caseId, 'SKTM']]), {
    userId: 'dinsos.bogor',
    now,
    calendar,
  })

  it('holds only open approvals, the longest waiting first', () => {
    expect(rows.map((r) => r.taskId)).toEqual([older.taskId, newer.taskId])
  })

  it('gives each its age in hari kerja and in days', () => {
    // Friday 6 March → Monday 16 March: 6 working days, 10 days; Friday 13 → Monday 16: 1 and 3.
    expect(rows.map((r) => [r.ageWorkingDays, r.ageDays])).toEqual([
      [6, 10],
      [1, 3],
    ])
  })

  it('marks the overdue, the escalated and the caller’s own, and names the service', () => {
    expect(rows.map((r) => [r.overdue, r.escalated, r.mine, r.service])).toEqual([
      [true, true, true, 'SKTM'],
      [false, false, false, undefined],
    ])
  })
})
