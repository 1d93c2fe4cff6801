import { describe, expect, it } from 'vitest'
import { useTestPlatform } from '../../support/platform'
import { createAdminClient, type ErrorBody, type ProviderBody } from './admin-client'

const { url } = useTestPlatform()
const { call } = createAdminClient(url)

const LKS = {
  name: 'LKS Bina Sejahtera Leuwiliang',
  kind: 'LKS',
  email: 'bina.sejahtera@lks.example.org',
  phone: '0251-8123456',
  services: ['REHABILITASI_SOSIAL'],
  areas: ['32.01.14'],
}

interface Page {
  items: ProviderBody[]
  nextCursor: string | null
}

interface AuditPage {
  items: { action: string; before: unknown; after: unknown; actor: { id: string } }[]
}

const pathsOf = (body: unknown) => (body as ErrorBody).error.details?.map((d) => d.path)

describe('the provider directory of a kabupaten', () => {
  it('an admin adds a provider, finds it in the list, and the change is audited PROVIDER_CREATED', async () => {
    const created = await call<ProviderBody>('POST', '/api/admin/providers', 'admin.bogor', LKS)
    expect(created.status).toBe(201)
    expect(created.body).toEqual({
      ...LKS,
      phone: '02518123456',
      providerId: expect.any(String),
      active: true,
    })

    const listed = await call<Page>('GET', '/api/admin/providers?service=REHABILITASI_SOSIAL', 'admin.bogor')
    expect(listed.body.items.map((p) => p.name)).toEqual([
      'Bidang Rehabilitasi Sosial Dinsos Kab. Bogor',
      'LKS Bina Sejahtera Leuwiliang',
    ])

    const audit = await call<AuditPage>(
      'GET',
      `/api/audit?entityId=provider:${created.body.providerId}`,
      'admin.bogor',
    )
    expect(audit.body.items).toEqual([
      expect.objectContaining({
        action: 'PROVIDER_CREATED',
        actor: expect.objectContaining({ id: 'admin.bogor' }),
        before: null,
        after: expect.objectContaining({ name: LKS.name, areas: ['32.01.14'], active: true }),
      }),
    ])
  })

  it('a change (deactivation included) is audited PROVIDER_UPDATED with before and after', async () => {
    const { body: created } = await call<ProviderBody>('POST', '/api/admin/providers', 'admin.bogor', {
      ...LKS,
      email: 'psm.ciampea@example.org',
      name: 'PSM Ciampea',
      kind: 'PSM',
      areas: ['32.01.15'],
    })
    const changed = await call<ProviderBody>(
      'PATCH',
      `/api/admin/providers/${created.providerId}`,
      'admin.bogor',
      {
        active: false,
        phone: null,
      },
    )
    expect(changed.status).toBe(200)
    expect(changed.body.active).toBe(false)
    expect(changed.body.phone).toBeUndefined()
    const audit = await call<AuditPage>(
      'GET',
      `/api/audit?entityId=provider:${created.providerId}`,
      'admin.bogor',
    )
    expect(audit.body.items.map((e) => e.action)).toEqual(['PROVIDER_CREATED', 'PROVIDER_UPDATED'])
    expect(audit.body.items[1]).toMatchObject({
      before: { active: true, phone: '02518123456' },
      after: { active: false },
    })
    expect(audit.body.items[1]?.after).not.toHaveProperty('phone')
    const active = await call<Page>('GET', '/api/admin/providers?active=false', 'admin.bogor')
    expect(active.body.items.map((p) => p.providerId)).toContain(created.providerId)
  })

  it('pages through the list with limit and an opaque cursor', async () => {
    const first = await call<Page>('GET', '/api/admin/providers?limit=3', 'admin.bogor')
    expect(first.body.items).toHaveLength(3)
    expect(first.body.nextCursor).toEqual(expect.any(String))
    const second = await call<Page>(
      'GET',
      `/api/admin/providers?limit=3&cursor=${first.body.nextCursor}`,
      'admin.bogor',
    )
    expect(second.body.items).toHaveLength(3)
    expect(second.body.items.map((p) => p.providerId)).not.toContain(first.body.items[0]?.providerId)
  })
})

