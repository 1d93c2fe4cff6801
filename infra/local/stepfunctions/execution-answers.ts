/**
 * An execution and its history events as DescribeExecution, ListExecutions and
 * GetExecutionHistory answer them.
 */
import { nowMs } from '../../../functions/shared/clock'
import { epochSeconds } from './api-fields'
import type { ExecutionRecord, HistoryEvent } from './journal-types'
import { redriveRefusal } from './redrive-rules'

/** How often and when last the execution was redriven (AWS's redriveCount, redriveDate). */
const redriveHistory = (record: ExecutionRecord) => ({
  redriveCount: record.redriveCount ?? 0,
  ...(record.redriveDateMs === undefined ? {} : { redriveDate: epochSeconds(record.redriveDateMs) }),
})

const redriveFields = (record: ExecutionRecord) => {
  const refusal = redriveRefusal(record, nowMs())
  return {
    ...redriveHistory(record),
    redriveStatus: refusal ? 'NOT_REDRIVABLE' : 'REDRIVABLE',
    ...(refusal ? { redriveStatusReason: refusal } : {}),
  }
}

export const describedExecution = (record: ExecutionRecord) => ({
  ...redriveFields(record),
  executionArn: record.executionArn,
  stateMachineArn: record.stateMachineArn,
  name: record.name,
  status: record.status,
  startDate: epochSeconds(record.startDateMs),
  input: record.input,
  inputDetails: { included: true },
  ...(record.stopDateMs === undefined ? {} : { stopDate: epochSeconds(record.stopDateMs) }),
  ...(record.output === undefined ? {} : { output: record.output, outputDetails: { included: true } }),
  ...(record.error === undefined ? {} : { error: record.error }),
  ...(record.cause === undefined ? {} : { cause: record.cause }),
})

export const listedExecution = (record: ExecutionRecord) => ({
  executionArn: record.executionArn,
  stateMachineArn: record.stateMachineArn,
  name: record.name,
  status: record.status,
  startDate: epochSeconds(record.startDateMs),
  ...(record.stopDateMs === undefined ? {} : { stopDate: epochSeconds(record.stopDateMs) }),
  ...redriveHistory(record),
})

export const answeredHistoryEvent = ({
  id,
  previousEventId,
  timestampMs,
  type,
  detailsKey,
  details,
}: HistoryEvent) => ({
  id,
  previousEventId,
  timestamp: epochSeconds(timestampMs),
  type,
  ...(detailsKey && details ? { [detailsKey]: details } : {}),
})
