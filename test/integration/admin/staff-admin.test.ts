/**
 * Issue 13: the staff and calendar administration through `/api/admin/*` on the local
 * platform — invitations, bad input with its path, scope between kabupaten, the last
 * admin, the all-or-nothing import, the audited calendar that due dates read.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTokenCache, login, startTestPlatform, type TestPlatform } from '../../support/platform'
import type { DayOff } from '../../../functions/core/calendar/days-off'
import { createIndonesianHolidayCalendar } from '../../../functions/core/calendar/indonesian-holidays'
import { addWorkingDays, addWorkingDaysToDate } from '../../../functions/core/calendar/working-days'
import { localToday } from '../../../functions/flows/admin/local-today'
import { nowMs } from '../../../functions/shared/clock'
import { currentTerm, endedTerm, termCells } from '../../support/staff-term'
import { currentPeriod } from '../verval/verval-driver'

let platform: TestPlatform
let token: (username: string) => Promise<string>

beforeAll(async () => {
  platform = await startTestPlatform()
  token = createTokenCache(() => platform.url)
})
afterAll(async () => {
  await platform?.dispose()
})

const call = async (
  username: string,
  method: string,
  path: string,
  body?: unknown,
  type = 'application/json',
) => {
  const response = await fetch(`${platform.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${await token(username)}`, 'content-type': type },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  })
  const text = await response.text()
  return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} }
}

const tksk = (overrides: Record<string, unknown> = {}) => ({
  username: 'tksk.cigudeg',
  name: 'Rina Marlina',
  email: 'tksk.cigudeg@dinsos.bogorkab.local',
  role: 'tksk',
  area: '32.01.19',
  term: currentTerm((year) => `460/Kep.12-Dinsos/${year}`),
  ...overrides,
})

/** Posts a staff sheet (CSV lines, or one text) to the import as `username`. */
const importSheet = (username: string, sheet: readonly string[] | string) =>
  call(
    username,
    'POST',
    '/api/admin/staff/import',
    typeof sheet === 'string' ? sheet : sheet.join('\n'),
    'text/csv',
  )

const paths = (body: Record<string, unknown>): string[] =>
  ((body.error as { details?: { path: string }[] }).details ?? []).map((d) => d.path)

