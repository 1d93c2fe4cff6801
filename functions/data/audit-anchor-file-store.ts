/**
 * The local anchor store: `<dir>/<anchorSeq>.json`, one file per record, created with
 * `wx` (never overwrites) and left read-only. It stands in for S3 Object Lock; like the
 * bucket, anyone with the machine can still delete files, which the anchor chain's own
 * hashes then show (`verifyAnchorChain`).
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { AnchorRecord } from '../core/audit/anchor'
import { authorizeStandIn } from '../shared/clients'
import type { AnchorStore } from './audit-anchor-port'

const RECORD_FILE = /^\d{10}\.json$/

/**
 * The bucket and key prefix this store stands in for: each read, list and write is
 * authorised as the same S3 call on them, so a function whose role could not read the
 * anchor bucket on AWS cannot read these files either.
 */
export const FILE_ANCHOR_BUCKET = 'tksk-audit-anchors-local'
const PREFIX = 'anchors/'

export class FileAnchorStore implements AnchorStore {
  constructor(readonly dir: string) {}

  private async fileNames(): Promise<string[]> {
    authorizeStandIn('s3', 'ListObjectsV2', { Bucket: FILE_ANCHOR_BUCKET, Prefix: PREFIX })
    try {
      return (await readdir(this.dir)).filter((name) => RECORD_FILE.test(name)).sort()
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
      throw error
    }
  }

  private async read(name: string): Promise<AnchorRecord> {
    authorizeStandIn('s3', 'GetObject', { Bucket: FILE_ANCHOR_BUCKET, Key: `${PREFIX}${name}` })
    return JSON.parse(await readFile(join(this.dir, name), 'utf8')) as AnchorRecord
  }

  async latest(): Promise<AnchorRecord | undefined> {
    const last = (await this.fileNames()).at(-1)
    return last ? this.read(last) : undefined
  }

  async append(record: AnchorRecord): Promise<void> {
    authorizeStandIn('s3', 'PutObject', {
      Bucket: FILE_ANCHOR_BUCKET,
      Key: `${PREFIX}${record.anchorSeq}.json`,
    })
    await mkdir(this.dir, { recursive: true })
    await writeFile(join(this.dir, `${record.anchorSeq}.json`), `${JSON.stringify(record, null, 2)}\n`, {
      flag: 'wx',
      mode: 0o444,
    })
  }

  async all(): Promise<AnchorRecord[]> {
    return Promise.all((await this.fileNames()).map((name) => this.read(name)))
  }

  async *newestFirst(): AsyncIterable<AnchorRecord> {
    for (const name of (await this.fileNames()).reverse()) yield await this.read(name)
  }
}
