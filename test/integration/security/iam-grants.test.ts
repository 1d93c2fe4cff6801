/**
 * The local platform evaluates every SDK call against the function's deployed policy
 * (infra/stacks/access-statements.ts): a grant missing from the access table breaks the
 * flow that needs it here, as it would on AWS, with an AccessDenied naming the function,
 * the action and the resource. Each sample removes one grant from a copy of the table.
 * Samples whose flows need none of each other's grants share one platform (a platform
 * start costs more than most flows here): the grants they remove are all missing there,
 * and each sample still finds the denial of its own.
 */
import { afterAll, describe, expect, it } from 'vitest'
import { CASE_STARTER, type FunctionAccess, functionAccess } from '../../../infra/stacks/function-access'
import type { AccessDenial } from '../../../infra/local/iam/access-middleware'
import { ASSESSED, createDriver, EMAILS, intakeBody, nikOf } from '../case/case-driver'
import { login, startTestPlatform, type TestPlatform } from '../../support/platform'

type Driver = ReturnType<typeof createDriver>
type AccessTable = Readonly<Record<string, FunctionAccess>>

let platform: TestPlatform | undefined
afterAll(async () => {
  await platform?.dispose()
  platform = undefined
})

const without =
  (name: string, change: (entry: FunctionAccess) => FunctionAccess) =>
  (table: AccessTable): AccessTable => {
    const entry = table[name]
    if (!entry) throw new Error(`no access entry ${name}`)
    return { ...table, [name]: change(entry) }
  }

