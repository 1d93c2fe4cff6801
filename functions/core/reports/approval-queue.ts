/**
 * The queue of pending approvals (issue #8 item 3): every open APPROVAL task of a
 * kabupaten, the longest waiting first, with its age in hari kerja and calendar days.
 */
import type { WorkingDayOptions } from '../calendar/working-days'
import type { ServiceCode } from '../catalog/services'
import type { TaskRecord } from '../case/task-record'
import { elapsedSince } from './elapsed'

export interface QueueRow {
  taskId: string
  caseId: string
  reference: string
  kecamatan: string
  service: ServiceCode | undefined
  since: string
  ageDays: number
  ageWorkingDays: number
  dueAt: string
  overdue: boolean
  /** The head of Dinsos was brought in at the due date (the `escalate` milestone is done). */
  escalated: boolean
  /** The caller is an assignee, so the task page is theirs to open. */
  mine: boolean
}

export const approvalQueue = (
  tasks: readonly TaskRecord[],
  services: ReadonlyMap<string, ServiceCode>,
  viewer: { userId: string; now: Date; calendar: WorkingDayOptions },
): QueueRow[] =>
  tasks
    .filter((task) => task.kind === 'APPROVAL' && task.status === 'OPEN')
    .map((task) => {
      const age = elapsedSince(new Date(task.createdAt), viewer.now, viewer.calendar)
      return {
        taskId: task.taskId,
        caseId: task.caseId,
        reference: task.reference,
        kecamatan: task.area,
        service: services.get(task.caseId),
        since: task.createdAt,
        ageDays: age.days,
        ageWorkingDays: age.workingDays,
        dueAt: task.dueAt,
        overdue: Date.parse(task.dueAt) < viewer.now.getTime(),
        escalated: task.done.includes('escalate'),
        mine: task.assignees.some((person) => person.id === viewer.userId),
      }
    })
    .sort((a, b) => a.since.localeCompare(b.since) || a.reference.localeCompare(b.reference))
