/**
 * The "Rujukan adminduk" task ends with its case (issue 15, ADR 0027): the workflow does
 * not wait on it, so the closing change cancels it, in the transaction that closes the
 * case, and names it on the closing's audit entry.
 */
import { describe, expect, it } from 'vitest'
import { getTaskOfStep } from '../../../functions/data/task-repository'
import { createTokenCache, useTestPlatform } from '../../support/platform'
import { auditOfCase } from '../audit/case-audit'
import { ASSESSED, createDriver, EMAILS, intakeBody } from './case-driver'

const platform = useTestPlatform()
const driver = createDriver(platform.url)
const tokenOf = createTokenCache(platform.url)

const DESA_CIBEBER = 'desa.3201142001@desa.bogorkab.local'

/** A child found at the terminal: no NIK, no KK, age guessed. */
const WITHOUT_DOCUMENTS = {
  applicant: {
    nikStatus: 'NONE',
    kkStatus: 'NONE',
    birthDateStatus: 'UNKNOWN',
    estimatedAge: 12,
    name: 'Anak Terminal Leuwiliang',
    address: 'Terminal Leuwiliang',
    villageCode: '32.01.14.2001',
  },
  reporter: { name: 'Bu Kader', relation: 'KADER_PSM', phone: '081298765400' },
  category: 'ANAK_JALANAN',
  service: 'REHABILITASI_SOSIAL',
  description: 'Tidur di terminal.',
  consent: true,
}

const adminduk = async (caseId: string) => getTaskOfStep(caseId, 'ADMINDUK_REFERRAL#1')

const closingEntry = async (caseId: string, action: string) => {
  const { entries } = await auditOfCase(platform.url(), caseId)
  const closing = entries.filter((e) => e.action === action)
  expect(closing).toHaveLength(1)
  return closing[0]?.after as Record<string, unknown>
}

describe('the adminduk referral of a case that closes', () => {
  it('is cancelled when staff withdraw the case, named on the withdrawal entry; its link then answers 410', async () => {
    const { caseId, reference } = await driver.submitCase(WITHOUT_DOCUMENTS)
    const link = driver.linkIn(await driver.mail(DESA_CIBEBER, reference, 'Rujukan adminduk'))
    await driver.waitForStatus(reference, 'ASSESSMENT')
    const open = await adminduk(caseId)
    expect(open?.status).toBe('OPEN')

    const token = await tokenOf('tksk.leuwiliang')
    const response = await driver.postJson(
      `/api/cases/${caseId}/withdraw`,
      { reason: 'Anak sudah dijemput keluarga' },
      { authorization: `Bearer ${token}` },
    )
    expect(response.status).toBe(200)
    await driver.waitForStatus(reference, 'CLOSED', 'WITHDRAWN')

    const cancelled = await adminduk(caseId)
    expect(cancelled?.status).toBe('CANCELLED')
    expect(cancelled?.decidedAt).toBeDefined()
    expect((await closingEntry(caseId, 'CASE_WITHDRAWN')).cancelledTasks).toEqual([open?.taskId])
    const late = await driver.act(link, { result: 'ISSUED' })
    expect(late.response.status).toBe(410)
    expect((await adminduk(caseId))?.status).toBe('CANCELLED')
  })

  it('is cancelled when the workflow closes the case (not eligible), named on the closing entry', async () => {
    const { caseId, reference } = await driver.submitCase(WITHOUT_DOCUMENTS)
    await driver.mail(DESA_CIBEBER, reference, 'Rujukan adminduk')
    const ask = await driver.mail(EMAILS.tksk, reference, 'Asesmen')
    const open = await adminduk(caseId)
    const assessed = await driver.act(driver.linkIn(ask), {
      ...ASSESSED,
      service: 'REHABILITASI_SOSIAL',
      eligible: 'false',
    })
    expect(assessed.response.status).toBe(200)
    await driver.waitForStatus(reference, 'CLOSED', 'NOT_ELIGIBLE')

    expect((await adminduk(caseId))?.status).toBe('CANCELLED')
    expect((await closingEntry(caseId, 'CASE_CLOSED')).cancelledTasks).toEqual([open?.taskId])
  })

  it('stays decided when the desa answered before the case closed: nothing is cancelled', async () => {
    const { caseId, reference } = await driver.submitCase(WITHOUT_DOCUMENTS)
    const link = driver.linkIn(await driver.mail(DESA_CIBEBER, reference, 'Rujukan adminduk'))
    const answered = await driver.act(link, { result: 'NOT_ISSUED', reason: 'Belum ada saksi' })
    expect(answered.response.status).toBe(200)
    await driver.waitForStatus(reference, 'ASSESSMENT')
    const token = await tokenOf('tksk.leuwiliang')
    const response = await driver.postJson(
      `/api/cases/${caseId}/withdraw`,
      { reason: 'Anak sudah dijemput keluarga' },
      { authorization: `Bearer ${token}` },
    )
    expect(response.status).toBe(200)
    await driver.waitForStatus(reference, 'CLOSED', 'WITHDRAWN')

    expect((await adminduk(caseId))?.status).toBe('DECIDED')
    expect((await closingEntry(caseId, 'CASE_WITHDRAWN')).cancelledTasks).toBeUndefined()
  })

  it('a case filed with a NIK has no referral and its closing names no cancelled task', async () => {
    const { caseId, reference } = await driver.submitCase(intakeBody())
    await driver.waitForStatus(reference, 'ASSESSMENT')
    const token = await tokenOf('tksk.leuwiliang')
    const response = await driver.postJson(
      `/api/cases/${caseId}/withdraw`,
      { reason: 'Pemohon pindah domisili' },
      { authorization: `Bearer ${token}` },
    )
    expect(response.status).toBe(200)
    expect(await adminduk(caseId)).toBeUndefined()
    expect((await closingEntry(caseId, 'CASE_WITHDRAWN')).cancelledTasks).toBeUndefined()
  })
})

describe('the adminduk referral link page', () => {
  it('shows the desa whom to register and where, not why the person asked for help, and audits each view', async () => {
    const { caseId, reference } = await driver.submitCase(WITHOUT_DOCUMENTS)
    const link = driver.linkIn(await driver.mail(DESA_CIBEBER, reference, 'Rujukan adminduk'))

    const page = await fetch(link)
    expect(page.status).toBe(200)
    const shown = await page.text()
    expect(shown).toContain('Anak Terminal Leuwiliang')
    expect(shown).toContain('Terminal Leuwiliang')
    expect(shown).not.toContain('Tidur di terminal')
    expect(page.headers.get('cache-control')).toBe('no-store')

    const { entries } = await auditOfCase(platform.url(), caseId)
    const reads = entries.filter((e) => e.action === 'PII_READ')
    expect(reads).toHaveLength(1)
    expect(reads[0]?.after).toMatchObject({
      purpose: 'adminduk',
      fields: ['applicant.name', 'applicant.address'],
    })
  })
})
