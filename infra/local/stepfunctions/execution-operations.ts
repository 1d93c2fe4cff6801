/**
 * The API operations on executions: StartExecution, StopExecution, RedriveExecution,
 * DescribeExecution, GetExecutionHistory and ListExecutions. They read and answer the
 * request; execution-runs.ts runs the executions and checkpoint-store.ts keeps them.
 */
import { randomUUID } from 'node:crypto'
import { nowMs } from '../../../functions/shared/clock'
import { SfnApiError } from './api-error'
import {
  type Body,
  epochSeconds,
  type Operations,
  optionalString,
  parseJson,
  requiredString,
} from './api-fields'
import {
  historyPageSize,
  historyPageStart,
  historyPageToken,
  listPageSize,
  listPageStart,
  listPageToken,
} from './api-pages'
import { type ArnScope, assertValidName, executionArn } from './arns'
import type { CheckpointStore } from './checkpoint-store'
import { answeredHistoryEvent, describedExecution, listedExecution } from './execution-answers'
import type { ExecutionRuns } from './execution-runs'
import { executionStartedEntry } from './history-events'
import type { ExecutionRecord, HistoryEvent } from './journal-types'
import type { MachineRegistry } from './machine-registry'
import { REDRIVABLE, redriveRefusal } from './redrive-rules'

const EXECUTION_STATUSES: ReadonlySet<string> = new Set(['RUNNING', ...REDRIVABLE, 'SUCCEEDED'])

export interface ExecutionOperationsDeps {
  machines: MachineRegistry
  runs: ExecutionRuns
  store: CheckpointStore
  scope: ArnScope
  roleArn: string
}

export const executionOperations = ({
  machines,
  runs,
  store,
  scope,
  roleArn,
}: ExecutionOperationsDeps): Operations => {
  const startExecution = async (body: Body) => {
    const machine = machines.machineOf(requiredString(body, 'stateMachineArn'))
    const name = optionalString(body, 'name') ?? randomUUID()
    assertValidName(name)
    const input = optionalString(body, 'input') ?? '{}'
    const parsedInput = parseJson(input, 'InvalidExecutionInput')
    const startDateMs = nowMs()
    const record: ExecutionRecord = {
      executionArn: executionArn(scope, machine.name, name),
      stateMachineArn: machine.arn,
      name,
      input,
      status: 'RUNNING',
      startDateMs,
    }
    const firstEvent: HistoryEvent = {
      ...executionStartedEntry(input, roleArn),
      id: 1,
      previousEventId: 0,
      timestampMs: startDateMs,
    }
    const started = await runs.start(machine, record, firstEvent, { input: parsedInput, nextEventId: 2 })
    return { executionArn: started.executionArn, startDate: epochSeconds(started.startDateMs) }
  }

  const stopExecution = async (body: Body) => {
    const arn = requiredString(body, 'executionArn')
    const record = await runs.recordOf(arn)
    await runs.abort(record, {
      status: 'ABORTED',
      error: optionalString(body, 'error'),
      cause: optionalString(body, 'cause'),
    })
    const closed = await runs.recordOf(arn)
    return { stopDate: epochSeconds(closed.stopDateMs ?? nowMs()) }
  }

  const getExecutionHistory = async (body: Body) => {
    const arn = requiredString(body, 'executionArn')
    await runs.recordOf(arn)
    const { events, lastId } = await store.history(arn, {
      reverse: body.reverseOrder === true,
      limit: historyPageSize(body),
      afterId: historyPageStart(optionalString(body, 'nextToken')),
    })
    return {
      events: events.map(answeredHistoryEvent),
      ...(lastId === undefined ? {} : { nextToken: historyPageToken(lastId) }),
    }
  }

  /** AWS redrive: the same execution, from the state it failed in, with that state's saved input. */
  const redriveExecution = async (body: Body) => {
    const arn = requiredString(body, 'executionArn')
    const record = await runs.recordOf(arn)
    const machine = machines.machineOf(record.stateMachineArn)
    const redriveDateMs = nowMs()
    const refusal = runs.carries(arn)
      ? 'Execution is running and cannot be redriven'
      : redriveRefusal(record, redriveDateMs)
    if (refusal) throw new SfnApiError('ExecutionNotRedrivable', refusal)
    if (!(await store.reopen(record, redriveDateMs))) {
      throw new SfnApiError('ExecutionNotRedrivable', 'Execution changed meanwhile and cannot be redriven')
    }
    const redriveCount = (record.redriveCount ?? 0) + 1
    const id = (await store.lastEventId(arn)) + 1
    await store.appendEvents(arn, [
      {
        type: 'ExecutionRedriven',
        detailsKey: 'executionRedrivenEventDetails',
        details: { redriveCount },
        id,
        previousEventId: id - 1,
        timestampMs: redriveDateMs,
      },
    ])
    runs.run(
      machine,
      { ...record, status: 'RUNNING', redriveCount, redriveDateMs },
      { ...(await runs.startOf(record)), nextEventId: id + 1 },
    )
    return { redriveDate: epochSeconds(redriveDateMs) }
  }

  const listExecutions = async (body: Body) => {
    const stateMachineArn = requiredString(body, 'stateMachineArn')
    machines.machineOf(stateMachineArn)
    const status = optionalString(body, 'statusFilter')
    if (status !== undefined && !EXECUTION_STATUSES.has(status)) {
      throw new SfnApiError(
        'ValidationException',
        `Value '${status}' at 'statusFilter' is not a valid status`,
      )
    }
    await runs.journaled()
    const page = await store.list({
      stateMachineArn,
      ...(status === undefined ? {} : { status: status as ExecutionRecord['status'] }),
      limit: listPageSize(body),
      startKey: listPageStart(optionalString(body, 'nextToken')),
    })
    return {
      executions: page.records.map(listedExecution),
      ...(page.nextKey ? { nextToken: listPageToken(page.nextKey) } : {}),
    }
  }

  return {
    StartExecution: startExecution,
    StopExecution: stopExecution,
    RedriveExecution: redriveExecution,
    DescribeExecution: async (body) =>
      describedExecution(await runs.recordOf(requiredString(body, 'executionArn'))),
    GetExecutionHistory: getExecutionHistory,
    ListExecutions: listExecutions,
  }
}
