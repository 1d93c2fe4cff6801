/**
 * One entry of a kecamatan's PSKS register (issue 16 item 2): who is there to help,
 * where (a desa, or the whole kecamatan) and how to reach them. A PSKS flagged
 * `acceptsReferrals` (and with an email to receive the link) is offered on "Pilih
 * penyedia" for the cases of its area (ADR 0031).
 */
import type { PsksKind } from './psks-kinds'

export interface PsksContact {
  person?: string
  phone?: string
  email?: string
}

export interface PsksRecord {
  psksId: string
  name: string
  kind: PsksKind
  /** Kemendagri code of a desa/kelurahan or of the kecamatan itself. */
  area: string
  /** The kecamatan of `area` (the TKSK's scope), fixed at creation. */
  kecamatan: string
  /** The kabupaten/kota of `area` (Dinsos's and the index partition), fixed at creation. */
  kabupaten: string
  contact: PsksContact
  active: boolean
  /** "Dapat menerima rujukan": offered as a provider for the cases of its area. */
  acceptsReferrals: boolean
  createdAt: string
  updatedAt: string
  /** Bumped on every change: the precondition of the next one. */
  version: number
}

/** What the API answers and the audit records. */
export type PsksView = Pick<
  PsksRecord,
  'psksId' | 'name' | 'kind' | 'area' | 'kecamatan' | 'contact' | 'active' | 'acceptsReferrals'
>

export const psksView = (record: PsksRecord): PsksView => ({
  psksId: record.psksId,
  name: record.name,
  kind: record.kind,
  area: record.area,
  kecamatan: record.kecamatan,
  contact: record.contact,
  active: record.active,
  acceptsReferrals: record.acceptsReferrals,
})
