import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  BatchWriteCommand,
  DeleteCommand,
  GetCommand,
  PutCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AuditEntry, AuditInput } from '../../../functions/core/audit/audit-entry'
import { nextEntry } from '../../../functions/core/audit/next-entry'
import { verifyChain } from '../../../functions/core/audit/verify-chain'
import { FileAnchorStore } from '../../../functions/data/audit-anchor-file-store'
import { anchorChangedChains } from '../../../functions/data/audit-anchoring'
import { auditItemOf } from '../../../functions/data/audit-item'
import { listAuditEntries } from '../../../functions/data/audit-queries'
import {
  appendAudit,
  auditPutItem,
  lostAuditRace,
  readAuditHead,
  readChain,
} from '../../../functions/data/audit-repository'
import { verifyEntity } from '../../../functions/data/audit-verification'
import { InvalidCursorError } from '../../../functions/data/data-errors'
import { createAuditTables } from './audit-tables'

let tables: Awaited<ReturnType<typeof createAuditTables>>
let anchorDir: string
let counter = 0

const T0 = new Date('2026-03-02T01:10:00.000Z')
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000)
const newEntity = () => {
  counter += 1
  return `case:IT${Date.now().toString(36)}${counter}`
}

const change = (entityId: string, overrides: Partial<AuditInput> = {}): AuditInput => ({
  entityId,
  area: '32.01.14',
  actor: { id: 'tksk.leuwiliang', role: 'tksk' },
  action: 'CASE_UPDATED',
  before: { status: 'ASSESSMENT' },
  after: { status: 'RECOMMENDATION' },
  correlationId: 'corr-integration',
  ...overrides,
})

const writeChain = async (entityId: string, length: number, overrides: Partial<AuditInput> = {}) => {
  const entries: AuditEntry[] = []
  for (let i = 0; i < length; i += 1)
    entries.push(
      await appendAudit(change(entityId, { action: `STEP_${i + 1}`, ...overrides }), { at: minutes(i) }),
    )
  return entries
}

const rawItem = async (entityId: string, seq: string) =>
  (await tables.raw.send(new GetCommand({ TableName: tables.auditTableName, Key: { entityId, seq } }))).Item

const store = () => new FileAnchorStore(anchorDir)

beforeAll(async () => {
  tables = await createAuditTables('audit-repo')
  anchorDir = mkdtempSync(join(tmpdir(), 'tksk-anchors-'))
})
afterAll(() => {
  rmSync(anchorDir, { recursive: true, force: true })
})

