import type { AuditActor } from '../../core/audit/audit-entry'
import { can } from '../../core/authorization/can'
import { kecamatanOf } from '../../core/areas/area-code'
import { createIntakeSchema } from '../../core/case/intake-schema'
import { loadAreaIndex } from '../../data/area-source'
import { intakeBodyHash, submitIntake } from '../../flows/case/submit-intake'
import { staffDisplayName } from '../../flows/admin/staff-display-name'
import { now } from '../../shared/clock'
import { BadRequestError, ForbiddenError } from '../../shared/errors'
import { publicAction, type RequestContext, staffAction } from '../runtime/action'
import { parseJsonBody } from '../runtime/parse'
import { json } from '../runtime/responses'
import { residentActor } from './resident-actor'

// The birth-date bounds move with the clock: `createIntakeSchema` keeps one schema per day.
const intakeSchema = () => createIntakeSchema(loadAreaIndex(), now())

const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:-]{1,200}$/

export const idempotencyKeyOf = (request: RequestContext): string | undefined => {
  const key = request.event.headers['idempotency-key']
  if (key !== undefined && !IDEMPOTENCY_KEY.test(key))
    throw new BadRequestError(
      'Idempotency-Key harus 1–200 karakter huruf, angka, titik, titik dua, garis bawah atau minus.',
    )
  return key
}

/** The intake both routes share; `authorize` sees the parsed body before anything is written. */
const fileCase = async (
  request: RequestContext,
  who: { actor: AuditActor; staff?: { staffId: string; name: string } },
  authorize: (villageCode: string) => void = () => undefined,
) => {
  const body = parseJsonBody(request, intakeSchema())
  const idempotencyKey = idempotencyKeyOf(request)
  authorize(body.applicant.villageCode)
  const receipt = await submitIntake(body, {
    ...(idempotencyKey ? { idempotencyKey } : {}),
    bodyHash: intakeBodyHash(JSON.parse(request.body)),
    actor: who.actor,
    correlationId: request.correlationId,
    ...(who.staff ? { staff: who.staff } : {}),
  })
  return json(201, receipt)
}

/** `POST /api/cases` (DESIGN §4): the resident, or someone reporting a person in need (issue 15). */
export const intake = publicAction(async (request) =>
  fileCase(request, { actor: residentActor(request.event) }),
)

/**
 * `POST /api/cases/field` (issue 15): a TKSK files a case found in the field, for a desa
 * of their own kecamatan. The case and its audit entry name the TKSK as the filer. Same
 * body and Idempotency-Key as the public intake, so a form resent after a lost
 * connection files one case.
 */
export const fieldIntake = staffAction(async (request) => {
  const { user } = request
  return fileCase(
    request,
    {
      actor: { id: user.id, role: user.role },
      staff: { staffId: user.id, name: await staffDisplayName(user) },
    },
    (villageCode) => {
      if (!can(user, 'case:create', { area: kecamatanOf(villageCode) ?? villageCode }))
        throw new ForbiddenError('TKSK hanya dapat mencatat kasus di desa/kelurahan kecamatannya sendiri.')
    },
  )
})
