/**
 * Bulk import of the staff spreadsheet (issue 13): every row is checked first — fields,
 * the area for the role and the admin's scope, usernames and emails repeated in the file
 * or held by someone else — and nothing is written unless every row passes. Then a row
 * whose username exists (in the admin's scope) updates that entry, any other creates
 * one, through the same use cases as the forms.
 *
 * The writes are one per row (a Cognito call each on AWS), so they cannot be one
 * transaction: a write that fails after the checks (a concurrent edit) stops the import
 * with the rows before it applied; running the same file again finishes it (ADR 0015).
 */
import { staffInputOf, columnOf, type StaffSheetRow } from '../../core/staff/staff-sheet'
import { type StaffCreateInput, staffCreateSchema } from '../../core/staff/staff-schemas'
import { can } from '../../core/authorization/can'
import { applyStaffPatch, type StaffChange } from '../../core/staff/staff-rules'
import { getStaffMember, holderOf, recordOf } from '../../data/user-repository'
import type { User } from '../../core/identity/user'
import type { ErrorDetail } from '../../shared/errors'
import { ValidationError } from '../../shared/errors'
import { applyStaffChange } from './apply-staff-change'
import { actorOf, createStaff, newStaffProblems, staffEntryProblems } from './create-staff'
import type { StaffRecord } from '../../core/staff/staff-member'

type Planned =
  { kind: 'create'; input: StaffCreateInput } | { kind: 'update'; current: StaffRecord; change: StaffChange }

/** A row for a known username sets every field of the sheet; it never changes `active`. */
const importChange = (current: StaffRecord, input: StaffCreateInput): StaffChange => {
  const { username: _username, term, ...fields } = input
  return applyStaffPatch(current, { ...fields, term: term ?? null })
}

const sameStaff = (a: StaffRecord, b: StaffRecord): boolean =>
  a.name === b.name &&
  a.email === b.email &&
  a.role === b.role &&
  a.area === b.area &&
  a.active === b.active &&
  a.term?.skNumber === b.term?.skNumber &&
  a.term?.start === b.term?.start &&
  a.term?.end === b.term?.end

const rowError = (line: number, path: string, message: string): ErrorDetail => ({
  path: `rows.${line}.${columnOf(path)}`,
  message: `Baris ${line}: ${message}`,
})

const planRow = async (
  admin: User,
  row: StaffSheetRow,
  seen: { usernames: Map<string, number>; emails: Map<string, number> },
): Promise<{ plan?: Planned; errors: ErrorDetail[] }> => {
  const parsed = staffCreateSchema.safeParse(staffInputOf(row))
  if (!parsed.success)
    return {
      errors: parsed.error.issues.map((issue) => rowError(row.line, issue.path.join('.'), issue.message)),
    }
  const input = parsed.data
  const existingId = await holderOf({ username: input.username })
  const existing = existingId ? await getStaffMember(existingId) : undefined
  const current = existing ? recordOf(existing) : undefined
  const change = current ? importChange(current, input) : undefined
  const errors = (change ? staffEntryProblems(input, change.next) : newStaffProblems(input)).map((p) =>
    rowError(row.line, p.path, p.message),
  )
  if (!can(admin, 'staff:manage', { area: input.area }))
    errors.push(rowError(row.line, 'area', 'Wilayah di luar cakupan Anda sebagai administrator.'))
  const firstUsername = seen.usernames.get(input.username)
  if (firstUsername !== undefined)
    errors.push(rowError(row.line, 'username', `Nama pengguna sudah ada di baris ${firstUsername}.`))
  else seen.usernames.set(input.username, row.line)
  const firstEmail = seen.emails.get(input.email)
  if (firstEmail !== undefined)
    errors.push(rowError(row.line, 'email', `Email sudah ada di baris ${firstEmail}.`))
  else seen.emails.set(input.email, row.line)
  if (existing && !can(admin, 'staff:manage', { area: existing.area }))
    errors.push(rowError(row.line, 'username', `Nama pengguna ${input.username} sudah dipakai.`))
  const emailHolder = await holderOf({ email: input.email })
  if (emailHolder && emailHolder !== existingId)
    errors.push(rowError(row.line, 'email', `Email ${input.email} sudah dipakai petugas lain.`))
  if (errors.length > 0) return { errors }
  return {
    plan: current && change ? { kind: 'update', current, change } : { kind: 'create', input },
    errors,
  }
}

export const importStaff = async (
  admin: User,
  rows: readonly StaffSheetRow[],
  correlationId: string,
): Promise<{ created: number; updated: number }> => {
  const seen = { usernames: new Map<string, number>(), emails: new Map<string, number>() }
  const plans: Planned[] = []
  const errors: ErrorDetail[] = []
  for (const row of rows) {
    const planned = await planRow(admin, row, seen)
    errors.push(...planned.errors)
    if (planned.plan) plans.push(planned.plan)
  }
  if (errors.length > 0)
    throw new ValidationError(errors, 'Berkas berisi kesalahan; tidak ada data yang disimpan.')
  let created = 0
  let updated = 0
  for (const plan of plans) {
    if (plan.kind === 'create') {
      await createStaff(admin, plan.input, correlationId)
      created += 1
      continue
    }
    if (sameStaff(plan.change.next, plan.current)) continue
    await applyStaffChange(plan.current, plan.change, actorOf(admin), correlationId)
    updated += 1
  }
  return { created, updated }
}
