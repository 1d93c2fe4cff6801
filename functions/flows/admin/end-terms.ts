/**
 * The daily job's part of issue 13: a TKSK whose SK penugasan ended by date is
 * deactivated exactly as an admin would (STAFF_DEACTIVATED by the system, sessions
 * ended, open tasks to the Dinsos queue). Runs with the retention job, on the clock.
 */
import type { AuditActor } from '../../core/audit/audit-entry'
import { termEnded } from '../../core/staff/staff-member'
import { applyStaffPatch } from '../../core/staff/staff-rules'
import { getStaffMember, recordOf, termsEndedBefore } from '../../data/user-repository'
import { applyStaffChange } from './apply-staff-change'
import { localToday } from './local-today'

export const TERM_END_ACTOR: AuditActor = { id: 'term-end-job', role: 'system' }

/** Terms are scheduled under their end month; a job that missed days still finds the last three months'. */
const MONTHS_BACK = 3

const monthsUpTo = (localDate: string): string[] => {
  const [year, month] = localDate.split('-').map(Number) as [number, number]
  return Array.from({ length: MONTHS_BACK }, (_, back) => {
    const date = new Date(Date.UTC(year, month - 1 - back, 1))
    return date.toISOString().slice(0, 7)
  })
}

export const endExpiredTerms = async (at: Date): Promise<string[]> => {
  // The easternmost zone (WIT) is the first to reach a date; each entry's own zone decides below.
  const today = localToday('94', at)
  const ended: string[] = []
  for (const month of monthsUpTo(today)) {
    for (const staffId of await termsEndedBefore(month, today)) {
      const member = await getStaffMember(staffId)
      if (!member) continue
      const current = recordOf(member)
      if (
        !current.active ||
        current.role !== 'tksk' ||
        !termEnded(current.term, localToday(current.area, at))
      )
        continue
      const change = applyStaffPatch(current, { active: false })
      await applyStaffChange(current, change, TERM_END_ACTOR, `term-end:${today}`)
      ended.push(staffId)
    }
  }
  return ended
}
