/**
 * The PPKS register (issue 16 item 1, ADR 0038): the TKSK records the people and
 * households found in need, NIK optional but validated and masked; every change audited
 * without the person in the chain; a sensitive category names nobody in a list and its
 * detail read is audited; an entry becomes a case once, and the case is what counts.
 */
import { describe, expect, it } from 'vitest'
import { getPpks } from '../../../functions/data/ppks-repository'
import { useTestPlatform } from '../../support/platform'
import { createAdminClient, type ErrorBody } from '../admin/admin-client'
import { nikOf } from '../case/case-driver'

const { url } = useTestPlatform()
const { call } = createAdminClient(url)

interface PpksBody {
  ppksId: string
  subject: string
  category: string
  sensitive: boolean
  name?: string
  desa: string
  nik?: string | null
  birthYear?: number | null
  members?: number
  active: boolean
  case?: { caseId: string; reference: string }
}
interface RegisterBody {
  items: PpksBody[]
  cases: { caseId: string; reference: string; desa: string; category: string }[]
  counts: { desa: string; category: string; count: number }[]
}
interface AuditBody {
  items: { action: string; actor: { id: string }; before: unknown; after: unknown }[]
}

const LANSIA = {
  subject: 'PERSON',
  category: 'LANSIA_TERLANTAR',
  name: 'Mbah Karsih',
  desa: '32.01.14.2001',
  nik: nikOf(101),
  birthDate: '1980-07-05',
  address: 'Kp. Cibeber RT 01/02',
}

const pathsOf = (body: unknown) => (body as ErrorBody).error.details?.map((d) => d.path)
const auditOf = (ppksId: string) =>
  call<AuditBody>('GET', `/api/audit?entityId=ppks:${ppksId}`, 'auditor.bogor')

