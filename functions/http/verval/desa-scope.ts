/**
 * The kecamatan a desa parts request is about: a TKSK's own, or (Dinsos, auditors) the one
 * named, inside the caller's scope. Anything else is 403, a missing or malformed code 400.
 */
import { areaLevel } from '../../core/areas/area-code'
import { type Action, can, roleMay } from '../../core/authorization/can'
import type { User } from '../../core/identity/user'
import { BadRequestError, ForbiddenError } from '../../shared/errors'

const kecamatanFor = (user: User, action: Action, named: string | undefined): string => {
  if (!roleMay(user.role, action)) throw new ForbiddenError()
  const own = areaLevel(user.area) === 'district'
  // A TKSK names no other kecamatan than their own: asking for another is refused, not ignored.
  if (own && named && named !== user.area) throw new ForbiddenError()
  const kecamatan = own ? user.area : (named ?? '')
  if (areaLevel(kecamatan) !== 'district') {
    const message = 'Sebutkan kode kecamatan, misalnya 32.01.14.'
    throw new BadRequestError(message, [{ path: 'kecamatan', message }])
  }
  if (!can(user, action, { area: kecamatan })) throw new ForbiddenError()
  return kecamatan
}

/** Who may mail the desa links: the TKSK of the kecamatan, or Dinsos for a kecamatan of theirs. */
export const linksKecamatan = (user: User, named: string | undefined): string =>
  kecamatanFor(user, 'verval:request-desa', named)

/** Who may see what the desa sent: the verval readers of the kecamatan. */
export const partsKecamatan = (user: User, named: string | undefined): string =>
  kecamatanFor(user, 'verval:read', named)
