/**
 * Berita Acara and the pengesahan deadline (issue 21 items 3 and 5, ADR 0035).
 */
import type { Key } from './key'
import { keyShapes } from './shapes'

const { beritaAcara, pengesahan } = keyShapes
export interface BeritaAcaraKeyScope {
  area: string
  program: string
  period: string
}
export const beritaAcaraRevisionKey = (scope: BeritaAcaraKeyScope, revision: number): Key =>
  beritaAcara.items.revision.key({ ...scope, revision })
/** The partition of a scope's revisions and the `begins_with` of its revision items. */
export const beritaAcaraRevisionsQuery = (scope: BeritaAcaraKeyScope) => ({
  pk: beritaAcara.items.revision.pk.format(scope),
  skPrefix: beritaAcara.items.revision.sk.prefix(),
})
export const beritaAcaraCodeKey = (code: string): Key => beritaAcara.items.code.key({ code })
export const beritaAcaraAuditEntityId = (scope: BeritaAcaraKeyScope): string =>
  beritaAcara.chain.format(scope)
export const pengesahanDayKey = (kabupaten: string): Key => pengesahan.items.day.key({ kabupaten })
export const pengesahanWatchEntry = (kabupaten: string) => pengesahan.indexes.watched.entry({ kabupaten })
export const pengesahanWatchPartition = (): string => pengesahan.indexes.watched.pk.format({})
export const pengesahanReminderKey = (
  kabupaten: string,
  period: string,
  subject: string,
  kind: string,
  milestone: string,
): Key => pengesahan.items.reminder.key({ kabupaten, period, subject, kind, milestone })
export const pengesahanAuditEntityId = (kabupaten: string): string => pengesahan.chain.format({ kabupaten })
