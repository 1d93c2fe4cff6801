/**
 * The packed rows of a batch (ADR 0004): written by the upload in a few items, read as
 * they are by the validation and apply of each chunk range and by the diff page. They
 * stay packed (ADR 0019): one row item each cost 20,000 writes to validate a full sheet.
 */
import { gunzipSync, gzipSync } from 'node:zlib'
import type { StoredRow } from '../core/verval/batch-record'
import { CHUNK_ROWS } from '../core/verval/batch-status'
import { MAX_PACKED_PART_BYTES, unpackRows, type PackedPart } from '../core/verval/row-packing'
import { env } from '../shared/env'
import { deleteAll, putAll } from './batch-write'
import { queryAll } from './paginate'
import { batchChunkFromOf, batchChunkKey, batchChunkPrefix, batchChunkRangePrefix, batchKey } from './keys'

const table = () => env.mainTableName()

const underPrefix = (batchId: string, prefix: string, projection?: string) => ({
  TableName: table(),
  KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
  ExpressionAttributeValues: { ':pk': batchKey(batchId).pk, ':prefix': prefix },
  ConsistentRead: true,
  ...(projection ? { ProjectionExpression: projection } : {}),
})

// Packed rows are stored gzipped: DynamoDB Local's write time grows with the bytes, and
// the repetitive cells of a sheet shrink several times over.
export const putChunks = (batchId: string, parts: readonly PackedPart[]): Promise<void> =>
  putAll(
    table(),
    parts.map((part) => ({
      ...batchChunkKey(batchId, part.from, part.part),
      rows: gzipSync(part.rows),
      part: part.part,
    })),
  )

/** Removes the packed rows of a batch that never became live (the upload lost the slot). */
export const deleteChunks = async (batchId: string): Promise<void> =>
  deleteAll(
    table(),
    (await queryAll(underPrefix(batchId, batchChunkPrefix, 'pk, sk'))).map(({ pk, sk }) => ({ pk, sk })),
  )

export class OversizedChunkError extends Error {
  constructor(batchId: string, from: number, part: number) {
    super(
      `packed part ${part} of rows from ${from} of batch ${batchId} inflates past ${MAX_PACKED_PART_BYTES} bytes`,
    )
    this.name = 'OversizedChunkError'
  }
}

// Bounded: a part the upload wrote never inflates past MAX_PACKED_PART_BYTES, so a larger
// one is refused at that byte instead of taking the step's memory.
const inflatePart = (batchId: string, from: number, item: Record<string, unknown>): string => {
  const part = item.part as number
  try {
    return gunzipSync(item.rows as Uint8Array, { maxOutputLength: MAX_PACKED_PART_BYTES }).toString('utf8')
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE')
      throw new OversizedChunkError(batchId, from, part)
    throw error
  }
}

/** The rows of the chunk range starting at `from`, as the upload packed them. */
export const readChunk = async (batchId: string, from: number): Promise<StoredRow[]> =>
  unpackRows(
    (await queryAll(underPrefix(batchId, batchChunkRangePrefix(from)))).map((item) => ({
      part: item.part as number,
      rows: inflatePart(batchId, from, item),
    })),
  )

/**
 * Rows `from`..`to` (1-based, inclusive) from the packed parts that hold them: the chunk
 * ranges the upload packed (`CHUNK_ROWS` each) from the one holding `from`.
 */
export const readRows = async (batchId: string, from: number, to: number): Promise<StoredRow[]> => {
  if (to < from) return []
  const chunkRows = env.vervalChunkRows() ?? CHUNK_ROWS
  const items = await queryAll({
    TableName: table(),
    KeyConditionExpression: 'pk = :pk AND sk BETWEEN :first AND :after',
    ExpressionAttributeValues: {
      ':pk': batchKey(batchId).pk,
      ':first': batchChunkRangePrefix(from - ((from - 1) % chunkRows)),
      ':after': batchChunkRangePrefix(to + 1),
    },
    ConsistentRead: true,
  })
  const ranges = new Map<number, { part: number; rows: string }[]>()
  for (const item of items) {
    const start = batchChunkFromOf(item.sk as string)
    ranges.set(start, [
      ...(ranges.get(start) ?? []),
      { part: item.part as number, rows: inflatePart(batchId, start, item) },
    ])
  }
  return [...ranges.entries()]
    .sort(([a], [b]) => a - b)
    .flatMap(([, parts]) => unpackRows(parts))
    .filter((row) => row.index >= from && row.index <= to)
}