describe('bad input to the directory', () => {
  it.each([
    ['an unknown kind', { kind: 'KLINIK' }, 'kind'],
    ['an unknown service', { services: ['REHABILITASI_SOSIAL', 'SEMBAKO'] }, 'services.1'],
    ['an unknown area', { areas: ['32.01.14', '32.01.99'] }, 'areas.1'],
    ['an area of another kabupaten beside its own', { areas: ['32.01.14', '18.71.04'] }, 'areas.1'],
    ['an unknown field', { kabupaten: '32.01' }, 'kabupaten'],
  ])('%s is a 400 naming its path, and nothing is written', async (what, change, path) => {
    const email = `bad.${what.replaceAll(' ', '-')}@example.org`
    const response = await call('POST', '/api/admin/providers', 'admin.bogor', {
      ...LKS,
      email,
      ...change,
    })
    expect(response.status).toBe(400)
    expect(pathsOf(response.body)).toContain(path)
    const retry = await call('POST', '/api/admin/providers', 'admin.bogor', {
      ...LKS,
      email,
    })
    expect(retry.status).toBe(201)
  })

  it('an email already in use is a 409 naming it, on create and on change', async () => {
    const taken = await call<ErrorBody>('POST', '/api/admin/providers', 'admin.bogor', {
      ...LKS,
      email: 'KIS@bpjs-bogor.local',
    })
    expect(taken.status).toBe(409)
    expect(taken.body.error.message).toContain('kis@bpjs-bogor.local')
    const changed = await call('PATCH', '/api/admin/providers/rsud-leuwiliang', 'admin.bogor', {
      email: 'kis@bpjs-bogor.local',
    })
    expect(changed.status).toBe(409)
  })

  it('an email given up by a change is free for another provider', async () => {
    const { body: first } = await call<ProviderBody>('POST', '/api/admin/providers', 'admin.bogor', {
      ...LKS,
      email: 'pindah@example.org',
    })
    await call('PATCH', `/api/admin/providers/${first.providerId}`, 'admin.bogor', {
      email: 'baru@example.org',
    })
    const second = await call('POST', '/api/admin/providers', 'admin.bogor', {
      ...LKS,
      email: 'pindah@example.org',
    })
    expect(second.status).toBe(201)
  })
})

describe('who may keep which directory', () => {
  it('an admin of Bogor does not see Bandar Lampung’s providers (404) nor list or add there (403)', async () => {
    expect((await call('GET', '/api/admin/providers/dinsos-bandarlampung', 'admin.bogor')).status).toBe(404)
    expect(
      (await call('PATCH', '/api/admin/providers/dinsos-bandarlampung', 'admin.bogor', { active: false }))
        .status,
    ).toBe(404)
    expect((await call('GET', '/api/admin/providers?area=18.71', 'admin.bogor')).status).toBe(403)
    expect(
      (
        await call('POST', '/api/admin/providers', 'admin.bogor', {
          ...LKS,
          email: 'x@example.org',
          areas: ['18.71'],
        })
      ).status,
    ).toBe(403)
    const own = await call<Page>('GET', '/api/admin/providers?limit=100', 'admin.bogor')
    expect(own.body.items.map((p) => p.providerId)).not.toContain('dinsos-bandarlampung')
  })

  it('a national admin names the kabupaten of a list, and sees any', async () => {
    const unnamed = await call('GET', '/api/admin/providers', 'admin')
    expect(unnamed.status).toBe(400)
    expect(pathsOf(unnamed.body)).toEqual(['area'])
    const lampung = await call<Page>('GET', '/api/admin/providers?area=18.71', 'admin')
    expect(lampung.body.items.map((p) => p.providerId)).toEqual(['dinsos-bandarlampung'])
  })

  it('staff other than admins may not read or change the directory', async () => {
    expect((await call('GET', '/api/admin/providers', 'dinsos.bogor')).status).toBe(403)
    expect((await call('POST', '/api/admin/providers', 'dinsos.bogor', LKS)).status).toBe(403)
    expect(
      (await call('PATCH', '/api/admin/providers/bpjs-bogor', 'auditor.bogor', { active: false })).status,
    ).toBe(403)
  })
})