describe('staff administration', () => {
  it('an admin of Bogor invites a TKSK of a Bogor kecamatan, who can then sign in', async () => {
    const created = await call('admin.bogor', 'POST', '/api/admin/staff', tksk())
    expect(created.status).toBe(201)
    expect(created.body).toEqual({ staffId: 'tksk.cigudeg' })
    const shown = await call('admin.bogor', 'GET', '/api/admin/staff/tksk.cigudeg')
    expect(shown.body).toMatchObject({
      username: 'tksk.cigudeg',
      role: 'tksk',
      area: '32.01.19',
      active: true,
    })
    expect(await login(platform.url, 'tksk.cigudeg')).toEqual(expect.any(String))
    const listed = await call('admin.bogor', 'GET', '/api/admin/staff?limit=100')
    expect((listed.body.items as { username: string }[]).map((s) => s.username)).toEqual(
      expect.arrayContaining(['tksk.cigudeg', 'tksk.leuwiliang', 'dinsos.bogor', 'admin.bogor']),
    )
    expect((listed.body.items as { area: string }[]).every((s) => s.area.startsWith('32.01'))).toBe(true)
  })

  it('refuses an email or username in use with 409 naming it', async () => {
    const email = await call(
      'admin.bogor',
      'POST',
      '/api/admin/staff',
      tksk({ username: 'tksk.lain', email: 'rehsos@dinsos.bogorkab.local' }),
    )
    expect(email.status).toBe(409)
    expect(JSON.stringify(email.body)).toContain('rehsos@dinsos.bogorkab.local')
    const username = await call(
      'admin.bogor',
      'POST',
      '/api/admin/staff',
      tksk({ username: 'dinsos.bogor', email: 'x@y.local' }),
    )
    expect(username.status).toBe(409)
    expect(JSON.stringify(username.body)).toContain('dinsos.bogor')
  })

  it.each([
    ['an unknown role', { role: 'bupati' }, 'role'],
    ['an unknown area', { area: '32.01.99' }, 'area'],
    ['a TKSK area that is not a kecamatan', { area: '32.01' }, 'area'],
    ['a TKSK without an SK', { term: undefined }, 'term'],
    [
      'a term ending before it starts',
      { term: { skNumber: 'SK 1', start: '2026-05-01', end: '2026-04-01' } },
      'term.end',
    ],
    ['an unknown field', { nip: '1980' }, 'nip'],
    // The daily term-end job would end the new account within the day, its tasks handed over.
    ['a term already over (last year’s SK after 1 January)', { term: endedTerm('SK 1') }, 'term.end'],
  ])('answers %s with 400 and the field path', async (_name, change, path) => {
    const answer = await call(
      'admin.bogor',
      'POST',
      '/api/admin/staff',
      tksk({ username: 'tksk.baru', email: 'baru@x.local', ...change }),
    )
    expect(answer.status).toBe(400)
    expect(paths(answer.body)).toContain(path)
  })

  it('keeps an admin of Bogor out of Bandar Lampung and away from national scope', async () => {
    expect((await call('admin.bogor', 'GET', '/api/admin/staff/tksk.panjang')).status).toBe(404)
    expect(
      (await call('admin.bogor', 'PATCH', '/api/admin/staff/tksk.panjang', { active: false })).status,
    ).toBe(404)
    expect((await call('admin.bogor', 'GET', '/api/admin/staff?area=18.71')).status).toBe(403)
    expect(
      (
        await call(
          'admin.bogor',
          'POST',
          '/api/admin/staff',
          tksk({ username: 'tksk.x', email: 'x1@x.local', area: '18.71.04' }),
        )
      ).status,
    ).toBe(403)
    expect((await call('admin.bogor', 'PATCH', '/api/admin/staff/admin.bogor', { area: '*' })).status).toBe(
      403,
    )
    expect((await call('dinsos.bogor', 'GET', '/api/admin/staff')).status).toBe(403)
  })

  it('refuses to deactivate the last active admin of a kabupaten with the reason', async () => {
    const answer = await call('admin.bogor', 'PATCH', '/api/admin/staff/admin.bogor', { active: false })
    expect(answer.status).toBe(409)
    expect((answer.body.error as { message: string }).message).toContain('administrator aktif terakhir')
    expect((await call('admin.bogor', 'GET', '/api/admin/staff/admin.bogor')).body).toMatchObject({
      active: true,
    })
  })

  it('imports nothing when any row fails, with errors on spreadsheet lines', async () => {
    const csv = [
      'username,nama,email,peran,wilayah,no_sk,awal_tugas,akhir_tugas',
      `tksk.jasinga,Dedi Supriadi,tksk.jasinga@dinsos.bogorkab.local,tksk,32.01.20,${termCells(currentTerm((year) => `SK 7/${year}`))}`,
      '',
      'staf.dinsos2,Ani,ani@dinsos.bogorkab.local,dinsos,32.01.20,,,',
      `tksk.ganda,Budi,tksk.jasinga@dinsos.bogorkab.local,tksk,32.01.21,${termCells(currentTerm((year) => `SK 8/${year}`))}`,
    ].join('\n')
    const answer = await importSheet('admin.bogor', csv)
    expect(answer.status).toBe(400)
    expect(paths(answer.body)).toEqual(expect.arrayContaining(['rows.4.wilayah', 'rows.5.email']))
    expect((await call('admin.bogor', 'GET', '/api/admin/staff/tksk.jasinga')).status).toBe(404)
  })

  it('imports nothing from a sheet with a TKSK whose term is over, naming its akhir_tugas', async () => {
    const csv = [
      'username,nama,email,peran,wilayah,no_sk,awal_tugas,akhir_tugas',
      `tksk.jasinga,Dedi Supriadi,tksk.jasinga@dinsos.bogorkab.local,tksk,32.01.20,${termCells(endedTerm('SK 7'))}`,
    ].join('\n')
    const answer = await importSheet('admin.bogor', csv)
    expect(answer.status).toBe(400)
    expect(paths(answer.body)).toEqual(['rows.2.akhir_tugas'])
    expect((await call('admin.bogor', 'GET', '/api/admin/staff/tksk.jasinga')).status).toBe(404)
  })

  it('imports a valid sheet: new usernames created, known ones updated', async () => {
    const csv = [
      'nama;username;email;peran;wilayah;no_sk;awal_tugas;akhir_tugas'.replaceAll(';', ','),
      `Dedi Supriadi,tksk.jasinga,tksk.jasinga@dinsos.bogorkab.local,tksk,32.01.20,${termCells(currentTerm((year) => `SK 7/${year}`))}`,
      `Rina Marlina S.,tksk.cigudeg,tksk.cigudeg@dinsos.bogorkab.local,tksk,32.01.19,${termCells(currentTerm((year) => `460/Kep.12-Dinsos/${year}`))}`,
    ].join('\n')
    const answer = await importSheet('admin.bogor', csv)
    expect(answer).toEqual({ status: 200, body: { created: 1, updated: 1 } })
    expect((await call('admin.bogor', 'GET', '/api/admin/staff/tksk.cigudeg')).body).toMatchObject({
      name: 'Rina Marlina S.',
    })
  })

  // From 1 January the daily job has ended last year's TKSK; re-importing the same sheet is a no-op.
  describe('re-importing a TKSK whose SK is over', () => {
    const header = 'username,nama,email,peran,wilayah,no_sk,awal_tugas,akhir_tugas'
    const row = (username: string, term = endedTerm('SK 9')) =>
      `${username},Asep,${username}@dinsos.bogorkab.local,tksk,32.01.22,${termCells(term)}`

    it('leaves one the term-end job ended as it is: 200, nothing updated', async () => {
      const person = { username: 'tksk.sukajaya', email: 'tksk.sukajaya@dinsos.bogorkab.local', name: 'Asep' }
      expect(
        (await call('admin.bogor', 'POST', '/api/admin/staff', tksk({ ...person, area: '32.01.22' }))).status,
      ).toBe(201)
      const ended = { active: false, term: endedTerm('SK 9') }
      expect((await call('admin.bogor', 'PATCH', '/api/admin/staff/tksk.sukajaya', ended)).status).toBe(200)
      const answer = await importSheet('admin.bogor', [header, row('tksk.sukajaya')])
      expect(answer).toEqual({ status: 200, body: { created: 0, updated: 0 } })
      expect((await call('admin.bogor', 'GET', '/api/admin/staff/tksk.sukajaya')).body).toMatchObject({
        active: false,
      })
    })

    it('refuses the ended SK for an active TKSK, naming its akhir_tugas', async () => {
      const person = {
        username: 'tksk.sukamakmur',
        email: 'tksk.sukamakmur@dinsos.bogorkab.local',
        name: 'Asep',
      }
      expect(
        (await call('admin.bogor', 'POST', '/api/admin/staff', tksk({ ...person, area: '32.01.22' }))).status,
      ).toBe(201)
      const answer = await importSheet('admin.bogor', [header, row('tksk.sukamakmur')])
      expect(answer.status).toBe(400)
      expect(paths(answer.body)).toEqual(['rows.2.akhir_tugas'])
    })
  })

  // ADR 0039: a province's office is staffed like any other, by import or form, by whoever holds the province.
  describe('a dinsos_provinsi, province-wide', () => {
    const header = 'username,nama,email,peran,wilayah,no_sk,awal_tugas,akhir_tugas'
    const row = (username: string) =>
      `${username},Dinsos Provinsi Jawa Barat,${username}@jabarprov.local,dinsos_provinsi,32,,,`

    it('is imported by the national admin, then signs in and reads the laporan of its kabupaten', async () => {
      const answer = await importSheet('admin', [header, row('dinsos.jabar2')])
      expect(answer).toEqual({ status: 200, body: { created: 1, updated: 0 } })
      expect((await call('admin', 'GET', '/api/admin/staff/dinsos.jabar2')).body).toMatchObject({
        role: 'dinsos_provinsi',
        area: '32',
        active: true,
      })
      const listed = await call('admin', 'GET', '/api/admin/staff?area=32')
      expect((listed.body.items as { username: string }[]).map((s) => s.username)).toContain('dinsos.jabar2')
      expect(
        (await call('dinsos.jabar2', 'GET', `/api/laporan?area=32.01&month=${currentPeriod()}`)).status,
      ).toBe(200)
      expect(
        (await call('dinsos.jabar2', 'GET', `/api/laporan?area=18.71&month=${currentPeriod()}`)).status,
      ).toBe(403)
    })

    it('is refused to a kabupaten admin: by import (the row’s wilayah), by the form and by a change', async () => {
      const imported = await importSheet('admin.bogor', [header, row('dinsos.jabar3')])
      expect(imported.status).toBe(400)
      const details = (imported.body.error as { details: { path: string; message: string }[] }).details
      expect(details).toEqual([
        { path: 'rows.2.wilayah', message: expect.stringContaining('di luar cakupan') as string },
      ])
      const created = await call('admin.bogor', 'POST', '/api/admin/staff', {
        username: 'dinsos.jabar3',
        name: 'Dinsos Provinsi Jawa Barat',
        email: 'dinsos.jabar3@jabarprov.local',
        role: 'dinsos_provinsi',
        area: '32',
      })
      expect(created.status).toBe(403)
      const moved = await call('admin.bogor', 'PATCH', '/api/admin/staff/dinsos.bogor', {
        role: 'dinsos_provinsi',
        area: '32',
      })
      expect(moved.status).toBe(403)
      expect((await call('admin.bogor', 'GET', '/api/admin/staff?area=32')).status).toBe(403)
      expect((await call('admin', 'GET', '/api/admin/staff/dinsos.jabar3')).status).toBe(404)
      expect((await call('admin', 'GET', '/api/admin/staff/dinsos.bogor')).body).toMatchObject({
        role: 'dinsos',
        area: '32.01',
      })
    })
  })

  it('audits a change with the record before and after', async () => {
    const moved = await call('admin.bogor', 'PATCH', '/api/admin/staff/tksk.jasinga', { area: '32.01.21' })
    expect(moved.status).toBe(200)
    const audit = await call(
      'admin.bogor',
      'GET',
      `/api/audit?entityId=${encodeURIComponent('user:tksk.jasinga')}`,
    )
    const actions = (audit.body.items as { action: string; before: unknown; after: unknown }[]).map((e) => [
      e.action,
      (e.before as { area?: string } | null)?.area ?? null,
      (e.after as { area: string }).area,
    ])
    expect(actions).toEqual([
      ['STAFF_CREATED', null, '32.01.20'],
      ['STAFF_UPDATED', '32.01.20', '32.01.21'],
    ])
  })
})

