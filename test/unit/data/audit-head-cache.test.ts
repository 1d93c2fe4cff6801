import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb'
import {
  DynamoDBDocumentClient,
  PutCommand,
  type PutCommandInput,
  QueryCommand,
  type QueryCommandInput,
  TransactWriteCommand,
} from '@aws-sdk/lib-dynamodb'
import { mockClient } from 'aws-sdk-client-mock'
import fc from 'fast-check'
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import type { AuditEntry } from '../../../functions/core/audit/audit-entry'
import { nextEntry } from '../../../functions/core/audit/next-entry'
import { verifyChain } from '../../../functions/core/audit/verify-chain'
import { createAuditHeadCache } from '../../../functions/data/audit-head-cache'
import { auditItemOf, entryOf } from '../../../functions/data/audit-item'
import { appendAudit, readChain } from '../../../functions/data/audit-repository'
import { input } from '../core/audit/arbitraries'

const dynamo = mockClient(DynamoDBDocumentClient)
// The worker's later files use the real client (unit files share modules, vitest.config.ts).
afterAll(() => dynamo.restore())
const AT = new Date('2026-03-02T01:00:00.000Z')

/**
 * The audit table as DynamoDB keeps it, for the calls appendAudit makes: a Put conditioned
 * on its key not existing, a Query for the last entry. `other` appends as another Lambda
 * would, bypassing this process's memory of heads.
 */
const fakeAuditTable = () => {
  const chains = new Map<string, AuditEntry[]>()
  const chain = (entityId: string) => chains.get(entityId) ?? []
  const put = (item: Record<string, unknown>) => {
    const entry = entryOf(item)
    const existing = chain(entry.entityId)
    if (existing.some((e) => e.seq === entry.seq))
      throw new ConditionalCheckFailedException({ message: 'exists', $metadata: {} })
    chains.set(
      entry.entityId,
      [...existing, entry].sort((a, b) => a.seq.localeCompare(b.seq)),
    )
  }
  dynamo.on(PutCommand).callsFake((command: PutCommandInput) => {
    expect(command.ConditionExpression).toBe('attribute_not_exists(#entity)')
    put(command.Item as Record<string, unknown>)
    return {}
  })
  dynamo.on(QueryCommand).callsFake((command: QueryCommandInput) => {
    const entries = chain(String(command.ExpressionAttributeValues?.[':entity']))
    const ordered = command.ScanIndexForward === false ? [...entries].reverse() : entries
    return { Items: ordered.slice(0, command.Limit ?? ordered.length).map(auditItemOf) }
  })
  return {
    chain,
    other: (entityId: string) => {
      const entry = nextEntry(chain(entityId).at(-1), input({ entityId, action: 'OTHER_WRITER' }), AT)
      put(auditItemOf(entry))
      return entry
    },
  }
}

const queries = () => dynamo.commandCalls(QueryCommand).length
let entities = 0
const newEntity = () => `case:01JHEADCACHE${String((entities += 1)).padStart(4, '0')}`

beforeAll(() => {
  vi.stubEnv('AUDIT_TABLE_NAME', 'audit-unit')
})
afterAll(() => {
  vi.unstubAllEnvs()
})
beforeEach(() => {
  dynamo.reset()
})

