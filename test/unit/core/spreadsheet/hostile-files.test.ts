import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import {
  readSpreadsheet,
  spreadsheetFormatOf,
  spreadsheetLines,
  type SpreadsheetFormat,
} from '../../../../functions/core/spreadsheet/read-spreadsheet'
import { SpreadsheetFileError } from '../../../../functions/core/spreadsheet/spreadsheet-error'
import { readVervalFile } from '../../../../functions/core/verval/read-verval-file'
import { craftXlsx, craftZip, sheetXml } from '../../../support/zip'

const COLUMNS = ['nik', 'nama']
const headerProblem = (header: readonly string[]) =>
  header.join('|') === COLUMNS.join('|') ? undefined : `Baris judul salah: ${header.join(', ')}`
const read = (bytes: Buffer, format: SpreadsheetFormat) => readSpreadsheet(bytes, format, { headerProblem })

const readVervalHeader = (bytes: Buffer) => readVervalFile(bytes, 'csv')

const refusal = async (promise: Promise<unknown>) => {
  const error = await promise.catch((e: unknown) => e)
  expect(error).toBeInstanceOf(SpreadsheetFileError)
  return error as SpreadsheetFileError
}

const utf16 = (text: string, bigEndian: boolean): Buffer => {
  const little = Buffer.from(`\ufeff${text}`, 'utf16le')
  return bigEndian ? Buffer.from(little).swap16() : little
}

describe('XLSX zip bombs are refused from the central directory, before anything is inflated', () => {
  it('a sheet declared to open into more than 50 MB is refused as a bomb from the directory alone', async () => {
    // The sheet's bytes are small and harmless: only the directory can have refused it.
    const bytes = craftXlsx({ content: sheetXml([['nik', 'nama']]), declaredSize: 60 * 1000 * 1000 })
    const error = await refusal(read(bytes, 'xlsx'))
    expect(error.code).toBe('BOMB')
    expect(error.message).toContain('50 MB')
  })

  it('a sheet that inflates more than 100 times its compressed size is refused as a bomb', async () => {
    const error = await refusal(read(craftXlsx({ content: Buffer.alloc(8 * 1000 * 1000, ' ') }), 'xlsx'))
    expect(error.code).toBe('BOMB')
    expect(error.message).toContain('100 kali')
  })

  it('a central directory that declares a small sheet while the deflate stream opens into megabytes is refused at the declared size', async () => {
    const bytes = craftXlsx({ content: Buffer.alloc(4 * 1000 * 1000, ' '), declaredSize: 4000 })
    expect((await refusal(read(bytes, 'xlsx'))).code).toBe('BOMB')
  })

  it('a stored (uncompressed) entry whose declared size differs from its bytes is refused', async () => {
    const bytes = craftXlsx({ content: sheetXml([COLUMNS, ['1', 'Siti']]), method: 0, declaredSize: 10 })
    expect((await refusal(read(bytes, 'xlsx'))).code).toBe('BOMB')
  })

  it('an archive of thousands of entries is refused before any is read', async () => {
    const many = Array.from({ length: 1500 }, (_, index) => ({ name: `x/${index}`, content: '' }))
    expect((await refusal(read(craftZip(many), 'xlsx'))).code).toBe('BOMB')
  })

  it('an XML entity bomb (billion laughs) in the sheet is refused as unreadable, not expanded', async () => {
    const laughs =
      '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>' +
      '<worksheet><sheetData><row r="1"><c t="inlineStr"><is><t>&lol2;</t></is></c></row></sheetData></worksheet>'
    expect((await refusal(read(craftXlsx({ content: laughs }), 'xlsx'))).code).toBe('MALFORMED')
  })
})

describe('XLSX rows are streamed with the row cap', () => {
  it('a sheet past 20,000 rows is refused at the cap, before the rest of the sheet is read', async () => {
    const rows = [COLUMNS, ...Array.from({ length: 25_000 }, (_, index) => [String(index), 'Siti'])]
    // What follows the cap is broken XML: a reader that inflated and parsed the whole
    // sheet first would call the file unreadable instead of naming the row limit.
    const bytes = craftXlsx({ content: sheetXml(rows, '<row r="999999"><c t="inlineStr"><is><t>x</b>') })
    const error = await refusal(read(bytes, 'xlsx'))
    expect(error.code).toBe('TOO_MANY_ROWS')
  })

  it('reads rows with shared strings, inline strings, numbers, rich text and skipped columns as the spreadsheet shows them', async () => {
    const book = new ExcelJS.Workbook()
    const sheet = book.addWorksheet('Data')
    sheet.addRow(COLUMNS)
    sheet.addRow([
      '3201144507800001',
      { richText: [{ text: 'Siti ' }, { text: 'Aminah', font: { bold: true } }] },
    ])
    sheet.getCell('A3').value = 42
    sheet.getCell('B3').value = 'Ani'
    sheet.getCell('D3').value = 'far right'
    const lines = await read(Buffer.from(await book.xlsx.writeBuffer()), 'xlsx')
    expect(lines).toEqual([
      { line: 2, cells: ['3201144507800001', 'Siti Aminah'], numberColumns: [] },
      { line: 3, cells: ['42', 'Ani', '', 'far right'], numberColumns: [0] },
    ])
  })

  it('a file that is not a ZIP, or a ZIP without a workbook, is refused in words', async () => {
    expect((await refusal(read(Buffer.from('PK\u0003\u0004 not really'), 'xlsx'))).code).toBe('MALFORMED')
    const noWorkbook = await refusal(read(craftZip([{ name: 'hello.txt', content: 'hi' }]), 'xlsx'))
    expect(noWorkbook.message).toContain('bukan buku kerja Excel')
  })
})

