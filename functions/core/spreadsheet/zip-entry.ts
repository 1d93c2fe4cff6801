/**
 * The bytes of one ZIP entry, inflated no further than its declared size: an entry whose
 * deflate stream opens into more than the central directory said is refused at that
 * byte, so the size check of `zip-directory.ts` holds even against a lying directory.
 */
import { Readable } from 'node:stream'
import { createInflateRaw } from 'node:zlib'
import { SpreadsheetFileError } from './spreadsheet-error'
import type { ZipEntry } from './zip-directory'

const STORED_CHUNK_BYTES = 64 * 1024

const lying = () =>
  new SpreadsheetFileError(
    'BOMB',
    'Berkas Excel ditolak: isinya tidak sesuai dengan ukuran yang dinyatakan. Simpan ulang sebagai .xlsx atau CSV.',
  )

const broken = () =>
  new SpreadsheetFileError('MALFORMED', 'Berkas Excel (.xlsx) rusak dan tidak dapat dibaca.')

function* storedChunks(data: Buffer): Generator<Buffer> {
  for (let offset = 0; offset < data.length; offset += STORED_CHUNK_BYTES)
    yield data.subarray(offset, offset + STORED_CHUNK_BYTES)
}

/** The entry's inflated bytes in chunks, as they come: the caller may stop early (a row cap). */
export async function* entryChunks(archive: Buffer, entry: ZipEntry): AsyncGenerator<Buffer> {
  const data = archive.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize)
  if (entry.method === 0) {
    if (entry.size !== entry.compressedSize) throw lying()
    yield* storedChunks(data)
    return
  }
  const inflater = Readable.from([data]).pipe(createInflateRaw())
  let inflated = 0
  try {
    for await (const chunk of inflater as AsyncIterable<Buffer>) {
      inflated += chunk.length
      if (inflated > entry.size) throw lying()
      yield chunk
    }
  } catch (error) {
    if (error instanceof SpreadsheetFileError) throw error
    throw broken()
  } finally {
    inflater.destroy()
  }
  if (inflated !== entry.size) throw lying()
}

/** A small entry (workbook, relationships, shared strings) whole, within its declared size. */
export const entryBytes = async (archive: Buffer, entry: ZipEntry): Promise<Buffer> => {
  const chunks: Buffer[] = []
  for await (const chunk of entryChunks(archive, entry)) chunks.push(chunk)
  return Buffer.concat(chunks)
}
