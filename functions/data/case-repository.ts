/**
 * The case item in the main table (DESIGN §2): how a record is written with its index
 * entries (gsi1 by area and status, gsi2 by filing) and read back, the lookups by
 * reference and by open-case marker, and the mark of its workflow's start. Lists are in
 * `case-list.ts`, changes in `case-change.ts`, the open-case marker's writes in
 * `open-case-marker.ts` and `issued-nik-items.ts`.
 */
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb'
import type { CaseRecord } from '../core/case/case-record'
import { dynamo } from '../shared/clients'
import { env } from '../shared/env'
import { itemCodec } from './item-codec'
import { caseKey, caseReferenceKey, casesByAreaEntry, casesByFilingEntry, openCaseKey } from './keys'

const table = () => env.mainTableName()

export const caseItem = (record: CaseRecord) => ({
  ...caseKey(record.caseId),
  ...casesByAreaEntry(record.kecamatan, record.status, record.updatedAt, record.caseId),
  ...casesByFilingEntry(record.kecamatan, record.createdAt, record.caseId),
  ...record,
})

/**
 * The intake request's correlation id, on the case item as filed (`CaseRecord.intakeCorrelationId`):
 * the case starter reads it from the item's stream record to start the workflow under it
 * (ADR 0050), as does a read that starts an unmarked case first.
 */
export const INTAKE_CORRELATION_ATTRIBUTE = 'intakeCorrelationId' satisfies keyof CaseRecord

/** `steps` is stored as a string set, absent while empty. */
export const recordOf = itemCodec<CaseRecord>({
  normalise: (record) => ({ ...record, steps: [...(record.steps ?? [])] }),
})

export const getCase = async (caseId: string): Promise<CaseRecord | undefined> => {
  const { Item } = await dynamo().send(
    new GetCommand({ TableName: table(), Key: caseKey(caseId), ConsistentRead: true }),
  )
  return Item ? recordOf(Item) : undefined
}

export const getCaseIdByReference = async (reference: string): Promise<string | undefined> => {
  const { Item } = await dynamo().send(
    new GetCommand({ TableName: table(), Key: caseReferenceKey(reference) }),
  )
  return Item?.caseId as string | undefined
}

export const getOpenCaseId = async (nikRef: string, service: string): Promise<string | undefined> => {
  const { Item } = await dynamo().send(
    new GetCommand({ TableName: table(), Key: openCaseKey(nikRef, service), ConsistentRead: true }),
  )
  return Item?.caseId as string | undefined
}

export const markWorkflowStarted = async (caseId: string, at: string): Promise<void> => {
  await dynamo().send(
    new UpdateCommand({
      TableName: table(),
      Key: caseKey(caseId),
      UpdateExpression: 'SET workflowStartedAt = if_not_exists(workflowStartedAt, :at)',
      ExpressionAttributeValues: { ':at': at },
    }),
  )
}
