/**
 * Failure injection on the mail outbox (issue 12 point 4, ADR 0018), on the real local
 * parts: DynamoDB Local's stream read with the DynamoDB Streams client, the same mailer
 * handler as on AWS, and the local SES endpoint told to throttle or to refuse.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { DynamoDBStreamEvent } from 'aws-lambda'
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import { handler as mailerHandler } from '../../../functions/triggers/mailer'
import { login, startTestPlatform, type TestPlatform } from '../../support/platform'
import { createDriver, EMAILS, intakeBody } from '../case/case-driver'

let platform: TestPlatform | undefined
const driver = createDriver(() => platform?.url ?? '')
const dataDirs: string[] = []

afterEach(async () => {
  await platform?.dispose()
  platform = undefined
})
afterAll(() => {
  for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true })
})

/** Waits (without a clock of its own: it polls) until `condition` holds. */
const until = async (what: string, condition: () => boolean | Promise<boolean>, timeoutMs = 30_000) => {
  const deadline = Date.now() + timeoutMs
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`)
    await new Promise((resolveWait) => setTimeout(resolveWait, 25))
  }
}

/** Mails in the outbox folder, read without draining the mailer first (what SES has accepted so far). */
const filedMails = (dataDir: string) => {
  const folder = join(dataDir, 'outbox')
  return existsSync(folder) ? readdirSync(folder).filter((name) => name.endsWith('.json')) : []
}

/** One request per service: three cases of one resident, each asking the TKSK for an assessment. */
const SERVICES = ['JAMKESDA', 'SKTM', 'KIS_PBI'] as const
const submitThree = async () =>
  Promise.all(SERVICES.map(async (service) => (await driver.submitCase(intakeBody({ service }))).reference))

const assessmentMailsTo = async (to: string, references: readonly string[]) => {
  const mails = await driver.outbox(to)
  return references.map((reference) => mails.filter((m) => m.subject.includes(reference)).length)
}

describe('the mail outbox under failures', () => {
  it('keeps every mail through a long SES throttle and delivers each exactly once afterwards', async () => {
    platform = await startTestPlatform()
    platform.ses.faults.throttle = true
    const references = await submitThree()
    // The mailer meets the throttle again and again (three SDK attempts inside each try,
    // the stream's retries with backoff outside) and nothing is filed meanwhile.
    await until('twelve throttled sends', () => (platform?.ses.answered.throttled ?? 0) >= 12, 90_000)
    expect(filedMails(platform.dataDir)).toEqual([])
    platform.ses.faults.throttle = false
    expect(await assessmentMailsTo(EMAILS.tksk, references)).toEqual([1, 1, 1])
    // Each link works: the mailer issued it when SES took the mail.
    const [first] = await driver.outbox(EMAILS.tksk)
    expect((await fetch(driver.linkIn(first ?? ({ links: [], subject: '' } as never)))).status).toBe(200)
  }, 150_000)

  it('shows a mail SES refused for good to the kabupaten’s Dinsos, whose “Kirim ulang” delivers it once', async () => {
    platform = await startTestPlatform()
    platform.ses.faults.rejectRecipients = new Set([EMAILS.tksk])
    const { reference } = await driver.submitCase(intakeBody())
    await until('the refusal', () => (platform?.ses.answered.rejected ?? 0) >= 1)
    expect(await assessmentMailsTo(EMAILS.tksk, [reference])).toEqual([0])

    const cookie = `session=${await login(platform.url, 'dinsos.bogor')}`
    const page = await (await fetch(`${platform.url}/staff/surel`, { headers: { cookie } })).text()
    expect(page).toContain(reference)
    expect(page).toContain('Email address is not verified')
    const action = /action="(\/staff\/surel\/[0-9a-f]{32}\/kirim-ulang)"/.exec(page)?.[1]
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page)?.[1]
    expect(action).toBeDefined()
    // Another kabupaten's Dinsos sees nothing of it.
    const lampung = `session=${await login(platform.url, 'dinsos.bandarlampung')}`
    expect(
      await (await fetch(`${platform.url}/staff/surel`, { headers: { cookie: lampung } })).text(),
    ).not.toContain(reference)

    // The address (or the SES account) is put right, then the mail is resent.
    platform.ses.faults.rejectRecipients = new Set()
    const resend = () =>
      fetch(`${platform?.url}${action}`, {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ _csrf: csrf ?? '' }),
        redirect: 'manual',
      })
    expect((await resend()).status).toBe(303)
    expect(await assessmentMailsTo(EMAILS.tksk, [reference])).toEqual([1])
    expect(await (await fetch(`${platform.url}/staff/surel`, { headers: { cookie } })).text()).not.toContain(
      reference,
    )
    // A second click finds nothing left to resend.
    expect((await resend()).status).toBe(409)
    expect(await assessmentMailsTo(EMAILS.tksk, [reference])).toEqual([1])
  })

  it('loses no mail when the mailer is killed in the middle of a batch', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'tksk-mailer-kill-'))
    dataDirs.push(dataDir)
    const tablePrefix = `mkill${process.pid}${Date.now().toString(36)}`
    let killed = false
    // Sends the first mail of a batch of three or more, then dies before the rest: the
    // stream's checkpoint never moves past the batch. Smaller batches wait, so the kill
    // is sure to happen mid-batch.
    const dyingMailer = async (event: DynamoDBStreamEvent) => {
      if (killed || event.Records.length < SERVICES.length) throw new Error('not yet')
      await mailerHandler({ Records: event.Records.slice(0, 1) })
      killed = true
      throw new Error('killed')
    }
    const first = await startTestPlatform({ dataDir, tablePrefix, mailer: { handler: dyingMailer } })
    platform = first
    const references = await submitThree()
    await until('the kill', () => killed)
    expect(filedMails(dataDir)).toHaveLength(1)
    await first.stop()

    platform = await startTestPlatform({ dataDir, tablePrefix })
    expect(await assessmentMailsTo(EMAILS.tksk, references)).toEqual([1, 1, 1])
  })
})
