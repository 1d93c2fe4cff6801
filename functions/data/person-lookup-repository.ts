/**
 * Possible duplicates of a person (issue 15, ADR 0027): the other cases filed under the
 * same (desa, birth year, name) lookup item. One Query on the person's partition; the
 * item is written in the intake transaction (`intake-repository.ts`).
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb'
import { dynamo } from '../shared/clients'
import { env } from '../shared/env'
import { personLookupPartition } from './keys'

export interface PossibleDuplicate {
  caseId: string
  reference: string
  createdAt: string
}

/** A person rarely has more than a handful of cases; the warning shows the first 20. */
const LIMIT = 20

export const possibleDuplicates = async (
  personRef: string,
  exceptCaseId: string,
): Promise<PossibleDuplicate[]> => {
  const { Items = [] } = await dynamo().send(
    new QueryCommand({
      TableName: env.mainTableName(),
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': personLookupPartition(personRef) },
      Limit: LIMIT + 1,
    }),
  )
  return Items.filter((item) => item.caseId !== exceptCaseId)
    .slice(0, LIMIT)
    .map((item) => ({
      caseId: item.caseId as string,
      reference: item.reference as string,
      createdAt: item.createdAt as string,
    }))
}
