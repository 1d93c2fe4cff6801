/**
 * What a case's execution history holds (docs/data-inventory.md): every state's input and
 * output stays in it (90 days on AWS, readable by whoever may read executions, past the
 * case's anonymisation), so it carries ids, codes and counters, never the person. A
 * reason typed on a task (a TKSK's findings, an approver's rejection) closes the case
 * from the task item, not from the state.
 */
import { GetExecutionHistoryCommand, SFNClient } from '@aws-sdk/client-sfn'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { getCase } from '../../../functions/data/case-repository'
import { startTestPlatform, type TestPlatform } from '../../support/platform'
import { pollFor } from '../../support/poll'
import { ASSESSED, createDriver, EMAILS, intakeBody, nikOf } from './case-driver'
import { localSfnClient } from '../../support/local-sfn'

let platform: TestPlatform
let sfn: SFNClient
const driver = createDriver(() => platform.url)

beforeAll(async () => {
  platform = await startTestPlatform()
  sfn = localSfnClient(platform.url)
})
afterAll(async () => {
  sfn?.destroy()
  await platform?.dispose()
})

/** The whole history of the case's execution (named by the caseId) once it has ended, as one text. */
const historyTextOf = async (caseId: string): Promise<string> => {
  const executionArn = `${(process.env.CASE_STATE_MACHINE_ARN ?? '').replace(':stateMachine:', ':execution:')}:${caseId}`
  let last = ''
  const events = await pollFor(
    async () => {
      const { events: seen = [] } = await sfn.send(
        new GetExecutionHistoryCommand({ executionArn, maxResults: 1000 }),
      )
      last = seen.at(-1)?.type ?? ''
      return last === 'ExecutionSucceeded' ? seen : undefined
    },
    15_000,
    () => `the execution of ${caseId} ended with ${last}, not ExecutionSucceeded`,
  )
  return JSON.stringify(events)
}

const NAME = 'Sulastri Wijayakusuma'

const fileCase = async (serial: number) => {
  const nik = nikOf(serial)
  const filed = await driver.submitCase(intakeBody({}, { nik, name: NAME }))
  return { ...filed, nik }
}

describe('a case execution’s history', () => {
  it('a family found not eligible: the TKSK’s findings close the case but never enter the history', async () => {
    const { caseId, reference, nik } = await fileCase(7301)
    const findings = `${NAME} batuk darah sejak Mei, tinggal sendiri`
    const ask = await driver.mail(EMAILS.tksk, reference, 'Asesmen')
    expect(
      (await driver.act(driver.linkIn(ask), { ...ASSESSED, eligible: 'false', findings })).response.status,
    ).toBe(200)
    await driver.waitForStatus(reference, 'CLOSED', 'NOT_ELIGIBLE')
    expect((await getCase(caseId))?.outcomeReason).toBe(findings)

    const history = await historyTextOf(caseId)
    expect(history).toContain('NOT_ELIGIBLE')
    for (const personal of ['batuk darah', 'Sulastri', nik, nik.slice(6, 12)])
      expect(history).not.toContain(personal)
  })

  it('a rejection: the approver’s reason closes the case but never enters the history', async () => {
    const { caseId, reference, nik } = await fileCase(7302)
    const ask = await driver.mail(EMAILS.tksk, reference, 'Asesmen')
    await driver.act(driver.linkIn(ask), ASSESSED)
    await driver.waitForStatus(reference, 'RECOMMENDATION')
    const reason = 'Suami pemohon bekerja tetap di pabrik garmen'
    const approval = await driver.mail(EMAILS.dinsos, reference, 'Persetujuan')
    expect((await driver.act(driver.linkIn(approval), { decision: 'REJECT', reason })).response.status).toBe(
      200,
    )
    await driver.waitForStatus(reference, 'CLOSED', 'REJECTED')
    expect((await getCase(caseId))?.outcomeReason).toBe(reason)

    const history = await historyTextOf(caseId)
    expect(history).toContain('REJECTED')
    for (const personal of ['pabrik garmen', 'Sulastri', nik]) expect(history).not.toContain(personal)
  })
})
