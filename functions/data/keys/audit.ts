/**
 * Audit (audit table, DESIGN §5): one chain per entity under `entityId`, sorted by the
 * 10-digit `seq`; index attributes derived from the entry for review and anchoring.
 */
import { kabupatenBucket } from './key'
import { auditIndexShapes, keyShapes } from './shapes'

const { case: caseShape, task, batch, kpm, user, calendar, provider } = keyShapes

/** The chains of the system, one per audited thing (each declared with its aggregate). */
export const auditEntityId = {
  case: (caseId: string): string => caseShape.chain.format({ caseId }),
  task: (taskId: string): string => task.chain.format({ taskId }),
  batch: (batchId: string): string => batch.chain.format({ batchId }),
  kpm: (program: string, nikRef: string): string => kpm.chain.format({ program, nikRef }),
  user: (userId: string): string => user.chain.format({ userId }),
  calendar: (year: number): string => calendar.chain.format({ year }),
  provider: (providerId: string): string => provider.chain.format({ providerId }),
  psks: (psksId: string): string => keyShapes.psks.chain.format({ psksId }),
  activity: (activityId: string): string => keyShapes.activity.chain.format({ activityId }),
  ppks: (ppksId: string): string => keyShapes.ppks.chain.format({ ppksId }),
}
export const auditEntryKey = (entityId: string, seq: string) => ({ entityId, seq })
/** byAreaDay buckets by kabupaten/kota; a province-level or national (`*`) area is its own bucket. */
export const auditAreaDayPartition = (area: string, utcDay: string): string =>
  auditIndexShapes.areaDay.format({ bucket: kabupatenBucket(area), day: utcDay })
export const auditDayPartition = (utcDay: string): string => utcDay
/**
 * `atSeq` sorts entries by time, then entity and position. An ISO instant is a bound of
 * it: every entry at or after the instant sorts at or after it, every earlier one before.
 */
export const auditAtSeq = (at: string, entityId: string, seq: string): string =>
  auditIndexShapes.atSeq.format({ at, entityId, seq })
export const auditAtSeqBound = (instantIso: string): string => instantIso
/** The attributes an audit item carries besides the entry itself (stripped on read, not hashed). */
export const auditIndexAttributes = (entry: {
  entityId: string
  seq: string
  at: string
  area: string
  actor: { id: string }
}) => {
  const utcDay = entry.at.slice(0, 10)
  return {
    actorId: entry.actor.id,
    atSeq: auditAtSeq(entry.at, entry.entityId, entry.seq),
    areaDay: auditAreaDayPartition(entry.area, utcDay),
    day: auditDayPartition(utcDay),
  }
}
