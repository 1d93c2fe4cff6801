/**
 * The case read together with the other items a workflow step needs before it acts, in
 * one strongly consistent BatchGetItem instead of a GetItem each (issue 14 item 8, issue 20
 * point 3: DynamoDB Local's cost is per request). Each item is as fresh as its own GetItem
 * would have been; the step's conditional write still guards what it conditions on.
 */
import type { CalendarYear } from '../core/calendar/days-off'
import type { CaseRecord } from '../core/case/case-record'
import type { TaskRecord } from '../core/case/task-record'
import { env } from '../shared/env'
import { getEach } from './batch-get'
import { calendarYearOfItem } from './calendar-repository'
import { recordOf } from './case-repository'
import { caseKey, calendarYearKey, taskKey } from './keys'
import { taskOf } from './task-repository'

/** The case and a task of it (the one a wait ended on). */
export const readCaseAndTask = async (
  caseId: string,
  taskId: string,
): Promise<{ record: CaseRecord | undefined; task: TaskRecord | undefined }> => {
  const [record, task] = await getEach(env.mainTableName(), [caseKey(caseId), taskKey(taskId)])
  return { record: record && recordOf(record), task: task && taskOf(task) }
}

/** The case and the calendar lists of these years, `calendarYears[i]` being that of `years[i]`. */
export const readCaseAndCalendarYears = async (
  caseId: string,
  years: readonly number[],
): Promise<{ record: CaseRecord | undefined; calendarYears: (CalendarYear | undefined)[] }> => {
  const [record, ...lists] = await getEach(env.mainTableName(), [
    caseKey(caseId),
    ...years.map(calendarYearKey),
  ])
  return {
    record: record && recordOf(record),
    calendarYears: lists.map((item, index) => calendarYearOfItem(years[index] as number, item)),
  }
}
