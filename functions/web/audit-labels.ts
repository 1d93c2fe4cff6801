/** How audit entries read on the review pages: actors, actions, values and verify verdicts in Bahasa Indonesia. */
import type { AuditActor, JsonValue } from '../core/audit/audit-entry'
import type { ChainBreak } from '../core/audit/verify-chain'
import { ACTION_LABELS } from './staff-case-page'
import { ROLE_LABELS } from './staff-layout'

const ACTOR_ROLE_LABELS: Readonly<Record<AuditActor['role'], string>> = {
  ...ROLE_LABELS,
  resident: 'Warga',
  provider: 'Lembaga layanan',
  system: 'Sistem',
}

export const actorText = (actor: AuditActor): string =>
  `${actor.id} (${ACTOR_ROLE_LABELS[actor.role] ?? actor.role})`

/** The label and the code: auditors search and export by the code. */
export const actionText = (action: string): string => {
  const label = ACTION_LABELS[action]
  return label ? `${label} (${action})` : action
}

/** A value of `before`/`after` as one line; containers as compact JSON. */
export const valueText = (value: JsonValue | undefined): string => {
  if (value === undefined) return '—'
  if (value === null) return 'kosong'
  if (typeof value === 'string') return value === '' ? '""' : value
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
