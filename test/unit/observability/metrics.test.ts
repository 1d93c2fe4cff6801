/**
 * The business counts reach CloudWatch as embedded-metric lines on standard output
 * (issue 17): the names, namespace and dimensions the alarms and the dashboard read.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb'
import { DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb'
import { mockClient } from 'aws-sdk-client-mock'
import { afterEach, beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest'
import { enforceRateLimit } from '../../../functions/flows/rate-limit/enforce-rate-limit'
import { countMetric } from '../../../functions/observability/metrics'
import { resetClients } from '../../../functions/shared/clients'
import { captureOutput, type OutputCapture } from '../../support/output-lines'

let stdout: OutputCapture

beforeEach(() => {
  vi.stubEnv('STAGE', 'aws')
  vi.stubEnv('MAIN_TABLE_NAME', 'main')
  stdout = captureOutput()
})
afterEach(() => {
  stdout.restore()
  vi.unstubAllEnvs()
})

describe('the business counts', () => {
  it('a closed case is one CasesClosed in the tksk-flow namespace, by service and outcome', () => {
    countMetric('CasesClosed', { dimensions: { outcome: 'FULFILLED' } })
    const [line, ...more] = stdout.metricLines()
    expect(more).toEqual([])
    expect(line).toMatchObject({
      CasesClosed: 1,
      service: 'tksk-flow',
      outcome: 'FULFILLED',
      _aws: {
        CloudWatchMetrics: [
          {
            Namespace: 'tksk-flow',
            Dimensions: [['service', 'outcome']],
            Metrics: [{ Name: 'CasesClosed', Unit: 'Count' }],
          },
        ],
      },
    })
  })

  it('a chunk counts its rows at once, stamped with when it happened', () => {
    const at = new Date(Date.now() - 3_600_000)
    countMetric('VervalRowsApplied', { value: 250, at })
    expect(stdout.metricLines()).toEqual([
      expect.objectContaining({
        VervalRowsApplied: 250,
        _aws: expect.objectContaining({ Timestamp: at.getTime() }),
      }),
    ])
  })

  it('writes nothing for a count of zero, nor on the local platform, which has no CloudWatch', () => {
    countMetric('VervalRowsInvalid', { value: 0 })
    vi.stubEnv('STAGE', 'local')
    countMetric('CasesFiled')
    expect(stdout.metricLines()).toEqual([])
  })

  it('a request refused by the rate limit is counted as RateLimited, one allowed is not', async () => {
    const dynamo = mockClient(DynamoDBDocumentClient)
    onTestFinished(() => dynamo.restore())
    resetClients()
    dynamo
      .on(UpdateCommand)
      .resolvesOnce({})
      .rejects(new ConditionalCheckFailedException({ message: 'limit', $metadata: {} }))
    await enforceRateLimit('staff', 'u-1', 60)
    expect(stdout.metricLines()).toEqual([])
    await expect(enforceRateLimit('staff', 'u-1', 60)).rejects.toMatchObject({ code: 'RATE_LIMITED' })
    expect(stdout.metricLines().map((line) => line.RateLimited)).toEqual([1])
  })
})