describe('appending to an audit chain', () => {
  it('builds a chain that verifies, each entry pointing at the one before', async () => {
    const entityId = newEntity()
    const entries = await writeChain(entityId, 3)
    expect(entries.map((e) => e.seq)).toEqual(['0000000001', '0000000002', '0000000003'])
    expect(await readChain(entityId)).toEqual(entries)
    expect((await readAuditHead(entityId))?.hash).toBe(entries[2]?.hash)
    expect((await verifyEntity(entityId, undefined)).verdict).toEqual({ valid: true, checked: 3 })
  })

  it('stores the index attributes beside the entry, derived from it', async () => {
    const entityId = newEntity()
    const [entry] = await writeChain(entityId, 1)
    expect(await rawItem(entityId, '0000000001')).toMatchObject({
      actorId: 'tksk.leuwiliang',
      atSeq: `${entry?.at}#${entityId}#0000000001`,
      areaDay: `32.01#${entry?.at.slice(0, 10)}`,
      day: entry?.at.slice(0, 10),
    })
  })

  it('never overwrites an entry: a second Put of the same seq is refused', async () => {
    const entityId = newEntity()
    const [entry] = await writeChain(entityId, 1)
    const forged = nextEntry(undefined, change(entityId, { action: 'FORGED' }), T0)
    const error = await tables.raw.send(new PutCommand(auditPutItem(forged).Put)).catch((e: unknown) => e)
    expect(lostAuditRace(error)).toBe(true)
    expect((await readChain(entityId))[0]).toEqual(entry)
  })

  it('lets writers that race for the same head all land, in some order, on one valid chain', async () => {
    const entityId = newEntity()
    await Promise.all(
      Array.from({ length: 8 }, (_, i) => appendAudit(change(entityId, { action: `RACE_${i}` }), { at: T0 })),
    )
    const chain = await readChain(entityId)
    expect(chain).toHaveLength(8)
    expect(new Set(chain.map((e) => e.action)).size).toBe(8)
    expect((await verifyEntity(entityId, undefined)).verdict.valid).toBe(true)
  })

  it('starts a new entity’s chain without its head, and one that was not new after all still lands after its head', async () => {
    const fresh = newEntity()
    const first = await appendAudit(change(fresh, { action: 'CASE_CREATED' }), { at: T0, newEntity: true })
    expect(await readChain(fresh)).toEqual([first])
    expect((await verifyEntity(fresh, undefined)).verdict.valid).toBe(true)
    const notNew = newEntity()
    await writeChain(notNew, 2)
    const third = await appendAudit(change(notNew, { action: 'STEP_3' }), { at: minutes(3), newEntity: true })
    const chain = await readChain(notNew)
    expect(chain.map((e) => e.action)).toEqual(['STEP_1', 'STEP_2', 'STEP_3'])
    expect(chain[2]).toEqual(third)
    expect((await verifyEntity(notNew, undefined)).verdict.valid).toBe(true)
  })

  it('stores a NIK or KK in before/after only masked', async () => {
    const entityId = newEntity()
    await appendAudit(
      change(entityId, {
        before: null,
        after: { applicant: { nik: '3201144507800001', kk: '3201140101100001' } },
      }),
    )
    const item = await rawItem(entityId, '0000000001')
    const stored = JSON.stringify([item?.before, item?.after])
    expect(stored).toContain('320114******0001')
    expect(stored).not.toMatch(/\d{16}/)
  })

  it('refuses an entry built around the masking', () => {
    const entry = nextEntry(undefined, change('case:X'), T0)
    expect(() => auditPutItem({ ...entry, after: { nik: '3201144507800001' } })).toThrow(/unmasked/)
  })
})

describe('an audit entry in the transaction of the change it records', () => {
  const stateItem = (pk: string) => ({
    Put: {
      TableName: tables.mainTableName,
      Item: { pk, sk: 'CASE', status: 'RECOMMENDATION' },
      // The state change's own precondition, which here does not hold.
      ConditionExpression: 'attribute_exists(pk)',
    },
  })

  it('is not written when the state change’s own condition fails', async () => {
    const entityId = newEntity()
    const entry = nextEntry(undefined, change(entityId), T0)
    const error = await tables.raw
      .send(new TransactWriteCommand({ TransactItems: [stateItem(`CASE#${entityId}`), auditPutItem(entry)] }))
      .catch((e: unknown) => e)
    expect((error as Error).name).toBe('TransactionCanceledException')
    expect(lostAuditRace(error, 1)).toBe(false)
    expect(await readChain(entityId)).toEqual([])
  })

  it('appendAudit hands the caller’s failed precondition back without retrying, and writes nothing', async () => {
    const entityId = newEntity()
    const error = await appendAudit(change(entityId), { alongWith: [stateItem(`CASE#${entityId}`)] }).catch(
      (e: unknown) => e,
    )
    expect((error as Error).name).toBe('TransactionCanceledException')
    expect(await readChain(entityId)).toEqual([])
  })

  it('leaves the state unchanged when its entry cannot be written because the seq is taken', async () => {
    const entityId = newEntity()
    const key = { pk: `CASE#${entityId}`, sk: 'CASE' }
    await tables.raw.send(
      new PutCommand({ TableName: tables.mainTableName, Item: { ...key, status: 'RECOMMENDATION' } }),
    )
    // Another writer took seq 1 after this one read the (empty) head.
    const [taken] = await writeChain(entityId, 1, { action: 'CASE_CREATED' })
    const late = nextEntry(undefined, change(entityId, { action: 'CASE_APPROVED' }), T0)
    const error = await tables.raw
      .send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Update: {
                TableName: tables.mainTableName,
                Key: key,
                UpdateExpression: 'SET #status = :next',
                ConditionExpression: '#status = :expected',
                ExpressionAttributeNames: { '#status': 'status' },
                ExpressionAttributeValues: { ':next': 'REFERRAL', ':expected': 'RECOMMENDATION' },
              },
            },
            auditPutItem(late),
          ],
        }),
      )
      .catch((e: unknown) => e)
    expect((error as Error).name).toBe('TransactionCanceledException')
    // appendAudit would retry this from a fresh head; the state change has not happened meanwhile.
    expect(lostAuditRace(error, 1)).toBe(true)
    const state = await tables.raw.send(new GetCommand({ TableName: tables.mainTableName, Key: key }))
    expect(state.Item?.status).toBe('RECOMMENDATION')
    expect(await readChain(entityId)).toEqual([taken])
  })

  it('commits both the state and the entry when the precondition holds', async () => {
    const entityId = newEntity()
    const pk = `CASE#${entityId}`
    await appendAudit(change(entityId), {
      alongWith: [
        {
          Put: {
            TableName: tables.mainTableName,
            Item: { pk, sk: 'CASE' },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
      ],
    })
    const state = await tables.raw.send(
      new GetCommand({ TableName: tables.mainTableName, Key: { pk, sk: 'CASE' } }),
    )
    expect(state.Item).toBeDefined()
    expect(await readChain(entityId)).toHaveLength(1)
  })
})

