/**
 * Draft verval rows of bansos cases (ADR 0036): written in the transaction of the case
 * change that decides them, read per kecamatan and period by the TKSK's list.
 */
import type { VervalDraft } from '../core/bansos/verval-draft'
import { env } from '../shared/env'
import type { TransactItem } from './audit-repository'
import { itemCodec } from './item-codec'
import { vervalDraftKey, vervalDraftPartition } from './keys'
import { queryAll } from './paginate'

const table = () => env.mainTableName()
const draftOf = itemCodec<VervalDraft>()

/** The Put of a draft, to go with the case change; one row per case and program, never overwritten. */
export const vervalDraftPut = (draft: VervalDraft): TransactItem => ({
  Put: {
    TableName: table(),
    Item: { ...vervalDraftKey(draft.kecamatan, draft.period, draft.program, draft.caseId), ...draft },
    ConditionExpression: 'attribute_not_exists(pk)',
  },
})

/** Every draft of a kecamatan and period, by program then case (a few dozen a month at most). */
export const listVervalDrafts = async (kecamatan: string, period: string): Promise<VervalDraft[]> =>
  (
    await queryAll({
      TableName: table(),
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': vervalDraftPartition(kecamatan, period) },
    })
  ).map(draftOf)
