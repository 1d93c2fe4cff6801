/**
 * A withdrawal races Identify (DESIGN §3.6, ADR 0020): staff read the case while it is
 * in IDENTIFICATION, Identify then hands it to its TKSK and sends the receipt; the
 * withdrawal's closing, built from the stale read, would send the receipt again and be
 * cancelled on the outbox item's condition. The closing reads the case again and closes it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { getCase } from '../../../functions/data/case-repository'
import { closeCase } from '../../../functions/flows/case/close-case-change'
import { startTestPlatform, type TestPlatform } from '../../support/platform'
import { createDriver, intakeBody } from './case-driver'

let platform: TestPlatform
const driver = createDriver(() => platform.url)

beforeAll(async () => {
  platform = await startTestPlatform()
})
afterAll(async () => {
  await platform?.dispose()
})

describe('a withdrawal read before Identify handed the case on', () => {
  it('still closes the case instead of failing on the receipt Identify already sent', async () => {
    const { caseId, reference } = await driver.submitCase(intakeBody({}, { email: 'siti@example.local' }))
    await driver.waitForStatus(reference, 'ASSESSMENT')
    const identified = await getCase(caseId)
    if (!identified) throw new Error('case not stored')
    // What staff read before Identify ran: the case still in IDENTIFICATION, its receipt unsent.
    const stale = { ...identified, status: 'IDENTIFICATION' as const, steps: [] }

    const at = new Date().toISOString()
    const result = await closeCase(stale, {
      outcome: 'WITHDRAWN',
      reason: 'Pemohon pindah domisili',
      at,
      from: ['IDENTIFICATION', 'ASSESSMENT', 'RECOMMENDATION', 'REFERRAL'],
      audit: {
        action: 'CASE_WITHDRAWN',
        actor: { id: 'tksk.leuwiliang', role: 'tksk' },
        after: { status: 'CLOSED', outcome: 'WITHDRAWN' },
        correlationId: 'test-race',
      },
    })

    expect(result.applied).toBe(true)
    expect(result.record).toMatchObject({ status: 'CLOSED', outcome: 'WITHDRAWN' })
  })
})
