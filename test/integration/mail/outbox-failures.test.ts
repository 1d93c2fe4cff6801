/**
 * Failure injection on the mail outbox (issue 12 point 4, ADR 0018), on the real local
 * parts: DynamoDB Local's stream read with the DynamoDB Streams client, the same mailer
 * handler as on AWS, and the local SES endpoint told to throttle or to refuse.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { DynamoDBStreamEvent } from 'aws-lambda'
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import { ScanCommand } from '@aws-sdk/lib-dynamodb'
import { SESv2Client } from '@aws-sdk/client-sesv2'
import { ConfiguredRetryStrategy } from '@smithy/core/retry'
import type { OutboxMailRecord } from '../../../functions/core/outbox/outbox-mail'
import { mailKeyPrefix } from '../../../functions/data/keys'
import { dynamo } from '../../../functions/shared/clients'
import { advanceClock, now } from '../../../functions/shared/clock'
import { env } from '../../../functions/shared/env'
import { handler as mailerHandler, mailerStream } from '../../../functions/triggers/mailer'
import type { LocalPlatformOptions } from '../../../infra/local/platform-options'
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

/**
 * The SES client's retries as on AWS (three attempts per send) but 10 ms apart instead of
 * the SDK's throttling backoff (0.5 s doubling, in real time): a throttled try then takes
 * milliseconds, and a test that waits a throttle out meets the same throttles without
 * idling (an outbox read while SES throttles waits for one retry of the mail, not longer).
 */
const quickSesRetries: Partial<LocalPlatformOptions> = {
  decorateClients: (client) => {
    if (client instanceof SESv2Client)
      client.config.retryStrategy = async () => new ConfiguredRetryStrategy(3, 10)
  },
}

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

/** The outbox id (the SES message tag) of each mail SES accepted, once per acceptance. */
const filedMailIds = (dataDir: string) =>
  filedMails(dataDir).map(
    (name) =>
      (JSON.parse(readFileSync(join(dataDir, 'outbox', name), 'utf8')) as { tags?: { mailId?: string } }).tags
        ?.mailId,
  )

/** Every outbox item of the platform's table. */
/** Every email item of the outbox. */
const outboxItems = async (): Promise<OutboxMailRecord[]> => {
  const { Items } = await dynamo().send(
    new ScanCommand({
      TableName: env.mainTableName(),
      FilterExpression: 'begins_with(pk, :mail)',
      ExpressionAttributeValues: { ':mail': mailKeyPrefix },
    }),
  )
  // The outbox's emails: the residents' SMS share it (ADR 0028) but go to End User Messaging, not SES.
  return ((Items ?? []) as OutboxMailRecord[]).filter((item) => (item.channel ?? 'email') === 'email')
}

