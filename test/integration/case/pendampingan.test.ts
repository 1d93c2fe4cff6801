import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTokenCache, startTestPlatform, type TestPlatform } from '../../support/platform'
import { auditOfCase } from '../audit/case-audit'
import { createDriver, intakeBody, nikOf } from './case-driver'

let platform: TestPlatform
const driver = createDriver(() => platform.url)
const tokenOf = createTokenCache(() => platform.url)
let served: { caseId: string; reference: string }

// A whole case through the workflow to its result: longer than the default hook limit when
// both workers run workflows (88 s once in a full run).
beforeAll(async () => {
  platform = await startTestPlatform()
  served = await driver.fulfilCase(intakeBody({}, { nik: nikOf(41) }))
}, 180_000)
afterAll(async () => {
  await platform?.dispose()
})

const VISIT = {
  date: '2026-02-03',
  kind: 'KUNJUNGAN_RUMAH',
  findings: 'Kartu Jamkesda sudah dipakai berobat; anak kedua belum sekolah',
  nextVisit: '2026-03-03',
}

const record = async (caseId: string, body: unknown, username = 'tksk.leuwiliang') =>
  fetch(driver.url(`/api/cases/${caseId}/pendampingan`), {
    method: 'POST',
    headers: { authorization: `Bearer ${await tokenOf(username)}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })

const detailOf = async (caseId: string) =>
  (await (
    await fetch(driver.url(`/api/cases/${caseId}`), {
      headers: { authorization: `Bearer ${await tokenOf('dinsos.bogor')}` },
    })
  ).json()) as {
    pendampingan: {
      kind: string
      date: string
      findings: string
      nextVisit?: string
      by: { id: string; name: string }
    }[]
    timeline: { action: string; after?: Record<string, unknown> }[]
  }

const errorPaths = async (response: Response) =>
  ((await response.json()) as { error: { details: { path: string }[] } }).error.details.map((d) => d.path)

describe('pendampingan after a referral’s result', () => {
  it(
    'is recorded by the TKSK of the kecamatan, listed on the case and on its timeline without the findings',
    { timeout: 180_000 },
    async () => {
      const first = await record(served.caseId, VISIT)
      expect(first.status).toBe(201)
      const second = await record(served.caseId, {
        date: '2026-03-03',
        kind: 'BIMBINGAN_SOSIAL',
        findings: 'Orang tua setuju mendaftarkan anak ke SD terdekat',
      })
      expect(second.status).toBe(201)

      const detail = await detailOf(served.caseId)
      expect(detail.pendampingan.map((p) => [p.date, p.kind, p.nextVisit ?? null, p.by.id])).toEqual([
        ['2026-02-03', 'KUNJUNGAN_RUMAH', '2026-03-03', 'tksk.leuwiliang'],
        ['2026-03-03', 'BIMBINGAN_SOSIAL', null, 'tksk.leuwiliang'],
      ])
      expect(detail.pendampingan[0]?.findings).toBe(VISIT.findings)
      // Named as staff know the TKSK (the directory's display name), not by the login name.
      expect(detail.pendampingan[0]?.by.name).toBe('TKSK Leuwiliang')
      const recorded = detail.timeline.filter((e) => e.action === 'PENDAMPINGAN_RECORDED')
      expect(recorded.map((e) => e.after?.kind)).toEqual(['KUNJUNGAN_RUMAH', 'BIMBINGAN_SOSIAL'])

      const audit = await auditOfCase(platform.url, served.caseId)
      expect(audit.verdict.valid).toBe(true)
      const entries = audit.entries.filter((e) => e.action === 'PENDAMPINGAN_RECORDED')
      expect(entries.map((e) => e.actor.id)).toEqual(['tksk.leuwiliang', 'tksk.leuwiliang'])
      expect(JSON.stringify(audit.entries)).not.toContain('anak kedua belum sekolah')
    },
  )

  it('refuses bad input with 400 and the field’s path, writing nothing', { timeout: 180_000 }, async () => {
    const before = (await detailOf(served.caseId)).timeline.length
    const cases: [unknown, string[]][] = [
      [{ ...VISIT, kind: 'ARISAN' }, ['kind']],
      [{ ...VISIT, date: '2026-02-30' }, ['date']],
      [{ ...VISIT, findings: '' }, ['findings']],
      [{ ...VISIT, nextVisit: '2026-01-01' }, ['nextVisit']],
      [{ ...VISIT, date: '2099-01-01', nextVisit: '2099-02-01' }, ['date']],
      [{ ...VISIT, extra: 1 }, ['extra']],
    ]
    for (const [body, paths] of cases) {
      const response = await record(served.caseId, body)
      expect(response.status, JSON.stringify(body)).toBe(400)
      expect(await errorPaths(response)).toEqual(paths)
    }
    expect((await detailOf(served.caseId)).timeline).toHaveLength(before)
  })

  it('is only for the TKSK of the case’s kecamatan', async () => {
    expect((await record(served.caseId, VISIT, 'tksk.ciampea')).status).toBe(403)
    expect((await record(served.caseId, VISIT, 'dinsos.bogor')).status).toBe(403)
  })

  it('waits for the referral’s result: an open case answers 409', async () => {
    const open = await driver.submitCase(intakeBody({}, { nik: nikOf(42) }))
    const response = await record(open.caseId, VISIT)
    expect(response.status).toBe(409)
    expect((await detailOf(open.caseId)).timeline.map((e) => e.action)).not.toContain('PENDAMPINGAN_RECORDED')
  })
})
