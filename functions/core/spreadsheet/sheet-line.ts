/**
 * One line of a spreadsheet as both formats read it: its line number as the spreadsheet
 * program shows it (header = 1), the cells as text, and which cells were stored as
 * numbers (an XLSX keeps 15 significant digits of a number, so a 16-digit NIK typed as a
 * number has already lost its last digit; the caller decides what that means).
 */
export interface SheetLine {
  line: number
  cells: readonly string[]
  /** 0-based columns of cells stored as numbers (XLSX only; a CSV has no types). */
  numberColumns: readonly number[]
}

/** Whether every cell is blank: trailing empty lines of a sheet are not rows. */
export const isBlankLine = (cells: readonly (string | undefined)[]): boolean =>
  cells.every((cell) => (cell ?? '').trim() === '')
