/**
 * The Berita Acara API (issue 21.3, ADR 0035): `GET /api/berita-acara` the scope's state
 * with the current revision and its figures, `POST /api/berita-acara` issues (Dinsos),
 * `POST /api/berita-acara/tanda-tangan` records the signed paper once (Dinsos).
 */
import * as z from 'zod'
import { letterVerificationUrl } from '../../core/case/recommendation-letter'
import { can } from '../../core/authorization/can'
import type { User } from '../../core/identity/user'
import {
  type BeritaAcaraScope,
  beritaAcaraScopeSchema,
  signatureBodySchema,
} from '../../core/verval/berita-acara'
import {
  beritaAcaraState,
  issueBeritaAcara,
  revisionFigures,
  signBeritaAcara,
} from '../../flows/verval/berita-acara'
import { env } from '../../shared/env'
import { ForbiddenError } from '../../shared/errors'
import { staffAction } from '../runtime/action'
import { parseJsonBody, parseQuery } from '../runtime/parse'
import { json } from '../runtime/responses'

export const beritaAcaraQuerySchema = beritaAcaraScopeSchema
export const beritaAcaraSignSchema = beritaAcaraScopeSchema
  .extend(signatureBodySchema.shape)
  .extend({ revision: z.coerce.number().int().min(1) })
  .strict()

/** Reading needs verval:read on the scope, issuing and signing verval:decide (the Dinsos who approve). */
export const assertScope = (user: User, action: 'verval:read' | 'verval:decide', scope: BeritaAcaraScope) => {
  if (!can(user, action, { area: scope.area })) throw new ForbiddenError()
}

const withUrl = <R extends { code: string }>(revision: R) => ({
  ...revision,
  verifyUrl: letterVerificationUrl(env.publicBaseUrl(), revision.code),
})

export const showBeritaAcara = staffAction(async (request) => {
  const scope = parseQuery(request, beritaAcaraQuerySchema)
  assertScope(request.user, 'verval:read', scope)
  const state = await beritaAcaraState(scope)
  return json(200, {
    scope,
    current: state.current ? withUrl(state.current) : null,
    figures: state.current ? await revisionFigures(state.current) : null,
    approved: state.approved.map((batch) => ({ batchId: batch.batchId, kecamatan: batch.kecamatan })),
    waiting: state.waiting.map((batch) => ({
      batchId: batch.batchId,
      kecamatan: batch.kecamatan,
      status: batch.status,
    })),
    changedSinceIssue: state.changedSinceIssue,
  })
})

export const issueBeritaAcaraAction = staffAction(async (request) => {
  const scope = parseJsonBody(request, beritaAcaraScopeSchema)
  assertScope(request.user, 'verval:decide', scope)
  const { revision, issued } = await issueBeritaAcara(
    scope,
    { id: request.user.id, role: request.user.role },
    request.correlationId,
  )
  return json(issued ? 201 : 200, withUrl(revision))
})

export const signBeritaAcaraAction = staffAction(async (request) => {
  const { revision, signedOn, signerName, scanReference, ...scope } = parseJsonBody(
    request,
    beritaAcaraSignSchema,
  )
  assertScope(request.user, 'verval:decide', scope)
  const signed = await signBeritaAcara(
    scope,
    revision,
    { signedOn, signerName, scanReference },
    { id: request.user.id, role: request.user.role },
    request.correlationId,
  )
  return json(200, withUrl(signed))
})
