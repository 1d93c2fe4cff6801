/**
 * The open-case marker of a person and service (DESIGN §2, dedup at intake), as a case
 * gives it back on closing and takes it again on reopening for another service: the
 * transaction items, each conditioned on the marker being free or this case's.
 */
import type { CaseRecord } from '../core/case/case-record'
import { env } from '../shared/env'
import type { TransactItem } from './audit-repository'
import { openCaseKey } from './keys'

const table = () => env.mainTableName()

/** The Delete of a case's open-case marker, only if it is still this case's; none for a case without NIK. */
export const releaseOpenMarker = (record: CaseRecord): TransactItem[] =>
  record.nikRef === undefined
    ? []
    : [
        {
          Delete: {
            TableName: table(),
            Key: openCaseKey(record.nikRef, record.service),
            ConditionExpression: 'attribute_not_exists(pk) OR caseId = :caseId',
            ExpressionAttributeValues: { ':caseId': record.caseId },
          },
        },
      ]

/**
 * A case reopened for another service (ADR 0037) takes the person's open-case marker of
 * the new service (its closing released the old one), in the change that reopens it;
 * another open case of the person for that service fails the put (the decision checks
 * it first).
 */
export const takeOpenMarker = (record: CaseRecord, service: string): TransactItem[] =>
  record.nikRef === undefined
    ? []
    : [
        {
          Put: {
            TableName: table(),
            Item: { ...openCaseKey(record.nikRef, service), caseId: record.caseId },
            ConditionExpression: 'attribute_not_exists(pk) OR caseId = :caseId',
            ExpressionAttributeValues: { ':caseId': record.caseId },
          },
        },
      ]
