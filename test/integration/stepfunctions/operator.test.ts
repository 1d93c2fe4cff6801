/**
 * What an operator asks the local Step Functions service with the AWS CLI or SDK (issue
 * 17): list and describe the state machines, list executions by status page by page,
 * and redrive a failed execution from the state that failed, with that state's input.
 */
import {
  DescribeStateMachineCommand,
  ListExecutionsCommand,
  ListStateMachinesCommand,
  RedriveExecutionCommand,
  GetExecutionHistoryCommand,
} from '@aws-sdk/client-sfn'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { advanceClock } from '../../../functions/shared/clock'
import { createHarness, fixtureText, type Harness, outputOf, STEPS_ARN, stateMachineArnOf } from './harness'

const DAY = 24 * 60 * 60
let h: Harness
/** The fault an operator fixes before redriving. */
let broken = true
const redriveCounts: unknown[] = []
beforeAll(async () => {
  h = await createHarness(['redrive', 'choice'], {
    prepare: async ({ caseId }) => ({ prepared: `for-${String(caseId)}` }),
    flaky: async ({ caseId, prepared, redriveCount }) => {
      redriveCounts.push(redriveCount)
      if (broken && caseId !== 'ok')
        throw Object.assign(new Error('table unreachable'), { name: 'Unreachable' })
      return { caseId, prepared, done: true }
    },
  })
})
afterAll(() => h?.close())

it('lists the registered state machines and describes one with its definition', async () => {
  const { stateMachines = [] } = await h.sfn.send(new ListStateMachinesCommand({}))
  expect(stateMachines.map((machine) => machine.name)).toEqual(['choice', 'redrive'])
  expect(stateMachines[1]).toMatchObject({ stateMachineArn: stateMachineArnOf('redrive'), type: 'STANDARD' })

  const firstPage = await h.sfn.send(new ListStateMachinesCommand({ maxResults: 1 }))
  expect(firstPage.stateMachines?.map((machine) => machine.name)).toEqual(['choice'])
  const secondPage = await h.sfn.send(
    new ListStateMachinesCommand({ maxResults: 1, nextToken: firstPage.nextToken }),
  )
  expect(secondPage.stateMachines?.map((machine) => machine.name)).toEqual(['redrive'])
  expect(secondPage.nextToken).toBeUndefined()

  const described = await h.sfn.send(
    new DescribeStateMachineCommand({ stateMachineArn: stateMachineArnOf('redrive') }),
  )
  expect(described).toMatchObject({ name: 'redrive', status: 'ACTIVE', type: 'STANDARD' })
  // The definition as deployed: the steps Lambda substituted in.
  expect(JSON.parse(described.definition ?? '{}')).toEqual(
    JSON.parse(fixtureText('redrive').replaceAll('${StepsFunctionArn}', STEPS_ARN)),
  )
  await expect(
    h.sfn.send(new DescribeStateMachineCommand({ stateMachineArn: stateMachineArnOf('missing') })),
  ).rejects.toMatchObject({ name: 'StateMachineDoesNotExist' })
})

