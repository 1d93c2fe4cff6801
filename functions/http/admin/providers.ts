/**
 * `GET/POST /api/admin/providers`, `GET/PATCH /api/admin/providers/{providerId}` (DESIGN
 * §4): the admin's directory. A provider of another kabupaten/kota is 404 (its existence
 * is not the caller's business); creating one there, or listing there, is 403.
 */
import { ulid } from 'ulid'
import { ALL_AREAS } from '../../core/areas/area-code'
import { can, roleMay } from '../../core/authorization/can'
import { providerView } from '../../core/providers/provider-record'
import { loadAreaIndex } from '../../data/area-source'
import { type DirectoryActor, createProvider as create } from '../../flows/providers/create-provider'
import { listProviders as list } from '../../flows/providers/list-providers'
import { updateProvider as update, visibleProvider } from '../../flows/providers/update-provider'
import type { User } from '../../core/identity/user'
import { now } from '../../shared/clock'
import { ForbiddenError, ValidationError } from '../../shared/errors'
import { type RequestContext, staffAction } from '../runtime/action'
import { parseQuery, parseWith, readJsonBody } from '../runtime/parse'
import { json } from '../runtime/responses'
import { providerIdSchema, providerListQuerySchema } from './provider-schemas'

type StaffRequest = RequestContext & { user: User }

export const requireRole = (user: User, action: 'provider:read' | 'provider:write'): void => {
  if (!roleMay(user.role, action)) throw new ForbiddenError()
}

export const actorOf = (
  request: StaffRequest,
  action: 'provider:read' | 'provider:write',
): DirectoryActor => ({
  actor: { id: request.user.id, role: request.user.role },
  mayManage: (kabupaten) => can(request.user, action, { area: kabupaten }),
  correlationId: request.correlationId,
  now: now(),
})

const providerIdOf = (request: StaffRequest): string =>
  parseWith(providerIdSchema, request.event.pathParameters?.providerId)

/** The kabupaten/kota a list is about: the caller's own, or the `area` a national admin names. */
const listArea = (user: User, area: string | undefined): string => {
  const kabupaten = area ?? (user.area === ALL_AREAS ? undefined : user.area)
  if (!kabupaten) throw new ValidationError([{ path: 'area', message: 'Pilih kabupaten/kota (mis. 32.01).' }])
  if (!loadAreaIndex().get(kabupaten))
    throw new ValidationError([{ path: 'area', message: `Kabupaten/kota ${kabupaten} tidak dikenal.` }])
  if (!can(user, 'provider:read', { area: kabupaten })) throw new ForbiddenError()
  return kabupaten
}

export const listProviders = staffAction(async (request) => {
  requireRole(request.user, 'provider:read')
  const query = parseQuery(request, providerListQuerySchema)
  const page = await list({
    kabupaten: listArea(request.user, query.area),
    limit: query.limit,
    ...(query.service ? { service: query.service } : {}),
    ...(query.active ? { active: query.active === 'true' } : {}),
    ...(query.cursor ? { cursor: query.cursor } : {}),
  })
  return json(200, { items: page.items.map(providerView), nextCursor: page.nextCursor })
})

export const showProvider = staffAction(async (request) => {
  requireRole(request.user, 'provider:read')
  const record = await visibleProvider(providerIdOf(request), actorOf(request, 'provider:read').mayManage)
  return json(200, providerView(record))
})

export const createProvider = staffAction(async (request) => {
  requireRole(request.user, 'provider:write')
  const input = readJsonBody(request)
  const by = actorOf(request, 'provider:write')
  const record = await create(input, ulid(by.now.getTime()), by)
  return json(201, providerView(record), { location: `/api/admin/providers/${record.providerId}` })
})

export const updateProvider = staffAction(async (request) => {
  requireRole(request.user, 'provider:write')
  const input = readJsonBody(request)
  const record = await update(providerIdOf(request), input, actorOf(request, 'provider:write'))
  return json(200, providerView(record))
})
