/**
 * A workflow whose first step marks its start (the case's Identify) has its start
 * answered before the execution is journaled (ADR 0042, fourth pass). The execution is
 * still there for every later call, it runs once, and a start lost before its journal
 * (the process ended first) leaves nothing, so the start-once policy's next start runs it.
 */
import { StartExecutionCommand, StopExecutionCommand } from '@aws-sdk/client-sfn'
import { TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { createHarness, type Harness, stateMachineArnOf } from './harness'

/** Transactions (the start's journal) held back while `holding`, until released or refused. */
const held: { release(): void; refuse(error: Error): void }[] = []
let holding = false
/** While set, the next transaction lands in the store but its answer is lost (the caller sees an error). */
let loseNextAnswer = false
const holdTransactions = (dynamo: DynamoDBDocumentClient): DynamoDBDocumentClient => {
  const send = (command: unknown): Promise<unknown> => {
    const sendNow = () => (dynamo.send as (c: unknown) => Promise<unknown>)(command)
    if (loseNextAnswer && command instanceof TransactWriteCommand) {
      loseNextAnswer = false
      return sendNow().then(() => Promise.reject(new Error('socket hang up after the write landed')))
    }
    if (!holding || !(command instanceof TransactWriteCommand)) return sendNow()
    return new Promise((resolve, reject) =>
      held.push({ release: () => void sendNow().then(resolve, reject), refuse: reject }),
    )
  }
  return new Proxy(dynamo, {
    get: (target, property, receiver) =>
      property === 'send' ? send : Reflect.get(target, property, receiver),
  })
}

let h: Harness
beforeAll(async () => {
  h = await createHarness(
    ['task-token'],
    { ask: async () => ({}) },
    {
      answersBeforeJournal: true,
      store: holdTransactions,
    },
  )
})
afterAll(() => h?.close())

const start = (name: string, input: unknown) =>
  h.sfn.send(
    new StartExecutionCommand({
      stateMachineArn: stateMachineArnOf('task-token'),
      name,
      input: JSON.stringify(input),
    }),
  )

it('answers the start while its journal is still held, then finds, runs and refuses to restart it like AWS', async () => {
  holding = true
  const first = await start('case-J-1', { caseId: 'J-1' })
  holding = false
  // The answer came while the record's write was held back: the journal follows the answer.
  expect(held).toHaveLength(1)
  const describing = h.describe(String(first.executionArn))
  held.splice(0).forEach((write) => write.release())
  expect((await describing).status).toBe('RUNNING')

  await h.service.idle()
  expect(h.calls.get('ask')).toBe(1)
  const again = await start('case-J-1', { caseId: 'J-1' })
  expect(again.executionArn).toBe(first.executionArn)
  expect(again.startDate?.getTime()).toBe(first.startDate?.getTime())
  await expect(start('case-J-1', { caseId: 'J-2' })).rejects.toMatchObject({ name: 'ExecutionAlreadyExists' })
  await h.service.idle()
  expect(h.calls.get('ask')).toBe(1)
  await h.sfn.send(new StopExecutionCommand({ executionArn: first.executionArn }))
  expect((await h.describe(String(first.executionArn))).status).toBe('ABORTED')
})

it('leaves no execution when the process ends before the start is journaled, and the next start runs it once', async () => {
  const asked = h.calls.get('ask') ?? 0
  holding = true
  const lost = await start('case-J-3', { caseId: 'J-3' })
  holding = false
  // The process ends here: its held write never reaches the store. A new process takes over the table.
  const ended = h.service
  const restarted = h.restart()
  await restarted.resume()
  await expect(h.describe(String(lost.executionArn))).rejects.toMatchObject({ name: 'ExecutionDoesNotExist' })

  const retried = await start('case-J-3', { caseId: 'J-3' })
  expect(retried.executionArn).toBe(lost.executionArn)
  await restarted.idle()
  expect((await h.describe(String(retried.executionArn))).status).toBe('RUNNING')
  expect(h.calls.get('ask')).toBe(asked + 1)

  // The ended process's write is refused; its retry finds the record and runs nothing more.
  held.splice(0).forEach((write) => write.refuse(new Error('process ended')))
  await ended.stop()
  expect(h.calls.get('ask')).toBe(asked + 1)
})

it('runs a start once whose journal write landed but whose answer was lost', async () => {
  const asked = h.calls.get('ask') ?? 0
  loseNextAnswer = true
  const started = await start('case-J-4', { caseId: 'J-4' })
  // The retry of the journal write finds the record already there: it is this start's own.
  await h.service.idle()
  expect(loseNextAnswer).toBe(false)
  expect((await h.describe(String(started.executionArn))).status).toBe('RUNNING')
  expect(h.calls.get('ask')).toBe(asked + 1)
})