describe('the PPKS register of a desa', () => {
  it('the TKSK records a person with a NIK, shown masked with the birth year only; audited PPKS_RECORDED without the person', async () => {
    const created = await call<PpksBody>('POST', '/api/ppks', 'tksk.leuwiliang', LANSIA)
    expect(created.status).toBe(201)
    expect(created.body).toMatchObject({
      subject: 'PERSON',
      category: 'LANSIA_TERLANTAR',
      sensitive: false,
      name: 'Mbah Karsih',
      desa: '32.01.14.2001',
      nik: '320114******0101',
      birthYear: 1980,
      active: true,
    })
    expect(JSON.stringify(created.body)).not.toContain(LANSIA.nik)
    expect(JSON.stringify(created.body)).not.toContain('1980-07-05')

    const own = await call<RegisterBody>('GET', '/api/ppks', 'tksk.leuwiliang')
    expect(own.body.items.map((e) => e.name)).toContain('Mbah Karsih')
    const desa = await call<RegisterBody>('GET', '/api/ppks?area=32.01.14.2001', 'dinsos.bogor')
    expect(desa.body.items.map((e) => e.ppksId)).toContain(created.body.ppksId)

    const audit = await auditOf(created.body.ppksId)
    expect(audit.body.items).toEqual([
      expect.objectContaining({
        action: 'PPKS_RECORDED',
        actor: expect.objectContaining({ id: 'tksk.leuwiliang' }),
        after: expect.objectContaining({ category: 'LANSIA_TERLANTAR', hasNik: true }),
      }),
    ])
    const chain = JSON.stringify(audit.body.items)
    expect(chain).not.toContain('Karsih')
    expect(chain).not.toContain(LANSIA.nik.slice(6, 12))
  })

  it('a household without a NIK is recorded, changed with before and after, and can be set inactive', async () => {
    const { body: created } = await call<PpksBody>('POST', '/api/ppks', 'tksk.leuwiliang', {
      subject: 'HOUSEHOLD',
      category: 'FAKIR_MISKIN',
      name: 'Keluarga Pak Odang',
      desa: '32.01.14.2002',
      members: 5,
    })
    expect(created).toMatchObject({ nik: null, birthYear: null, members: 5 })
    const changed = await call<PpksBody>('PATCH', `/api/ppks/${created.ppksId}`, 'dinsos.bogor', {
      members: 6,
      active: false,
    })
    expect(changed.status).toBe(200)
    expect(changed.body).toMatchObject({ members: 6, active: false })
    const audit = await auditOf(created.ppksId)
    expect(audit.body.items.map((e) => e.action)).toEqual(['PPKS_RECORDED', 'PPKS_UPDATED'])
    expect(audit.body.items[1]).toMatchObject({
      before: expect.objectContaining({ members: 5, active: true }),
      after: expect.objectContaining({ members: 6, active: false }),
    })
  })

  it('bad input is refused with 400 and each field’s path, and nothing is recorded', async () => {
    const before = await call<RegisterBody>('GET', '/api/ppks?area=32.01.14', 'tksk.leuwiliang')
    const refused = await call('POST', '/api/ppks', 'tksk.leuwiliang', {
      ...LANSIA,
      category: 'BUKAN_KATEGORI',
      nik: '3201141234',
      extra: true,
    })
    expect(refused.status).toBe(400)
    expect(pathsOf(refused.body)).toEqual(expect.arrayContaining(['category', 'nik', 'extra']))
    const mismatch = await call('POST', '/api/ppks', 'tksk.leuwiliang', {
      ...LANSIA,
      birthDate: '1981-01-01',
    })
    expect(mismatch.status).toBe(400)
    expect(pathsOf(mismatch.body)).toEqual(['nik'])
    const personWithMembers = await call<ErrorBody>('POST', '/api/ppks', 'tksk.leuwiliang', {
      ...LANSIA,
      members: 3,
    })
    expect(personWithMembers.body.error.details).toEqual([
      { path: 'members', message: 'Jumlah anggota hanya untuk keluarga/rumah tangga.' },
    ])
    const unknownDesa = await call('POST', '/api/ppks', 'tksk.leuwiliang', {
      ...LANSIA,
      desa: '32.01.14.2999',
    })
    expect(unknownDesa.status).toBe(400)
    expect(pathsOf(unknownDesa.body)).toEqual(['desa'])
    const after = await call<RegisterBody>('GET', '/api/ppks?area=32.01.14', 'tksk.leuwiliang')
    expect(after.body.items).toHaveLength(before.body.items.length)
  })

  it('notes quoting the day and month of birth are stored with them starred, also when the date is recorded later', async () => {
    const notes = 'Lahir 5 Juli 1980 menurut tetangga; KTP 05-07-1980 hilang'
    const masked = 'Lahir ** ** 1980 menurut tetangga; KTP **-**-1980 hilang'
    const { birthDate: _date, ...withoutDate } = LANSIA
    const { body: created } = await call<PpksBody & { notes?: string }>(
      'POST',
      '/api/ppks',
      'tksk.leuwiliang',
      {
        ...withoutDate,
        nik: nikOf(106),
        notes,
      },
    )
    // No birth date on record yet, but the NIK encodes it: the notes are masked against that
    // date already, since they are shown beside the masked NIK.
    expect(created.nik).toBe('320114******0106')
    expect(created.notes).toBe(masked)
    expect((await getPpks(created.ppksId))?.notes).toBe(masked)
    const dated = await call<PpksBody & { notes?: string }>(
      'PATCH',
      `/api/ppks/${created.ppksId}`,
      'tksk.leuwiliang',
      {
        birthDate: '1980-07-05',
      },
    )
    expect(dated.status).toBe(200)
    expect(dated.body).toMatchObject({ nik: '320114******0106', birthYear: 1980, notes: masked })
    const listed = await call<RegisterBody>('GET', '/api/ppks?area=32.01.14.2001', 'dinsos.bogor')
    expect(listed.body.items.find((e) => e.ppksId === created.ppksId)).toMatchObject({ notes: masked })
    const detail = await call('GET', `/api/ppks/${created.ppksId}`, 'dinsos.bogor')
    expect(JSON.stringify(detail.body)).not.toMatch(/5 Juli|05-07-1980/)
    // Stored so too: the item, not only the answers, holds no day and month of birth.
    expect((await getPpks(created.ppksId))?.notes).toBe(masked)
  })

  it('another kecamatan’s TKSK neither reads, lists nor records there', async () => {
    const { body: created } = await call<PpksBody>('POST', '/api/ppks', 'tksk.leuwiliang', {
      ...LANSIA,
      nik: nikOf(102),
    })
    expect((await call('GET', `/api/ppks/${created.ppksId}`, 'tksk.ciampea')).status).toBe(404)
    expect((await call('GET', '/api/ppks?area=32.01.14', 'tksk.ciampea')).status).toBe(403)
    expect((await call('POST', '/api/ppks', 'tksk.ciampea', { ...LANSIA, nik: nikOf(103) })).status).toBe(403)
    expect((await call('PATCH', `/api/ppks/${created.ppksId}`, 'tksk.ciampea', { members: 2 })).status).toBe(
      404,
    )
  })
})

