/**
 * A one-sheet XLSX written directly (the parts of ECMA-376 a sheet of plain values needs,
 * stored in a zip with node:zlib): the verval template and error report need bold
 * headers, column widths, text-formatted columns and a frozen header row, nothing more.
 * A spreadsheet library for that was ~600 KB of every bundle that serves them.
 * Every cell is an inline string or a number, never a formula.
 */
import { crc32, deflateRawSync } from 'node:zlib'

export interface XlsxColumn {
  header: string
  width: number
  /** Formatted as text (`@`): Excel keeps what is typed into it as typed (16-digit NIKs). */
  text?: boolean
}

export interface XlsxSheet {
  name: string
  columns: readonly XlsxColumn[]
  rows?: readonly (readonly (string | number)[])[]
  /** Keeps the header row in view while scrolling. */
  freezeHeader?: boolean
}

const escapeXml = (text: string): string =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    // Characters XML 1.0 cannot carry at all.
    // eslint-disable-next-line no-control-regex -- matching exactly those control characters
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '')

const columnName = (index: number): string => {
  let name = ''
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name
  return name
}

// Style indexes of styles.xml's cellXfs.
const PLAIN = 0
const BOLD = 1
const TEXT = 2

const cell = (value: string | number, ref: string, style: number): string =>
  typeof value === 'number' && Number.isFinite(value)
    ? `<c r="${ref}"${style ? ` s="${style}"` : ''}><v>${value}</v></c>`
    : `<c r="${ref}"${style ? ` s="${style}"` : ''} t="inlineStr"><is><t xml:space="preserve">${escapeXml(String(value))}</t></is></c>`

const sheetXml = (sheet: XlsxSheet): string => {
  const rowXml = (cells: readonly (string | number)[], index: number, header: boolean) =>
    `<row r="${index + 1}">${cells
      .map((value, column) =>
        cell(
          value,
          `${columnName(column)}${index + 1}`,
          header ? BOLD : sheet.columns[column]?.text ? TEXT : PLAIN,
        ),
      )
      .join('')}</row>`
  const rows = [
    rowXml(
      sheet.columns.map((column) => column.header),
      0,
      true,
    ),
    ...(sheet.rows ?? []).map((row, index) => rowXml(row, index + 1, false)),
  ]
  const view = sheet.freezeHeader
    ? '<sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView>'
    : '<sheetView workbookViewId="0"/>'
  const cols = sheet.columns
    .map(
      (column, index) =>
        `<col min="${index + 1}" max="${index + 1}" width="${column.width}" customWidth="1"${column.text ? ` style="${TEXT}"` : ''}/>`,
    )
    .join('')
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
    `<sheetViews>${view}</sheetViews><cols>${cols}</cols><sheetData>${rows.join('')}</sheetData></worksheet>`
  )
}

const STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>' +
  '<xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>' +
  '</styleSheet>'

const parts = (sheet: XlsxSheet): [string, string][] => [
  [
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
      '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
      '</Types>',
  ],
  [
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>' +
      '</Relationships>',
  ],
  [
    'xl/workbook.xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
      '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
      `<sheets><sheet name="${escapeXml(sheet.name)}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
  ],
  [
    'xl/_rels/workbook.xml.rels',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>' +
      '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>' +
      '</Relationships>',
  ],
  ['xl/styles.xml', STYLES],
  ['xl/worksheets/sheet1.xml', sheetXml(sheet)],
]

/** A zip of deflated entries (no timestamps: the same sheet is the same bytes). */
const zip = (entries: [string, string][]): Buffer => {
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (const [name, text] of entries) {
    const data = Buffer.from(text, 'utf8')
    const deflated = deflateRawSync(data)
    const fileName = Buffer.from(name, 'utf8')
    const header = Buffer.alloc(30)
    header.writeUInt32LE(0x04034b50, 0)
    header.writeUInt16LE(20, 4) // version needed
    header.writeUInt16LE(0x0800, 6) // UTF-8 names
    header.writeUInt16LE(8, 8) // deflate
    header.writeUInt32LE(0x00210000, 10) // 1980-01-01 00:00
    header.writeUInt32LE(crc32(data), 14)
    header.writeUInt32LE(deflated.length, 18)
    header.writeUInt32LE(data.length, 22)
    header.writeUInt16LE(fileName.length, 26)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(20, 4)
    central.writeUInt16LE(20, 6)
    header.copy(central, 8, 6, 30) // flags … name length are the same fields
    central.writeUInt32LE(offset, 42)
    locals.push(header, fileName, deflated)
    centrals.push(central, fileName)
    offset += header.length + fileName.length + deflated.length
  }
  const directory = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(entries.length, 8)
  end.writeUInt16LE(entries.length, 10)
  end.writeUInt32LE(directory.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, directory, end])
}

export const writeXlsx = (sheet: XlsxSheet): Buffer => zip(parts(sheet))
