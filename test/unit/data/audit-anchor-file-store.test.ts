import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { AnchorRecord } from '../../../functions/core/audit/anchor'
import { FileAnchorStore } from '../../../functions/data/audit-anchor-file-store'

/** A file system without hard links (exFAT, some shared folders): `link` answers EPERM. */
const noHardLinks = vi.hoisted(() => ({ value: false }))
vi.mock('node:fs/promises', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs/promises')>()
  return {
    ...fs,
    link: (...args: Parameters<typeof fs.link>) =>
      noHardLinks.value
        ? Promise.reject(Object.assign(new Error('EPERM: operation not permitted, link'), { code: 'EPERM' }))
        : fs.link(...args),
  }
})

const record = (anchorSeq: string): AnchorRecord => ({
  anchorSeq,
  at: '2026-12-07T10:00:00.000Z',
  from: '2026-12-07T09:00:00.000Z',
  through: '2026-12-07T10:00:00.000Z',
  heads: [],
  prevHash: 'prev',
  hash: `hash-${anchorSeq}`,
})

let dir: string
let store: FileAnchorStore
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tksk-anchor-store-'))
  store = new FileAnchorStore(dir)
})
afterEach(() => {
  noHardLinks.value = false
  rmSync(dir, { recursive: true, force: true })
})

describe('the local anchor store', () => {
  it('writes each record whole under its name, read-only, with nothing else left', async () => {
    await store.append(record('0000000001'))
    await store.append(record('0000000002'))
    expect(readdirSync(dir)).toEqual(['0000000001.json', '0000000002.json'])
    expect(JSON.parse(readFileSync(join(dir, '0000000002.json'), 'utf8'))).toEqual(record('0000000002'))
    expect(await store.latest()).toEqual(record('0000000002'))
  })

  it('never overwrites a record, and a refused write leaves nothing behind', async () => {
    await store.append(record('0000000001'))
    await expect(store.append({ ...record('0000000001'), hash: 'other' })).rejects.toMatchObject({
      code: 'EEXIST',
    })
    expect(readdirSync(dir)).toEqual(['0000000001.json'])
    expect((await store.latest())?.hash).toBe('hash-0000000001')
  })

  it('passes over an empty newest record (a write cut off by an earlier version) and writes it again', async () => {
    await store.append(record('0000000001'))
    writeFileSync(join(dir, '0000000002.json'), '')
    chmodSync(join(dir, '0000000002.json'), 0o444)

    expect(await store.latest()).toEqual(record('0000000001'))
    expect(await store.all()).toEqual([record('0000000001')])
    // Reading changes nothing; the next append of that record replaces the empty file.
    expect(readdirSync(dir)).toEqual(['0000000001.json', '0000000002.json'])
    await store.append(record('0000000002'))
    expect((await store.all()).map((r) => r.anchorSeq)).toEqual(['0000000001', '0000000002'])
  })

  it('renames records into place where the file system has no hard links, still never over a taken name', async () => {
    noHardLinks.value = true
    await store.append(record('0000000001'))
    await expect(store.append({ ...record('0000000001'), hash: 'other' })).rejects.toMatchObject({
      code: 'EEXIST',
    })
    expect(readdirSync(dir)).toEqual(['0000000001.json'])
    expect((await store.latest())?.hash).toBe('hash-0000000001')
  })

  it('ignores a private file a process died holding', async () => {
    await store.append(record('0000000001'))
    writeFileSync(join(dir, '.0000000002.json.0b8e2bc4-6f7c-4a52-9d4e-2f1f1f6a7c10.partial'), '{"anchorSeq":')
    expect(await store.latest()).toEqual(record('0000000001'))
    await store.append(record('0000000002'))
    expect((await store.all()).map((r) => r.anchorSeq)).toEqual(['0000000001', '0000000002'])
  })
})
