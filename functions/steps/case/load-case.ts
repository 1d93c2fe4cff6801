import type { CaseRecord } from '../../core/case/case-record'
import type { TaskRecord } from '../../core/case/task-record'
import { getCase } from '../../data/case-repository'
import { readCaseAndCalendarYears, readCaseAndTask } from '../../data/case-reads'
import { type AreaCalendar, calendarFromLists, calendarYearsAt } from '../../flows/case/calendar'

const found = (caseId: string, record: CaseRecord | undefined): CaseRecord => {
  if (!record) throw new Error(`case ${caseId} not found`)
  return record
}

export const loadCase = async (caseId: string): Promise<CaseRecord> => found(caseId, await getCase(caseId))

/** The case and the task its wait ended on, in one read. */
export const loadCaseAndTask = async (
  caseId: string,
  taskId: string,
): Promise<{ record: CaseRecord; task: TaskRecord | undefined }> => {
  const { record, task } = await readCaseAndTask(caseId, taskId)
  return { record: found(caseId, record), task }
}

/** The case and its area's calendar at `at` (for a task's due dates), in one read. */
export const loadCaseWithCalendar = async (
  caseId: string,
  at: Date,
): Promise<{ record: CaseRecord; calendar: AreaCalendar }> => {
  const years = calendarYearsAt(at)
  const { record, calendarYears } = await readCaseAndCalendarYears(caseId, years)
  const current = found(caseId, record)
  return { record: current, calendar: calendarFromLists(current.kecamatan, at, years, calendarYears) }
}
