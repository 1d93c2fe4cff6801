/**
 * The Berita Acara Daftar KPM Perubahan (issue 21.3, ADR 0035): what a scope's approved
 * batches say, issuing a revision with its verification code (Dinsos, before printing),
 * and recording the signed paper once. Read by the API and the staff pages.
 */
import { timeZoneOfArea } from '../../core/areas/time-zones'
import type { AuditActor } from '../../core/audit/audit-entry'
import { localDateOf } from '../../core/calendar/local-date'
import type { BatchRecord } from '../../core/verval/batch-record'
import {
  type BeritaAcaraFigures,
  type BeritaAcaraRevision,
  type BeritaAcaraScope,
  beritaAcaraFigures,
  inScope,
  isApprovedBatch,
  issueVerdict,
  type SignatureBody,
  signVerdict,
} from '../../core/verval/berita-acara'
import { readRows } from '../../data/batch-chunks'
import { getBatch } from '../../data/batch-repository'
import {
  batchesOfScope,
  getRevision,
  latestRevision,
  putRevision,
  putSignature,
  RevisionTakenError,
  SignatureRefusedError,
} from '../../data/berita-acara-repository'
import { beritaAcaraAuditEntityId } from '../../data/keys'
import { now } from '../../shared/clock'
import { ConflictError, NotFoundError, ValidationError } from '../../shared/errors'
import { newLetterCode } from '../../shared/letter-code'

export interface BeritaAcaraState {
  scope: BeritaAcaraScope
  /** The newest issued revision, if any. */
  current?: BeritaAcaraRevision
  /** Approved (APPLIED) batches of the scope, by kecamatan. */
  approved: BatchRecord[]
  /** Batches of the scope still on their way (validating, awaiting approval, applying). */
  waiting: BatchRecord[]
  /** The approved batches differ from the current revision's: a correction is due. */
  changedSinceIssue: boolean
}

const WAITING = new Set(['VALIDATING', 'AWAITING_APPROVAL', 'APPLYING'])

const sortedIds = (batches: readonly BatchRecord[]): string[] => batches.map((b) => b.batchId).sort()

export const beritaAcaraState = async (scope: BeritaAcaraScope): Promise<BeritaAcaraState> => {
  const [batches, current] = await Promise.all([batchesOfScope(scope), latestRevision(scope)])
  const ofScope = batches.filter((batch) => inScope(scope, batch))
  const approved = ofScope.filter(isApprovedBatch).sort((a, b) => a.kecamatan.localeCompare(b.kecamatan))
  const waiting = ofScope.filter((batch) => WAITING.has(batch.status))
  return {
    scope,
    ...(current ? { current } : {}),
    approved,
    waiting,
    changedSinceIssue: current !== undefined && current.batchIds.join(',') !== sortedIds(approved).join(','),
  }
}

const auditOf = (scope: BeritaAcaraScope, actor: AuditActor, correlationId: string) => ({
  entityId: beritaAcaraAuditEntityId(scope),
  area: scope.area,
  actor,
  correlationId,
})

/**
 * Issues the revision the approved batches call for: the current one again when they are
 * the same (201 only for a new one), the next with a new code when they changed.
 */
