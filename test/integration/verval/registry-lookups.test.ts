/**
 * The registry's lookup items (ADR 0019): apply keeps them with the records it changes
 * (a KK given up by UBAH is freed, a removed KPM's NIK and KK are no longer active), and
 * the backfill writes the same lookups for a registry applied before they existed.
 */
import { DeleteCommand } from '@aws-sdk/lib-dynamodb'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { nikRefOf } from '../../../functions/core/identity/nik-ref'
import { kpmKkLookupKey, kpmNikLookupKey } from '../../../functions/data/keys'
import { activeLookups } from '../../../functions/data/kpm-repository'
import { dynamo } from '../../../functions/shared/clients'
import { env } from '../../../functions/shared/env'
import { nikPepper } from '../../../functions/shared/nik-pepper'
import { backfillKpmLookups } from '../../../functions/triggers/kpm-lookup-backfill'
import { startTestPlatform, type TestPlatform } from '../../support/platform'
import { createVervalDriver, currentPeriod, family, type SheetRow } from './verval-driver'

let platform: TestPlatform
const driver = createVervalDriver(() => platform.url)

beforeAll(async () => {
  platform = await startTestPlatform()
}, 60_000)
afterAll(() => platform?.dispose())

const previousPeriod = () => {
  const [year, month] = currentPeriod().split('-').map(Number) as [number, number]
  return month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`
}

const applied = async (rows: readonly SheetRow[], period: string) => {
  const batchId = await driver.uploadOk(rows, 'tksk.leuwiliang', `program=BPNT&period=${period}`)
  expect((await driver.waitFor(batchId, ['INVALID', 'AWAITING_APPROVAL'])).status).toBe('AWAITING_APPROVAL')
  expect((await driver.decide(batchId, 'APPROVE')).status).toBe(200)
  await driver.waitFor(batchId, ['APPLIED'])
}

/** What the lookups say of these families, by their sheet values (refs computed as the registry does). */
const lookupsOf = async (rows: readonly { nik: string; no_kk: string }[]) => {
  const pepper = await nikPepper()
  const refs = rows.map((row) => ({ nikRef: nikRefOf(row.nik, pepper), kkRef: nikRefOf(row.no_kk, pepper) }))
  const found = await activeLookups('BPNT', {
    nikRefs: refs.map((ref) => ref.nikRef),
    kkRefs: refs.map((ref) => ref.kkRef),
  })
  return rows.map((row, index) => {
    const ref = refs[index] as { nikRef: string; kkRef: string }
    const holder = found.kk.get(ref.kkRef)
    return {
      nik: row.nik,
      activeIn: found.nik.get(ref.nikRef) ?? null,
      kkHeldBy: holder ? (holder.nikRef === ref.nikRef ? 'self' : 'other') : null,
    }
  })
}

describe('the registry lookups kept by apply', () => {
  it('an applied BARU is active here with its KK; UBAH to another KK frees the old one; HAPUS leaves neither NIK nor KK active', async () => {
    const [kept, changing, removed] = [family(600), family(601), family(602)]
    await applied([kept, changing, removed], previousPeriod())
    expect(await lookupsOf([kept, changing, removed])).toEqual([
      { nik: kept.nik, activeIn: '32.01.14', kkHeldBy: 'self' },
      { nik: changing.nik, activeIn: '32.01.14', kkHeldBy: 'self' },
      { nik: removed.nik, activeIn: '32.01.14', kkHeldBy: 'self' },
    ])

    const newKk = family(603).no_kk
    await applied(
      [
        { ...kept, aksi: 'TETAP' },
        { ...changing, no_kk: newKk, aksi: 'UBAH' },
        { ...removed, aksi: 'HAPUS', alasan: 'MAMPU' },
      ],
      currentPeriod(),
    )
    expect(await lookupsOf([kept, changing, { nik: changing.nik, no_kk: newKk }, removed])).toEqual([
      { nik: kept.nik, activeIn: '32.01.14', kkHeldBy: 'self' },
      { nik: changing.nik, activeIn: '32.01.14', kkHeldBy: null },
      { nik: changing.nik, activeIn: '32.01.14', kkHeldBy: 'self' },
      { nik: removed.nik, activeIn: null, kkHeldBy: null },
    ])
  })

  it('the backfill gives a registry applied before the lookups existed the same lookups apply writes', async () => {
    // Families 600 and 601 (with its new KK) are active since the first test.
    const families = [family(600), { ...family(601), no_kk: family(603).no_kk }]
    const written = await lookupsOf(families)
    expect(written.map((found) => found.kkHeldBy)).toEqual(['self', 'self'])
    const pepper = await nikPepper()
    for (const row of families)
      for (const Key of [
        kpmNikLookupKey('BPNT', nikRefOf(row.nik, pepper)),
        kpmKkLookupKey('BPNT', nikRefOf(row.no_kk, pepper)),
      ])
        await dynamo().send(new DeleteCommand({ TableName: env.mainTableName(), Key }))
    expect(await lookupsOf(families)).toEqual(
      families.map((row) => ({ nik: row.nik, activeIn: null, kkHeldBy: null })),
    )

    expect(await backfillKpmLookups()).toBeGreaterThanOrEqual(families.length)
    expect(await lookupsOf(families)).toEqual(written)
  })
})