describe('CSV as spreadsheet programs really write it', () => {
  it('reads a BOM, CRLF line ends and a quoted cell spanning lines, which stays one row as in the spreadsheet', async () => {
    const text = '\ufeffnik,nama\r\n1,"Siti\r\nAminah"\r\n2,Ani\r\n'
    expect(await read(Buffer.from(text, 'utf8'), 'csv')).toEqual([
      { line: 2, cells: ['1', 'Siti\r\nAminah'], numberColumns: [] },
      { line: 3, cells: ['2', 'Ani'], numberColumns: [] },
    ])
  })

  it('detects the ; separator from the header line, keeping commas inside cells', async () => {
    const lines = await read(Buffer.from('nik;nama\r\n1;Aminah, Siti\r\n', 'utf8'), 'csv')
    expect(lines[0]?.cells).toEqual(['1', 'Aminah, Siti'])
  })

  it('reads Excel "Unicode Text" (UTF-16 with a BOM, little or big endian, tab-separated)', async () => {
    for (const bigEndian of [false, true]) {
      const lines = await read(utf16('nik\tnama\r\n1\tSiti Aminah\r\n', bigEndian), 'csv')
      expect(lines[0]?.cells).toEqual(['1', 'Siti Aminah'])
    }
  })

  it('a UTF-16 export whose BOM a transfer dropped is still read, from the NUL bytes of its header', async () => {
    for (const bigEndian of [false, true]) {
      const lines = await read(utf16('nik\tnama\r\n1\tSiti\r\n', bigEndian).subarray(2), 'csv')
      expect(lines[0]?.cells).toEqual(['1', 'Siti'])
    }
  })

  it('a binary file sent as CSV is refused in words, none of its NUL or control bytes echoed', async () => {
    const binary = Buffer.concat([
      Buffer.from('nik,nama\n', 'utf8'),
      Buffer.from([0, 1, 2, 0x1b, 0x5b, 0x32, 0x4a]),
    ])
    const error = await refusal(read(binary, 'csv'))
    expect(error.code).toBe('ENCODING')
    expect(error.message).toContain('bukan CSV teks')
    expect(error.message).not.toMatch(/\p{Cc}/u)
  })

  it('a header of junk is quoted back printable and short, whatever the file held', async () => {
    const junk = `nik;\u0007${'x'.repeat(500)}\u001b[2J;nama\n1;2;3\n`
    const message = (await refusal(readVervalHeader(Buffer.from(junk, 'utf8')))).message
    expect(message).not.toMatch(/\p{Cc}/u)
    expect(message.length).toBeLessThan(400)
  })

  it('an unclosed quote is refused naming the line, without quoting the cell', async () => {
    const error = await refusal(read(Buffer.from('nik,nama\n1,"Siti secret\n', 'utf8'), 'csv'))
    expect(error.message).toContain('baris')
    expect(error.message).not.toContain('secret')
  })

  it('a 0-byte file is refused as empty', async () => {
    expect(() => spreadsheetLines(Buffer.alloc(0), 'csv')).toThrow(SpreadsheetFileError)
    expect((await refusal(read(Buffer.alloc(0), 'xlsx'))).code).toBe('EMPTY')
  })

  it('knows the formats by content type: CSV, tab-separated text, XLSX; anything else is not a spreadsheet', () => {
    expect(spreadsheetFormatOf('text/csv; charset=utf-8')).toBe('csv')
    expect(spreadsheetFormatOf('text/tab-separated-values')).toBe('csv')
    expect(spreadsheetFormatOf('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')).toBe(
      'xlsx',
    )
    expect(spreadsheetFormatOf('application/json')).toBeUndefined()
    expect(spreadsheetFormatOf(undefined)).toBeUndefined()
  })
})
