/**
 * The TKSK's activity log (issue 16 item 4, ADR 0031): a kegiatan logged from the phone
 * form, listed per month, audited; the same kegiatan sent twice (the first answer lost
 * offline) is logged once; another kecamatan's TKSK neither reads nor writes it.
 */
import { ulid } from 'ulid'
import { describe, expect, it } from 'vitest'
import { addCalendarDays } from '../../../functions/core/calendar/local-date'
import { localToday } from '../../../functions/flows/admin/local-today'
import { useTestPlatform } from '../../support/platform'
import { createAdminClient, type ErrorBody } from '../admin/admin-client'

const { url } = useTestPlatform()
const { call } = createAdminClient(url)

interface ActivityBody {
  activityId: string
  kind: string
  partners?: string[]
  date: string
  desa: string
  kecamatan: string
  reached: number
  notes: string
  loggedBy: string
}
type Listing = { items: ActivityBody[] }

const RAKOR = {
  kind: 'KOORDINASI',
  partners: ['PSM', 'KARANG_TARUNA'],
  date: '2026-11-20',
  desa: '32.01.14.2001',
  reached: 18,
  notes: 'Rakor pendataan PPKS bersama PSM dan Karang Taruna.',
}

const pathsOf = (body: unknown) => (body as ErrorBody).error.details?.map((d) => d.path)
const month = (user: string, query: string) => call<Listing>('GET', `/api/kegiatan?${query}`, user)

