/**
 * `npm run demo:staff -- <kabupaten>` (e.g. `33.74`): loads the demo staff of another
 * kabupaten/kota into a running local platform through its own staff import, signed
 * in as the national `admin`. Usernames are printed; sign in as any of them at /login.
 * The platform's address: `PUBLIC_BASE_URL`, else `http://localhost:$PORT` (3000).
 */
import { areaLevel } from '../../../functions/core/areas/area-code'
import { timeZoneOfArea } from '../../../functions/core/areas/time-zones'
import { localYearOf } from '../../../functions/core/calendar/local-date'
import { demoStaffCsv, demoStaffRows } from '../../../functions/core/staff/demo-staff'
import { loadAreaIndex } from '../../../functions/data/area-source'

const fail = (message: string): never => {
  console.error(message)
  process.exit(1)
}

const main = async () => {
  const kabupaten = process.argv[2] ?? ''
  if (areaLevel(kabupaten) !== 'regency')
    fail('Usage: npm run demo:staff -- <kabupaten/kota code, e.g. 33.74>')
  const index = loadAreaIndex()
  const row = index.get(kabupaten) ?? fail(`Unknown kabupaten/kota ${kabupaten}`)
  // The year on the kabupaten's wall clock, not in the machine's zone (on a UTC machine the
  // new year would begin at 07:00 WIB).
  const timeZone = timeZoneOfArea(kabupaten) ?? 'Asia/Jakarta'
  const year = localYearOf(new Date(), timeZone)
  const rows = demoStaffRows(row, index.children(kabupaten), year)
  const base = process.env.PUBLIC_BASE_URL ?? `http://localhost:${process.env.PORT ?? '3000'}`
  const login = await fetch(`${base}/api/dev/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin' }),
  }).catch(() => fail(`No platform answers at ${base}: start it with npm start`))
  if (login.status !== 200) fail(`Signing in as admin failed (${login.status})`)
  const { token } = (await login.json()) as { token: string }
  const answer = await fetch(`${base}/api/admin/staff/import`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
    body: demoStaffCsv(rows),
  })
  const body = await answer.text()
  if (answer.status !== 200) fail(`Import refused (${answer.status}): ${body}`)
  console.log(`${row.name}: ${body}`)
  for (const r of rows) console.log(`  ${r.username.padEnd(24)} ${r.peran.padEnd(12)} ${r.wilayah}`)
}

await main()
