/**
 * "Apakah keluarga saya KPM?" (issue 15.5, ADR 0030), shared by `POST /api/kpm/check`
 * and the `/cek-kpm` form: a KK number and the birth date of the family's pengurus give
 * the programs whose registry lists the family as active, and nothing else.
 *
 * A KK no KPM holds and a birth date that matches no holder are one and the same miss,
 * answered with one and the same 404; both spend the KK's budget of the shared lookup
 * lockout (5 misses, then 24 hours of 429, ADR 0011), which is kept by kkRef whether or
 * not the KK is in the registry, so neither the answer nor the lock says which KKs exist.
 * Every check that reaches the registry is audited on the KK's chain without the KK, the
 * birth date or any person's data.
 */
import type { AuditActor } from '../../core/audit/audit-entry'
import { kecamatanFromCompact } from '../../core/areas/area-code'
import { VERVAL_PROGRAMS } from '../../core/catalog/verval-programs'
import { nikRefOf } from '../../core/identity/nik-ref'
import { type KpmCheckQuery, type KpmCheckView, kpmCheckView, nikCandidates } from '../../core/kpm/kpm-check'
import { appendAudit } from '../../data/audit-repository'
import { kpmCheckAuditEntityId, kpmCheckMissKey } from '../../data/keys'
import { activeLookups, getKpmsAt, type StoredKpm } from '../../data/kpm-repository'
import { recordMiss, releaseAttempt, reserveAttempt } from '../../data/lookup-lockout-repository'
import { nikPepper } from '../../shared/nik-pepper'
import { NotFoundError, RateLimitedError } from '../../shared/errors'

export const KPM_CHECK_NOT_FOUND =
  'Tidak ada data KPM yang cocok dengan nomor KK dan tanggal lahir ini. Periksa kembali tanggal lahir pengurus KPM (nama yang tertera di kartu), atau tanyakan ke TKSK kecamatan Anda.'
export const KPM_CHECK_LOCKED =
  'Terlalu banyak percobaan untuk nomor KK ini. Coba lagi besok, atau tanyakan ke TKSK kecamatan Anda.'

export interface KpmCheckContext {
  nowMs: number
  actor: AuditActor
  correlationId: string
}

/** The active record of each program that holds this KK (at most one per program, DESIGN §1). */
const activeHoldersOf = async (kkRef: string): Promise<StoredKpm[]> => {
  const holders = await Promise.all(
    VERVAL_PROGRAMS.map(async (program) => {
      const holder = (await activeLookups(program, { nikRefs: [], kkRefs: [kkRef] })).kk.get(kkRef)
      if (!holder) return undefined
      return (await getKpmsAt(program, [holder])).get(holder.nikRef)
    }),
  )
  return holders.filter((record): record is StoredKpm => record?.status === 'ACTIVE')
}

/** Whether `birthDate` is the birth date of the record's pengurus (its NIK rebuilt and hashed, never kept). */
const bornOn = (record: StoredKpm, birthDate: string, pepper: string): boolean =>
  nikCandidates(record.nik, birthDate).some((nik) => nikRefOf(nik, pepper) === record.nikRef)

export const checkKpm = async (query: KpmCheckQuery, context: KpmCheckContext): Promise<KpmCheckView> => {
  const pepper = await nikPepper()
  const kkRef = nikRefOf(query.kk, pepper)
  const reservation = await reserveAttempt(kpmCheckMissKey(kkRef), context.nowMs)
  if (!reservation.allowed) throw new RateLimitedError(reservation.retryAfterSeconds, KPM_CHECK_LOCKED)
  const holders = await activeHoldersOf(kkRef)
  // One matching pengurus proves the family: every program the KK is active in is shown.
  const found = holders.some((record) => bornOn(record, query.birthDate, pepper))
  const programs = found ? holders.map((record) => record.program) : []
  await appendAudit(
    {
      entityId: kpmCheckAuditEntityId(kkRef),
      // Where review scopes it: the registry's kecamatan when a KPM holds the KK (so its
      // Dinsos sees wrong dates tried on its families), else the KK's issuing kecamatan
      // (its first 6 digits, which every mask shows).
      area: holders[0]?.kecamatan ?? kecamatanFromCompact(query.kk.slice(0, 6)) ?? '*',
      actor: context.actor,
      action: 'KPM_CHECKED',
      after: { result: found ? 'FOUND' : 'NOT_FOUND', programs },
      correlationId: context.correlationId,
    },
    { at: new Date(context.nowMs) },
  )
  if (!found) {
    await recordMiss(reservation, context.nowMs)
    throw new NotFoundError(KPM_CHECK_NOT_FOUND)
  }
  await releaseAttempt(reservation)
  return kpmCheckView(new Set(programs))
}
