/**
 * The directory of a kabupaten/kota as its admin sees it (TKSK of its kecamatan
 * included), or the national entries (`*`) for a national admin. A national admin names
 * the kabupaten (DESIGN §2: national lists need an area of at least kabupaten level), or a
 * province for the entries kept at that level (its `dinsos_provinsi`, ADR 0039).
 */
import { ALL_AREAS, type AreaLevel, areaLevel, kabupatenOf } from '../../core/areas/area-code'
import { staffView, type StaffView } from '../../core/staff/staff-member'
import { can } from '../../core/authorization/can'
import { listStaffIn, recordOf } from '../../data/user-repository'
import type { User } from '../../core/identity/user'
import { BadRequestError, ForbiddenError } from '../../shared/errors'

// A province's partition holds only its province-level entries (`kabupatenBucket`).
const LISTED_LEVELS: readonly (AreaLevel | undefined)[] = ['regency', 'province']

/** Which directory partition a list reads: the admin's own kabupaten, or the one named. */
export const listScope = (admin: Pick<User, 'role' | 'area'>, area: string | undefined): string => {
  const wanted = area ?? (admin.area === ALL_AREAS ? undefined : (kabupatenOf(admin.area) ?? admin.area))
  if (wanted === undefined)
    throw new BadRequestError('Pilih kabupaten/kota.', [
      { path: 'area', message: 'Administrator nasional memilih kabupaten/kota (mis. 32.01) atau * .' },
    ])
  if (wanted !== ALL_AREAS && !LISTED_LEVELS.includes(areaLevel(wanted)))
    throw new BadRequestError('Wilayah daftar harus kabupaten/kota atau provinsi.', [
      {
        path: 'area',
        message: 'Daftar petugas disusun per kabupaten/kota (mis. 32.01) atau provinsi (mis. 32).',
      },
    ])
  if (!can(admin, 'staff:read', { area: wanted })) throw new ForbiddenError('Wilayah di luar cakupan Anda.')
  return wanted
}

export const listStaff = async (
  admin: Pick<User, 'role' | 'area'>,
  query: { area?: string; limit: number; cursor?: string },
): Promise<{ items: StaffView[]; nextCursor: string | null }> => {
  const scope = listScope(admin, query.area)
  const page = await listStaffIn(scope, {
    limit: query.limit,
    ...(query.cursor ? { cursor: query.cursor } : {}),
  })
  return {
    items: page.items.map((member) => staffView(recordOf(member))),
    nextCursor: page.nextCursor,
  }
}
