/** How audit entries read on the review pages: actors, actions, values and verify verdicts in Bahasa Indonesia. */
import type { AuditActor, JsonValue } from '../core/audit/audit-entry'
import type { ChainBreak } from '../core/audit/verify-chain'
import { areaLevel } from '../core/areas/area-code'
import { formatShort } from './dates'
import { html, type SafeHtml } from './html'
import { ACTION_LABELS } from './action-labels'

/** What the review pages print beside codes and ids (issue 19): the names people know. */
export interface AuditNames {
  actor: (actor: Pick<AuditActor, 'id' | 'role'>) => string
  place: (code: string) => string
}

/** The actor's name and office, with the id auditors filter and export by. */
export const actorText = (actor: AuditActor, names: AuditNames): SafeHtml =>
  html`${names.actor(actor)} <small><code>${actor.id}</code></small>`

/** The moment in the entity's zone, with the sealed ISO value beside it (what the export holds). */
export const auditTimeHtml = (at: string, area: string): SafeHtml =>
  html`${formatShort(at, area)} <small><code>${at}</code></small>`

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z$/

/** The label and the code: auditors search and export by the code. */
export const actionText = (action: string): string => {
  const label = ACTION_LABELS[action]
  return label ? `${label} (${action})` : action
}

/**
 * A value of `before`/`after` as one line; containers as compact JSON. An instant gets
 * its local time in front and an area code its name beside: the sealed value stays.
 */
export const valueText = (value: JsonValue | undefined, area: string, names: AuditNames): string => {
  if (value === undefined) return '—'
  if (value === null) return 'kosong'
  if (typeof value === 'string') {
    if (value === '') return '""'
    if (ISO_INSTANT.test(value)) return `${formatShort(value, area)} (${value})`
    if (areaLevel(value) !== undefined) {
      const name = names.place(value)
      return name === value ? value : `${value} (${name})`
    }
    return value
  }
  if (typeof value === 'object') return JSON.stringify(value)
  return String(value)
}

export const BREAK_EXPLANATIONS: Readonly<Record<ChainBreak, string>> = {
  HASH_MISMATCH: 'Isi entri tidak cocok lagi dengan hash-nya: entri ini diubah.',
  PREV_HASH_MISMATCH:
    'Entri tidak menunjuk hash entri sebelumnya: ada entri yang dihapus, diganti atau dipindah.',
  SEQ_GAP: 'Nomor urut melompat: ada entri yang hilang atau urutannya berubah.',
  ENTITY_MISMATCH: 'Ada entri milik entitas lain di rantai ini.',
  BEHIND_ANCHOR: 'Rantai berakhir sebelum kepala yang disegel di jangkar: ekor rantai dihapus.',
  ANCHOR_MISMATCH:
    'Entri pada posisi yang disegel di jangkar bukan entri yang disegel: rantai ditulis ulang.',
  ANCHOR_TAMPERED: 'Catatan jangkar tidak cocok dengan hash-nya sendiri: penyimpanan jangkar diubah.',
}