describe('tampering with the audit table directly', () => {
  it('an edited entry is reported at its seq', async () => {
    const entityId = newEntity()
    await writeChain(entityId, 5)
    await tables.raw.send(
      new UpdateCommand({
        TableName: tables.auditTableName,
        Key: { entityId, seq: '0000000003' },
        UpdateExpression: 'SET #after = :after',
        ExpressionAttributeNames: { '#after': 'after' },
        ExpressionAttributeValues: { ':after': { status: 'REJECTED' } },
      }),
    )
    expect((await verifyEntity(entityId, undefined)).verdict).toEqual({
      valid: false,
      checked: 3,
      firstBrokenSeq: '0000000003',
      reason: 'HASH_MISMATCH',
    })
  })

  it('a removed attribute is an edit too', async () => {
    const entityId = newEntity()
    await writeChain(entityId, 2)
    await tables.raw.send(
      new UpdateCommand({
        TableName: tables.auditTableName,
        Key: { entityId, seq: '0000000002' },
        UpdateExpression: 'REMOVE correlationId',
      }),
    )
    expect((await verifyEntity(entityId, undefined)).verdict).toMatchObject({ firstBrokenSeq: '0000000002' })
  })

  it('a deleted entry is reported at the missing seq', async () => {
    const entityId = newEntity()
    await writeChain(entityId, 5)
    await tables.raw.send(
      new DeleteCommand({ TableName: tables.auditTableName, Key: { entityId, seq: '0000000002' } }),
    )
    expect((await verifyEntity(entityId, undefined)).verdict).toMatchObject({
      valid: false,
      firstBrokenSeq: '0000000002',
      reason: 'SEQ_GAP',
    })
  })

  it('two entries swapped in place are reported at the first of them', async () => {
    const entityId = newEntity()
    const entries = await writeChain(entityId, 5)
    const [second, third] = [entries[1] as AuditEntry, entries[2] as AuditEntry]
    for (const [content, seq] of [
      [third, second.seq],
      [second, third.seq],
    ] as const)
      await tables.raw.send(
        new PutCommand({ TableName: tables.auditTableName, Item: { ...auditItemOf(content), seq } }),
      )
    expect((await verifyEntity(entityId, undefined)).verdict).toMatchObject({
      valid: false,
      firstBrokenSeq: '0000000002',
    })
  })

  it('a truncated chain verifies alone but not against its anchor', async () => {
    const entityId = newEntity()
    await writeChain(entityId, 5)
    const record = await anchorChangedChains(store(), new Date('2026-03-02T02:00:01Z'))
    expect(record?.heads).toContainEqual(expect.objectContaining({ entityId, seq: '0000000005' }))
    for (const seq of ['0000000004', '0000000005'])
      await tables.raw.send(new DeleteCommand({ TableName: tables.auditTableName, Key: { entityId, seq } }))

    expect((await verifyEntity(entityId, undefined)).verdict).toEqual({ valid: true, checked: 3 })
    const verified = await verifyEntity(entityId, store())
    expect(verified.verdict).toEqual({
      valid: false,
      checked: 3,
      firstBrokenSeq: '0000000004',
      reason: 'BEHIND_ANCHOR',
    })
    expect(verified.anchor).toMatchObject({ seq: '0000000005', anchorSeq: record?.anchorSeq })
  })

  it('a chain rewritten with consistent hashes is caught by its anchor', async () => {
    const entityId = newEntity()
    await writeChain(entityId, 3)
    await anchorChangedChains(store(), new Date('2026-03-02T03:00:01Z'))
    // Rebuild the whole chain with a changed second entry and fresh hashes, as an insider could.
    const forged: AuditEntry[] = []
    for (const [i, entry] of (await readChain(entityId)).entries()) {
      const input = { ...entry, after: i === 1 ? { status: 'NOT_ELIGIBLE' } : entry.after }
      forged.push(nextEntry(forged.at(-1), input, new Date(entry.at)))
    }
    for (const entry of forged)
      await tables.raw.send(new PutCommand({ TableName: tables.auditTableName, Item: auditItemOf(entry) }))
    expect((await verifyEntity(entityId, undefined)).verdict.valid).toBe(true)
    expect((await verifyEntity(entityId, store())).verdict).toMatchObject({
      valid: false,
      firstBrokenSeq: '0000000003',
      reason: 'ANCHOR_MISMATCH',
    })
  })
})

