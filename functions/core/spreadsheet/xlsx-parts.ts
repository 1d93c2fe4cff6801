/**
 * Where the first sheet and the shared strings of an XLSX are, from its relationship
 * parts (writers name them differently: `sheet1.xml`, `Sheet1.xml`, `/xl/…`), and the
 * shared strings themselves. Only small parts are read whole here; the sheet is streamed.
 */
import { SpreadsheetFileError } from './spreadsheet-error'
import type { ZipEntry } from './zip-directory'
import { entryChunks } from './zip-entry'
import { readXml } from './xml-stream'

export interface XlsxParts {
  sheet: ZipEntry
  sharedStrings?: ZipEntry
}

type Entries = ReadonlyMap<string, ZipEntry>

const notAWorkbook = () =>
  new SpreadsheetFileError(
    'MALFORMED',
    'Berkas bukan buku kerja Excel (.xlsx) atau tidak berisi lembar kerja.',
  )

const folderOf = (path: string): string => path.slice(0, path.lastIndexOf('/') + 1)

/** A relationship target, relative to the part's folder unless absolute. */
const resolve = (folder: string, target: string): string => {
  const parts: string[] = []
  for (const part of (target.startsWith('/') ? target.slice(1) : folder + target).split('/')) {
    if (part === '..') parts.pop()
    else if (part !== '.' && part !== '') parts.push(part)
  }
  return parts.join('/')
}

const relationshipsOf = async (archive: Buffer, entries: Entries, path: string) => {
  const relations: { id: string; type: string; target: string }[] = []
  const entry = entries.get(`${folderOf(path)}_rels/${path.slice(folderOf(path).length)}.rels`)
  if (!entry) return relations
  await readXml(entryChunks(archive, entry), {
    open: (name, attributes) => {
      if (name === 'Relationship' && attributes.Target)
        relations.push({
          id: attributes.Id ?? '',
          type: attributes.Type ?? '',
          target: resolve(folderOf(path), attributes.Target),
        })
    },
    close: () => undefined,
    text: () => undefined,
  })
  return relations
}

const firstSheetRelation = async (archive: Buffer, workbook: ZipEntry): Promise<string | undefined> => {
  let relation: string | undefined
  await readXml(entryChunks(archive, workbook), {
    open: (name, attributes) => {
      if (name !== 'sheet' || relation !== undefined) return
      const key = Object.keys(attributes).find((attribute) => attribute.endsWith(':id'))
      relation = key ? attributes[key] : undefined
    },
    close: () => undefined,
    text: () => undefined,
  })
  return relation
}

export const findXlsxParts = async (archive: Buffer, entries: Entries): Promise<XlsxParts> => {
  const root = await relationshipsOf(archive, entries, '')
  const workbookPath = root.find((r) => r.type.endsWith('/officeDocument'))?.target ?? 'xl/workbook.xml'
  const workbook = entries.get(workbookPath)
  if (!workbook) throw notAWorkbook()
  const relations = await relationshipsOf(archive, entries, workbookPath)
  const sheetId = await firstSheetRelation(archive, workbook)
  const sheet = entries.get(relations.find((r) => r.id === sheetId)?.target ?? '')
  if (!sheet) throw notAWorkbook()
  const strings = relations.find((r) => r.type.endsWith('/sharedStrings'))?.target
  const sharedStrings = strings ? entries.get(strings) : undefined
  return { sheet, ...(sharedStrings ? { sharedStrings } : {}) }
}

/** The shared strings table: rich text runs joined, phonetic guides (`rPh`) left out. */
export const readSharedStrings = async (archive: Buffer, entry: ZipEntry | undefined): Promise<string[]> => {
  const strings: string[] = []
  if (!entry) return strings
  let current: string | undefined
  let inText = false
  let phonetic = 0
  await readXml(entryChunks(archive, entry), {
    open: (name) => {
      if (name === 'si') current = ''
      else if (name === 'rPh') phonetic++
      else if (name === 't') inText = phonetic === 0
    },
    close: (name) => {
      if (name === 'si') {
        strings.push(current ?? '')
        current = undefined
      } else if (name === 'rPh') phonetic--
      else if (name === 't') inText = false
    },
    text: (text) => {
      if (inText && current !== undefined) current += text
    },
  })
  return strings
}
