/**
 * Keys of the platform's own items, not of the domain: the health probe, the local Step
 * Functions service and the local seed marker.
 */
import type { Key } from './key'
import { keyShapes } from './shapes'

const { sfnExecution } = keyShapes

/** Keys read (never written) by `GET /api/health` to prove each table answers. */
export const healthProbeKeys = {
  main: keyShapes.health.items.probe.key({}),
  audit: { entityId: 'HEALTH', seq: '0000000000' },
} as const

// ---------------------------------------------------------------------------------------
// Local Step Functions service (infra/local/stepfunctions): execution records, their
// history events, and the index of executions by status that `resume()` queries after a
// restart. Local only; the deployed system uses the real Step Functions.
// ---------------------------------------------------------------------------------------
export const sfnExecutionKey = (executionArn: string): Key =>
  sfnExecution.items.execution.key({ executionArn })
export const sfnHistoryEventPrefix = sfnExecution.items.event.sk.prefix()
export const sfnHistoryEventKey = (executionArn: string, eventId: number): Key =>
  sfnExecution.items.event.key({ executionArn, eventId })
export const sfnHistoryPartition = (executionArn: string): string =>
  sfnExecution.items.event.pk.format({ executionArn })
/** gsi1: every local execution under one partition, sorted by status then start. */
export const sfnExecutionsByStatusPartition = sfnExecution.indexes.byStatus.pk.format({})
export const sfnExecutionsByStatusPrefix = (status: string): string =>
  sfnExecution.indexes.byStatus.sk.prefix({ status })
export const sfnExecutionByStatusEntry = (status: string, startDateIso: string, executionArn: string) =>
  sfnExecution.indexes.byStatus.entry({ status, startDate: startDateIso, executionArn })
/** The checkpoint of an execution, written with its history events (issue 14 item 8). */
export const sfnCheckpointKey = (executionArn: string): Key =>
  sfnExecution.items.checkpoint.key({ executionArn })

// ---------------------------------------------------------------------------------------
// Local platform's seed (issue 20): one item naming the seed the tables already hold, so
// a warm `npm start` reads one item instead of re-running the seed.
// ---------------------------------------------------------------------------------------
export const localSeedMarkerKey = (): Key => ({ pk: 'LOCAL#SEED', sk: 'VERSION' })
