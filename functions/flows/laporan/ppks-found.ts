/**
 * The "PPKS ditemukan" of a laporan (issue 16 items 1 and 5): how many PPKS the TKSK
 * recorded during inventory in the month. The PPKS register is built beside this report
 * (branch ppks-map); until it lands the count is unknown (`null`, shown "belum tersedia"),
 * never a made-up zero. When the register exists, its count function is plugged in here.
 */
import type { MonthBounds } from '../../core/reports/report-month'

export interface PpksFoundCounter {
  /** PPKS recorded within the month in the area (a kecamatan or a kabupaten/kota), or null when no register answers. */
  countFound(area: string, bounds: MonthBounds): Promise<number | null>
}

export const noPpksRegister: PpksFoundCounter = {
  countFound: () => Promise.resolve(null),
}

let counter: PpksFoundCounter = noPpksRegister

/** The counter the laporan reads (the PPKS register's, once it exists). */
export const ppksFoundCounter = (): PpksFoundCounter => counter

/** Plugs the PPKS register's counter in (its module calls this once on load). */
export const usePpksFoundCounter = (next: PpksFoundCounter): void => {
  counter = next
}
