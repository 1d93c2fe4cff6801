/**
 * Keys of human tasks and their links (DESIGN §2 "Human tasks"): the task item, one
 * assignment item per assignee (gsi2), the open tasks of an area (sparse gsi1).
 */
import { kabupatenBucket, type Key } from './key'
import { keyShapes } from './shapes'

const { task, link } = keyShapes

export const taskKey = (taskId: string): Key => task.items.task.key({ taskId })
/** One item per assignee of a task, indexed in gsi2 for `GET /api/tasks`. */
export const taskAssignmentKey = (taskId: string, assigneeId: string): Key =>
  task.items.assignment.key({ taskId, assigneeId })
export const taskAssignmentPrefix = task.items.assignment.sk.prefix()
export const tasksByAssigneeEntry = (assigneeId: string, status: string, dueAt: string, taskId: string) =>
  task.indexes.byAssignee.entry({ assigneeId, status, dueAt, taskId })
export const tasksByAssigneePartition = (assigneeId: string): string =>
  task.indexes.byAssignee.pk.format({ assigneeId })
export const tasksByAssigneeStatusPrefix = (status: string): string =>
  task.indexes.byAssignee.sk.prefix({ status })
/**
 * gsi1 on the task item, only while it is OPEN (a sparse index, ADR 0007): the open tasks
 * of a kabupaten/kota by due date, for the approval queue and the overdue count. Closing
 * a task removes the entry; rescheduling moves it.
 */
export const openTasksByAreaEntry = (area: string, dueAt: string, taskId: string) =>
  task.indexes.openByArea.entry({ kabupaten: kabupatenBucket(area), dueAt, taskId })
export const openTasksByAreaPartition = (kabupaten: string): string =>
  task.indexes.openByArea.pk.format({ kabupaten })
/** The gsi1 sort-key bound of an instant: tasks due before it sort before it. */
export const openTasksDueBound = (instantIso: string): string => instantIso

export const linkKey = (linkId: string): Key => link.items.link.key({ linkId })