describe('the hourly anchor', () => {
  it('seals only chains that changed since the last anchor, once per hour', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tksk-anchors-'))
    try {
      const own = new FileAnchorStore(dir)
      const early = newEntity()
      const late = newEntity()
      await appendAudit(change(early), { at: new Date('2026-04-01T10:15:00Z') })
      const first = await anchorChangedChains(own, new Date('2026-04-01T11:00:05Z'))
      expect(first?.heads.map((h) => h.entityId)).toContain(early)
      expect(first?.through).toBe('2026-04-01T11:00:00.000Z')
      expect(await anchorChangedChains(own, new Date('2026-04-01T11:30:00Z'))).toBeUndefined()

      await appendAudit(change(late), { at: new Date('2026-04-01T11:20:00Z') })
      const second = await anchorChangedChains(own, new Date('2026-04-01T14:00:05Z'))
      expect(second).toMatchObject({ anchorSeq: '0000000002', prevHash: first?.hash, from: first?.through })
      expect(second?.heads.map((h) => h.entityId)).toEqual([late])
      expect((await own.all()).map((r) => r.anchorSeq)).toEqual(['0000000001', '0000000002'])
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('never overwrites a record', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tksk-anchors-'))
    try {
      const own = new FileAnchorStore(dir)
      const record = await anchorChangedChains(own, new Date('2026-05-01T00:00:05Z'))
      if (!record) throw new Error('no record')
      await expect(own.append(record)).rejects.toThrow(/EEXIST/)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe('review queries', () => {
  const keepAll = () => true

  it('page through a chain with an opaque cursor', async () => {
    const entityId = newEntity()
    await writeChain(entityId, 5)
    const seen: string[] = []
    let cursor: string | undefined
    do {
      const page = await listAuditEntries({
        source: { by: 'entity', entityId },
        filter: {},
        limit: 2,
        ...(cursor ? { cursor } : {}),
        keep: keepAll,
      })
      seen.push(...page.items.map((e) => e.seq))
      cursor = page.nextCursor ?? undefined
    } while (cursor)
    expect(seen).toEqual(['0000000001', '0000000002', '0000000003', '0000000004', '0000000005'])
  })

  it('list an actor’s entries within a time range', async () => {
    const actor = `actor-${newEntity()}`
    const entityId = newEntity()
    await writeChain(entityId, 4, { actor: { id: actor, role: 'dinsos' } })
    const page = await listAuditEntries({
      source: { by: 'actor', actorId: actor },
      filter: { from: minutes(1).toISOString(), to: minutes(3).toISOString() },
      limit: 10,
      keep: keepAll,
    })
    expect(page.items.map((e) => e.action)).toEqual(['STEP_2', 'STEP_3'])
  })

  it('list an area across days, a kecamatan inside its kabupaten, and nothing from elsewhere', async () => {
    const action = `AREA_${counter}`
    const inLeuwiliang = newEntity()
    const inCiampea = newEntity()
    const inLampung = newEntity()
    await appendAudit(change(inLeuwiliang, { action }), { at: new Date('2026-06-01T23:00:00Z') })
    await appendAudit(change(inCiampea, { action, area: '32.01.15' }), {
      at: new Date('2026-06-02T01:00:00Z'),
    })
    await appendAudit(change(inLampung, { action, area: '18.71.04' }), {
      at: new Date('2026-06-02T02:00:00Z'),
    })
    const range = { from: '2026-06-01T00:00:00.000Z', to: '2026-06-03T00:00:00.000Z', action }
    const pages: string[][] = []
    let cursor: string | undefined
    do {
      const page = await listAuditEntries({
        source: { by: 'area', area: '32.01' },
        filter: range,
        limit: 1,
        ...(cursor ? { cursor } : {}),
        keep: keepAll,
      })
      pages.push(page.items.map((e) => e.entityId))
      cursor = page.nextCursor ?? undefined
    } while (cursor)
    expect(pages.flat()).toEqual([inLeuwiliang, inCiampea])
    const kecamatan = await listAuditEntries({
      source: { by: 'area', area: '32.01.15' },
      filter: { ...range, area: '32.01.15' },
      limit: 10,
      keep: keepAll,
    })
    expect(kecamatan.items.map((e) => e.entityId)).toEqual([inCiampea])
  })

  it('hide what the caller may not see, reading on to fill the page', async () => {
    const entityId = newEntity()
    await writeChain(entityId, 5)
    const page = await listAuditEntries({
      source: { by: 'entity', entityId },
      filter: {},
      limit: 2,
      keep: (entry) => entry.seq >= '0000000004',
    })
    expect(page.items.map((e) => e.seq)).toEqual(['0000000004', '0000000005'])
  })

  it('refuse a forged cursor or one from another query as an invalid cursor', async () => {
    const entityId = newEntity()
    await writeChain(entityId, 3)
    const page = await listAuditEntries({
      source: { by: 'entity', entityId },
      filter: {},
      limit: 1,
      keep: keepAll,
    })
    const request = (cursor: string, other = entityId) =>
      listAuditEntries({
        source: { by: 'entity', entityId: other },
        filter: {},
        limit: 1,
        cursor,
        keep: keepAll,
      })
    await expect(request(page.nextCursor ?? '', 'case:someone-else')).rejects.toBeInstanceOf(
      InvalidCursorError,
    )
    await expect(request('not base64!')).rejects.toBeInstanceOf(InvalidCursorError)
    await expect(request(Buffer.from('{"entityId":1}').toString('base64url'))).rejects.toBeInstanceOf(
      InvalidCursorError,
    )
    await expect(request(Buffer.from('[]').toString('base64url'))).rejects.toBeInstanceOf(InvalidCursorError)
  })
})

describe('verifying a long chain', () => {
  it('recomputes a 1,000-entry chain', async () => {
    const entityId = newEntity()
    const entries: AuditEntry[] = []
    for (let i = 0; i < 1000; i += 1)
      entries.push(
        nextEntry(entries.at(-1), change(entityId, { action: `STEP_${i}`, after: { i } }), minutes(i)),
      )
    for (let i = 0; i < entries.length; i += 25)
      await tables.raw.send(
        new BatchWriteCommand({
          RequestItems: {
            [tables.auditTableName]: entries
              .slice(i, i + 25)
              .map((entry) => ({ PutRequest: { Item: auditItemOf(entry) } })),
          },
        }),
      )
    const started = performance.now()
    const result = await verifyEntity(entityId, undefined)
    const elapsed = performance.now() - started
    const chain = await readChain(entityId)
    const recomputeStarted = performance.now()
    const recomputed = verifyChain(chain)
    const recomputeElapsed = performance.now() - recomputeStarted
    const recomputing = `${recomputeElapsed.toFixed(0)} ms of it recomputing the hashes`
    console.log(
      `audit verify of a 1,000-entry chain: ${elapsed.toFixed(0)} ms (read + recompute), ${recomputing}`,
    )
    expect(result.verdict).toEqual({ valid: true, checked: 1000 })
    expect(recomputed.valid).toBe(true)
  })
})
