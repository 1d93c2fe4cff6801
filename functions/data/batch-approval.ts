/**
 * The approval of a verval batch on the batch item itself: its schedule (due, final,
 * milestones — the case workflow's rules for APPROVAL) and the approvers holding links.
 */
import { TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb'
import type { Person } from '../core/case/case-record'
import type { TaskSchedule } from '../core/case/task-schedule'
import { dynamo } from '../shared/clients'
import { env } from '../shared/env'
import type { TransactItem } from './audit-repository'
import { batchKey } from './keys'
import { failedConditionAt, isConditionFailure } from './transaction-errors'

export interface BatchApproval extends TaskSchedule {
  approvers: Person[]
  done: string[]
}

/**
 * One conditional update of the batch's approval, with the mails it causes (outbox puts,
 * ADR 0020) in the same transaction: false when the update's condition fails (a replay),
 * and then no mail is written either.
 */
const update = async (
  input: Omit<ConstructorParameters<typeof UpdateCommand>[0], 'TableName' | 'Key'>,
  batchId: string,
  mails: readonly TransactItem[],
): Promise<boolean> => {
  const command = { TableName: env.mainTableName(), Key: batchKey(batchId), ...input }
  try {
    if (mails.length === 0) await dynamo().send(new UpdateCommand(command))
    else
      await dynamo().send(
        new TransactWriteCommand({
          TransactItems: [{ Update: command as NonNullable<TransactItem['Update']> }, ...mails],
        }),
      )
    return true
  } catch (error) {
    if (isConditionFailure(error) || failedConditionAt(error, 0)) return false
    throw error
  }
}

/** Sets the approval once; a replay keeps the first schedule. */
export const initApproval = (
  batchId: string,
  approval: BatchApproval,
  mails: readonly TransactItem[] = [],
): Promise<boolean> =>
  update(
    {
      UpdateExpression: 'SET approval = :approval',
      ConditionExpression: 'attribute_not_exists(approval)',
      ExpressionAttributeValues: { ':approval': approval },
    },
    batchId,
    mails,
  )

/** Marks milestones done (and adds the escalation's approver), once. */
export const settleApproval = (
  batchId: string,
  ids: readonly string[],
  addApprover?: Person,
  mails: readonly TransactItem[] = [],
): Promise<boolean> => {
  const values: Record<string, unknown> = { ':ids': ids }
  const conditions = ids.map((id, index) => {
    values[`:id${index}`] = id
    return `NOT contains(approval.done, :id${index})`
  })
  let expression = 'SET approval.done = list_append(approval.done, :ids)'
  if (addApprover) {
    expression += ', approval.approvers = list_append(approval.approvers, :approver)'
    values[':approver'] = [addApprover]
  }
  return update(
    {
      UpdateExpression: expression,
      ...(conditions.length > 0 ? { ConditionExpression: conditions.join(' AND ') } : {}),
      ExpressionAttributeValues: values,
    },
    batchId,
    mails,
  )
}
