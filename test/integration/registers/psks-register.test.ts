/**
 * The PSKS register (issue 16 item 2, ADR 0031): the TKSK keeps its kecamatan's, Dinsos
 * its kabupaten's, every change audited; another kecamatan's TKSK neither reads nor
 * writes it; a PSKS flagged "dapat menerima rujukan" is offered on "Pilih penyedia" for
 * the cases of its area and can receive the referral.
 */
import { describe, expect, it } from 'vitest'
import { useTestPlatform } from '../../support/platform'
import { createAdminClient, type ErrorBody } from '../admin/admin-client'
import { ASSESSED, createDriver, EMAILS, intakeBody, nikOf } from '../case/case-driver'

const { url } = useTestPlatform()
const { call } = createAdminClient(url)
const driver = createDriver(url)

interface PsksBody {
  psksId: string
  name: string
  kind: string
  area: string
  kecamatan: string
  contact: { person?: string; phone?: string; email?: string }
  active: boolean
  acceptsReferrals: boolean
}

const KARANG_TARUNA = {
  name: 'Karang Taruna Tunas Karacak',
  kind: 'KARANG_TARUNA',
  area: '32.01.14.2001',
  contact: { person: 'Ujang', phone: '0812-3456-7890' },
}

const pathsOf = (body: unknown) => (body as ErrorBody).error.details?.map((d) => d.path)
const namesOf = (body: { items: PsksBody[] }) => body.items.map((p) => p.name)