describe('the calendar of days off', () => {
  it('serves the built-in 2026 list until an admin keeps one, and has none for 2027', async () => {
    const seed = await call('dinsos.bogor', 'GET', '/api/admin/calendar/2026')
    expect(seed.body).toMatchObject({ year: 2026, source: 'built-in' })
    expect((seed.body.daysOff as unknown[]).length).toBe(8)
    expect((await call('admin.bogor', 'GET', '/api/admin/calendar/2027')).body).toMatchObject({
      source: 'none',
      daysOff: [],
    })
  })

  it('lets an admin keep next year’s list, audited as CALENDAR_UPDATED', async () => {
    const daysOff = [
      { date: '2027-03-10', label: 'Cuti bersama Idul Fitri' },
      { date: '2027-01-02', label: 'Cuti bersama Tahun Baru' },
    ]
    const saved = await call('admin.bogor', 'PUT', '/api/admin/calendar/2027', { daysOff })
    expect(saved.status).toBe(200)
    expect((saved.body.daysOff as { date: string }[]).map((d) => d.date)).toEqual([
      '2027-01-02',
      '2027-03-10',
    ])
    const audit = await call('admin', 'GET', `/api/audit?entityId=${encodeURIComponent('calendar:2027')}`)
    expect(audit.body.items).toEqual([expect.objectContaining({ action: 'CALENDAR_UPDATED', before: null })])
    expect((await call('dinsos.bogor', 'PUT', '/api/admin/calendar/2027', { daysOff })).status).toBe(403)
  })

  it('a day an admin keeps off moves the due date of a task opened after it (the case steps read the kept list)', async () => {
    const { createDriver, EMAILS, intakeBody, nikOf } = await import('../case/case-driver')
    const driver = createDriver(() => platform.url)
    const today = localToday('32.01')
    const year = Number(today.slice(0, 4))
    const kept = async (y: number) =>
      ((await call('admin.bogor', 'GET', `/api/admin/calendar/${y}`)).body.daysOff as DayOff[]) ?? []
    const lists = { [year]: await kept(year), [year + 1]: await kept(year + 1) }
    const daysOff = () => Object.values(lists).flatMap((list) => list.map((day) => day.date))
    const dueWith = (extraDaysOff: string[]) =>
      addWorkingDays(new Date(nowMs()), 5, {
        timeZone: 'Asia/Jakarta',
        holidays: createIndonesianHolidayCalendar({ extraDaysOff }),
      }).toISOString()
    const before = dueWith(daysOff())
    // The next working day, kept off (in next year's list when today is the year's last one).
    const dayOff = addWorkingDaysToDate(
      today,
      1,
      createIndonesianHolidayCalendar({ extraDaysOff: daysOff() }),
    )
    const listYear = Number(dayOff.slice(0, 4))
    const list = [...(lists[listYear] ?? []), { date: dayOff, label: 'Cuti bersama (uji)' }]
    expect(
      (await call('admin.bogor', 'PUT', `/api/admin/calendar/${listYear}`, { daysOff: list })).status,
    ).toBe(200)
    lists[listYear] = list
    const expected = dueWith(daysOff())
    expect(expected).not.toBe(before)

    // Another person than the onboarding's test case below (which would be its duplicate).
    const { reference } = await driver.submitCase(intakeBody({}, { nik: nikOf(61), kk: '3201140101100061' }))
    await driver.mail(EMAILS.tksk, reference, 'Asesmen')
    const dueAt = await driver.dueAtOf('tksk.leuwiliang', reference, 'ASSESSMENT')
    expect(new Date(dueAt).toISOString()).toBe(expected)
  })

  it('refuses a date outside the year, or twice, with its path', async () => {
    const answer = await call('admin.bogor', 'PUT', '/api/admin/calendar/2027', {
      daysOff: [
        { date: '2026-12-31', label: 'Salah tahun' },
        { date: '2027-01-02', label: 'A' + 'a' },
        { date: '2027-01-02', label: 'Dua kali' },
      ],
    })
    expect(answer.status).toBe(400)
    expect(paths(answer.body)).toEqual(['daysOff.0.date', 'daysOff.2.date'])
  })
})

