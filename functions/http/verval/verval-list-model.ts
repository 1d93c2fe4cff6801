/** The batch list of `/staff/verval`: the caller's own area, or the one a national or provincial reader picked. */
import { can, roleMay } from '../../core/authorization/can'
import type { User } from '../../core/identity/user'
import { listableArea, listBatchesInArea } from '../../data/batch-queries'
import { type ErrorDetail, ForbiddenError } from '../../shared/errors'
import type { FormState } from '../../web/fields'
import type { VervalListModel } from '../../web/verval-list-page'
import type { RequestContext } from '../runtime/action'
import { areaName } from '../runtime/staff-context'

export type StaffRequest = RequestContext & { user: User }

/** The list under the form: the caller's own area, or (national/provincial readers) the area they picked. */
export const listModel = async (request: StaffRequest, upload?: FormState): Promise<VervalListModel> => {
  const { user } = request
  if (!roleMay(user.role, 'verval:read')) throw new ForbiddenError()
  const base = { areaName, ...(upload ? { upload } : {}) }
  if (listableArea(user.area)) return { ...base, items: await listBatchesInArea(user.area) }
  const area = (request.event.queryStringParameters?.area ?? '').trim()
  const problem: ErrorDetail[] =
    area !== '' && !(listableArea(area) && can(user, 'verval:read', { area }))
      ? [{ path: 'area', message: 'Masukkan kode kabupaten/kota atau kecamatan di wilayah Anda.' }]
      : []
  const items = area !== '' && problem.length === 0 ? await listBatchesInArea(area) : []
  return { ...base, items, areaFilter: { values: { area }, errors: problem } }
}
