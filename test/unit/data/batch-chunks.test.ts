import { gzipSync } from 'node:zlib'
import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb'
import { mockClient } from 'aws-sdk-client-mock'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { MAX_PACKED_PART_BYTES, packRows } from '../../../functions/core/verval/row-packing'
import { OversizedChunkError, readChunk } from '../../../functions/data/batch-chunks'

const dynamo = mockClient(DynamoDBDocumentClient)
// The worker's later files use the real client (unit files share modules, vitest.config.ts).
afterAll(() => dynamo.restore())
const previousTable = process.env.MAIN_TABLE_NAME

beforeAll(() => {
  process.env.MAIN_TABLE_NAME = 'tksk-main'
})
afterAll(() => {
  process.env.MAIN_TABLE_NAME = previousTable
})
beforeEach(() => dynamo.reset())

const row = {
  index: 1,
  line: 2,
  nik: '3201144507800001',
  no_kk: '3201140101100001',
  nama: 'Siti',
  alamat: '',
  kode_desa: '32.01.14.2001',
  aksi: 'BARU',
  alasan: '',
  no_kks: '',
  id_dtsen_keluarga: 'DTSEN-320114-0001',
  id_dtsen_pengurus: '',
  no_peserta_pkh: '',
  status_pkh: '',
  tempat_lahir: 'Bogor',
  no_rekening: '0123456789012',
  nama_ibu_kandung: 'Aminah',
  repeats: [],
}

describe('reading the packed rows of a batch', () => {
  it('a gzip bomb in a stored chunk item is refused at the bound instead of being inflated whole', async () => {
    const bomb = gzipSync(Buffer.alloc(64 * 1024 * 1024, ' '))
    expect(bomb.length).toBeLessThan(400 * 1024)
    dynamo.on(QueryCommand).resolves({ Items: [{ part: 1, rows: bomb }] })
    const error = await readChunk('01BATCH', 1).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(OversizedChunkError)
    expect((error as Error).message).toContain(String(MAX_PACKED_PART_BYTES))
  })

  it('a chunk the upload wrote, number cells included, reads back as it was packed', async () => {
    const stored = { ...row, numberColumns: ['nik' as const] }
    const parts = packRows([stored])
    expect(parts).toHaveLength(1)
    dynamo
      .on(QueryCommand)
      .resolves({ Items: parts.map((part) => ({ part: part.part, rows: gzipSync(part.rows) })) })
    expect(await readChunk('01BATCH', 1)).toEqual([stored])
  })
})
