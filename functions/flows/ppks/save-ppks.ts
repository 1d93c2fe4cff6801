/**
 * Records a PPKS found during inventory, changes one, and reads one (issue 16 item 1,
 * ADR 0038). The desa is one the actor keeps (the TKSK its kecamatan's, Dinsos its
 * kabupaten's); an entry outside the actor's scope is "not found". A NIK is validated as
 * an applicant's and kept with its nikRef; a sensitive entry's read is audited first.
 */
import { kabupatenOf, kecamatanOf } from '../../core/areas/area-code'
import { type PpksRecord } from '../../core/ppks/ppks-record'
import { isSensitiveEntry } from '../../core/ppks/ppks-record'
import {
  ppksIdentityIssues,
  ppksInputSchema,
  type PpksPatch,
  ppksPatchSchema,
} from '../../core/ppks/ppks-schema'
import { nikRegisteredElsewhere } from '../../core/identity/validate-identity'
import { nikRefOf } from '../../core/identity/nik-ref'
import { maskPersonalText } from '../../core/identity/disclosure'
import { loadAreaIndex } from '../../data/area-source'
import {
  auditSensitiveRead,
  createPpksRecord,
  getPpks,
  PpksWriteRefused,
  updatePpksRecord,
} from '../../data/ppks-repository'
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../shared/errors'
import { nikPepper } from '../../shared/nik-pepper'
import { parseWith } from '../../shared/validation'
import type { RegisterActor } from '../psks/psks-actor'

export const conflictsAsErrors = async (write: () => Promise<void>): Promise<void> => {
  try {
    await write()
  } catch (error) {
    if (error instanceof PpksWriteRefused)
      throw new ConflictError('Data PPKS baru saja diubah orang lain. Muat ulang lalu coba lagi.')
    throw error
  }
}

/** The entry if the actor may see it; 404 otherwise, whether it exists or not. */
export const visiblePpks = async (ppksId: string, may: (area: string) => boolean): Promise<PpksRecord> => {
  const record = await getPpks(ppksId)
  if (!record || !may(record.desa)) throw new NotFoundError('Data PPKS tidak ditemukan.')
  return record
}

/** One entry for its detail: a sensitive one's read is audited before it is answered. */
export const readPpks = async (ppksId: string, by: RegisterActor): Promise<PpksRecord> => {
  const record = await visiblePpks(ppksId, by.may)
  if (isSensitiveEntry(record))
    await auditSensitiveRead(record, { actor: by.actor, correlationId: by.correlationId, at: by.now })
  return record
}

/**
 * The notes as they are stored: beside the masked NIK and birth year of the entry, the
 * day and month of birth typed into them would rebuild the NIK (DESIGN §1), so they are
 * masked against the entry's birth date and the date its own NIK encodes (kept apart
 * from the entry here), again on each change (the date may come later).
 */
const withNotesMasked = <T extends Pick<PpksRecord, 'notes' | 'birthDate'>>(
  entry: T,
  nik: string | undefined,
): T =>
  entry.notes === undefined
    ? entry
    : { ...entry, notes: maskPersonalText(entry.notes, { nik, birthDate: entry.birthDate }) }

const change = (by: RegisterActor) => ({ actor: by.actor, correlationId: by.correlationId, at: by.now })

/** The NIK-derived fields of an entry (none without a NIK). */
const identityOf = async (nik: string | undefined, desa: string) =>
  nik === undefined
    ? {}
    : {
        nik,
        nikRef: nikRefOf(nik, await nikPepper()),
        ...(nikRegisteredElsewhere(nik, desa) ? { nikRegisteredElsewhere: true } : {}),
      }

const refuseIdentityIssues = (entry: Parameters<typeof ppksIdentityIssues>[0], now: Date): void => {
  const issues = ppksIdentityIssues(entry, loadAreaIndex(), now)
  if (issues.length > 0) throw new ValidationError(issues)
}

export const createPpks = async (input: unknown, ppksId: string, by: RegisterActor): Promise<PpksRecord> => {
  const { nik, ...parsed } = parseWith(ppksInputSchema, input)
  const areas = loadAreaIndex()
  const kecamatan = kecamatanOf(parsed.desa)
  const kabupaten = kabupatenOf(parsed.desa)
  if (!areas.isVillage(parsed.desa) || !kecamatan || !kabupaten)
    throw new ValidationError([{ path: 'desa', message: `Desa/kelurahan ${parsed.desa} tidak dikenal.` }])
  refuseIdentityIssues({ ...parsed, nik }, by.now)
  if (!by.may(parsed.desa)) throw new ForbiddenError('Anda hanya dapat mencatat PPKS di wilayah Anda.')
  const at = by.now.toISOString()
  const record: PpksRecord = {
    ppksId,
    ...withNotesMasked(parsed, nik),
    ...(await identityOf(nik, parsed.desa)),
    kecamatan,
    kabupaten,
    active: true,
    recordedBy: by.actor,
    createdAt: at,
    updatedAt: at,
    version: 1,
  }
  await conflictsAsErrors(() => createPpksRecord(record, change(by)))
  return record
}

const OPTIONAL_FIELDS = ['birthDate', 'address', 'members', 'notes'] as const

/** The entry with a PATCH applied: a field named replaces it, `null` removes it. */
const patched = (previous: PpksRecord, patch: PpksPatch): Omit<PpksRecord, 'nik' | 'nikRef'> => {
  const { nik: _nik, nikRef: _ref, nikRegisteredElsewhere: _elsewhere, ...next } = { ...previous }
  if (patch.subject) next.subject = patch.subject
  if (patch.category) next.category = patch.category
  if (patch.name) next.name = patch.name
  if (patch.active !== undefined) next.active = patch.active
  for (const field of OPTIONAL_FIELDS) {
    const value = patch[field]
    if (value === null) delete next[field]
    else if (value !== undefined) Object.assign(next, { [field]: value })
  }
  return next
}

export const updatePpks = async (ppksId: string, input: unknown, by: RegisterActor): Promise<PpksRecord> => {
  const previous = await visiblePpks(ppksId, by.may)
  const patch = parseWith(ppksPatchSchema, input)
  const nik = patch.nik === null ? undefined : (patch.nik ?? previous.nik)
  const rest = patched(previous, patch)
  refuseIdentityIssues({ ...rest, nik }, by.now)
  const next: PpksRecord = {
    ...withNotesMasked(rest, nik),
    ...(await identityOf(nik, previous.desa)),
    updatedAt: by.now.toISOString(),
    version: previous.version + 1,
  }
  await conflictsAsErrors(() => updatePpksRecord(previous, next, change(by)))
  return next
}
