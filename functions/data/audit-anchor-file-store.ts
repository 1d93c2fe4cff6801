/**
 * The local anchor store: `<dir>/<anchorSeq>.json`, one file per record, never
 * overwritten and left read-only. It stands in for S3 Object Lock; like the bucket, anyone
 * with the machine can still delete files, which the anchor chain's own hashes then show
 * (`verifyAnchorChain`).
 *
 * A record appears whole or not at all, as a PutObject does: it is written to a private
 * file first and then hard-linked to its name (`link` refuses an existing name, as `wx`
 * did). Creating the record file itself with `wx` and writing into it left an empty record
 * when the process died in between (a Ctrl-C during the start's anchoring run), and every
 * later run then failed on it, so nothing was anchored again (ADR 0055).
 */
import { randomUUID } from 'node:crypto'
import { existsSync } from 'node:fs'
import { link, mkdir, readdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { AnchorRecord } from '../core/audit/anchor'
import { authorizeStandIn } from '../shared/clients'
import { logger } from '../shared/logger'
import type { AnchorStore } from './audit-anchor-port'

const RECORD_FILE = /^\d{10}\.json$/

/** What `link` answers where the file system has no hard links. */
const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS'])

/**
 * `link` makes the name appear only with its content and refuses a taken name. Where the
 * file system has no hard links (exFAT, FAT, some shared folders), a rename after checking
 * that the name is free: one platform per data directory and one anchoring run at a time
 * leave no second writer between the two.
 */
const linkOrRename = async (from: string, to: string): Promise<void> => {
  try {
    await link(from, to)
  } catch (error) {
    if (!NO_HARD_LINKS.has((error as NodeJS.ErrnoException).code ?? '')) throw error
    if (existsSync(to))
      throw Object.assign(new Error(`EEXIST: file already exists, ${to}`), { code: 'EEXIST' })
    await rename(from, to)
  }
}

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
    let names: string[]
    try {
      names = await readdir(this.dir)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
      throw error
    }
    const records = names.filter((name) => RECORD_FILE.test(name)).sort()
    const newest = records.at(-1)
    return newest !== undefined && (await this.isTorn(newest)) ? records.slice(0, -1) : records
  }

  /**
   * An empty record is the torn write of a version before the private-file write: it holds
   * no record (S3 never has an empty one), and the append sequence stopped there, so only
   * the newest can be one. Readers pass over it; the next append of that record replaces it.
   */
  private async isTorn(name: string): Promise<boolean> {
    try {
      return (await stat(join(this.dir, name))).size === 0
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return true
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
    const name = `${record.anchorSeq}.json`
    const partial = join(this.dir, `.${name}.${randomUUID()}.partial`)
    try {
      await writeFile(partial, `${JSON.stringify(record, null, 2)}\n`, { flag: 'wx', mode: 0o444 })
      await this.publish(partial, name)
    } finally {
      await unlink(partial).catch(() => undefined)
    }
  }

  /**
   * Gives the written file its record name, refusing a name taken by a whole record. A torn
   * record of that name (see `isTorn`) is replaced: the stand-in's repair of its own file,
   * which Object Lock would never need.
   */
  private async publish(partial: string, name: string): Promise<void> {
    const target = join(this.dir, name)
    try {
      await linkOrRename(partial, target)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || !(await this.isTorn(name))) throw error
      await unlink(target).catch(() => undefined)
      logger.warn('empty anchor record replaced (a write cut off by an earlier version)', { file: name })
      await linkOrRename(partial, target)
    }
  }

  async all(): Promise<AnchorRecord[]> {
    return Promise.all((await this.fileNames()).map((name) => this.read(name)))
  }

  async *newestFirst(): AsyncIterable<AnchorRecord> {
    for (const name of (await this.fileNames()).reverse()) yield await this.read(name)
  }
}
