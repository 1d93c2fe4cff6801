/**
 * Keys of the TKSK's registers: PSKS and kegiatan (issue 16, ADR 0031), PPKS (ADR 0038)
 * and the laporan bulanan (ADR 0039).
 */
import { areaLevel, kecamatanOf } from '../../core/areas/area-code'
import { kabupatenBucket, type Key } from './key'
import { keyShapes } from './shapes'

// ---------------------------------------------------------------------------------------
// The TKSK's registers (issue 16, ADR 0031): PSKS entries by kabupaten/kota and kecamatan,
// kegiatan by kabupaten/kota and month, a kecamatan's by prefix.
// ---------------------------------------------------------------------------------------
const { psks, activity } = keyShapes
export const psksKey = (psksId: string): Key => psks.items.psks.key({ psksId })
export const psksByAreaEntry = (kecamatan: string, psksId: string) =>
  psks.indexes.byArea.entry({ kabupaten: kabupatenBucket(kecamatan), kecamatan, psksId })
export const psksByAreaQuery = (kabupaten: string, kecamatan?: string) => ({
  gsi1pk: psks.indexes.byArea.pk.format({ kabupaten }),
  gsi1skPrefix: psks.indexes.byArea.sk.prefix(kecamatan ? { kecamatan } : {}),
})
export const activityKey = (activityId: string): Key => activity.items.activity.key({ activityId })
export const activityByMonthEntry = (kecamatan: string, date: string, activityId: string) =>
  activity.indexes.byMonth.entry({
    kabupaten: kabupatenBucket(kecamatan),
    month: date.slice(0, 7),
    kecamatan,
    date,
    activityId,
  })
export const activitiesByMonthQuery = (kabupaten: string, month: string, kecamatan?: string) => ({
  gsi1pk: activity.indexes.byMonth.pk.format({ kabupaten, month }),
  gsi1skPrefix: activity.indexes.byMonth.sk.prefix(kecamatan ? { kecamatan } : {}),
})

// ---------------------------------------------------------------------------------------
// The PPKS register (issue 16 item 1, ADR 0038): entries by kabupaten/kota, a kecamatan's
// or a desa's by prefix. No NIK in any key: the entry carries its nikRef as an attribute.
// ---------------------------------------------------------------------------------------
const { ppks } = keyShapes
export const ppksKey = (ppksId: string): Key => ppks.items.ppks.key({ ppksId })
export const ppksByAreaEntry = (desa: string, ppksId: string) =>
  ppks.indexes.byArea.entry({
    kabupaten: kabupatenBucket(desa),
    kecamatan: kecamatanOf(desa) ?? desa,
    desa,
    ppksId,
  })
/** A kabupaten/kota's entries, or a kecamatan's, or a desa's (the area's level decides). */
export const ppksByAreaQuery = (area: string) => {
  const kecamatan = kecamatanOf(area)
  const desa = areaLevel(area) === 'village' ? area : undefined
  return {
    gsi1pk: ppks.indexes.byArea.pk.format({ kabupaten: kabupatenBucket(area) }),
    gsi1skPrefix: ppks.indexes.byArea.sk.prefix(kecamatan ? { kecamatan, ...(desa ? { desa } : {}) } : {}),
  }
}

// ---------------------------------------------------------------------------------------
// The laporan bulanan that travels (issue 16 item 5, ADR 0039): one item per kecamatan
// and month; the month of a kabupaten/kota is one gsi1 Query (the dashboard, the province).
// ---------------------------------------------------------------------------------------
const { laporan } = keyShapes
export const laporanKey = (kecamatan: string, month: string): Key =>
  laporan.items.laporan.key({ kecamatan, month })
export const laporanByMonthEntry = (kecamatan: string, month: string) =>
  laporan.indexes.byMonth.entry({ kabupaten: kabupatenBucket(kecamatan), month, kecamatan })
export const laporansByMonthQuery = (kabupaten: string, month: string) => ({
  gsi1pk: laporan.indexes.byMonth.pk.format({ kabupaten, month }),
  gsi1skPrefix: laporan.indexes.byMonth.sk.prefix({}),
})
export const laporanAuditEntityId = (laporanId: string): string => laporan.chain.format({ laporanId })
