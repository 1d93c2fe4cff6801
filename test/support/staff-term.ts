/**
 * An SK penugasan for a TKSK a test creates, valid whatever day the suite runs: from
 * 1 January of this year to 31 December of next year, on the project clock in WIB (terms
 * are local dates). A term spelled with a fixed year is over from the next 1 January: an
 * active TKSK with it is refused, and the daily term-end job ends one created before.
 */
import { addCalendarDays } from '../../functions/core/calendar/local-date'
import { localToday } from '../../functions/flows/admin/local-today'

export interface TestTerm {
  skNumber: string
  start: string
  end: string
}

export const currentTerm = (skNumber: (year: number) => string): TestTerm => {
  const year = Number(localToday('32').slice(0, 4))
  return { skNumber: skNumber(year), start: `${year}-01-01`, end: `${year + 1}-12-31` }
}

/** A year's term that ended yesterday (WIB, on the project clock): last year's SK on 1 January. */
export const endedTerm = (skNumber: string): TestTerm => {
  const end = addCalendarDays(localToday('32'), -1)
  return { skNumber, start: addCalendarDays(end, -364), end }
}

/** The term as the staff sheet's last three cells: `no_sk,awal_tugas,akhir_tugas`. */
export const termCells = ({ skNumber, start, end }: TestTerm): string => `${skNumber},${start},${end}`