describe('appending to an audit chain this process already knows', () => {
  it('builds the next entry on the entry it wrote last, without reading the head again', async () => {
    const table = fakeAuditTable()
    const entityId = newEntity()
    const first = await appendAudit(input({ entityId }), { at: AT })
    expect(queries()).toBe(1)
    const second = await appendAudit(input({ entityId, action: 'TASK_CREATED' }), { at: AT })
    expect(queries()).toBe(1)
    expect(second).toMatchObject({ seq: '0000000002', prevHash: first.hash })
    expect(verifyChain(table.chain(entityId))).toEqual({ valid: true, checked: 2 })
  })

  it('a head moved on by another writer loses the race, and the retry builds on the fresh head', async () => {
    const table = fakeAuditTable()
    const entityId = newEntity()
    await appendAudit(input({ entityId }), { at: AT })
    const theirs = table.other(entityId)
    const ours = await appendAudit(input({ entityId, action: 'TASK_CREATED' }), { at: AT })
    expect(ours).toMatchObject({ seq: '0000000003', prevHash: theirs.hash })
    expect(dynamo.commandCalls(PutCommand)).toHaveLength(3)
    expect(verifyChain(table.chain(entityId))).toEqual({ valid: true, checked: 3 })
  })

  it('an entry whose transaction failed for the caller’s own condition does not become the head', async () => {
    const table = fakeAuditTable()
    const entityId = newEntity()
    const first = await appendAudit(input({ entityId }), { at: AT })
    dynamo.on(TransactWriteCommand).rejectsOnce(
      new TransactionCanceledException({
        message: 'cancelled',
        $metadata: {},
        CancellationReasons: [{ Code: 'ConditionalCheckFailed' }, { Code: 'None' }],
      }),
    )
    const state = { Put: { TableName: 'main', Item: { pk: 'CASE#x', sk: 'CASE' } } }
    await expect(appendAudit(input({ entityId }), { at: AT, alongWith: [state] })).rejects.toThrow()
    const next = await appendAudit(input({ entityId, action: 'TASK_CREATED' }), { at: AT })
    expect(next).toMatchObject({ seq: '0000000002', prevHash: first.hash })
    expect(verifyChain(table.chain(entityId))).toEqual({ valid: true, checked: 2 })
  })

  it('a chain read whole tells the next append where its head is', async () => {
    const table = fakeAuditTable()
    const entityId = newEntity()
    table.other(entityId)
    const theirs = table.other(entityId)
    await readChain(entityId)
    const before = queries()
    const ours = await appendAudit(input({ entityId }), { at: AT })
    expect(queries()).toBe(before)
    expect(ours).toMatchObject({ seq: '0000000003', prevHash: theirs.hash })
  })

  it('however this process’s appends interleave with other writers, the chain stays whole and no entry is lost', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.boolean(), { minLength: 1, maxLength: 12 }), async (ownTurns) => {
        dynamo.reset()
        const table = fakeAuditTable()
        const entityId = newEntity()
        let written = 0
        for (const own of ownTurns) {
          if (own) await appendAudit(input({ entityId, action: 'OWN_WRITER' }), { at: AT })
          else table.other(entityId)
          written += 1
        }
        expect(verifyChain(table.chain(entityId))).toEqual({ valid: true, checked: written })
      }),
      { numRuns: 40 },
    )
  })
})

describe('the memory of audit heads', () => {
  const head = (entityId: string, seq: number) => ({
    entityId,
    seq: String(seq).padStart(10, '0'),
    hash: String(seq).repeat(64).slice(0, 64),
  })

  it('forgets the least recently used chain when it is full', () => {
    const cache = createAuditHeadCache(2)
    cache.wrote('t', head('a', 1))
    cache.wrote('t', head('b', 1))
    expect(cache.get('t', 'a')?.seq).toBe('0000000001')
    cache.wrote('t', head('c', 1))
    expect(cache.size()).toBe(2)
    expect(cache.get('t', 'b')).toBeUndefined()
    expect(cache.get('t', 'a')).toBeDefined()
    expect(cache.get('t', 'c')).toBeDefined()
  })

  it('keeps the later of two heads written out of order, but takes a fresh read as it is', () => {
    const cache = createAuditHeadCache()
    cache.wrote('t', head('a', 3))
    cache.wrote('t', head('a', 2))
    expect(cache.get('t', 'a')?.seq).toBe('0000000003')
    cache.read('t', head('a', 2))
    expect(cache.get('t', 'a')?.seq).toBe('0000000002')
  })

  it('does not take a head of one table for the same chain in another table', () => {
    const cache = createAuditHeadCache()
    cache.wrote('platform-1-audit', head('a', 5))
    expect(cache.get('platform-2-audit', 'a')).toBeUndefined()
  })
})