describe('the first admin of a new kabupaten, invited on deploy', () => {
  it('is invited once through the admin function, and a redeploy changes nothing', async () => {
    const { handler } = await import('../../../functions/http/admin/handler')
    const request = { firstAdmin: { email: 'admin@dinsos.semarangkota.go.id', kabupaten: '33.74' } }
    const first = await handler(request, {} as never)
    expect(JSON.parse((first as { body: string }).body)).toEqual({ invited: true, staffId: 'admin.3374' })
    const again = await handler(request, {} as never)
    expect(JSON.parse((again as { body: string }).body)).toEqual({ invited: false })
    const shown = await call('admin.3374', 'GET', '/api/admin/staff/admin.3374')
    expect(shown.body).toMatchObject({
      role: 'admin',
      area: '33.74',
      email: 'admin@dinsos.semarangkota.go.id',
    })
    const audit = await call('admin', 'GET', `/api/audit?entityId=${encodeURIComponent('user:admin.3374')}`)
    // The chain also holds the admin's sign-in (LOGIN) above.
    expect(audit.body.items).toContainEqual(
      expect.objectContaining({
        action: 'STAFF_CREATED',
        actor: expect.objectContaining({ id: 'deploy', role: 'system' }),
      }),
    )
  })
})

describe('the onboarding’s test case, withdrawn from the case page', () => {
  it('a Dinsos withdraws it with a reason through the page form; a too short reason stays on the page', async () => {
    const { createDriver } = await import('../case/case-driver')
    const { csrfTokenFor } = await import('../../../functions/shared/auth/csrf')
    const driver = createDriver(() => platform.url)
    const { caseId, reference } = await driver.submitCase()
    const session = await token('dinsos.bogor')
    const post = (reason: string) =>
      fetch(`${platform.url}/staff/cases/${caseId}/tarik`, {
        method: 'POST',
        redirect: 'manual',
        headers: { cookie: `session=${session}`, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ _csrf: csrfTokenFor(session), reason }),
      })
    const page = await fetch(`${platform.url}/staff/cases/${caseId}`, {
      headers: { cookie: `session=${session}` },
    })
    expect(await page.text()).toContain('Tarik permohonan')
    const short = await post('uji')
    expect(short.status).toBe(400)
    expect(await short.text()).toContain('Alasan minimal 5 karakter')
    const done = await post('uji coba onboarding')
    expect(done.status).toBe(303)
    await driver.waitForStatus(reference, 'CLOSED', 'WITHDRAWN')
  })
})
