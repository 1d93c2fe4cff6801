/** The period of an upload or a desa request (DESIGN §4): the current or previous month in the area's zone, else 400. */
import { timeZoneOfArea } from '../../core/areas/time-zones'
import { PERIOD_MESSAGES, periodProblem } from '../../core/verval/period'
import { now } from '../../shared/clock'
import { BadRequestError } from '../../shared/errors'

export const assertPeriod = (period: string, kecamatan: string): void => {
  const problem = periodProblem(period, now(), timeZoneOfArea(kecamatan) ?? 'Asia/Jakarta')
  if (problem)
    throw new BadRequestError(PERIOD_MESSAGES[problem], [
      { path: 'period', message: PERIOD_MESSAGES[problem] },
    ])
}
