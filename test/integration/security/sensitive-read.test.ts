/**
 * DESIGN §1, §5: every staff read of a sensitive-category case is audited, through the
 * API and through the staff pages alike; a read of any other case is not.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestPlatform, type TestPlatform } from '../../support/platform'
import { createDriver, intakeBody, nikOf } from '../case/case-driver'
import { createStaff } from './security-driver'

describe('reads of a sensitive case', () => {
  let platform: TestPlatform
  const driver = createDriver(() => platform.url)
  const staff = createStaff(() => platform.url)
  const sensitiveReads = async (caseId: string) =>
    (await staff.auditOf(caseId)).filter((entry) => entry.action === 'SENSITIVE_CASE_READ')

  beforeAll(async () => {
    platform = await startTestPlatform()
  }, 60_000)
  afterAll(() => platform?.dispose())

  it('each staff read, by API or page, is one SENSITIVE_CASE_READ entry naming the reader', async () => {
    const { caseId } = await driver.submitCase(intakeBody({ category: 'ODHA' }, { nik: nikOf(9201) }))
    expect(await sensitiveReads(caseId)).toEqual([])
    expect((await staff.get('dinsos.bogor', `/api/cases/${caseId}`)).status).toBe(200)
    const page = await fetch(`${platform.url}/staff/cases/${caseId}`, {
      headers: { cookie: `session=${await staff.tokenOf('tksk.leuwiliang')}` },
    })
    expect(page.status).toBe(200)
    const reads = await sensitiveReads(caseId)
    expect(reads.map((entry) => entry.actor.id)).toEqual(['dinsos.bogor', 'tksk.leuwiliang'])
  })

  it('a read of a case of another category writes no entry', async () => {
    const { caseId } = await driver.submitCase(intakeBody({}, { nik: nikOf(9202) }))
    expect((await staff.get('dinsos.bogor', `/api/cases/${caseId}`)).status).toBe(200)
    expect(await sensitiveReads(caseId)).toEqual([])
  })
})
