/**
 * The rules of the staff directory that do not depend on storage (DESIGN §1, issue 13):
 * which area fits which role, and what a change amounts to (deactivation, role or
 * area change: the changes that end a person's sessions and hand their open tasks
 * over). Who may make a change is `can(admin, 'staff:manage', {area})`: an admin within
 * their scope, never reaching `*` unless national.
 */
import { ALL_AREAS, areaLevel } from '../areas/area-code'
import type { StaffPatchInput } from './staff-schemas'
import { type StaffRecord, type StaffRole, type StaffTerm, termEnded } from './staff-member'

export interface FieldProblem {
  path: string
  message: string
}

const NATIONAL_ROLES: readonly StaffRole[] = ['auditor', 'admin']

/**
 * Whether `area` fits `role`: a TKSK serves a kecamatan, `dinsos_provinsi` a province,
 * everyone else a kabupaten/kota,
 * and only auditors and admins may be national (`*`). `areaKnown` says whether the code
 * is in today's Kemendagri list.
 */
export const areaProblems = (
  role: StaffRole,
  area: string,
  areaKnown: (code: string) => boolean,
  path = 'area',
): FieldProblem[] => {
  if (area === ALL_AREAS)
    return NATIONAL_ROLES.includes(role)
      ? []
      : [{ path, message: 'Cakupan nasional (*) hanya untuk auditor dan administrator.' }]
  const level = areaLevel(area)
  if (role === 'tksk' && level !== 'district')
    return [{ path, message: 'Wilayah TKSK harus sebuah kecamatan (mis. 32.01.14).' }]
  // The province's office reads the roll-up of its kabupaten (ADR 0039).
  if (role === 'dinsos_provinsi' && level !== 'province')
    return [{ path, message: 'Wilayah Dinas Sosial Provinsi harus sebuah provinsi (mis. 32).' }]
  if (role !== 'tksk' && role !== 'dinsos_provinsi' && level !== 'regency')
    return [{ path, message: 'Wilayah peran ini harus sebuah kabupaten/kota (mis. 32.01).' }]
  if (!areaKnown(area)) return [{ path, message: `Kode wilayah ${area} tidak dikenal.` }]
  return []
}

/** A TKSK is assigned by an SK with a term; other roles have none. */
export const termProblems = (role: StaffRole, term: StaffTerm | undefined, path = 'term'): FieldProblem[] => {
  if (role === 'tksk' && !term)
    return [{ path, message: 'TKSK memerlukan nomor SK penugasan dengan awal dan akhir masa tugas.' }]
  if (role !== 'tksk' && term) return [{ path, message: 'Masa tugas (SK penugasan) hanya untuk TKSK.' }]
  return []
}

export interface StaffChange {
  next: StaffRecord
  deactivated: boolean
  reactivated: boolean
  roleChanged: boolean
  areaChanged: boolean
}

/** The record after a patch, and what the patch amounts to. */
export const applyStaffPatch = (current: StaffRecord, patch: StaffPatchInput): StaffChange => {
  const { term, ...rest } = patch
  const next: StaffRecord = { ...current, ...rest, version: current.version + 1 }
  if (term === null) delete next.term
  else if (term !== undefined) next.term = term
  return {
    next,
    deactivated: current.active && !next.active,
    reactivated: !current.active && next.active,
    roleChanged: current.role !== next.role,
    areaChanged: current.area !== next.area,
  }
}

/** Whether a change must end the person's sessions and move their open tasks (DESIGN §4). */
export const endsAuthority = (change: StaffChange): boolean =>
  change.deactivated || change.roleChanged || change.areaChanged

/**
 * A TKSK whose SK has run out cannot be active without a new term: not made active again,
 * and not invited or imported either (from 1 January, last year's sheet would otherwise
 * give accounts that the daily term-end job ends within the day, their tasks handed over).
 */
export const endedTermProblems = (
  next: Pick<StaffRecord, 'active' | 'term'>,
  localToday: string,
): FieldProblem[] =>
  next.active && termEnded(next.term, localToday)
    ? [{ path: 'term.end', message: 'Masa tugas sudah berakhir: isi SK penugasan yang baru.' }]
    : []
