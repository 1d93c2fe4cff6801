/**
 * Imports a provider spreadsheet (issue 13): every row is checked first — its fields,
 * its areas, the admin's scope, emails repeated in the file or already in use — and
 * any problem answers 400 with each row's errors on its spreadsheet line, nothing
 * written. Only a clean file is written, row by row through `createProvider` (each with
 * its own audit entry). A clash that appears between the check and the write (another
 * admin taking an email meanwhile) stops at that row with a 409 naming it.
 */
import { checkProviderAreas } from '../../core/providers/provider-areas'
import { providerInputSchema } from '../../core/providers/provider-schema'
import {
  providerInputOf,
  type ProviderSheetRow,
  readProviderSheet,
  sheetPath,
} from '../../core/providers/provider-sheet'
import { loadAreaIndex } from '../../data/area-source'
import { emailsInUse } from '../../data/provider-repository'
import type { SpreadsheetFormat } from '../../core/spreadsheet/read-spreadsheet'
import { SpreadsheetFileError } from '../../core/spreadsheet/spreadsheet-error'
import { BadRequestError, type ErrorDetail, ValidationError } from '../../shared/errors'
import { detailsFromZod } from '../../shared/validation'
import { createProvider, type DirectoryActor } from './create-provider'

/** Every problem of a row at once (fields and areas), so one round of fixes clears the file. */
const rowProblems = (row: ProviderSheetRow, by: DirectoryActor): ErrorDetail[] => {
  const input = providerInputOf(row)
  const at = (path: string, message: string) => ({ path: sheetPath(row.line, path), message })
  const parsed = providerInputSchema.safeParse(input)
  const fields = parsed.success ? [] : detailsFromZod(parsed.error).map((d) => at(d.path, d.message))
  const { problems, kabupaten } = checkProviderAreas(input.areas, loadAreaIndex())
  const areas = problems.map((p) => at(p.path, p.message))
  const scope =
    kabupaten && !by.mayManage(kabupaten)
      ? [at('areas', `Wilayah di luar kabupaten/kota Anda (${kabupaten}).`)]
      : []
  const all = [...fields, ...areas, ...scope]
  // One message per cell: a list's several items point at the same column.
  return all.filter((d, i) => all.findIndex((e) => e.path === d.path) === i)
}

const readRows = async (bytes: Buffer, format: SpreadsheetFormat): Promise<ProviderSheetRow[]> => {
  try {
    return await readProviderSheet(bytes, format)
  } catch (error) {
    if (error instanceof SpreadsheetFileError)
      throw new BadRequestError(error.message, [{ path: 'file', message: error.message }])
    throw error
  }
}

export const importProviders = async (
  file: { bytes: Buffer; format: SpreadsheetFormat },
  newId: () => string,
  by: DirectoryActor,
): Promise<{ created: number }> => {
  const rows = await readRows(file.bytes, file.format)
  const details = rows.flatMap((row) => rowProblems(row, by))
  const seen = new Map<string, number>()
  for (const row of rows) {
    const email = row.cells.email.toLowerCase()
    const first = seen.get(email)
    if (first !== undefined)
      details.push({
        path: sheetPath(row.line, 'email'),
        message: `Email ${email} sudah dipakai di baris ${first}.`,
      })
    else seen.set(email, row.line)
  }
  const taken = await emailsInUse([...seen.keys()])
  for (const row of rows)
    if (taken.has(row.cells.email.toLowerCase()))
      details.push({
        path: sheetPath(row.line, 'email'),
        message: `Email ${row.cells.email.toLowerCase()} sudah dipakai penyedia lain.`,
      })
  if (details.length > 0)
    throw new ValidationError(
      details.sort((a, b) => a.path.localeCompare(b.path, 'en', { numeric: true })),
      'Berkas penyedia memuat kesalahan; tidak ada yang disimpan.',
    )
  for (const row of rows) await createProvider(providerInputOf(row), newId(), by)
  return { created: rows.length }
}
