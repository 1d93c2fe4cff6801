/**
 * Logs a kegiatan (issue 16 item 4, ADR 0031). The phone form chooses the id, so the
 * same kegiatan sent again (the first answer lost to a bad signal) answers the entry
 * already logged instead of a second one; the same id with other content is a 409.
 */
import { isDeepStrictEqual } from 'node:util'
import { kabupatenOf, kecamatanOf } from '../../core/areas/area-code'
import { timeZoneOfArea } from '../../core/areas/time-zones'
import { localDateOf } from '../../core/calendar/local-date'
import type { ActivityRecord } from '../../core/activities/activity-record'
import { activityInputSchema } from '../../core/activities/activity-schema'
import { loadAreaIndex } from '../../data/area-source'
import { ActivityIdTaken, getActivity, logActivityRecord } from '../../data/activity-repository'
import { ConflictError, ForbiddenError, ValidationError } from '../../shared/errors'
import { parseWith } from '../../shared/validation'
import type { RegisterActor } from '../psks/psks-actor'

export interface LoggedActivity {
  record: ActivityRecord
  /** False when the kegiatan had already been logged under this id (a repeated submission). */
  created: boolean
}

/** What a repeated submission must match: the kegiatan itself, not when or by whom it was stored. */
const content = ({ createdAt: _at, loggedBy: _by, ...rest }: ActivityRecord) => rest

/** A kegiatan is logged after it took place: its date is at most the desa's today. */
export const logActivity = async (
  input: unknown,
  newId: string,
  by: RegisterActor,
): Promise<LoggedActivity> => {
  const { activityId = newId, ...parsed } = parseWith(activityInputSchema, input)
  const kecamatan = kecamatanOf(parsed.desa)
  const kabupaten = kabupatenOf(parsed.desa)
  const timeZone = timeZoneOfArea(parsed.desa)
  if (!loadAreaIndex().isVillage(parsed.desa) || !kecamatan || !kabupaten || !timeZone)
    throw new ValidationError([{ path: 'desa', message: `Desa/kelurahan ${parsed.desa} tidak dikenal.` }])
  if (parsed.date > localDateOf(by.now, timeZone))
    throw new ValidationError([{ path: 'date', message: 'Tanggal kegiatan tidak boleh setelah hari ini.' }])
  if (!by.may(parsed.desa)) throw new ForbiddenError('Anda hanya dapat mencatat kegiatan di kecamatan Anda.')
  const record: ActivityRecord = {
    activityId,
    ...parsed,
    kecamatan,
    kabupaten,
    loggedBy: by.actor.id,
    createdAt: by.now.toISOString(),
  }
  try {
    await logActivityRecord(record, { actor: by.actor, correlationId: by.correlationId, at: by.now })
    return { record, created: true }
  } catch (error) {
    if (!(error instanceof ActivityIdTaken)) throw error
    const stored = await getActivity(activityId)
    if (stored && stored.loggedBy === by.actor.id && isDeepStrictEqual(content(stored), content(record)))
      return { record: stored, created: false }
    throw new ConflictError('ID kegiatan sudah dipakai untuk kegiatan lain.', [
      { path: 'activityId', message: 'ID kegiatan sudah dipakai untuk kegiatan lain.' },
    ])
  }
}
