/**
 * A ZIP writer for crafting hostile archives in tests (zip bombs, directories that lie
 * about sizes): every entry's method and declared size can be chosen, which no real
 * spreadsheet library allows.
 */
// zlib's own CRC-32 (Node ≥ 20.15): the byte-by-byte JavaScript one took 12 s over the 30 MB
// zip bomb at load 24 and blocked the platform's server in the same process long enough for
// its 5 s keep-alive to reset the client's next request (ECONNRESET, review of split12).
import { crc32, deflateRawSync } from 'node:zlib'

export interface CraftedEntry {
  name: string
  content: Buffer | string
  /** 8 (deflate, default) or 0 (stored). */
  method?: 0 | 8
  /** The inflated size the central directory declares; the true size by default. */
  declaredSize?: number
}

export const craftZip = (entries: readonly CraftedEntry[]): Buffer => {
  const locals: Buffer[] = []
  const directory: Buffer[] = []
  let offset = 0
  for (const entry of entries) {
    const content = Buffer.isBuffer(entry.content) ? entry.content : Buffer.from(entry.content, 'utf8')
    const method = entry.method ?? 8
    const data = method === 8 ? deflateRawSync(content) : content
    const name = Buffer.from(entry.name, 'utf8')
    const size = entry.declaredSize ?? content.length
    const crc = crc32(content)
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt16LE(method, 8)
    local.writeUInt32LE(crc, 14)
    local.writeUInt32LE(data.length, 18)
    local.writeUInt32LE(size, 22)
    local.writeUInt16LE(name.length, 26)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(20, 4)
    central.writeUInt16LE(20, 6)
    central.writeUInt16LE(method, 10)
    central.writeUInt32LE(crc, 16)
    central.writeUInt32LE(data.length, 20)
    central.writeUInt32LE(size, 24)
    central.writeUInt16LE(name.length, 28)
    central.writeUInt32LE(offset, 42)
    locals.push(local, name, data)
    directory.push(central, name)
    offset += local.length + name.length + data.length
  }
  const directoryBytes = Buffer.concat(directory)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(entries.length, 8)
  end.writeUInt16LE(entries.length, 10)
  end.writeUInt32LE(directoryBytes.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, directoryBytes, end])
}

const SHEET_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'

/** The parts around a first sheet, as Excel names them; `sheet` is that sheet's XML entry. */
export const craftXlsx = (sheet: Omit<CraftedEntry, 'name'>, extra: readonly CraftedEntry[] = []): Buffer =>
  craftZip([
    {
      name: '_rels/.rels',
      content: `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    },
    {
      name: 'xl/workbook.xml',
      content: `<?xml version="1.0"?><workbook xmlns="${SHEET_NS}" xmlns:r="${REL_NS}"><sheets><sheet name="Verval" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      content: `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL_NS}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    },
    { name: 'xl/worksheets/sheet1.xml', ...sheet },
    ...extra,
  ])

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;')

/** A sheet's XML from rows of inline-string cells. */
export const sheetXml = (rows: readonly (readonly string[])[], tail = '</sheetData></worksheet>'): string =>
  `<?xml version="1.0"?><worksheet xmlns="${SHEET_NS}"><sheetData>` +
  rows
    .map(
      (cells, index) =>
        `<row r="${index + 1}">${cells.map((cell) => `<c t="inlineStr"><is><t>${escapeXml(cell)}</t></is></c>`).join('')}</row>`,
    )
    .join('') +
  tail