it('lists executions by status, newest first, one page at a time', async () => {
  const failedA = await h.start('redrive', { caseId: 'A' }, 'list-A')
  const succeeded = await h.start('redrive', { caseId: 'ok' }, 'list-ok')
  const failedB = await h.start('redrive', { caseId: 'B' }, 'list-B')
  await h.waitForStatus(failedB, 'FAILED')
  const machine = stateMachineArnOf('redrive')

  const failed = await h.sfn.send(
    new ListExecutionsCommand({ stateMachineArn: machine, statusFilter: 'FAILED' }),
  )
  expect(failed.executions?.map((execution) => execution.executionArn)).toEqual([failedB, failedA])
  const done = await h.sfn.send(
    new ListExecutionsCommand({ stateMachineArn: machine, statusFilter: 'SUCCEEDED' }),
  )
  expect(done.executions?.map((execution) => execution.name)).toEqual(['list-ok'])
  expect(done.executions?.[0]?.executionArn).toBe(succeeded)

  const page1 = await h.sfn.send(
    new ListExecutionsCommand({ stateMachineArn: machine, statusFilter: 'FAILED', maxResults: 1 }),
  )
  expect(page1.executions?.map((execution) => execution.name)).toEqual(['list-B'])
  expect(page1.nextToken).toBeDefined()
  const page2 = await h.sfn.send(
    new ListExecutionsCommand({
      stateMachineArn: machine,
      statusFilter: 'FAILED',
      maxResults: 1,
      nextToken: page1.nextToken,
    }),
  )
  expect(page2.executions?.map((execution) => execution.name)).toEqual(['list-A'])

  // Another machine's executions are not listed with this one's.
  const other = await h.sfn.send(new ListExecutionsCommand({ stateMachineArn: stateMachineArnOf('choice') }))
  expect(other.executions).toEqual([])
})

it('redrives a failed execution from the failed state with its saved input, once the fault is fixed', async () => {
  broken = true
  redriveCounts.length = 0
  const arn = await h.start('redrive', { caseId: 'R' }, 'redrive-R')
  const failed = await h.waitForStatus(arn, 'FAILED')
  expect(failed).toMatchObject({ error: 'Unreachable', redriveCount: 0, redriveStatus: 'REDRIVABLE' })
  const preparedBefore = h.calls.get('prepare')

  broken = false
  const { redriveDate } = await h.sfn.send(new RedriveExecutionCommand({ executionArn: arn }))
  expect(redriveDate).toBeInstanceOf(Date)
  const redriven = await h.waitForStatus(arn, 'SUCCEEDED')
  expect(outputOf(redriven)).toEqual({ caseId: 'R', prepared: 'for-R', done: true })
  expect(redriven).toMatchObject({ redriveCount: 1, redriveStatus: 'NOT_REDRIVABLE' })
  expect(redriven.error).toBeUndefined()
  // The state before the failed one ran once; the failed one saw the redrive count.
  expect(h.calls.get('prepare')).toBe(preparedBefore)
  expect(redriveCounts).toEqual([0, 1])

  const { events = [] } = await h.sfn.send(
    new GetExecutionHistoryCommand({ executionArn: arn, maxResults: 1000 }),
  )
  const types = events.map((event) => event.type)
  expect(types.filter((type) => type === 'ExecutionFailed')).toHaveLength(1)
  expect(types.filter((type) => type === 'ExecutionRedriven')).toHaveLength(1)
  expect(types.at(-1)).toBe('ExecutionSucceeded')
  expect(events.map((event) => event.id)).toEqual(events.map((_, index) => index + 1))

  await expect(h.sfn.send(new RedriveExecutionCommand({ executionArn: arn }))).rejects.toMatchObject({
    name: 'ExecutionNotRedrivable',
  })
})

// Last in the file: it moves the project clock 15 days on.
it('refuses, as AWS does, to redrive an execution that closed more than 14 days ago', async () => {
  broken = true
  const arn = await h.start('redrive', { caseId: 'late' }, 'redrive-late')
  await h.waitForStatus(arn, 'FAILED')
  broken = false
  await advanceClock(13 * DAY)
  expect(await h.describe(arn)).toMatchObject({ redriveStatus: 'REDRIVABLE' })
  await advanceClock(2 * DAY)
  expect(await h.describe(arn)).toMatchObject({
    status: 'FAILED',
    redriveStatus: 'NOT_REDRIVABLE',
    redriveStatusReason: expect.stringContaining('14 days'),
  })
  await expect(h.sfn.send(new RedriveExecutionCommand({ executionArn: arn }))).rejects.toMatchObject({
    name: 'ExecutionNotRedrivable',
  })
  expect((await h.describe(arn)).status).toBe('FAILED')
})
