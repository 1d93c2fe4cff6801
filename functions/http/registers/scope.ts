/** What the register actions share: the actor and the area a list is about. */
import { ALL_AREAS, areaLevel } from '../../core/areas/area-code'
import { type Action, can, roleMay } from '../../core/authorization/can'
import type { User } from '../../core/identity/user'
import { loadAreaIndex } from '../../data/area-source'
import type { RegisterActor } from '../../flows/psks/psks-actor'
import { now } from '../../shared/clock'
import { ForbiddenError, ValidationError } from '../../shared/errors'
import type { RequestContext } from '../runtime/action'

type StaffRequest = RequestContext & { user: User }

/** 403 before reading anything when the role may never do the action. */
export const registerActor = (request: StaffRequest, action: Action): RegisterActor => {
  if (!roleMay(request.user.role, action)) throw new ForbiddenError()
  return {
    actor: { id: request.user.id, role: request.user.role },
    may: (area) => can(request.user, action, { area }),
    correlationId: request.correlationId,
    now: now(),
  }
}

const LISTABLE: ReadonlySet<string> = new Set(['regency', 'district'])

/**
 * The kecamatan or kabupaten/kota a list is about: the one named, else the caller's own.
 * `levels` widens it where a list may also be of one desa (the PPKS register).
 */
export const listArea = (
  user: User,
  action: Action,
  area: string | undefined,
  levels: ReadonlySet<string> = LISTABLE,
): string => {
  const named = area ?? (user.area === ALL_AREAS ? undefined : user.area)
  if (!named || !levels.has(areaLevel(named) ?? ''))
    throw new ValidationError([
      { path: 'area', message: 'Sebutkan kabupaten/kota atau kecamatan (mis. 32.01.14).' },
    ])
  if (!loadAreaIndex().get(named))
    throw new ValidationError([{ path: 'area', message: `Wilayah ${named} tidak dikenal.` }])
  if (!can(user, action, { area: named })) throw new ForbiddenError()
  return named
}
