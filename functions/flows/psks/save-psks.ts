/**
 * Adds a PSKS to the register or changes one (issue 16 item 2, ADR 0031). The area is a
 * desa/kelurahan or kecamatan the actor keeps (the TKSK its kecamatan, Dinsos and the
 * admin their kabupaten/kota); an entry outside the actor's scope is "not found".
 */
import { kabupatenOf, kecamatanOf } from '../../core/areas/area-code'
import { mergeContact, referralVettingPaths } from '../../core/psks/psks-change'
import type { PsksRecord } from '../../core/psks/psks-record'
import {
  psksInputSchema,
  psksPatchSchema,
  REFERRAL_EMAIL,
  referralNeedsEmail,
} from '../../core/psks/psks-schema'
import { loadAreaIndex } from '../../data/area-source'
import { createPsksRecord, getPsks, PsksWriteRefused, updatePsksRecord } from '../../data/psks-repository'
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../shared/errors'
import { parseWith } from '../../shared/validation'
import type { PsksActor } from './psks-actor'

const conflictsAsErrors = async (write: () => Promise<void>): Promise<void> => {
  try {
    await write()
  } catch (error) {
    if (error instanceof PsksWriteRefused)
      throw new ConflictError('Data PSKS baru saja diubah orang lain. Muat ulang lalu coba lagi.')
    throw error
  }
}

/** 403 naming the fields when a change only a referral vetter may make comes from someone else. */
const refuseUnvettedReferral = (previous: PsksRecord | undefined, next: PsksRecord, by: PsksActor): void => {
  const paths = referralVettingPaths(previous, next)
  if (paths.length > 0 && !by.mayVetReferrals(next.area))
    throw new ForbiddenError(
      'Hanya Dinsos atau admin yang dapat menetapkan PSKS penerima rujukan dan email rujukannya.',
      paths.map((path) => ({ path, message: 'Hanya Dinsos atau admin yang dapat mengubah ini.' })),
    )
}

/** The entry if the actor may see it; 404 otherwise, whether it exists or not. */
export const visiblePsks = async (psksId: string, may: (area: string) => boolean): Promise<PsksRecord> => {
  const record = await getPsks(psksId)
  if (!record || !may(record.area)) throw new NotFoundError('PSKS tidak ditemukan.')
  return record
}

export const createPsks = async (input: unknown, psksId: string, by: PsksActor): Promise<PsksRecord> => {
  const parsed = parseWith(psksInputSchema, input)
  const areas = loadAreaIndex()
  const kecamatan = kecamatanOf(parsed.area)
  const kabupaten = kabupatenOf(parsed.area)
  if (!areas.get(parsed.area) || !kecamatan || !kabupaten || !areas.isKecamatan(kecamatan))
    throw new ValidationError([{ path: 'area', message: `Wilayah ${parsed.area} tidak dikenal.` }])
  if (!by.may(parsed.area)) throw new ForbiddenError('Anda hanya dapat mencatat PSKS di wilayah Anda.')
  const at = by.now.toISOString()
  const record: PsksRecord = {
    psksId,
    ...parsed,
    kecamatan,
    kabupaten,
    createdAt: at,
    updatedAt: at,
    version: 1,
  }
  refuseUnvettedReferral(undefined, record, by)
  await conflictsAsErrors(() =>
    createPsksRecord(record, { actor: by.actor, correlationId: by.correlationId, at: by.now }),
  )
  return record
}

export const updatePsks = async (psksId: string, input: unknown, by: PsksActor): Promise<PsksRecord> => {
  const previous = await visiblePsks(psksId, by.may)
  const { contact, ...patch } = parseWith(psksPatchSchema, input)
  const next: PsksRecord = {
    ...previous,
    ...patch,
    contact: mergeContact(previous.contact, contact),
    updatedAt: by.now.toISOString(),
    version: previous.version + 1,
  }
  if (!referralNeedsEmail(next))
    throw new ValidationError([{ path: REFERRAL_EMAIL.path.join('.'), message: REFERRAL_EMAIL.message }])
  refuseUnvettedReferral(previous, next, by)
  await conflictsAsErrors(() =>
    updatePsksRecord(previous, next, { actor: by.actor, correlationId: by.correlationId, at: by.now }),
  )
  return next
}
