import {
  GetObjectCommand,
  ListObjectsV2Command,
  NoSuchKey,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3'
import { mockClient } from 'aws-sdk-client-mock'
import { afterAll, beforeEach, describe, expect, it } from 'vitest'
import { type AnchorRecord, buildAnchor } from '../../../functions/core/audit/anchor'
import { anchorStoreOfStage } from '../../../functions/data/audit-anchor-store'
import {
  anchorObjectKey,
  AnchorStoreError,
  S3AnchorStore,
} from '../../../functions/data/audit-anchor-s3-store'

const s3 = mockClient(S3Client)
// The worker's later files use the real client (unit files share modules, vitest.config.ts).
afterAll(() => s3.restore())
const BUCKET = 'tksk-flow-audit-anchors-1-ap-southeast-3'
const HOUR = 60 * 60 * 1000
const T0 = new Date('2026-03-02T01:00:00.000Z')

const head = (n: number) => ({
  entityId: `case:${n}`,
  seq: '0000000001',
  hash: 'a'.repeat(64),
  area: '32.01',
})
const recordsUpTo = (count: number): AnchorRecord[] => {
  const records: AnchorRecord[] = []
  for (let n = 1; n <= count; n += 1) {
    const through = new Date(T0.getTime() + n * HOUR)
    records.push(
      buildAnchor(records.at(-1), [head(n)], { from: new Date(through.getTime() - HOUR), through }, through),
    )
  }
  return records
}
/** The part of an SDK stream body the store uses. */
const body = (record: AnchorRecord) => ({ transformToString: async () => JSON.stringify(record) })

/** The bucket as S3 would list it: keys ascending, which the store's keys make newest first. */
const stock = (records: AnchorRecord[]) => {
  const keys = records.map((r) => anchorObjectKey(r.anchorSeq)).sort()
  s3.on(ListObjectsV2Command).resolves({ Contents: keys.map((Key) => ({ Key })), IsTruncated: false })
  for (const record of records)
    s3.on(GetObjectCommand, { Key: anchorObjectKey(record.anchorSeq) }).resolves({
      Body: body(record),
    } as never)
}

beforeEach(() => {
  s3.reset()
})

describe('the anchor store on S3', () => {
  it('lists the newest anchor first, so the latest is the first key of one listing', async () => {
    const records = recordsUpTo(3)
    stock(records)
    const store = new S3AnchorStore(BUCKET, new S3Client({}))
    expect((await store.latest())?.anchorSeq).toBe(records[2]?.anchorSeq)
    expect((await store.all()).map((r) => r.anchorSeq)).toEqual(records.map((r) => r.anchorSeq))
    expect(anchorObjectKey('0000000001')).toBe('anchors/9999999998-0000000001.json')
  })

  it('has no latest anchor in an empty bucket', async () => {
    s3.on(ListObjectsV2Command).resolves({ IsTruncated: false })
    expect(await new S3AnchorStore(BUCKET, new S3Client({})).latest()).toBeUndefined()
  })

  it('writes a record once, with a checksum for Object Lock and never over an existing key', async () => {
    s3.on(PutObjectCommand).resolves({})
    const [record] = recordsUpTo(1)
    if (!record) throw new Error('no record')
    await new S3AnchorStore(BUCKET, new S3Client({})).append(record)
    expect(s3.commandCalls(PutObjectCommand)[0]?.args[0].input).toMatchObject({
      Bucket: BUCKET,
      Key: 'anchors/9999999998-0000000001.json',
      IfNoneMatch: '*',
      ChecksumAlgorithm: 'SHA256',
    })
  })

  it('passes a failed PutObject on, so the hourly run fails visibly instead of reporting an anchor', async () => {
    s3.on(PutObjectCommand).rejects(
      new S3ServiceException({
        name: 'PreconditionFailed',
        message: 'At least one of the pre-conditions you specified did not hold',
        $fault: 'client',
        $metadata: { httpStatusCode: 412 },
      }),
    )
    const store = new S3AnchorStore(BUCKET, new S3Client({}))
    await expect(store.append(recordsUpTo(1)[0] as AnchorRecord)).rejects.toMatchObject({
      name: 'PreconditionFailed',
    })
  })

  it('reports an anchor listed but missing as an anchor store error naming its key', async () => {
    const records = recordsUpTo(2)
    stock(records)
    const newest = anchorObjectKey(records[1]?.anchorSeq ?? '')
    s3.on(GetObjectCommand, { Key: newest }).rejects(new NoSuchKey({ message: 'gone', $metadata: {} }))
    const store = new S3AnchorStore(BUCKET, new S3Client({}))
    await expect(store.latest()).rejects.toThrow(AnchorStoreError)
    await expect(store.latest()).rejects.toThrow(newest)
  })

  it('is the store of the AWS stage when the function has the bucket, and none without it', () => {
    const saved = { STAGE: process.env.STAGE, ANCHOR_BUCKET_NAME: process.env.ANCHOR_BUCKET_NAME }
    try {
      process.env.STAGE = 'aws'
      process.env.ANCHOR_BUCKET_NAME = BUCKET
      expect(anchorStoreOfStage()).toBeInstanceOf(S3AnchorStore)
      delete process.env.ANCHOR_BUCKET_NAME
      expect(anchorStoreOfStage()).toBeUndefined()
    } finally {
      Object.assign(process.env, saved)
      for (const [name, value] of Object.entries(saved)) if (value === undefined) delete process.env[name]
    }
  })
})