/** Settles once the platform has refused a call matching `expected` (the flow may catch it and go on). */
const denialOf = async (expected: Partial<AccessDenial>): Promise<AccessDenial> => {
  const matches = (denial: AccessDenial) =>
    Object.entries(expected).every(([key, value]) =>
      String(denial[key as keyof AccessDenial]).includes(value),
    )
  for (;;) {
    const found = platform?.accessDenials.find(matches)
    if (found) return found
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

/**
 * The platforms of the samples: `requests` (single requests, among them the intake that can
 * no longer start its workflow), `mail` and `sms` (a case whose mail, or SMS, is refused: a
 * refused mail holds up the stream records after it, so the SMS needs a platform whose mail
 * goes) and `links` (a case that must reach its TKSK's mailed link).
 */
type SharedPlatform = 'requests' | 'mail' | 'sms' | 'links'

interface Sample {
  grant: string
  platform: SharedPlatform
  /** Removes the grant from a copy of the access table. */
  change: (table: AccessTable) => AccessTable
  /** Runs the flow; returns the HTTP status the person saw at the refused step. */
  flow: (driver: Driver) => Promise<number | undefined>
  denied: Partial<AccessDenial>
  /** What the person sees, when the refused call fails their request rather than a later step. */
  seen?: number
}

let serial = 7000
const intake = () => intakeBody({}, { nik: nikOf((serial += 1)) })

// Samples sharing a platform stand together: each platform starts once.
const samples: Sample[] = [
  {
    grant: 'case-starter: startExecution of the case workflow',
    platform: 'requests',
    change: without(CASE_STARTER, ({ startExecution: _, ...rest }) => rest),
    flow: async (driver) => (await driver.postJson('/api/cases', intake())).status,
    // The intake answers without it (ADR 0050): the case starter's start from the stream record is refused.
    denied: {
      functionName: CASE_STARTER,
      action: 'states:StartExecution',
      resource: ':stateMachine:tksk-case',
    },
    seen: 201,
  },
  {
    grant: 'cases: startExecution of the case workflow',
    platform: 'requests',
    change: without('cases', ({ startExecution: _, ...rest }) => rest),
    // The case starter cannot start it on this platform (the sample above): the resident's
    // status read retries the start (workflow-control.ts) and still answers.
    flow: async (driver) => {
      const { reference } = await driver.submitCase(intake())
      return (await driver.status(reference)).response.status
    },
    denied: { functionName: 'cases', action: 'states:StartExecution', resource: ':stateMachine:tksk-case' },
    seen: 200,
  },
  {
    grant: 'reference: the probe of the main table',
    platform: 'requests',
    change: without('reference', ({ main: _, ...rest }) => rest),
    flow: async (driver) => (await fetch(driver.url('/api/health'))).status,
    denied: { functionName: 'reference', action: 'dynamodb:GetItem', resource: '-main' },
    seen: 503,
  },
  {
    grant: 'audit: reading the audit indexes',
    platform: 'requests',
    change: without('audit', (entry) => ({ ...entry, audit: 'append' })),
    flow: async (driver) => {
      const token = await login(driver.url(''), 'auditor.bogor')
      const response = await fetch(driver.url('/api/audit?area=32.01'), {
        headers: { authorization: `Bearer ${token}` },
      })
      return response.status
    },
    denied: { functionName: 'audit', action: 'dynamodb:Query', resource: '-audit/index/' },
    seen: 500,
  },
  {
    // Only the mailer sends (ADR 0018): the steps queue their mail in the outbox.
    grant: 'mailer: sendEmail',
    platform: 'mail',
    change: without('mailer', ({ sendEmail: _, ...rest }) => rest),
    flow: async (driver) => {
      await driver.submitCase(intake())
      return undefined
    },
    denied: { functionName: 'mailer', action: 'ses:SendEmail', resource: ':identity/' },
  },
  {
    // The residents' SMS too (ADR 0028): from the one origination identity.
    grant: 'mailer: sendSms',
    platform: 'sms',
    change: without('mailer', ({ sendSms: _, ...rest }) => rest),
    flow: async (driver) => {
      await driver.submitCase(intake())
      return undefined
    },
    denied: { functionName: 'mailer', action: 'sms-voice:SendTextMessage', resource: ':phone-number/' },
  },
  {
    grant: 'links: answerTasks of the case workflow',
    platform: 'links',
    change: without('links', (entry) => ({ ...entry, answerTasks: ['verval'] })),
    flow: async (driver) => {
      const { reference } = await driver.submitCase(intake())
      const link = driver.linkIn(await driver.mail(EMAILS.tksk, reference, 'Asesmen'))
      return (await driver.act(link, ASSESSED)).response.status
    },
    // The decision is saved and the workflow resumed when it next enters the wait (decide-task.ts).
    denied: { functionName: 'links', action: 'states:SendTaskSuccess', resource: ':stateMachine:tksk-case' },
  },
]

/** The platform of `shared` (the one running, or a new one without its samples' grants). */
let running: SharedPlatform | 'deployed' | undefined
const platformFor = async (shared: SharedPlatform | 'deployed'): Promise<TestPlatform> => {
  if (platform && running === shared) return platform
  await platform?.dispose()
  platform = undefined
  const access = samples
    .filter((sample) => sample.platform === shared)
    .reduce<AccessTable>((table, sample) => sample.change(table), functionAccess)
  platform = await startTestPlatform(shared === 'deployed' ? {} : { access })
  running = shared
  return platform
}

describe('the local IAM refuses what the deployed role would refuse', () => {
  it.each(samples)(
    'without $grant, the flow needing it fails with AccessDenied naming it',
    async (sample) => {
      const current = await platformFor(sample.platform)
      const driver = createDriver(() => current.url)
      const status = await sample.flow(driver)
      const denial = await denialOf(sample.denied)
      expect(denial).toMatchObject({ functionName: sample.denied.functionName, action: sample.denied.action })
      if (sample.seen !== undefined) expect(status).toBe(sample.seen)
    },
  )

  it('with the access table as deployed, the same flows run without a single denial', async () => {
    const deployed = await platformFor('deployed')
    const driver = createDriver(() => deployed.url)
    expect((await fetch(driver.url('/api/health'))).status).toBe(200)
    const { reference } = await driver.submitCase(intake())
    const link = driver.linkIn(await driver.mail(EMAILS.tksk, reference, 'Asesmen'))
    expect((await driver.act(link, ASSESSED)).response.status).toBeLessThan(400)
    const token = await login(driver.url(''), 'auditor.bogor')
    const audit = await fetch(driver.url('/api/audit?area=32.01'), {
      headers: { authorization: `Bearer ${token}` },
    })
    expect(audit.status).toBe(200)
    expect(deployed.accessDenials).toEqual([])
  })
})
