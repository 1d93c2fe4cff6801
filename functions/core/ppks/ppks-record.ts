/**
 * One entry of a desa's PPKS register (issue 16 item 1, ADR 0038): a person or a household
 * the TKSK found in need during inventory, in one of the 26 PPKS categories of Permensos
 * 08/2012 (`core/catalog/categories.ts`, the same codes and names as a case's). The NIK is
 * optional; when given it is validated as an applicant's (DESIGN §1) and kept only in the
 * item, never in a key, and every answer masks it (`ppksView`).
 */
import type { AuditActor } from '../audit/audit-entry'
import { type CategoryCode, isSensitiveCategory } from '../catalog/categories'
import { type MaskedIdentity, maskIdentity, maskPersonalText } from '../identity/disclosure'

export const PPKS_SUBJECTS = ['PERSON', 'HOUSEHOLD'] as const
export type PpksSubject = (typeof PPKS_SUBJECTS)[number]

export const PPKS_SUBJECT_LABELS: Readonly<Record<PpksSubject, string>> = {
  PERSON: 'Perorangan',
  HOUSEHOLD: 'Keluarga/rumah tangga',
}

export interface PpksCaseLink {
  caseId: string
  reference: string
}

export interface PpksRecord {
  ppksId: string
  subject: PpksSubject
  category: CategoryCode
  /** The person's name, or the head of the household's. */
  name: string
  /** Kemendagri code of the desa/kelurahan; fixed (it decides who keeps the entry). */
  desa: string
  kecamatan: string
  kabupaten: string
  nik?: string
  /** HMAC of the NIK (DESIGN §1): what links this entry to other records of the person. */
  nikRef?: string
  birthDate?: string
  /** The NIK was registered in another kecamatan (allowed, flagged as on a case). */
  nikRegisteredElsewhere?: boolean
  address?: string
  /** People in the household (HOUSEHOLD only). */
  members?: number
  /** Free text, stored masked. */
  notes?: string
  active: boolean
  /** The case opened from this entry ("Jadikan kasus"): the case is then what counts. */
  case?: PpksCaseLink
  recordedBy: AuditActor
  createdAt: string
  updatedAt: string
  /** Bumped on every change: the precondition of the next one. */
  version: number
}

/** Every category whose mere mention can harm the person is protected as a sensitive case is. */
export const isSensitiveEntry = (record: Pick<PpksRecord, 'category'>): boolean =>
  isSensitiveCategory(record.category)

type Identity = Pick<PpksRecord, 'nik' | 'birthDate'>

export type PpksView = Omit<MaskedIdentity<Pick<PpksRecord, 'nik' | 'birthDate'>>, 'kk'> &
  Pick<
    PpksRecord,
    | 'ppksId'
    | 'subject'
    | 'category'
    | 'name'
    | 'desa'
    | 'kecamatan'
    | 'address'
    | 'members'
    | 'notes'
    | 'active'
    | 'case'
    | 'nikRegisteredElsewhere'
    | 'createdAt'
    | 'updatedAt'
  > & { sensitive: boolean }

/** The entry as an answer shows it: NIK masked and the birth date as its year (DESIGN §1). */
export const ppksView = (record: PpksRecord): PpksView => {
  const identity: Identity = {
    ...(record.nik === undefined ? {} : { nik: record.nik }),
    ...(record.birthDate === undefined ? {} : { birthDate: record.birthDate }),
  }
  const { kk: _kk, ...masked } = maskIdentity(identity)
  return {
    ppksId: record.ppksId,
    subject: record.subject,
    category: record.category,
    sensitive: isSensitiveEntry(record),
    name: record.name,
    desa: record.desa,
    kecamatan: record.kecamatan,
    ...masked,
    ...(record.nikRegisteredElsewhere ? { nikRegisteredElsewhere: true } : {}),
    ...(record.address === undefined ? {} : { address: record.address }),
    ...(record.members === undefined ? {} : { members: record.members }),
    // Masked again on the way out, whatever an entry saved before this rule holds.
    ...(record.notes === undefined ? {} : { notes: maskPersonalText(record.notes, identity) }),
    active: record.active,
    ...(record.case ? { case: record.case } : {}),
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
  }
}

/**
 * A line of a list. A sensitive entry names nobody there (no name, NIK, birth year,
 * address or notes): who is in it is read only in the entry's detail, and that read is
 * audited like a sensitive case's (DESIGN §1, §5).
 */
export type PpksListItem =
  | (PpksView & { sensitive: false })
  | (Pick<
      PpksView,
      'ppksId' | 'subject' | 'category' | 'desa' | 'kecamatan' | 'active' | 'case' | 'createdAt'
    > & {
      sensitive: true
    })

export const ppksListItem = (record: PpksRecord): PpksListItem => {
  const view = ppksView(record)
  if (!view.sensitive) return { ...view, sensitive: false }
  return {
    ppksId: view.ppksId,
    subject: view.subject,
    category: view.category,
    sensitive: true,
    desa: view.desa,
    kecamatan: view.kecamatan,
    active: view.active,
    ...(view.case ? { case: view.case } : {}),
    createdAt: view.createdAt,
  }
}

/**
 * What the append-only audit chain keeps of an entry: no name, NIK, birth date, address
 * or free text (the chain cannot be corrected or anonymised later, and a sensitive
 * category beside a name is what must not spread); the NIK only as whether one is on record.
 */
export const ppksAuditView = (record: PpksRecord) => ({
  ppksId: record.ppksId,
  subject: record.subject,
  category: record.category,
  desa: record.desa,
  hasNik: record.nik !== undefined,
  ...(record.members === undefined ? {} : { members: record.members }),
  active: record.active,
  ...(record.case ? { case: record.case } : {}),
})
