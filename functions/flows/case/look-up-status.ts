/**
 * The resident's status lookup (DESIGN v3 §4, ADR 0011), shared by `POST
 * /api/cases/status` and the `/status` form: reference + access code, 5 misses per
 * reference then 24 hours locked. A wrong code, an unknown reference and a case without
 * a code are one and the same miss, answered with one and the same 404, and the lock
 * holds for references that do not exist too, so neither answer tells which exist.
 */
import { timingSafeEqual } from 'node:crypto'
import type { CaseRecord } from '../../core/case/case-record'
import type { BansosKind } from '../../core/case/case-kind'
import type { BansosResolution } from '../../core/bansos/verification'
import { getCase, getCaseIdByReference } from '../../data/case-repository'
import {
  recordStatusMiss,
  releaseStatusAttempt,
  reserveStatusAttempt,
} from '../../data/status-lockout-repository'
import { ensureWorkflowStarted } from './workflow-control'
import { NotFoundError, RateLimitedError } from '../../shared/errors'

export interface StatusQuery {
  reference: string
  accessCode: string
}

/** What a resident sees: no PII, no staff names. */
export interface StatusView {
  reference: string
  status: CaseRecord['status']
  outcome?: CaseRecord['outcome']
  updatedAt: string
  history: { status: CaseRecord['status']; at: string }[]
  /** A complaint, proposal or objection (ADR 0036): its kind, and how the verification ended. */
  kind?: BansosKind
  /** Whether the TKSK has verified it; an objection's filer learns no more than this. */
  verified?: true
  resolution?: Pick<BansosResolution, 'outcome' | 'forwardTo'>
}

export const STATUS_NOT_FOUND = 'Nomor registrasi dan kode akses tidak cocok dengan permohonan mana pun.'
export const STATUS_LOCKED =
  'Terlalu banyak percobaan untuk nomor registrasi ini. Coba lagi besok, atau hubungi TKSK kecamatan Anda.'

/** Compared in constant time; a case without a code matches nothing. */
const codeMatches = (stored: string | undefined, typed: string): boolean => {
  const left = Buffer.from(stored ?? '')
  const right = Buffer.from(typed)
  return stored !== undefined && left.length === right.length && timingSafeEqual(left, right)
}

export const lookUpStatus = async (
  query: StatusQuery,
  nowMs: number,
  correlationId: string,
): Promise<StatusView> => {
  const reservation = await reserveStatusAttempt(query.reference, nowMs)
  if (!reservation.allowed) throw new RateLimitedError(reservation.retryAfterSeconds, STATUS_LOCKED)
  const caseId = await getCaseIdByReference(query.reference)
  const record = caseId ? await getCase(caseId) : undefined
  if (!record || !codeMatches(record.accessCode, query.accessCode)) {
    await recordStatusMiss(reservation, nowMs)
    throw new NotFoundError(STATUS_NOT_FOUND)
  }
  await releaseStatusAttempt(reservation)
  await ensureWorkflowStarted(record, correlationId)
  return {
    reference: record.reference,
    status: record.status,
    ...(record.outcome ? { outcome: record.outcome } : {}),
    updatedAt: record.updatedAt,
    history: record.history.map(({ status, at }) => ({ status, at })),
    ...(record.kind && record.kind !== 'LAYANAN' ? { kind: record.kind } : {}),
    ...(record.resolution ? filerViewOfResolution(record.kind, record.resolution) : {}),
  }
}

/**
 * The outcome and the forwarding's target only: the findings may describe the person.
 * An objection's filer sees that it was verified and nothing of the outcome: a draft
 * HAPUS or a forwarding to the bank is a decision about another family (ADR 0036).
 */
const filerViewOfResolution = (
  kind: CaseRecord['kind'],
  resolution: BansosResolution,
): Pick<StatusView, 'verified' | 'resolution'> =>
  kind === 'SANGGAH'
    ? { verified: true }
    : {
        verified: true,
        resolution: {
          outcome: resolution.outcome,
          ...(resolution.forwardTo ? { forwardTo: resolution.forwardTo } : {}),
        },
      }