describe('the PSKS register of a kecamatan', () => {
  it('the TKSK adds a PSKS of a desa, finds it in its list and Dinsos in the kabupaten’s; audited PSKS_CREATED', async () => {
    const created = await call<PsksBody>('POST', '/api/psks', 'tksk.leuwiliang', KARANG_TARUNA)
    expect(created.status).toBe(201)
    expect(created.body).toEqual({
      ...KARANG_TARUNA,
      psksId: expect.any(String),
      kecamatan: '32.01.14',
      contact: { person: 'Ujang', phone: '081234567890' },
      active: true,
      acceptsReferrals: false,
    })

    const own = await call<{ items: PsksBody[] }>('GET', '/api/psks', 'tksk.leuwiliang')
    expect(namesOf(own.body)).toContain(KARANG_TARUNA.name)
    const kabupaten = await call<{ items: PsksBody[] }>('GET', '/api/psks?kind=KARANG_TARUNA', 'dinsos.bogor')
    expect(namesOf(kabupaten.body)).toContain(KARANG_TARUNA.name)

    const audit = await call<{ items: { action: string; actor: { id: string }; after: unknown }[] }>(
      'GET',
      `/api/audit?entityId=psks:${created.body.psksId}`,
      'auditor.bogor',
    )
    expect(audit.body.items).toEqual([
      expect.objectContaining({
        action: 'PSKS_CREATED',
        actor: expect.objectContaining({ id: 'tksk.leuwiliang' }),
        after: expect.objectContaining({ name: KARANG_TARUNA.name, area: '32.01.14.2001' }),
      }),
    ])
  })

  it('a change is audited PSKS_UPDATED with before and after, and the next change starts from it', async () => {
    const { body: created } = await call<PsksBody>('POST', '/api/psks', 'tksk.leuwiliang', {
      ...KARANG_TARUNA,
      name: 'PSM Desa Karacak',
      kind: 'PSM',
    })
    const changed = await call<PsksBody>('PATCH', `/api/psks/${created.psksId}`, 'dinsos.bogor', {
      active: false,
    })
    expect(changed.status).toBe(200)
    expect(changed.body.active).toBe(false)
    const again = await call<PsksBody>('PATCH', `/api/psks/${created.psksId}`, 'tksk.leuwiliang', {
      name: 'PSM Desa Karacak (aktif lagi)',
      active: true,
    })
    expect(again.body).toMatchObject({ name: 'PSM Desa Karacak (aktif lagi)', active: true })

    const audit = await call<{ items: { action: string; before: unknown; after: unknown }[] }>(
      'GET',
      `/api/audit?entityId=psks:${created.psksId}`,
      'auditor.bogor',
    )
    expect(audit.body.items.map((e) => e.action)).toEqual(['PSKS_CREATED', 'PSKS_UPDATED', 'PSKS_UPDATED'])
    expect(audit.body.items[1]).toMatchObject({
      before: expect.objectContaining({ active: true }),
      after: expect.objectContaining({ active: false }),
    })
  })

  it('the TKSK of another kecamatan can neither read, list, change nor add a PSKS there', async () => {
    const { body: created } = await call<PsksBody>('POST', '/api/psks', 'tksk.leuwiliang', {
      ...KARANG_TARUNA,
      name: 'LKS Bina Karacak',
      kind: 'LKS',
    })
    expect((await call('GET', `/api/psks/${created.psksId}`, 'tksk.ciampea')).status).toBe(404)
    expect(
      (await call('PATCH', `/api/psks/${created.psksId}`, 'tksk.ciampea', { active: false })).status,
    ).toBe(404)
    expect((await call('GET', '/api/psks?area=32.01.14', 'tksk.ciampea')).status).toBe(403)
    expect((await call('POST', '/api/psks', 'tksk.ciampea', KARANG_TARUNA)).status).toBe(403)
    const ciampea = await call<{ items: PsksBody[] }>('GET', '/api/psks', 'tksk.ciampea')
    expect(namesOf(ciampea.body)).not.toContain('LKS Bina Karacak')
    // Another kabupaten's Dinsos does not learn it exists either.
    expect((await call('GET', `/api/psks/${created.psksId}`, 'dinsos.bandarlampung')).status).toBe(404)
    // And what was refused changed nothing.
    expect((await call<PsksBody>('GET', `/api/psks/${created.psksId}`, 'tksk.leuwiliang')).body.active).toBe(
      true,
    )
  })

  it('bad input is 400 with the field path, and nothing is written', async () => {
    const before = namesOf((await call<{ items: PsksBody[] }>('GET', '/api/psks', 'tksk.leuwiliang')).body)
    const bad = await call('POST', '/api/psks', 'tksk.leuwiliang', {
      name: 'X',
      kind: 'ARISAN',
      area: '32.01.14.9999',
      contact: { phone: '12', email: 'bukan-email' },
    })
    expect(bad.status).toBe(400)
    expect(pathsOf(bad.body)).toEqual(
      expect.arrayContaining(['name', 'kind', 'contact.phone', 'contact.email']),
    )
    const unknownDesa = await call('POST', '/api/psks', 'tksk.leuwiliang', {
      ...KARANG_TARUNA,
      area: '32.01.14.9999',
    })
    expect(unknownDesa.status).toBe(400)
    expect(pathsOf(unknownDesa.body)).toEqual(['area'])
    const referralWithoutEmail = await call('POST', '/api/psks', 'tksk.leuwiliang', {
      ...KARANG_TARUNA,
      acceptsReferrals: true,
    })
    expect(referralWithoutEmail.status).toBe(400)
    expect(pathsOf(referralWithoutEmail.body)).toEqual(['contact.email'])
    const after = namesOf((await call<{ items: PsksBody[] }>('GET', '/api/psks', 'tksk.leuwiliang')).body)
    expect(after).toEqual(before)
  })

  it('a PSKS that accepts referrals is offered on "Pilih penyedia" for a case of its desa and receives the referral', async () => {
    const { body: lks } = await call<PsksBody>('POST', '/api/psks', 'dinsos.bogor', {
      name: 'LKS Peduli Lansia Karacak',
      kind: 'LKS',
      area: '32.01.14.2001',
      contact: { email: 'peduli.lansia@lks.example.org' },
      acceptsReferrals: true,
    })
    const { body: elsewhere } = await call<PsksBody>('POST', '/api/psks', 'dinsos.bogor', {
      name: 'LKS Ciampea Sejahtera',
      kind: 'LKS',
      area: '32.01.15',
      contact: { email: 'ciampea.sejahtera@lks.example.org' },
      acceptsReferrals: true,
    })
    expect(elsewhere.acceptsReferrals).toBe(true)
    // BPJS Bogor stops taking referrals: KIS PBI has no provider in Kabupaten Bogor.
    expect(
      (await call('PATCH', '/api/admin/providers/bpjs-bogor', 'admin.bogor', { active: false })).status,
    ).toBe(200)
    const { reference } = await driver.submitCase(intakeBody({ service: 'KIS_PBI' }, { nik: nikOf(901) }))
    await driver.act(driver.linkIn(await driver.mail(EMAILS.tksk, reference, 'Asesmen')), {
      ...ASSESSED,
      service: 'KIS_PBI',
    })
    const link = driver.linkIn(await driver.mail(EMAILS.dinsos, reference, 'Pilih penyedia'))
    const page = await (await fetch(link)).text()
    expect(page).toContain('LKS Peduli Lansia Karacak')
    expect(page).not.toContain('LKS Ciampea Sejahtera')
    expect((await driver.act(link, { action: 'CHOOSE', providerId: elsewhere.psksId })).response.status).toBe(
      400,
    )
    expect((await driver.act(link, { action: 'CHOOSE', providerId: lks.psksId })).response.status).toBe(200)
    await driver.waitForStatus(reference, 'RECOMMENDATION')
    await driver.act(driver.linkIn(await driver.mail(EMAILS.dinsos, reference, 'Persetujuan')), {
      decision: 'APPROVE',
    })
    await driver.mail('peduli.lansia@lks.example.org', reference, 'Tanggapan')
  })

  it('only Dinsos or the admin flags a PSKS for referrals or changes its referral email; the TKSK gets 403 naming the field', async () => {
    const flagged = await call('POST', '/api/psks', 'tksk.leuwiliang', {
      ...KARANG_TARUNA,
      name: 'LKS Pintu Rujukan',
      kind: 'LKS',
      contact: { email: 'tksk.sendiri@mail.example.org' },
      acceptsReferrals: true,
    })
    expect(flagged.status).toBe(403)
    expect(pathsOf(flagged.body)).toEqual(['acceptsReferrals'])
    const listed = await call<{ items: PsksBody[] }>('GET', '/api/psks', 'tksk.leuwiliang')
    expect(namesOf(listed.body)).not.toContain('LKS Pintu Rujukan')

    const { body: plain } = await call<PsksBody>('POST', '/api/psks', 'tksk.leuwiliang', {
      ...KARANG_TARUNA,
      name: 'LKS Harapan Karacak',
      kind: 'LKS',
      contact: { email: 'harapan@lks.example.org' },
    })
    const turnedOn = await call('PATCH', `/api/psks/${plain.psksId}`, 'tksk.leuwiliang', {
      acceptsReferrals: true,
    })
    expect(turnedOn.status).toBe(403)
    expect(pathsOf(turnedOn.body)).toEqual(['acceptsReferrals'])
    const vetted = await call<PsksBody>('PATCH', `/api/psks/${plain.psksId}`, 'dinsos.bogor', {
      acceptsReferrals: true,
    })
    expect(vetted.status).toBe(200)
    // Removing the email of a PSKS that takes referrals says why, on the email's path.
    const emailRemoved = await call('PATCH', `/api/psks/${plain.psksId}`, 'dinsos.bogor', {
      contact: { email: null },
    })
    expect(emailRemoved.status).toBe(400)
    expect((emailRemoved.body as unknown as ErrorBody).error.details).toMatchObject([
      { path: 'contact.email', message: 'PSKS yang dapat menerima rujukan harus punya email.' },
    ])

    const redirected = await call('PATCH', `/api/psks/${plain.psksId}`, 'tksk.leuwiliang', {
      contact: { email: 'tksk.sendiri@mail.example.org' },
    })
    expect(redirected.status).toBe(403)
    expect(pathsOf(redirected.body)).toEqual(['contact.email'])
    const turnedOff = await call('PATCH', `/api/psks/${plain.psksId}`, 'tksk.leuwiliang', {
      acceptsReferrals: false,
    })
    expect(turnedOff.status).toBe(403)
    expect(pathsOf(turnedOff.body)).toEqual(['acceptsReferrals'])
    // What was refused changed nothing; the TKSK still keeps the rest of the entry.
    const phoned = await call<PsksBody>('PATCH', `/api/psks/${plain.psksId}`, 'tksk.leuwiliang', {
      name: 'LKS Harapan Karacak (Posko)',
    })
    expect(phoned.status).toBe(200)
    expect(phoned.body).toMatchObject({
      acceptsReferrals: true,
      contact: { email: 'harapan@lks.example.org' },
    })
    const moved = await call<PsksBody>('PATCH', `/api/psks/${plain.psksId}`, 'admin.bogor', {
      contact: { email: 'posko.harapan@lks.example.org' },
    })
    expect(moved.status).toBe(200)
    expect(moved.body.contact.email).toBe('posko.harapan@lks.example.org')
  })

  it('a PATCH of one contact field keeps the others; null removes one', async () => {
    const { body: created } = await call<PsksBody>('POST', '/api/psks', 'tksk.leuwiliang', {
      ...KARANG_TARUNA,
      name: 'PSM Kontak Lengkap',
      kind: 'PSM',
      contact: { person: 'Ujang', phone: '081234567890', email: 'psm.kontak@mail.example.org' },
    })
    const phone = await call<PsksBody>('PATCH', `/api/psks/${created.psksId}`, 'tksk.leuwiliang', {
      contact: { phone: '0813-1111-2222' },
    })
    expect(phone.status).toBe(200)
    expect(phone.body.contact).toEqual({
      person: 'Ujang',
      phone: '081311112222',
      email: 'psm.kontak@mail.example.org',
    })
    const withoutPerson = await call<PsksBody>('PATCH', `/api/psks/${created.psksId}`, 'tksk.leuwiliang', {
      contact: { person: null },
    })
    expect(withoutPerson.body.contact).toEqual({
      phone: '081311112222',
      email: 'psm.kontak@mail.example.org',
    })
    const stored = await call<PsksBody>('GET', `/api/psks/${created.psksId}`, 'dinsos.bogor')
    expect(stored.body.contact).toEqual(withoutPerson.body.contact)
  })
})
