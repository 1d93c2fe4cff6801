/**
 * Tasks (DESIGN §2 "Human tasks"): the task item, one assignment item per assignee
 * (gsi2, for `GET /api/tasks`), and the step marker that makes opening a task
 * idempotent. Deciding is one conditional write of the status; everything that changes
 * a task's life (created, escalated, reminded, decided, expired) carries its audit
 * entry on the case's chain, and the outbox mails it causes (ADR 0018), in the same
 * transaction.
 */
import { DeleteCommand, GetCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb'
import type { AuditActor, JsonValue } from '../core/audit/audit-entry'
import type { Person } from '../core/case/case-record'
import type { Decider, TaskRecord, TaskStatus } from '../core/case/task-record'
import type { Decision } from '../core/case/task-kinds'
import type { TaskSchedule } from '../core/case/task-schedule'
import { dynamo } from '../shared/clients'
import { env } from '../shared/env'
import { itemCodec } from './item-codec'
import { appendAudit, type TransactItem } from './audit-repository'
import { decodeCursor, nextCursorOf } from './cursor'
import {
  auditEntityId,
  caseKey,
  caseStepMarkerKey,
  openTasksByAreaEntry,
  taskAssignmentKey,
  taskKey,
  tasksByAssigneeEntry,
  tasksByAssigneePartition,
  tasksByAssigneeStatusPrefix,
} from './keys'
import { failedConditionAt, isConditionFailure, namedItems } from './transaction-errors'

const table = () => env.mainTableName()

const assignmentPut = (task: TaskRecord, person: Person, status: TaskStatus = task.status): TransactItem => ({
  Put: {
    TableName: table(),
    Item: {
      ...taskAssignmentKey(task.taskId, person.id),
      ...tasksByAssigneeEntry(person.id, status, task.dueAt, task.taskId),
      taskId: task.taskId,
      caseId: task.caseId,
      reference: task.reference,
      kind: task.kind,
      dueAt: task.dueAt,
      status,
    },
  },
})

/** `done` (the milestones passed) is stored as a string set, absent while empty. */
export const taskOf = itemCodec<TaskRecord>({
  normalise: (task) => ({ ...task, done: [...(task.done ?? [])] }),
})

export const getTask = async (taskId: string): Promise<TaskRecord | undefined> => {
  const { Item } = await dynamo().send(
    new GetCommand({ TableName: table(), Key: taskKey(taskId), ConsistentRead: true }),
  )
  return Item ? taskOf(Item) : undefined
}

interface AuditNote {
  action: string
  actor: AuditActor
  after?: JsonValue
  correlationId: string
}

/**
 * The case's chain, but for the offer of another service after a result (ADR 0037): it
 * lives after CASE_CLOSED, and the case's chain ends there unless the TKSK takes it up
 * (then CASE_REOPENED_FOR_SERVICE is on the case), so the offer has its task's own chain.
 */
const chainOf = (task: Pick<TaskRecord, 'caseId' | 'taskId' | 'kind'>): string =>
  task.kind === 'FOLLOW_UP' ? auditEntityId.task(task.taskId) : auditEntityId.case(task.caseId)

const auditOn = (task: TaskRecord, note: AuditNote) => ({
  entityId: chainOf(task),
  area: task.area,
  actor: note.actor,
  action: note.action,
  before: null,
  after: { taskId: task.taskId, kind: task.kind, ...((note.after as object | null) ?? {}) } as JsonValue,
  correlationId: note.correlationId,
})

/**
 * Opens the task a workflow step asks for, once per `stepKey`: a replay gets the task
 * the first run opened. Awaited tasks become the case's `currentTaskId`. The case must
 * still be open when the task is written (a withdrawal may close it between the step's
 * read and this write): `undefined` when it is closed, and nothing is written or mailed.
 */
export const openTaskOnce = async (
  task: TaskRecord,
  stepKey: string,
  options: { awaited: boolean; note: AuditNote; mails?: readonly TransactItem[] },
): Promise<TaskRecord | undefined> => {
  // The follow-up is opened on the case a result closed (ADR 0037), every other task on an open case.
  const followUp = task.kind === 'FOLLOW_UP'
  const caseOpen = {
    TableName: table(),
    Key: caseKey(task.caseId),
    ConditionExpression: followUp
      ? 'attribute_exists(pk) AND #status = :closed AND attribute_not_exists(#anonymisedAt)'
      : 'attribute_exists(pk) AND #status <> :closed',
    ExpressionAttributeNames: {
      '#status': 'status',
      ...(followUp ? { '#anonymisedAt': 'anonymisedAt' } : {}),
    },
  }
  const transaction = namedItems({
    marker: {
      Put: {
        TableName: table(),
        Item: { ...caseStepMarkerKey(task.caseId, stepKey), taskId: task.taskId },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    // One item per key in a transaction: the awaited task's update of the case carries
    // the condition, the others check it.
    case: options.awaited
      ? {
          Update: {
            ...caseOpen,
            ...(followUp
              ? {
                  UpdateExpression: 'SET followUp = :followUp',
                  ExpressionAttributeValues: {
                    ':followUp': { taskId: task.taskId, round: task.round },
                    ':closed': 'CLOSED',
                  },
                }
              : {
                  UpdateExpression: 'SET currentTaskId = :taskId',
                  ExpressionAttributeValues: { ':taskId': task.taskId, ':closed': 'CLOSED' },
                }),
          },
        }
      : { ConditionCheck: { ...caseOpen, ExpressionAttributeValues: { ':closed': 'CLOSED' } } },
  })
  const items: TransactItem[] = [
    ...transaction.items,
    {
      Put: {
        TableName: table(),
        Item: {
          ...taskKey(task.taskId),
          ...openTasksByAreaEntry(task.area, task.dueAt, task.taskId),
          ...task,
          done: undefined,
        },
      },
    },
    ...task.assignees.map((person) => assignmentPut(task, person)),
    ...(options.mails ?? []),
  ]
  try {
    await appendAudit(auditOn(task, options.note), { alongWith: items })
    return task
  } catch (error) {
    if (transaction.failed(error, 'marker')) {
      const existing = await getTaskOfStep(task.caseId, stepKey)
      if (!existing) throw error
      return existing
    }
    if (transaction.failed(error, 'case')) return undefined
    throw error
  }
}

/** The task a workflow step opened for a case (its step marker names it), if it opened one. */
export const getTaskOfStep = async (caseId: string, stepKey: string): Promise<TaskRecord | undefined> => {
  const { Item } = await dynamo().send(
    new GetCommand({ TableName: table(), Key: caseStepMarkerKey(caseId, stepKey), ConsistentRead: true }),
  )
  return Item ? getTask(Item.taskId as string) : undefined
}

/** Stores the token of the workflow's current wait; the task as it is when it is no longer open. */
export const storeToken = async (
  taskId: string,
  token: string,
  at: string,
): Promise<TaskRecord | undefined> => {
  try {
    await dynamo().send(
      new UpdateCommand({
        TableName: table(),
        Key: taskKey(taskId),
        UpdateExpression: 'SET #token = :token, tokenAt = :at',
        ConditionExpression: '#status = :open',
        ExpressionAttributeNames: { '#token': 'token', '#status': 'status' },
        ExpressionAttributeValues: { ':token': token, ':at': at, ':open': 'OPEN' },
      }),
    )
    return undefined
  } catch (error) {
    if (!isConditionFailure(error)) throw error
    return getTask(taskId)
  }
}

/**
 * An Update of `fields` on a task, only while it is still OPEN: the precondition of every
 * change after opening. `remove` drops attributes (the open-task index entry on closing).
 */
const updateOpenTask = (
  taskId: string,
  fields: Record<string, unknown>,
  remove: readonly string[] = [],
): TransactItem => {
  const names: Record<string, string> = { '#status': 'status' }
  const values: Record<string, unknown> = { ':open': 'OPEN' }
  const sets = Object.entries(fields).map(([field, value], index) => {
    names[`#f${index}`] = field
    values[`:f${index}`] = value
    return `#f${index} = :f${index}`
  })
  return {
    Update: {
      TableName: table(),
      Key: taskKey(taskId),
      UpdateExpression: `SET ${sets.join(', ')}${remove.length ? ` REMOVE ${remove.join(', ')}` : ''}`,
      ConditionExpression: '#status = :open',
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    },
  }
}

const statusUpdate = (task: TaskRecord, status: TaskStatus, set: Record<string, unknown>): TransactItem[] => [
  // A closed task leaves the open-task index (its entry is sparse).
  updateOpenTask(task.taskId, { status, ...set }, status === 'OPEN' ? [] : ['gsi1pk', 'gsi1sk']),
  ...task.assignees.map((person) => assignmentPut(task, person, status)),
]

/**
 * The writes that cancel an open task inside another change's transaction (the case's
 * closing): the task's status, only while it is still OPEN, and its assignment items.
 */
export const cancelTaskItems = (task: TaskRecord, at: string): TransactItem[] =>
  statusUpdate(task, 'CANCELLED', { decidedAt: at })

export type DecideResult = { decided: true; task: TaskRecord } | { decided: false; task: TaskRecord }

/** The one conditional write that decides a task (or expires or cancels it). */
export const closeTask = async (
  task: TaskRecord,
  status: Exclude<TaskStatus, 'OPEN'>,
  fields: { decision?: Decision; decidedBy?: Decider; at: string },
  note: AuditNote,
  mails: readonly TransactItem[] = [],
): Promise<DecideResult> => {
  const set: Record<string, unknown> = { decidedAt: fields.at }
  if (fields.decision) set.decision = fields.decision
  if (fields.decidedBy) set.decidedBy = fields.decidedBy
  try {
    await appendAudit(auditOn(task, note), {
      alongWith: [...statusUpdate(task, status, set), ...mails],
      at: new Date(fields.at),
    })
  } catch (error) {
    if (!failedConditionAt(error, 0)) throw error
    const current = await getTask(task.taskId)
    if (!current) throw error
    return { decided: false, task: current }
  }
  return { decided: true, task: (await getTask(task.taskId)) ?? task }
}

/**
 * Marks milestones done, with the audit entry of what was done and any extra writes
 * (an escalation's new assignee), once: false when another run marked them first.
 */
export const settleMilestones = async (
  task: TaskRecord,
  ids: readonly string[],
  note: AuditNote | undefined,
  extra: { addAssignee?: Person; mails?: readonly TransactItem[] } = {},
): Promise<boolean> => {
  if (ids.length === 0) return true
  const values: Record<string, unknown> = { ':ids': new Set(ids) }
  const conditions = ids.map((id, index) => {
    values[`:id${index}`] = id
    return `NOT contains(#done, :id${index})`
  })
  let update = 'ADD #done :ids'
  const names: Record<string, string> = { '#done': 'done' }
  const items: TransactItem[] = []
  if (extra.addAssignee) {
    update = `SET #assignees = list_append(#assignees, :assignee) ${update}`
    names['#assignees'] = 'assignees'
    values[':assignee'] = [extra.addAssignee]
    items.push(assignmentPut(task, extra.addAssignee))
  }
  items.push(...(extra.mails ?? []))
  const settle: TransactItem = {
    Update: {
      TableName: table(),
      Key: taskKey(task.taskId),
      UpdateExpression: update,
      ConditionExpression: `attribute_not_exists(#done) OR (${conditions.join(' AND ')})`,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    },
  }
  try {
    if (note) await appendAudit(auditOn(task, note), { alongWith: [settle, ...items] })
    else if (items.length === 0) await dynamo().send(new UpdateCommand(settle.Update as never))
    else throw new Error('a settlement that adds an assignee or mails someone carries its audit note')
    return true
  } catch (error) {
    if (failedConditionAt(error, 0) || isConditionFailure(error)) return false
    throw error
  }
}

/**
 * EXTEND or REASSIGN of an assessment (by the escalation): a new schedule and/or
 * assignee, with the outbox mails `mailsFor` makes of the rescheduled task. False when
 * one of those mails exists already: the same decision was applied before.
 */
export const rescheduleTask = async (
  task: TaskRecord,
  change: { schedule?: TaskSchedule; assignee?: Person },
  note: AuditNote,
  mailsFor: (updated: TaskRecord) => TransactItem[] = () => [],
): Promise<boolean> => {
  const set: Record<string, unknown> = {}
  if (change.schedule)
    Object.assign(set, change.schedule, {
      done: new Set(['__rescheduled']),
      gsi1sk: openTasksByAreaEntry(task.area, change.schedule.dueAt, task.taskId).gsi1sk,
    })
  if (change.assignee) set.assignees = [change.assignee]
  const updated: TaskRecord = {
    ...task,
    ...(change.schedule ?? {}),
    ...(change.assignee ? { assignees: [change.assignee] } : {}),
  }
  const items: TransactItem[] = [
    updateOpenTask(task.taskId, set),
    ...updated.assignees.map((person) => assignmentPut(updated, person)),
  ]
  const mails = mailsFor(updated)
  try {
    await appendAudit(auditOn(task, note), { alongWith: [...items, ...mails] })
  } catch (error) {
    if (mails.some((_mail, index) => failedConditionAt(error, items.length + index))) return false
    throw error
  }
  if (change.assignee) {
    for (const person of task.assignees.filter((p) => p.id !== change.assignee?.id)) {
      await dynamo().send(
        new DeleteCommand({ TableName: table(), Key: taskAssignmentKey(task.taskId, person.id) }),
      )
    }
  }
  return true
}

export interface AssignmentItem {
  taskId: string
  caseId: string
  reference: string
  kind: string
  dueAt: string
  status: TaskStatus
}

export const listAssignments = async (query: {
  assigneeId: string
  status: TaskStatus
  limit: number
  cursor?: string
}) => {
  const partition = tasksByAssigneePartition(query.assigneeId)
  const prefix = tasksByAssigneeStatusPrefix(query.status)
  // A cursor resumes only this query: the caller's own assignments in this status.
  const startKey =
    query.cursor === undefined
      ? undefined
      : decodeCursor(
          query.cursor,
          [['pk', 'sk', 'gsi2pk', 'gsi2sk']],
          (key) => key.gsi2pk === partition && (key.gsi2sk ?? '').startsWith(prefix),
        )
  const { Items, LastEvaluatedKey } = await dynamo().send(
    new QueryCommand({
      TableName: table(),
      IndexName: 'gsi2',
      KeyConditionExpression: 'gsi2pk = :pk AND begins_with(gsi2sk, :prefix)',
      ExpressionAttributeValues: {
        ':pk': partition,
        ':prefix': prefix,
      },
      Limit: query.limit,
      ExclusiveStartKey: startKey,
    }),
  )
  const items = (Items ?? []).map(({ taskId, caseId, reference, kind, dueAt, status }) => ({
    taskId,
    caseId,
    reference,
    kind,
    dueAt,
    status,
  })) as AssignmentItem[]
  return { items, nextCursor: nextCursorOf(LastEvaluatedKey) }
}

/**
 * Hands an open task from one assignee to another (issue 13: a deactivated person's
 * tasks move to the kabupaten's Dinsos queue): the task's assignees, both assignment
 * items and the audit entry in one transaction, only while the task is open. False when
 * the task closed meanwhile.
 */
export const handOverTask = async (
  task: TaskRecord,
  fromId: string,
  to: Person,
  note: AuditNote,
  /** The new assignee's mail (outbox items), queued in the same transaction (ADR 0018). */
  mails: readonly TransactItem[] = [],
): Promise<boolean> => {
  const assignees = [...task.assignees.filter((p) => p.id !== fromId && p.id !== to.id), to]
  const updated: TaskRecord = { ...task, assignees }
  const items: TransactItem[] = [
    updateOpenTask(task.taskId, { assignees }),
    assignmentPut(updated, to),
    { Delete: { TableName: table(), Key: taskAssignmentKey(task.taskId, fromId) } },
    ...mails,
  ]
  try {
    await appendAudit(auditOn(task, note), { alongWith: items })
    return true
  } catch (error) {
    if (failedConditionAt(error, 0)) return false
    throw error
  }
}
