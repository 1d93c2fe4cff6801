/** A batch the caller may read: out of scope is the same 404 as unknown, so a TKSK cannot probe other kecamatan. */
import { can } from '../../core/authorization/can'
import type { BatchRecord } from '../../core/verval/batch-record'
import { getBatch } from '../../data/batch-repository'
import type { User } from '../../core/identity/user'
import { NotFoundError } from '../../shared/errors'
import type { RequestContext } from '../runtime/action'
import { parseWith } from '../runtime/parse'
import { batchIdSchema } from './schemas'

export const loadVisibleBatch = async (
  request: RequestContext & { user: User },
  action: 'verval:read' | 'verval:decide',
): Promise<BatchRecord> => {
  const batchId = parseWith(batchIdSchema, request.event.pathParameters?.batchId)
  const batch = await getBatch(batchId)
  if (!batch || !can(request.user, action, { area: batch.kecamatan }))
    throw new NotFoundError('Batch verval tidak ditemukan.')
  return batch
}
