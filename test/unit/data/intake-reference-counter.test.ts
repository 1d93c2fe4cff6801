import { DynamoDBDocumentClient, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb'
import { mockClient } from 'aws-sdk-client-mock'
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import type { CaseRecord } from '../../../functions/core/case/case-record'
import { DataBusyError } from '../../../functions/data/data-errors'
import { writeIntake } from '../../../functions/data/intake-repository'
import { auditEntityId, type Key, referenceCounterKey } from '../../../functions/data/keys'

const dynamo = mockClient(DynamoDBDocumentClient)
// The worker's later files use the real client (unit files share modules, vitest.config.ts).
afterAll(() => dynamo.restore())

let table = 0
beforeAll(() => vi.stubEnv('AUDIT_TABLE_NAME', 'audit-counter-unit'))
afterAll(() => vi.unstubAllEnvs())
beforeEach(() => {
  dynamo.reset()
  // A table of its own per test: what this process knows of a counter is kept per table.
  table += 1
  vi.stubEnv('MAIN_TABLE_NAME', `main-counter-unit-${table}`)
})

const KECAMATAN = '32.01.14'
let ids = 0
const intake = (service = 'SKTM') => {
  ids += 1
  const at = '2026-12-07T05:00:00.000Z'
  const record = {
    caseId: `C${ids}`,
    status: 'IDENTIFICATION',
    kecamatan: KECAMATAN,
    kabupaten: '32.01',
    applicant: { name: 'Siti Aminah', villageCode: '32.01.14.2001', address: 'Kp. Cibeber' },
    nikRef: `nik-${ids}`,
    category: 'FAKIR_MISKIN',
    service,
    consentVersion: 'v1',
    createdAt: at,
    updatedAt: at,
    history: [{ status: 'IDENTIFICATION', at }],
  } as Omit<CaseRecord, 'reference'>
  return writeIntake(
    { record, year: 2026, actor: { id: 'resident', role: 'resident' }, correlationId: `corr-${ids}` },
    Date.parse(at),
  )
}

type Items = NonNullable<TransactWriteCommand['input']['TransactItems']>
const sent = (): Items[] =>
  dynamo.commandCalls(TransactWriteCommand).map((call) => call.args[0].input.TransactItems ?? [])
const counterOf = (items: Items) => items.find((item) => item.Update)?.Update
const referenceOf = (result: Awaited<ReturnType<typeof intake>>) =>
  'created' in result ? result.created.reference : undefined

/** A cancellation as DynamoDB reports it: the counter's reason carries its current item (ALL_OLD). */
const counterMoved = (items: Items, current?: number, { referenceTaken = false } = {}) =>
  Object.assign(new Error('cancelled'), {
    name: 'TransactionCanceledException',
    CancellationReasons: items.map((item, index) =>
      index === 1 && referenceTaken
        ? { Code: 'ConditionalCheckFailed' }
        : item.Update
          ? {
              Code: 'ConditionalCheckFailed',
              ...(current === undefined
                ? {}
                : { Item: { ...wire(referenceCounterKey(KECAMATAN, 2026)), value: { N: String(current) } } }),
            }
          : { Code: 'None' },
    ),
  })
/** A cancellation by the reference item alone (the second item): the number is taken, the counter held. */
const referenceTaken = (items: Items) =>
  Object.assign(new Error('cancelled'), {
    name: 'TransactionCanceledException',
    CancellationReasons: items.map((_item, index) => ({
      Code: index === 1 ? 'ConditionalCheckFailed' : 'None',
    })),
  })
const wire = (key: Key) =>
  Object.fromEntries(Object.entries(key).map(([name, value]) => [name, { S: value }]))

describe('the reference counter taken inside the intake transaction', () => {
  it('guesses "no counter yet" in a fresh process, learns the counter from the cancellation and takes the next number, then builds on it without a failed guess', async () => {
    dynamo
      .on(TransactWriteCommand)
      .callsFakeOnce((input: TransactWriteCommand['input']) => {
        throw counterMoved(input.TransactItems ?? [], 41)
      })
      .resolves({})

    expect(referenceOf(await intake())).toMatch(/-000042$/)
    expect(referenceOf(await intake())).toMatch(/-000043$/)

    const [guess, retry, next] = sent().map(counterOf)
    expect(guess).toMatchObject({
      Key: referenceCounterKey(KECAMATAN, 2026),
      ConditionExpression: 'attribute_not_exists(#value)',
      ExpressionAttributeValues: { ':serial': 1 },
      ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
    })
    expect(retry).toMatchObject({
      ConditionExpression: '#value = :known',
      ExpressionAttributeValues: { ':known': 41, ':serial': 42 },
    })
    expect(next).toMatchObject({ ExpressionAttributeValues: { ':known': 42, ':serial': 43 } })
    expect(sent()).toHaveLength(3)
  })

  it('takes the number after the one another writer took, when both the counter and that reference refused the guess', async () => {
    dynamo
      .on(TransactWriteCommand)
      .resolvesOnce({})
      .callsFakeOnce((input: TransactWriteCommand['input']) => {
        throw counterMoved(input.TransactItems ?? [], 2, { referenceTaken: true })
      })
      .resolves({})
    expect(referenceOf(await intake())).toMatch(/-000001$/)
    expect(referenceOf(await intake())).toMatch(/-000003$/)
    expect(sent().map((items) => counterOf(items)?.ExpressionAttributeValues?.[':serial'])).toEqual([1, 2, 3])
  })

  it('keeps the counter, the case, its reference and its audit entry in one transaction', async () => {
    dynamo.on(TransactWriteCommand).resolves({})
    const result = await intake()
    const [items] = sent()
    const reference = referenceOf(result) ?? ''
    expect(items?.map((item) => Object.keys(item)[0])).toEqual(['Put', 'Put', 'Update', 'Put', 'Put'])
    expect(items?.[1]?.Put).toMatchObject({
      Item: { pk: `REF#${reference}` },
      ConditionExpression: 'attribute_not_exists(pk)',
    })
    expect(items?.[4]?.Put?.Item).toMatchObject({
      entityId: auditEntityId.case('created' in result ? result.created.caseId : ''),
    })
  })

  it('guesses "no counter" again when the counter it knew is gone, and retries after another writer’s transaction on the counter', async () => {
    dynamo
      .on(TransactWriteCommand)
      .resolvesOnce({})
      .callsFakeOnce((input: TransactWriteCommand['input']) => {
        throw counterMoved(input.TransactItems ?? [])
      })
      .callsFakeOnce((input: TransactWriteCommand['input']) => {
        throw Object.assign(new Error('conflict'), {
          name: 'TransactionCanceledException',
          CancellationReasons: (input.TransactItems ?? []).map((item) => ({
            Code: item.Update ? 'TransactionConflict' : 'None',
          })),
        })
      })
      .resolves({})

    expect(referenceOf(await intake())).toMatch(/-000001$/)
    expect(referenceOf(await intake())).toMatch(/-000001$/)
    expect(
      sent()
        .slice(1)
        .map((items) => counterOf(items)?.ConditionExpression),
    ).toEqual(['#value = :known', 'attribute_not_exists(#value)', 'attribute_not_exists(#value)'])
  })

  it('sends concurrent intakes of one counter one after the other, so each builds on the last and none is cancelled', async () => {
    let inFlight = 0
    let most = 0
    dynamo.on(TransactWriteCommand).callsFake(async () => {
      inFlight += 1
      most = Math.max(most, inFlight)
      await new Promise((resolve) => setTimeout(resolve, 5))
      inFlight -= 1
      return {}
    })
    const references = await Promise.all(
      Array.from({ length: 5 }, () => intake()).map(async (r) => referenceOf(await r)),
    )
    expect(references.map((reference) => reference?.slice(-6))).toEqual([
      '000001',
      '000002',
      '000003',
      '000004',
      '000005',
    ])
    expect(most).toBe(1)
    expect(sent()).toHaveLength(5)
  })

  it('skips a number whose reference is taken already (a counter restored from a backup) and never reuses it', async () => {
    dynamo
      .on(TransactWriteCommand)
      .callsFakeOnce((input: TransactWriteCommand['input']) => {
        throw referenceTaken(input.TransactItems ?? [])
      })
      .resolves({})
    expect(referenceOf(await intake())).toMatch(/-000002$/)
    expect(sent().map((items) => counterOf(items)?.ExpressionAttributeValues?.[':serial'])).toEqual([1, 2])
  })

  it('stores the counter past the taken numbers of a restored counter, so the requests after one that ran out of attempts get through', async () => {
    // The store: the counter restored to 0 while the references 1–12 exist.
    let counter = 0
    const holds = (update: {
      ConditionExpression?: string
      ExpressionAttributeValues?: Record<string, unknown>
    }) =>
      update.ConditionExpression === 'attribute_not_exists(#value)'
        ? counter === 0
        : update.ExpressionAttributeValues?.[':known'] === counter
    dynamo
      .on(TransactWriteCommand)
      .callsFake((input: TransactWriteCommand['input']) => {
        const items = input.TransactItems ?? []
        const update = counterOf(items)
        const serial = Number(update?.ExpressionAttributeValues?.[':serial'])
        if (update && !holds(update)) throw counterMoved(items, counter)
        if (serial <= 12) throw referenceTaken(items)
        counter = serial
        return {}
      })
      .on(UpdateCommand)
      .callsFake((input: UpdateCommand['input']) => {
        if (!holds(input))
          throw Object.assign(new Error('refused'), { name: 'ConditionalCheckFailedException' })
        counter = Number(input.ExpressionAttributeValues?.[':serial'])
        return {}
      })
    // Ten attempts meet ten taken numbers: the first request is busy, but the counter moved.
    await expect(intake()).rejects.toBeInstanceOf(DataBusyError)
    expect(counter).toBe(10)
    expect(referenceOf(await intake())).toMatch(/-000013$/)
    expect(counter).toBe(13)
  })
})
