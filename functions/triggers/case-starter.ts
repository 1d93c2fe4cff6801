/**
 * The case starter (ADR 0050): starts a new case's workflow from the case item's INSERT on
 * the main table's stream, so the intake answers without calling Step Functions (issue 20
 * point 3). On AWS a DynamoDB Streams event source mapping invokes it with partial batch
 * responses; locally the same handler is fed from DynamoDB Local's stream
 * (infra/local/streams/local-stream-consumer.ts). The start is the start-once policy's
 * (`startIntakeWorkflow`): the execution is named by the caseId, so a record delivered twice
 * is the same execution. A start that fails is reported with every record after it, so the
 * stream retries it in order; a start lost for good (the dead letter) is made by the case's
 * next read, which starts any case its first step has not marked.
 */
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda'
import { type CaseKind, CASE_KINDS } from '../core/case/case-kind'
import { INTAKE_CORRELATION_ATTRIBUTE } from '../data/case-repository'
import { caseKeyPrefix, caseSortKey } from '../data/keys'
import { startIntakeWorkflow } from '../flows/case/workflow-control'
import { countMetric } from '../observability/metrics'
import { logger } from '../shared/logger'
import type { StreamConsumerSettings } from './stream-settings'

/** A new case is filed in this status (flows/case/file-case.ts); an item first written in another status is not a filing. */
export const FILED_STATUS = 'IDENTIFICATION'

export interface NewCase {
  caseId: string
  kind?: CaseKind
  /** The intake request's, so the workflow's log lines carry it (ADR 0024). */
  correlationId?: string
}

const kindOf = (value: string | undefined): CaseKind | undefined => CASE_KINDS.find((kind) => kind === value)

/**
 * The case a record files: the INSERT of a case item in its first status. The event source
 * mapping (on AWS and locally) filters with the same rule (`caseStarterStream.filter`, kept
 * equal to this by test/unit/triggers/stream-consumers.test.ts), so this check only matters
 * for a hand-made event.
 */
export const newCaseOf = (record: DynamoDBRecord): NewCase | undefined => {
  if (record.eventName !== 'INSERT') return undefined
  const image = record.dynamodb?.NewImage
  const pk = image?.pk?.S
  if (!pk?.startsWith(caseKeyPrefix) || image?.sk?.S !== caseSortKey) return undefined
  if (image?.status?.S !== FILED_STATUS) return undefined
  const kind = kindOf(image.kind?.S)
  const correlationId = image[INTAKE_CORRELATION_ATTRIBUTE]?.S
  return {
    caseId: pk.slice(caseKeyPrefix.length),
    ...(kind ? { kind } : {}),
    ...(correlationId ? { correlationId } : {}),
  }
}

/**
 * The case starter's event source mapping, on AWS and locally: batches of ten, as the
 * mailer's. Retries: a Step Functions outage or throttling lasts minutes; an hour of retries
 * outlasts it while the shard's later cases wait behind the failing one. Then the batch goes
 * to the dead letter, and each of its cases is started by its next read (the start-once
 * policy). The filter is the rule of `newCaseOf` in Lambda event filtering syntax.
 */
export const caseStarterStream = {
  batchSize: 10,
  retries: { attempts: 100, maxRecordAgeHours: 1 },
  filter: {
    eventName: ['INSERT'],
    dynamodb: {
      NewImage: {
        pk: { S: [{ prefix: caseKeyPrefix }] },
        sk: { S: [caseSortKey] },
        status: { S: [FILED_STATUS] },
      },
    },
  },
} satisfies StreamConsumerSettings

export const handler = async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
  for (const [index, record] of event.Records.entries()) {
    const filed = newCaseOf(record)
    if (!filed) continue
    // No correlation id on the item (a case written before ADR 0050): one that names this start.
    const correlationId = filed.correlationId ?? `case-starter:${record.eventID ?? filed.caseId}`
    const outcome = await startIntakeWorkflow(filed, correlationId)
    if (outcome === 'started') continue
    // Refused for good (a missing grant or state machine): retrying would hold every later
    // case of the shard for nothing. Counted (it alarms) and left to the case's next read.
    if (outcome === 'refused') {
      countMetric('WorkflowStartsRefused')
      continue
    }
    // Step Functions could not be reached or throttled (logged by the policy): the stream retries.
    logger.warn('case workflow not started; the stream retries it', { caseId: filed.caseId })
    return {
      batchItemFailures: event.Records.slice(index).map((failed) => ({
        itemIdentifier: failed.dynamodb?.SequenceNumber ?? '',
      })),
    }
  }
  return { batchItemFailures: [] }
}
