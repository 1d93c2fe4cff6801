/** Who may upload a verval, and for which kecamatan: a TKSK, always for their own one. */
import { areaLevel } from '../../core/areas/area-code'
import { can, roleMay } from '../../core/authorization/can'
import type { User } from '../../core/identity/user'
import { ForbiddenError } from '../../shared/errors'

export const uploaderKecamatan = (user: User): string => {
  // The kecamatan is always the caller's own: a TKSK serves exactly one.
  if (!roleMay(user.role, 'verval:upload') || areaLevel(user.area) !== 'district') throw new ForbiddenError()
  if (!can(user, 'verval:upload', { area: user.area })) throw new ForbiddenError()
  return user.area
}