describe('a sensitive category', () => {
  it('names nobody in the list, and each detail read is audited SENSITIVE_PPKS_READ, as a sensitive case’s', async () => {
    const { body: created } = await call<PpksBody>('POST', '/api/ppks', 'tksk.leuwiliang', {
      ...LANSIA,
      category: 'ODHA',
      name: 'Rahasia Sekali',
      nik: nikOf(104),
      notes: 'Kontrol rutin di puskesmas',
    })
    expect(created.sensitive).toBe(true)

    const list = await call<RegisterBody>('GET', '/api/ppks?category=ODHA', 'dinsos.bogor')
    const line = list.body.items.find((e) => e.ppksId === created.ppksId)
    expect(line).toMatchObject({ category: 'ODHA', sensitive: true, desa: '32.01.14.2001' })
    expect(JSON.stringify(list.body)).not.toContain('Rahasia')
    expect(JSON.stringify(list.body)).not.toContain('puskesmas')
    // The desa's count does not say "ODHA: 1": sensitive categories are one count there.
    expect(list.body.counts).toContainEqual({ desa: '32.01.14.2001', category: 'SENSITIF', count: 1 })
    expect(list.body.counts.map((c) => c.category)).not.toContain('ODHA')
    expect(await auditOf(created.ppksId)).toMatchObject({ body: { items: [{ action: 'PPKS_RECORDED' }] } })

    const detail = await call<PpksBody>('GET', `/api/ppks/${created.ppksId}`, 'dinsos.bogor')
    expect(detail.body).toMatchObject({ name: 'Rahasia Sekali', nik: '320114******0104' })
    const audit = await auditOf(created.ppksId)
    expect(audit.body.items.map((e) => [e.action, e.actor.id])).toEqual([
      ['PPKS_RECORDED', 'tksk.leuwiliang'],
      ['SENSITIVE_PPKS_READ', 'dinsos.bogor'],
    ])
    // Out of scope it is hidden whole, and the miss writes nothing.
    expect((await call('GET', `/api/ppks/${created.ppksId}`, 'tksk.ciampea')).status).toBe(404)
    expect((await auditOf(created.ppksId)).body.items).toHaveLength(2)
  })

  it('a non-sensitive entry’s detail read is not audited', async () => {
    const { body: created } = await call<PpksBody>('POST', '/api/ppks', 'tksk.leuwiliang', {
      ...LANSIA,
      nik: nikOf(105),
    })
    await call('GET', `/api/ppks/${created.ppksId}`, 'dinsos.bogor')
    expect((await auditOf(created.ppksId)).body.items.map((e) => e.action)).toEqual(['PPKS_RECORDED'])
  })
})

describe('turning an entry into a case', () => {
  it('files the case through the intake, links both ways once, and the register counts the person once', async () => {
    const { body: entry } = await call<PpksBody>('POST', '/api/ppks', 'tksk.leuwiliang', {
      ...LANSIA,
      category: 'PENYANDANG_DISABILITAS',
      desa: '32.01.14.2003',
      nik: nikOf(106),
    })
    // The intake's own checks, with its paths: consent, then how the missing KK stands.
    const noConsent = await call('POST', `/api/ppks/${entry.ppksId}/kasus`, 'tksk.leuwiliang', {
      service: 'REHABILITASI_SOSIAL',
    })
    expect(noConsent.status).toBe(400)
    expect(pathsOf(noConsent.body)).toEqual(['consent'])
    const noKk = await call('POST', `/api/ppks/${entry.ppksId}/kasus`, 'tksk.leuwiliang', {
      service: 'REHABILITASI_SOSIAL',
      consent: true,
    })
    expect(pathsOf(noKk.body)).toEqual(['applicant.kk'])

    const opened = await call<{ caseId: string; reference: string; ppks: PpksBody }>(
      'POST',
      `/api/ppks/${entry.ppksId}/kasus`,
      'tksk.leuwiliang',
      { service: 'REHABILITASI_SOSIAL', consent: true, applicant: { kkStatus: 'UNKNOWN' } },
    )
    expect(opened.status).toBe(201)
    expect(opened.body.reference).toMatch(/^320114-\d{4}-\d{6}$/)
    expect(opened.body.ppks.case).toEqual({ caseId: opened.body.caseId, reference: opened.body.reference })

    const theCase = await call<{ category: string; villageCode: string; filer: { kind: string } }>(
      'GET',
      `/api/cases/${opened.body.caseId}`,
      'dinsos.bogor',
    )
    expect(theCase.body).toMatchObject({
      category: 'PENYANDANG_DISABILITAS',
      villageCode: '32.01.14.2003',
      filer: { kind: 'TKSK' },
    })
    const shown = await call<PpksBody>('GET', `/api/ppks/${entry.ppksId}`, 'tksk.leuwiliang')
    expect(shown.body.case?.reference).toBe(opened.body.reference)

    const again = await call('POST', `/api/ppks/${entry.ppksId}/kasus`, 'tksk.leuwiliang', {
      service: 'REHABILITASI_SOSIAL',
      consent: true,
      applicant: { kkStatus: 'UNKNOWN' },
    })
    expect(again.status).toBe(409)
    expect((await call('POST', `/api/ppks/${entry.ppksId}/kasus`, 'dinsos.bogor', {})).status).toBe(403)

    const register = await call<RegisterBody>('GET', '/api/ppks?area=32.01.14.2003', 'tksk.leuwiliang')
    expect(register.body.cases.map((c) => c.reference)).toContain(opened.body.reference)
    expect(register.body.counts).toEqual([
      { desa: '32.01.14.2003', category: 'PENYANDANG_DISABILITAS', count: 1 },
    ])
    expect((await auditOf(entry.ppksId)).body.items.map((e) => e.action)).toEqual([
      'PPKS_RECORDED',
      'PPKS_CASE_OPENED',
    ])
  })
})