interface DeadLetters {
  failed: { mailId: string; to: string; subject: string; failure?: { code: string; message: string } }[]
  stream: { condition: string; batchSize: number; attempts: number; keys: { pk?: { S?: string } }[] }[]
}
const deadLetters = async (): Promise<DeadLetters> =>
  ((await (await fetch(`${platform?.url}/api/dev/outbox`)).json()) as { deadLetters: DeadLetters })
    .deadLetters

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
    platform = await startTestPlatform(quickSesRetries)
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
    // The same dead letter in the dev outbox, by the mailer's own path (no local-only copy).
    const [dead] = (await deadLetters()).failed
    expect(dead?.to).toBe(EMAILS.tksk)
    expect(dead?.failure?.code).toBe('MessageRejected')
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
    expect((await deadLetters()).failed).toEqual([])
    expect(await (await fetch(`${platform.url}/staff/surel`, { headers: { cookie } })).text()).not.toContain(
      reference,
    )
    // A second click finds nothing left to resend.
    expect((await resend()).status).toBe(409)
    expect(await assessmentMailsTo(EMAILS.tksk, [reference])).toEqual([1])
  })

  it('keeps every mail while SES throttles for five minutes of the project clock, then delivers each exactly once', async () => {
    platform = await startTestPlatform(quickSesRetries)
    const throttleEnds = new Date(now().getTime() + 5 * 60_000)
    platform.ses.faults.throttleUntil = throttleEnds
    const references = await submitThree()
    // Minute by minute the mailer keeps meeting the throttle (its retries back off on the
    // project clock, which the advance makes due) and SES files nothing.
    for (let minute = 1; minute <= 4; minute += 1) {
      const before = platform.ses.answered.throttled
      await advanceClock(60)
      await until(
        `a throttled retry in minute ${minute}`,
        () => (platform?.ses.answered.throttled ?? 0) > before,
      )
      expect(filedMails(platform.dataDir)).toEqual([])
    }
    await advanceClock(61)
    expect(now() > throttleEnds).toBe(true)
    expect(await assessmentMailsTo(EMAILS.tksk, references)).toEqual([1, 1, 1])

    // Exactly once per outbox mail: SES accepted each outbox id once, and that is the
    // MessageId the outbox item records.
    const accepted = filedMailIds(platform.dataDir)
    const items = await outboxItems()
    expect(items.length).toBeGreaterThanOrEqual(3)
    expect(accepted.toSorted()).toEqual(items.map((item) => item.mailId).toSorted())
    const filedIdOf = new Map(
      filedMails(platform.dataDir).map((name, index) => [accepted[index], name.replace(/\.json$/, '')]),
    )
    for (const item of items) {
      expect(item.status).toBe('SENT')
      expect(item.messageId).toBe(filedIdOf.get(item.mailId))
    }
  }, 150_000)

  it('gives a mail up after SES throttled it for five hours: Dinsos sees it with “Kirim ulang”, and the dev outbox lists it', async () => {
    platform = await startTestPlatform(quickSesRetries)
    platform.ses.faults.throttleUntil = new Date(now().getTime() + 24 * 3_600_000)
    const { reference } = await driver.submitCase(intakeBody())
    await until('a throttled send', () => (platform?.ses.answered.throttled ?? 0) >= 1)
    expect((await deadLetters()).failed).toEqual([])
    await advanceClock(5 * 3600 + 1)
    await until('the mail given up', async () =>
      (await deadLetters()).failed.some((mail) => mail.subject.includes(reference)),
    )
    const failed = (await deadLetters()).failed.find((mail) => mail.to === EMAILS.tksk)
    expect(failed?.failure?.code).toBe('RetriesExhausted')
    expect(failed?.failure?.message).toContain('TooManyRequestsException')
    expect(filedMails(platform.dataDir)).toEqual([])

    const cookie = `session=${await login(platform.url, 'dinsos.bogor')}`
    const page = await (await fetch(`${platform.url}/staff/surel`, { headers: { cookie } })).text()
    expect(page).toContain(reference)
    expect(page).toContain(`/staff/surel/${failed?.mailId}/kirim-ulang`)
  }, 120_000)

  it('marks a mail FAILED, not a stream dead letter, when the clock moves a day past a throttle (past the mapping’s age too)', async () => {
    let tries = 0
    let inFlight = false
    platform = await startTestPlatform({
      ...quickSesRetries,
      mailer: {
        handler: async (event) => {
          inFlight = true
          try {
            return await mailerHandler(event)
          } finally {
            inFlight = false
            tries += 1
          }
        },
      },
    })
    platform.ses.faults.throttleUntil = new Date(now().getTime() + 48 * 3_600_000)
    const { reference } = await driver.submitCase(intakeBody())
    // The move comes between tries (backing off by then), so a try after it is a retry of a
    // batch that failed before it, not a send already under way.
    await until('failed tries backing off', () => tries >= 4 && !inFlight)
    // On AWS the mapping retries all day: its try after five hours marks the mail FAILED before
    // the six-hour record age would give it up.
    await advanceClock(24 * 3600)
    await until('the mail given up', async () =>
      (await deadLetters()).failed.some((mail) => mail.subject.includes(reference)),
    )
    const failed = (await deadLetters()).failed.find((mail) => mail.subject.includes(reference))
    expect(failed?.failure?.code).toBe('RetriesExhausted')
    expect((await deadLetters()).stream).toEqual([])
  }, 120_000)

  it('puts a batch the stream mapping gave up on into the local dead letter, and moves on', async () => {
    let calls = 0
    platform = await startTestPlatform({
      mailer: {
        maxRetryAttempts: 2,
        handler: async () => {
          calls += 1
          throw new Error('the mailer cannot start')
        },
      },
    })
    const { reference } = await driver.submitCase(intakeBody())
    await until('a dead letter', async () => (await deadLetters()).stream.length > 0)
    const [letter] = (await deadLetters()).stream
    // Handed over once and retried twice, as the mapping's retryAttempts says.
    expect(letter?.condition).toBe('RetryAttemptsExhausted')
    expect(letter?.attempts).toBe(3)
    expect(calls).toBeGreaterThanOrEqual(3)
    expect(letter?.keys.every((key) => key.pk?.S?.startsWith(mailKeyPrefix))).toBe(true)
    // The mail itself stays PENDING (on AWS the DLQ alarm tells the operator); nothing was sent.
    const items = await outboxItems()
    expect(items.filter((item) => item.status === 'PENDING').length).toBeGreaterThanOrEqual(1)
    expect(await assessmentMailsTo(EMAILS.tksk, [reference])).toEqual([0])
    // The shard went past that batch: the next mail reaches the mailer (and its dead letter too).
    await driver.submitCase(intakeBody({ service: 'SKTM' }))
    await until('a second dead letter', async () => (await deadLetters()).stream.length > 1)
  })

  it('puts a mail the mailer kept failing into the local dead letter once it is older than the mapping’s six hours', async () => {
    let calls = 0
    platform = await startTestPlatform({
      mailer: {
        handler: async () => {
          calls += 1
          throw new Error('the mailer cannot start')
        },
      },
    })
    await driver.submitCase(intakeBody())
    await until('a failed try', () => calls >= 1)
    // Far fewer tries than the 500 retries: only the record's age can give it up.
    const triesBefore = calls
    await advanceClock(mailerStream.retries.maxRecordAgeHours * 3600 - 120)
    await until('a retry short of the age', () => calls > triesBefore)
    expect((await deadLetters()).stream).toEqual([])
    await advanceClock(180)
    await until('a dead letter', async () => (await deadLetters()).stream.length > 0)
    const [letter] = (await deadLetters()).stream
    expect(letter?.condition).toBe('RecordAgeExceeded')
    expect(letter?.keys.every((key) => key.pk?.S?.startsWith(mailKeyPrefix))).toBe(true)
    expect(letter?.attempts).toBeLessThan(mailerStream.retries.attempts)
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
