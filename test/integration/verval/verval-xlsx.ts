/**
 * An XLSX verval of the size limit (ADR 0018): its rows on the first sheet, and a notes
 * sheet, as offices' workbooks carry, that makes the file up to just under 5 MiB.
 */
import { randomBytes } from 'node:crypto'
import ExcelJS from 'exceljs'
import { expect } from 'vitest'
import { MAX_VERVAL_BYTES, VERVAL_COLUMNS } from '../../../functions/core/verval/columns'
import type { SheetRow } from './verval-driver'

const workbookOf = async (rows: readonly SheetRow[], noteCells: number): Promise<Buffer> => {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('Verval')
  sheet.addRow([...VERVAL_COLUMNS])
  for (const row of rows) sheet.addRow(VERVAL_COLUMNS.map((column) => row[column as keyof SheetRow] ?? ''))
  const notes = workbook.addWorksheet('Catatan')
  // Random text does not compress: each cell adds about its size to the file.
  for (let n = 0; n < noteCells; n++) notes.addRow([randomBytes(600).toString('base64')])
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

/** An XLSX verval of `rows` between 99 % and 100 % of the 5 MiB limit. */
export const fiveMebibyteXlsx = async (rows: readonly SheetRow[]): Promise<Buffer> => {
  const probe = await workbookOf(rows, 1000)
  const base = await workbookOf(rows, 0)
  const perCell = (probe.byteLength - base.byteLength) / 1000
  const cells = Math.floor((MAX_VERVAL_BYTES * 0.995 - base.byteLength) / perCell)
  const file = await workbookOf(rows, cells)
  expect(file.byteLength).toBeLessThanOrEqual(MAX_VERVAL_BYTES)
  expect(file.byteLength).toBeGreaterThan(MAX_VERVAL_BYTES * 0.99)
  return file
}