describe('the activity log of a TKSK', () => {
  it('a kegiatan logged is listed under its month for the TKSK and for Dinsos, and audited ACTIVITY_LOGGED', async () => {
    const logged = await call<ActivityBody>('POST', '/api/kegiatan', 'tksk.leuwiliang', RAKOR)
    expect(logged.status).toBe(201)
    expect(logged.body).toEqual({
      ...RAKOR,
      activityId: expect.any(String),
      kecamatan: '32.01.14',
      loggedBy: 'tksk.leuwiliang',
      createdAt: expect.any(String),
    })
    const november = await month('tksk.leuwiliang', 'month=2026-11')
    expect(november.body.items.map((a) => a.activityId)).toContain(logged.body.activityId)
    const october = await month('tksk.leuwiliang', 'month=2026-10')
    expect(october.body.items.map((a) => a.activityId)).not.toContain(logged.body.activityId)
    const dinsos = await month('dinsos.bogor', 'month=2026-11&area=32.01')
    expect(dinsos.body.items.map((a) => a.activityId)).toContain(logged.body.activityId)

    const audit = await call<{ items: { action: string; actor: { id: string } }[] }>(
      'GET',
      `/api/audit?entityId=activity:${logged.body.activityId}`,
      'auditor.bogor',
    )
    expect(audit.body.items).toEqual([
      expect.objectContaining({
        action: 'ACTIVITY_LOGGED',
        actor: expect.objectContaining({ id: 'tksk.leuwiliang' }),
      }),
    ])
  })

  it('a NIK typed in the notes is stored masked, and the append-only audit entry keeps no notes', async () => {
    const logged = await call<ActivityBody>('POST', '/api/kegiatan', 'tksk.leuwiliang', {
      ...RAKOR,
      notes: 'Kunjungan ke Ibu Sari, NIK 3201 1445 0780 0001, belum terdaftar DTKS.',
    })
    expect(logged.status).toBe(201)
    expect(logged.body.notes).toBe('Kunjungan ke Ibu Sari, NIK 320114******0001, belum terdaftar DTKS.')
    const listed = await month('dinsos.bogor', 'month=2026-11&area=32.01')
    const stored = listed.body.items.find((a) => a.activityId === logged.body.activityId)
    expect(stored?.notes).toBe('Kunjungan ke Ibu Sari, NIK 320114******0001, belum terdaftar DTKS.')

    const audit = await call<{ items: { action: string; after: Record<string, unknown> }[] }>(
      'GET',
      `/api/audit?entityId=activity:${logged.body.activityId}`,
      'auditor.bogor',
    )
    expect(audit.body.items).toHaveLength(1)
    expect(audit.body.items[0]?.after).toMatchObject({ kind: 'KOORDINASI', reached: 18 })
    expect(audit.body.items[0]?.after).not.toHaveProperty('notes')
  })

  it('a NIK typed in the notes with the birth date beside it: both masked, so the Dinsos list cannot rebuild the NIK', async () => {
    const logged = await call<ActivityBody>('POST', '/api/kegiatan', 'tksk.leuwiliang', {
      ...RAKOR,
      notes: 'Kunjungan ke Ibu Sari, NIK 3201 1445 0780 0002, lahir 5 Juli 1980, belum terdaftar DTKS.',
    })
    expect(logged.status).toBe(201)
    const masked = 'Kunjungan ke Ibu Sari, NIK 320114******0002, lahir ** ** 1980, belum terdaftar DTKS.'
    expect(logged.body.notes).toBe(masked)
    const listed = await month('dinsos.bogor', 'month=2026-11&area=32.01')
    expect(listed.body.items.find((a) => a.activityId === logged.body.activityId)?.notes).toBe(masked)
  })

  it('the same kegiatan sent again under the id the form chose is logged once; that id with other content is 409', async () => {
    const activityId = ulid()
    const visit = { activityId, kind: 'KUNJUNGAN', date: '2026-11-21', desa: '32.01.14.2001', reached: 3 }
    const first = await call<ActivityBody>('POST', '/api/kegiatan', 'tksk.leuwiliang', visit)
    expect(first.status).toBe(201)
    const repeated = await call<ActivityBody>('POST', '/api/kegiatan', 'tksk.leuwiliang', visit)
    expect(repeated.status).toBe(200)
    expect(repeated.body).toEqual(first.body)
    const clash = await call('POST', '/api/kegiatan', 'tksk.leuwiliang', { ...visit, reached: 4 })
    expect(clash.status).toBe(409)
    expect(pathsOf(clash.body)).toEqual(['activityId'])

    const listed = await month('tksk.leuwiliang', 'month=2026-11')
    expect(listed.body.items.filter((a) => a.activityId === activityId)).toHaveLength(1)
    const audit = await call<{ items: unknown[] }>(
      'GET',
      `/api/audit?entityId=activity:${activityId}`,
      'auditor.bogor',
    )
    expect(audit.body.items).toHaveLength(1)
  })

  it('the TKSK of another kecamatan can neither log a kegiatan there nor read its month', async () => {
    expect((await call('POST', '/api/kegiatan', 'tksk.ciampea', RAKOR)).status).toBe(403)
    expect((await month('tksk.ciampea', 'month=2026-11&area=32.01.14')).status).toBe(403)
    const own = await month('tksk.ciampea', 'month=2026-11')
    expect(own.status).toBe(200)
    expect(own.body.items.map((a) => a.kecamatan)).not.toContain('32.01.14')
    // Dinsos reads the log but does not write the TKSK's record of work.
    expect((await call('POST', '/api/kegiatan', 'dinsos.bogor', RAKOR)).status).toBe(403)
  })

  it('bad input is 400 with the field path, and nothing is logged', async () => {
    const before = (await month('tksk.leuwiliang', 'month=2026-11')).body.items.length
    const bad = await call('POST', '/api/kegiatan', 'tksk.leuwiliang', {
      kind: 'ARISAN',
      date: '20-11-2026',
      desa: '32.01.14',
      reached: -1,
    })
    expect(bad.status).toBe(400)
    expect(pathsOf(bad.body)).toEqual(expect.arrayContaining(['kind', 'date', 'desa', 'reached']))
    const noPartners = await call('POST', '/api/kegiatan', 'tksk.leuwiliang', { ...RAKOR, partners: [] })
    expect(pathsOf(noPartners.body)).toEqual(['partners'])
    // Tomorrow in the kecamatan, on the project clock: a fixed date becomes today one day.
    const tomorrow = addCalendarDays(localToday('32.01.14'), 1)
    const future = await call('POST', '/api/kegiatan', 'tksk.leuwiliang', { ...RAKOR, date: tomorrow })
    expect(future.status).toBe(400)
    expect(pathsOf(future.body)).toEqual(['date'])
    const unknownDesa = await call('POST', '/api/kegiatan', 'tksk.leuwiliang', {
      ...RAKOR,
      desa: '32.01.14.9999',
    })
    expect(pathsOf(unknownDesa.body)).toEqual(['desa'])
    const badMonth = await month('tksk.leuwiliang', 'month=2026-13')
    expect(badMonth.status).toBe(400)
    expect(pathsOf(badMonth.body)).toEqual(['month'])
    expect((await month('tksk.leuwiliang', 'month=2026-11')).body.items).toHaveLength(before)
  })
})
