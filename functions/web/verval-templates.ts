/**
 * The verval templates a TKSK downloads: the header of DESIGN §4 followed by the chain's
 * columns (issue 21, ADR 0034), and nothing else. In the XLSX the NIK, No. KK, No. KKS
 * and the other long-number columns are formatted as text, so Excel keeps every digit
 * (as a number it would round them and drop leading zeros).
 */
import { writeXlsx } from '../core/spreadsheet/write-xlsx'
import { TEXT_COLUMNS, VERVAL_COLUMNS } from '../core/verval/columns'

/** UTF-8 BOM: Excel opens the CSV as UTF-8. */
export const templateCsv = (): string => `\uFEFF${VERVAL_COLUMNS.join(',')}\r\n`

export const templateXlsx = async (): Promise<Buffer> =>
  writeXlsx({
    name: 'Verval',
    columns: VERVAL_COLUMNS.map((column) => ({
      header: column,
      width: TEXT_COLUMNS.includes(column) ? 20 : 16,
      text: TEXT_COLUMNS.includes(column),
    })),
  })
