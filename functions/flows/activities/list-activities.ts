/** The kegiatan of a month (issue 16 item 4) in a kecamatan or a kabupaten/kota, by kecamatan and date. */
import { areaLevel, kabupatenOf } from '../../core/areas/area-code'
import type { ActivityRecord } from '../../core/activities/activity-record'
import { activitiesOfMonth } from '../../data/activity-repository'

export const listActivities = (area: string, month: string): Promise<ActivityRecord[]> =>
  activitiesOfMonth(kabupatenOf(area) ?? area, month, areaLevel(area) === 'district' ? area : undefined)
