/**
 * A NIK issued through "Rujukan adminduk" (issue 15, ADR 0037): the desa answers its link
 * with the new NIK, which is checked as at intake and recorded on the case with its
 * decision: masked in every answer, the identity status updated, the nikRef linked (a
 * later request of the same person for the same service is a duplicate) and the
 * duplicate check run again (another open case of that NIK is named as a warning).
 */
import { describe, expect, it } from 'vitest'
import { createTokenCache, useTestPlatform } from '../../support/platform'
import { auditOfCase } from '../audit/case-audit'
import { createDriver, intakeBody, nikOf } from './case-driver'

const platform = useTestPlatform()
const driver = createDriver(platform.url)
const tokenOf = createTokenCache(platform.url)

const DESA_CIBEBER = 'desa.3201142001@desa.bogorkab.local'

/** A person found without KTP or KK, age guessed; `name` keeps each test's person apart. */
const withoutDocuments = (name: string) => ({
  applicant: {
    nikStatus: 'NONE',
    kkStatus: 'NONE',
    birthDateStatus: 'UNKNOWN',
    estimatedAge: 45,
    name,
    address: 'Pasar Leuwiliang',
    villageCode: '32.01.14.2001',
  },
  reporter: { name: 'Bu Kader', relation: 'KADER_PSM', phone: '081298765400' },
  category: 'GELANDANGAN',
  service: 'REHABILITASI_SOSIAL',
  description: 'Tidur di los pasar.',
  consent: true,
})

interface Detail {
  applicant: { nik?: string; nikStatus?: string }
  identityStatus: string
  sameNikOpenCase: string | null
  timeline: { action: string; after?: Record<string, unknown> }[]
}
const detailOf = async (caseId: string) => {
  const response = await fetch(driver.url(`/api/cases/${caseId}`), {
    headers: { authorization: `Bearer ${await tokenOf('dinsos.bogor')}` },
  })
  return { text: await response.clone().text(), body: (await response.json()) as Detail }
}

const admindukLink = async (reference: string) =>
  driver.linkIn(await driver.mail(DESA_CIBEBER, reference, 'Rujukan adminduk'))

describe('a NIK issued through the adminduk referral', () => {
  it('is checked like an intake NIK: a mistake comes back on the nik field and nothing is recorded', async () => {
    const { caseId, reference } = await driver.submitCase(withoutDocuments('Pak Karta'))
    const link = await admindukLink(reference)
    const refused: Record<string, string>[] = [
      { result: 'ISSUED' },
      { result: 'ISSUED', nik: '32011445078' },
      // No province 99 ever existed.
      { result: 'ISSUED', nik: '9901144507800001' },
      { result: 'NOT_ISSUED', nik: nikOf(80), reason: 'Belum ada saksi' },
    ]
    for (const fields of refused) {
      const { response, html } = await driver.act(link, fields)
      expect(response.status, JSON.stringify(fields)).toBe(400)
      expect(html).toContain('id="nik-error"')
    }
    const { body } = await detailOf(caseId)
    expect(body.identityStatus).toBe('NO_NIK')
    expect(body.applicant.nik).toBeNull()
  })

  it('is recorded on the case, masked everywhere, and links the person: a later request for the same service is a duplicate', async () => {
    const nik = nikOf(81)
    const { caseId, reference } = await driver.submitCase(withoutDocuments('Ibu Warni'))
    const { response } = await driver.act(await admindukLink(reference), { result: 'ISSUED', nik })
    expect(response.status).toBe(200)

    const { text, body } = await detailOf(caseId)
    expect(text).not.toContain(nik)
    expect(body.applicant.nik).toBe('320114******0081')
    expect(body.applicant.nikStatus).toBe('PROVIDED')
    // A NIK, but still no KK nor birth date.
    expect(body.identityStatus).toBe('PARTIAL')
    expect(body.sameNikOpenCase).toBeNull()
    const decided = body.timeline.find(
      (e) => e.action === 'TASK_DECIDED' && e.after?.kind === 'ADMINDUK_REFERRAL',
    )
    expect(decided?.after).toMatchObject({ result: 'ISSUED', nikRecorded: true, identityStatus: 'PARTIAL' })

    const audit = await auditOfCase(platform.url(), caseId)
    expect(audit.verdict.valid).toBe(true)
    expect(JSON.stringify(audit.entries)).not.toContain(nik)

    // The same person asks for the same service: the recorded NIK's marker makes it a duplicate.
    const filed = await driver.postJson(
      '/api/cases',
      intakeBody({ service: 'REHABILITASI_SOSIAL', category: 'GELANDANGAN' }, { nik }),
    )
    expect(filed.status, await filed.clone().text()).toBe(201)
    const again = (await filed.json()) as { reference: string }
    await driver.waitForStatus(again.reference, 'CLOSED', 'DUPLICATE')
  })

  it('names another open case of the same NIK as a warning, closing nothing', async () => {
    const nik = nikOf(82)
    const open = await driver.submitCase(
      intakeBody({ service: 'REHABILITASI_SOSIAL', category: 'GELANDANGAN' }, { nik }),
    )
    await driver.waitForStatus(open.reference, 'ASSESSMENT')
    const { caseId, reference } = await driver.submitCase(withoutDocuments('Ibu Sarni'))
    const { response } = await driver.act(await admindukLink(reference), { result: 'ISSUED', nik })
    expect(response.status).toBe(200)

    const { body } = await detailOf(caseId)
    expect(body.sameNikOpenCase).toBe(open.caseId)
    expect(body.applicant.nik).toBe('320114******0082')
    const page = await fetch(driver.url(`/staff/cases/${caseId}`), {
      headers: { cookie: `session=${await tokenOf('tksk.leuwiliang')}` },
    })
    expect(await page.text()).toContain(`href="/staff/cases/${open.caseId}"`)
    await driver.waitForStatus(reference, 'ASSESSMENT')
    await driver.waitForStatus(open.reference, 'ASSESSMENT')
  })
})
