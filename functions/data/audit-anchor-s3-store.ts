/**
 * The anchor store on AWS: one object per record in the Object Lock bucket of the data
 * stack (DESIGN §5). The bucket's default retention locks every version as it is
 * written, so neither the application nor an administrator can rewrite or delete an
 * anchor within the retention period; `If-None-Match: *` makes a second writer of the
 * same position fail instead of stacking a new version on top.
 *
 * Keys count down (`anchors/<9999999999 - seq>-<seq>.json`), because S3 lists keys in
 * ascending order only: the newest record is then the first key listed, so `latest()`
 * is one request and verify reads newest first without walking the whole history.
 */
import {
  GetObjectCommand,
  ListObjectsV2Command,
  NoSuchKey,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3'
import type { AnchorRecord } from '../core/audit/anchor'
import { parseSeq } from '../core/audit/audit-entry'
import type { AnchorStore } from './audit-anchor-port'

const PREFIX = 'anchors/'
const LAST_SEQ = 9_999_999_999

export const anchorObjectKey = (anchorSeq: string): string => {
  const position = parseSeq(anchorSeq)
  if (position === undefined) throw new RangeError(`malformed anchorSeq: ${anchorSeq}`)
  return `${PREFIX}${String(LAST_SEQ - position).padStart(10, '0')}-${anchorSeq}.json`
}

/** The anchor store's own failures: a listed record that cannot be read is evidence, not a miss. */
export class AnchorStoreError extends Error {
  override name = 'AnchorStoreError'
}

export class S3AnchorStore implements AnchorStore {
  constructor(
    readonly bucket: string,
    private readonly s3: S3Client = new S3Client({}),
  ) {}

  /** Keys newest first, page by page. */
  private async *keys(): AsyncIterable<string> {
    let token: string | undefined
    do {
      const page = await this.s3.send(
        new ListObjectsV2Command({ Bucket: this.bucket, Prefix: PREFIX, ContinuationToken: token }),
      )
      for (const object of page.Contents ?? []) if (object.Key?.endsWith('.json')) yield object.Key
      token = page.IsTruncated ? page.NextContinuationToken : undefined
    } while (token)
  }

  private async read(key: string): Promise<AnchorRecord> {
    try {
      const object = await this.s3.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }))
      const text = await object.Body?.transformToString('utf8')
      if (text === undefined) throw new AnchorStoreError(`anchor ${key} has no body`)
      return JSON.parse(text) as AnchorRecord
    } catch (error) {
      if (error instanceof NoSuchKey)
        throw new AnchorStoreError(`anchor ${key} is listed but cannot be read: it was removed`, {
          cause: error,
        })
      throw error
    }
  }

  async latest(): Promise<AnchorRecord | undefined> {
    for await (const key of this.keys()) return this.read(key)
    return undefined
  }

  async append(record: AnchorRecord): Promise<void> {
    await this.s3.send(
      new PutObjectCommand({
        Bucket: this.bucket,
        Key: anchorObjectKey(record.anchorSeq),
        Body: `${JSON.stringify(record, null, 2)}\n`,
        ContentType: 'application/json',
        // Object Lock buckets refuse a PutObject without an integrity checksum.
        ChecksumAlgorithm: 'SHA256',
        IfNoneMatch: '*',
      }),
    )
  }

  async all(): Promise<AnchorRecord[]> {
    const records: AnchorRecord[] = []
    for await (const record of this.newestFirst()) records.push(record)
    return records.reverse()
  }

  async *newestFirst(): AsyncIterable<AnchorRecord> {
    for await (const key of this.keys()) yield await this.read(key)
  }
}
