/**
 * What the case workflow's steps ask DynamoDB (issue 14 item 8, issue 20 point 3: DynamoDB
 * Local's cost is per request, and the previous intake's steps queue before the next intake
 * in it). The case is read once per step, together with what else the step reads; a change
 * of the case is its one transaction, answered without reading the case back. Each step is
 * called here directly on a case parked at its assessment, with every DynamoDB request of
 * the call recorded.
 */
import type { FinalizeRequestMiddleware, MetadataBearer } from '@smithy/types'
import { DynamoDBClient } from '@aws-sdk/client-dynamodb'
import { beforeAll, describe, expect, it } from 'vitest'
import type { CaseRecord } from '../../../functions/core/case/case-record'
import type { PendampinganEntry } from '../../../functions/core/case/pendampingan'
import { changeCase } from '../../../functions/data/case-change'
import { getCase } from '../../../functions/data/case-repository'
import { calendarYearKey, caseKey, taskKey } from '../../../functions/data/keys'
import { calendarYearsAt } from '../../../functions/flows/case/calendar'
import { closeCase } from '../../../functions/flows/case/close-case-change'
import { now, nowIso } from '../../../functions/shared/clock'
import { applyDecision } from '../../../functions/steps/case/apply-decision'
import { close } from '../../../functions/steps/case/close'
import { openTask } from '../../../functions/steps/case/open-task'
import { currentFunction } from '../../../infra/local/iam/function-context'
import { useTestPlatform } from '../../support/platform'
import { createDriver, EMAILS } from './case-driver'

interface StoreCall {
  command: string
  /** The key (`pk sk`) of every item the request names (none for a Query). */
  keys: string[]
}

const recorded: StoreCall[] = []

type Attributes = Record<string, { S?: string }>
const keysIn = (item: Attributes | undefined): string[] => (item?.pk?.S ? [`${item.pk.S} ${item.sk?.S}`] : [])
const keyText = (key: { pk: string; sk: string }) => `${key.pk} ${key.sk}`

/** The items a request names, from its wire input. */
const keysOf = (input: Record<string, unknown>): string[] => {
  const { Key, RequestItems, TransactItems } = input as {
    Key?: Attributes
    RequestItems?: Record<string, { Keys?: Attributes[] }>
    TransactItems?: Record<string, { Key?: Attributes; Item?: Attributes }>[]
  }
  return [
    ...keysIn(Key),
    ...Object.values(RequestItems ?? {}).flatMap((table) => (table.Keys ?? []).flatMap(keysIn)),
    ...(TransactItems ?? []).flatMap((item) =>
      Object.values(item).flatMap((operation) => keysIn(operation.Key ?? operation.Item)),
    ),
  ]
}

/** Records the DynamoDB requests made outside any function: this file's direct calls of the steps. */
const recordDirectCalls: FinalizeRequestMiddleware<object, MetadataBearer> = (next, context) => (args) => {
  if (currentFunction() === undefined)
    recorded.push({
      command: (context.commandName ?? '').replace(/Command$/, ''),
      keys: keysOf((args as { input?: Record<string, unknown> }).input ?? {}),
    })
  return next(args)
}

const platform = useTestPlatform({
  decorateClients: (client) => {
    if (client instanceof DynamoDBClient)
      client.middlewareStack.add(recordDirectCalls, { step: 'finalizeRequest', name: 'recordDirectCalls' })
  },
})
const driver = createDriver(platform.url)

/** The requests `work` makes. */
const callsOf = async <T>(work: () => Promise<T>): Promise<{ value: T; calls: StoreCall[] }> => {
  const from = recorded.length
  const value = await work()
  return { value, calls: recorded.slice(from) }
}

/** A set comes back in its own order. */
const comparable = (record: CaseRecord | undefined) =>
  record && { ...record, steps: [...(record.steps ?? [])].sort() }

let parked: CaseRecord
beforeAll(async () => {
  const { caseId, reference } = await driver.submitCase()
  await driver.mail(EMAILS.tksk, reference, 'Asesmen')
  const record = await getCase(caseId)
  if (!record?.currentTaskId) throw new Error('the case is not waiting on its assessment')
  parked = record
})

