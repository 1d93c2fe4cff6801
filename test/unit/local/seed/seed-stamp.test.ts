/**
 * The seed stamp read beside a warm start's table checks (ADR 0041, addendum 3): a table
 * that is not there yet means no stamp (a first start seeds), any other failure fails the
 * start as the later read did, instead of reseeding without a word.
 */
import { ResourceNotFoundException, ThrottlingException } from '@aws-sdk/client-dynamodb'
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb'
import { mockClient } from 'aws-sdk-client-mock'
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { resetClients } from '../../../../functions/shared/clients'
import { readSeedStampEarly } from '../../../../infra/local/seed/seed'

const dynamo = mockClient(DynamoDBDocumentClient)
// The worker's later files use the real client (unit files share modules, vitest.config.ts).
afterAll(() => dynamo.restore())
beforeAll(() => vi.stubEnv('MAIN_TABLE_NAME', 'main-unit'))
afterAll(() => vi.unstubAllEnvs())
beforeEach(() => {
  dynamo.reset()
  resetClients()
})

describe('the seed stamp read beside the table checks', () => {
  it('is the stored version when the table holds one', async () => {
    dynamo.on(GetCommand).resolves({ Item: { pk: 'LOCAL', sk: 'VERSION', version: 'abc' } })
    await expect(readSeedStampEarly()).resolves.toBe('abc')
  })

  it('is no stamp when the table is not there yet (a first start)', async () => {
    dynamo.on(GetCommand).rejects(new ResourceNotFoundException({ message: 'no table', $metadata: {} }))
    await expect(readSeedStampEarly()).resolves.toBeUndefined()
  })

  it('fails with any other error rather than counting as no stamp', async () => {
    dynamo.on(GetCommand).rejects(new ThrottlingException({ message: 'slow down', $metadata: {} }))
    await expect(readSeedStampEarly()).rejects.toMatchObject({ name: 'ThrottlingException' })
  })

  it('is marked handled: a start that fails first leaves no unhandled rejection behind', async () => {
    const unhandled: unknown[] = []
    const record = (reason: unknown) => unhandled.push(reason)
    process.on('unhandledRejection', record)
    try {
      dynamo.on(GetCommand).rejects(new ThrottlingException({ message: 'slow down', $metadata: {} }))
      readSeedStampEarly()
      await new Promise((resolve) => setTimeout(resolve, 50))
      expect(unhandled).toEqual([])
    } finally {
      process.off('unhandledRejection', record)
    }
  })
})
