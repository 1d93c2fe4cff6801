/**
 * The "PPKS ditemukan" of a laporan (issue 16 items 1 and 5): how many PPKS the TKSK
 * recorded in the register during inventory in the month, in a kecamatan or a
 * kabupaten/kota (ADR 0038). Entries recorded in the month count whatever became of them
 * since (turned into a case or deactivated): the report says what was found.
 */
import type { MonthBounds } from '../../core/reports/report-month'
import { ppksOfArea } from '../../data/ppks-repository'

export const countPpksFound = async (area: string, bounds: MonthBounds): Promise<number> => {
  const from = bounds.from.toISOString()
  const to = bounds.to.toISOString()
  const entries = await ppksOfArea(area)
  return entries.filter((entry) => entry.createdAt >= from && entry.createdAt <= to).length
}