export const issueBeritaAcara = async (
  scope: BeritaAcaraScope,
  actor: AuditActor,
  correlationId: string,
): Promise<{ revision: BeritaAcaraRevision; issued: boolean }> => {
  const state = await beritaAcaraState(scope)
  const verdict = issueVerdict(state.current, sortedIds(state.approved))
  if (verdict.kind === 'nothing-approved')
    throw new ConflictError('Belum ada batch verval yang disetujui untuk wilayah, program dan periode ini.')
  if (verdict.kind === 'same') return { revision: verdict.current, issued: false }
  const { totals } = await figuresOfBatches(state.approved, scope.period)
  const at = now()
  const revision: BeritaAcaraRevision = {
    ...scope,
    code: newLetterCode(),
    revision: verdict.revision,
    batchIds: sortedIds(state.approved),
    kecamatans: [...new Set(state.approved.map((batch) => batch.kecamatan))].sort(),
    totals,
    issuedAt: at.toISOString(),
    issuedBy: { id: actor.id, role: actor.role },
  }
  try {
    await putRevision(
      revision,
      {
        ...auditOf(scope, actor, correlationId),
        action: 'BERITA_ACARA_ISSUED',
        before: state.current ? { revision: state.current.revision, code: state.current.code } : null,
        after: { revision: revision.revision, code: revision.code, batchIds: revision.batchIds, totals },
      },
      state.current,
    )
  } catch (error) {
    if (error instanceof RevisionTakenError)
      throw new ConflictError('Berita Acara ini baru saja diterbitkan orang lain. Muat ulang halaman.')
    throw error
  }
  return { revision, issued: true }
}

/**
 * Records the signed paper of a revision: once; a date in the future or before the
 * revision was issued is refused with its field.
 */
export const signBeritaAcara = async (
  scope: BeritaAcaraScope,
  revisionNumber: number,
  body: SignatureBody,
  actor: AuditActor,
  correlationId: string,
): Promise<BeritaAcaraRevision> => {
  const revision = await getRevision(scope, revisionNumber)
  if (!revision) throw new NotFoundError('Berita Acara tidak ditemukan.')
  const zone = timeZoneOfArea(scope.area) ?? 'Asia/Jakarta'
  const at = now()
  const today = localDateOf(at, zone)
  const issuedOn = localDateOf(new Date(revision.issuedAt), zone)
  if (body.signedOn > today || body.signedOn < issuedOn)
    throw new ValidationError([
      {
        path: 'signedOn',
        message: `Tanggal tanda tangan antara ${issuedOn} (terbit) dan ${today} (hari ini).`,
      },
    ])
  const verdict = signVerdict(revision)
  if (verdict.kind === 'superseded')
    throw new ConflictError(
      `Revisi ${revision.revision} sudah digantikan oleh revisi ${revision.supersededBy}; tanda tangani revisi terbaru.`,
    )
  if (verdict.kind === 'already-signed') throw alreadySigned(verdict.signature)
  const signature = {
    ...body,
    recordedAt: at.toISOString(),
    recordedBy: { id: actor.id, role: actor.role },
  }
  try {
    await putSignature(revision, signature, {
      ...auditOf(scope, actor, correlationId),
      action: 'BERITA_ACARA_SIGNED',
      before: null,
      after: { revision: revision.revision, code: revision.code, ...body },
    })
  } catch (error) {
    if (error instanceof SignatureRefusedError) {
      const fresh = await getRevision(scope, revisionNumber)
      if (fresh?.signature) throw alreadySigned(fresh.signature)
      throw new ConflictError('Berita Acara ini sudah digantikan revisi baru; muat ulang halaman.')
    }
    throw error
  }
  return { ...revision, signature }
}

const alreadySigned = (signature: { signedOn: string; signerName: string }) =>
  new ConflictError(
    `Berita Acara ini sudah dicatat ditandatangani oleh ${signature.signerName} pada ${signature.signedOn}. ` +
      'Perbaikan dibuat sebagai revisi baru bila batch yang disetujui berubah.',
  )

const figuresOfBatches = async (
  batches: readonly BatchRecord[],
  period: string,
): Promise<BeritaAcaraFigures> =>
  beritaAcaraFigures(
    period,
    await Promise.all(
      batches.map(async (batch) => ({ batch, rows: await readRows(batch.batchId, 1, batch.rows) })),
    ),
  )

/** The figures of an issued revision: exactly its batches, whatever was approved since. */
export const revisionFigures = async (revision: BeritaAcaraRevision): Promise<BeritaAcaraFigures> => {
  const batches = await Promise.all(revision.batchIds.map((batchId) => getBatch(batchId)))
  return figuresOfBatches(
    batches.filter((batch): batch is BatchRecord => batch !== undefined),
    revision.period,
  )
}
