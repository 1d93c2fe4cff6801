/**
 * A member of the staff directory as the admin pages and `/api/admin/staff` know it
 * (DESIGN §1 roles, §4): who they are, what role they hold in which area, whether they
 * may still act, and for a TKSK the SK penugasan that bounds their term.
 */
export const STAFF_ROLES = ['tksk', 'dinsos', 'dinsos_head', 'auditor', 'admin', 'dinsos_provinsi'] as const
export type StaffRole = (typeof STAFF_ROLES)[number]

export const STAFF_ROLE_LABELS: Readonly<Record<StaffRole, string>> = {
  tksk: 'TKSK',
  dinsos: 'Dinas Sosial',
  dinsos_head: 'Kepala Dinas Sosial',
  auditor: 'Auditor',
  admin: 'Administrator',
  dinsos_provinsi: 'Dinas Sosial Provinsi',
}

/** The SK penugasan of a TKSK: its number and the local dates (inclusive) it runs. */
export interface StaffTerm {
  skNumber: string
  start: string
  end: string
}

export interface StaffRecord {
  staffId: string
  username: string
  name: string
  email: string
  role: StaffRole
  /** A kecamatan for a TKSK, a province for `dinsos_provinsi`, a kabupaten/kota otherwise, `*` for national auditors and admins. */
  area: string
  active: boolean
  term?: StaffTerm
  /** Optimistic lock of every change (0 for entries written before versioning). */
  version: number
}

/** The answer of the API: the record without its lock. */
export type StaffView = Omit<StaffRecord, 'version'>

export const staffView = ({ version: _version, ...view }: StaffRecord): StaffView => view

/** A term runs through its `end` date: it has ended once the local date is past it. */
export const termEnded = (term: StaffTerm | undefined, localToday: string): boolean =>
  term !== undefined && term.end < localToday
