/**
 * What needs attention in the caller's scope (issue 17): the cases and batches whose
 * workflow halted on a failed step. National users name a kabupaten, as for case lists.
 */
import { ALL_AREAS, kabupatenOf, kecamatanOf } from '../../core/areas/area-code'
import { can } from '../../core/authorization/can'
import type { User } from '../../core/identity/user'
import { listAttention } from '../../data/attention-repository'
import { BadRequestError, ForbiddenError } from '../../shared/errors'

export const listNeedsAttention = async (
  user: User,
  query: { area?: string; limit: number; cursor?: string },
) => {
  const area = query.area ?? (user.area === ALL_AREAS ? undefined : user.area)
  const kabupaten = area && kabupatenOf(area)
  if (!area || !kabupaten)
    throw new BadRequestError('Sebutkan wilayah minimal tingkat kabupaten/kota.', [
      { path: 'area', message: 'Wajib untuk pengguna tingkat nasional.' },
    ])
  if (!can(user, 'workflow:attention', { area })) throw new ForbiddenError()
  const kecamatan = kecamatanOf(area)
  const page = await listAttention({
    kabupaten,
    ...(kecamatan ? { kecamatan } : {}),
    limit: query.limit,
    ...(query.cursor ? { cursor: query.cursor } : {}),
  })
  return { area, ...page }
}
