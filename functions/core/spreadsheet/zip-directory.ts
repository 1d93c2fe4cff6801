/**
 * The central directory of a ZIP archive (an XLSX is one), read before anything is
 * inflated: it declares every entry's compressed and inflated size, so a zip bomb is
 * refused from a few hundred bytes at the end of the file. The declared sizes are then
 * enforced while inflating (`zip-entry.ts`), so a directory that lies gains nothing.
 */
import type { SpreadsheetLimits } from './limits'
import { SpreadsheetFileError } from './spreadsheet-error'

export interface ZipEntry {
  name: string
  /** 0 stored, 8 deflated; nothing else occurs in an XLSX. */
  method: number
  compressedSize: number
  size: number
  /** Where the entry's compressed bytes start in the archive. */
  dataOffset: number
}

const END_OF_DIRECTORY = 0x06054b50
const DIRECTORY_ENTRY = 0x02014b50
const LOCAL_HEADER = 0x04034b50
const END_RECORD_BYTES = 22
const MAX_COMMENT_BYTES = 0xffff
/** An XLSX holds a few dozen entries; thousands only serve to exhaust the reader. */
const MAX_ENTRIES = 1000
/** Entries below this size are too small for their ratio to matter (an empty sheet compresses well). */
const RATIO_FLOOR_BYTES = 1024 * 1024

const malformed = () => new SpreadsheetFileError('MALFORMED', 'Berkas Excel (.xlsx) tidak dapat dibaca.')

const bomb = (why: string) =>
  new SpreadsheetFileError(
    'BOMB',
    `Berkas Excel ditolak: ${why}. Simpan ulang lembar kerja sebagai .xlsx biasa atau sebagai CSV.`,
  )

const endRecordOffset = (bytes: Buffer): number => {
  const lowest = Math.max(0, bytes.length - END_RECORD_BYTES - MAX_COMMENT_BYTES)
  for (let offset = bytes.length - END_RECORD_BYTES; offset >= lowest; offset--)
    if (bytes.readUInt32LE(offset) === END_OF_DIRECTORY) return offset
  throw malformed()
}

const dataOffsetOf = (bytes: Buffer, localOffset: number): number => {
  if (localOffset + 30 > bytes.length || bytes.readUInt32LE(localOffset) !== LOCAL_HEADER) throw malformed()
  return localOffset + 30 + bytes.readUInt16LE(localOffset + 26) + bytes.readUInt16LE(localOffset + 28)
}

/** Every entry of the archive, as its central directory declares it; refuses what it cannot trust. */
export const readZipDirectory = (bytes: Buffer): ZipEntry[] => {
  if (bytes.length < END_RECORD_BYTES) throw malformed()
  const end = endRecordOffset(bytes)
  const count = bytes.readUInt16LE(end + 10)
  const directorySize = bytes.readUInt32LE(end + 12)
  const directoryOffset = bytes.readUInt32LE(end + 16)
  // ZIP64 markers: no spreadsheet within the upload limit needs them.
  if (count === 0xffff || directoryOffset === 0xffffffff) throw malformed()
  if (count > MAX_ENTRIES) throw bomb(`berisi lebih dari ${MAX_ENTRIES} bagian`)
  if (directoryOffset + directorySize > end) throw malformed()
  const entries: ZipEntry[] = []
  let offset = directoryOffset
  for (let index = 0; index < count; index++) {
    if (offset + 46 > end || bytes.readUInt32LE(offset) !== DIRECTORY_ENTRY) throw malformed()
    const flags = bytes.readUInt16LE(offset + 8)
    const method = bytes.readUInt16LE(offset + 10)
    const compressedSize = bytes.readUInt32LE(offset + 20)
    const size = bytes.readUInt32LE(offset + 24)
    const nameLength = bytes.readUInt16LE(offset + 28)
    const extraLength = bytes.readUInt16LE(offset + 30)
    const commentLength = bytes.readUInt16LE(offset + 32)
    const localOffset = bytes.readUInt32LE(offset + 42)
    // Encrypted entries (bit 0) cannot be read; other methods than stored/deflate are not XLSX.
    if (flags & 1 || (method !== 0 && method !== 8)) throw malformed()
    if (compressedSize === 0xffffffff || size === 0xffffffff) throw malformed()
    const name = bytes.toString('utf8', offset + 46, offset + 46 + nameLength)
    const dataOffset = dataOffsetOf(bytes, localOffset)
    if (dataOffset + compressedSize > bytes.length) throw malformed()
    entries.push({ name, method, compressedSize, size, dataOffset })
    offset += 46 + nameLength + extraLength + commentLength
  }
  return entries
}

/** Refuses an archive that would open into more than the limits allow, before inflating any of it. */
export const assertNoBomb = (
  entries: readonly ZipEntry[],
  limits: Pick<SpreadsheetLimits, 'maxUncompressedBytes' | 'maxRatio'>,
): void => {
  const total = entries.reduce((sum, entry) => sum + entry.size, 0)
  const compressed = entries.reduce((sum, entry) => sum + entry.compressedSize, 0)
  const megabytes = Math.round(limits.maxUncompressedBytes / 1_000_000)
  if (total > limits.maxUncompressedBytes) throw bomb(`isinya lebih dari ${megabytes} MB setelah dibuka`)
  const tooDense = (size: number, packed: number) =>
    size > RATIO_FLOOR_BYTES && size > limits.maxRatio * Math.max(packed, 1)
  if (tooDense(total, compressed) || entries.some((entry) => tooDense(entry.size, entry.compressedSize)))
    throw bomb(`isinya mengembang lebih dari ${limits.maxRatio} kali saat dibuka`)
}
