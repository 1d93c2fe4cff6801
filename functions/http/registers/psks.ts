/**
 * `GET/POST /api/psks`, `GET/PATCH /api/psks/{psksId}` (issue 16 item 2): the PSKS
 * register. An entry outside the caller's scope is 404; adding one there, or listing
 * there, is 403.
 */
import { ulid } from 'ulid'
import { can } from '../../core/authorization/can'
import { psksView } from '../../core/psks/psks-record'
import { listPsks as list } from '../../flows/psks/list-psks'
import { createPsks as create, updatePsks as update, visiblePsks } from '../../flows/psks/save-psks'
import { staffAction } from '../runtime/action'
import { parseQuery, parseWith, readJsonBody } from '../runtime/parse'
import { json } from '../runtime/responses'
import { psksIdSchema, psksListQuerySchema } from './schemas'
import { listArea, registerActor } from './scope'
import type { PsksActor } from '../../flows/psks/psks-actor'

type StaffRequest = Parameters<typeof registerActor>[0]

/** A writer of the register, and whether it also vets referral receivers (Dinsos, admin). */
const psksWriter = (request: StaffRequest): PsksActor => ({
  ...registerActor(request, 'psks:write'),
  mayVetReferrals: (area) => can(request.user, 'psks:vetReferrals', { area }),
})

const psksIdOf = (request: { event: { pathParameters?: Record<string, string | undefined> } }): string =>
  parseWith(psksIdSchema, request.event.pathParameters?.psksId)

export const listPsks = staffAction(async (request) => {
  registerActor(request, 'psks:read')
  const query = parseQuery(request, psksListQuerySchema)
  const items = await list({
    area: listArea(request.user, 'psks:read', query.area),
    ...(query.kind ? { kind: query.kind } : {}),
    ...(query.active ? { active: query.active === 'true' } : {}),
  })
  return json(200, { items: items.map(psksView) })
})

export const showPsks = staffAction(async (request) => {
  const by = registerActor(request, 'psks:read')
  return json(200, psksView(await visiblePsks(psksIdOf(request), by.may)))
})

export const createPsks = staffAction(async (request) => {
  const by = psksWriter(request)
  const record = await create(readJsonBody(request), ulid(by.now.getTime()), by)
  return json(201, psksView(record), { location: `/api/psks/${record.psksId}` })
})

export const updatePsks = staffAction(async (request) => {
  const by = psksWriter(request)
  const record = await update(psksIdOf(request), readJsonBody(request), by)
  return json(200, psksView(record))
})