describe('the case workflow’s steps', () => {
  it('read the case and the task its wait ended on in one request', async () => {
    const { value, calls } = await callsOf(() =>
      applyDecision({ caseId: parked.caseId, round: 1, taskId: parked.currentTaskId }, 'ASSESSMENT'),
    )
    expect(value).toMatchObject({ next: 'AWAIT', taskId: parked.currentTaskId })
    expect(calls.map((c) => c.command)).toEqual(['BatchGetItem'])
  })

  it('read the case with the calendar for a task’s due dates in one request', async () => {
    // A replay of the opening: it finds the task the workflow opened.
    const { value, calls } = await callsOf(() => openTask({ caseId: parked.caseId, round: 1 }, 'ASSESSMENT'))
    expect(value).toMatchObject({ next: 'AWAIT', taskId: parked.currentTaskId })
    const caseReads = calls.filter(
      (c) => c.command !== 'TransactWriteItems' && c.keys.includes(keyText(caseKey(parked.caseId))),
    )
    expect(caseReads.map((c) => c.command)).toEqual(['BatchGetItem'])
    for (const year of calendarYearsAt(now())) {
      const pk = keyText(calendarYearKey(year))
      expect(caseReads[0]?.keys).toContain(pk)
      expect(calls.filter((c) => c.keys.includes(pk))).toHaveLength(1)
    }
  })

  it('change the case in one transaction and answer the case as a read then finds it', async () => {
    const at = nowIso()
    const entry = {
      id: 'p-1',
      date: at.slice(0, 10),
      notes: 'Kunjungan rumah',
      by: { id: 'tksk.leuwiliang', name: 'TKSK Leuwiliang' },
      recordedAt: at,
    } as unknown as PendampinganEntry
    const { value, calls } = await callsOf(() =>
      changeCase(
        parked,
        {
          from: ['ASSESSMENT'],
          stepKey: 'test:projection',
          status: 'ASSESSMENT',
          set: { description: 'Diubah oleh uji' },
          append: { pendampingan: [entry] },
          remove: ['currentTaskId'],
          audit: {
            action: 'TEST_CHANGED',
            actor: { id: 'tksk-flow', role: 'system' },
            correlationId: 'test-projection',
          },
        },
        at,
      ),
    )
    expect(value.applied).toBe(true)
    expect(calls.map((c) => c.command)).toEqual(['TransactWriteItems'])
    expect(comparable(value.record)).toEqual(comparable(await getCase(parked.caseId)))
    expect(value.record).toMatchObject({ description: 'Diubah oleh uji', pendampingan: [entry] })
    expect(value.record.currentTaskId).toBeUndefined()
  })

  // Last: it closes the parked case. Close answers the status and outcome from the record the
  // change returns (closingResultOf); a status change with set and remove must equal the stored case.
  it('answer a closing (status, outcome, closedAt, the task removed) as a read then finds it', async () => {
    const before = await getCase(parked.caseId)
    if (!before) throw new Error('the parked case is gone')
    const at = nowIso()
    const { value, calls } = await callsOf(() =>
      closeCase(before, {
        outcome: 'NOT_FULFILLED',
        reason: 'Ditutup oleh uji',
        at,
        audit: {
          action: 'CASE_CLOSED',
          actor: { id: 'tksk-flow', role: 'system' },
          after: { status: 'CLOSED', outcome: 'NOT_FULFILLED', reason: 'Ditutup oleh uji' },
          correlationId: 'test-closing',
        },
      }),
    )
    expect(value.applied).toBe(true)
    // Its side tasks are looked up first; the closing is one transaction, with no read after it.
    expect(calls.map((c) => c.command).slice(-1)).toEqual(['TransactWriteItems'])
    expect(calls.filter((c) => c.command === 'TransactWriteItems')).toHaveLength(1)
    const stored = await getCase(parked.caseId)
    expect(stored).toMatchObject({ status: 'CLOSED', outcome: 'NOT_FULFILLED', closedAt: at })
    expect(comparable(value.record)).toEqual(comparable(stored))
  })

  // After the closing: a replay of Close, which finds the case closed and writes nothing.
  it('read the case and the task whose decision gives the closing reason in one request (Close)', async () => {
    const taskId = parked.currentTaskId ?? ''
    const { value, calls } = await callsOf(() =>
      close({ caseId: parked.caseId, round: 1, close: { outcome: 'NOT_ELIGIBLE', reasonTaskId: taskId } }),
    )
    expect(value).toMatchObject({ next: 'DONE', close: { outcome: 'NOT_FULFILLED' } })
    expect(calls.map((c) => c.command)).toEqual(['BatchGetItem'])
    expect([...(calls[0]?.keys ?? [])].sort()).toEqual(
      [keyText(caseKey(parked.caseId)), keyText(taskKey(taskId))].sort(),
    )
  })
})
