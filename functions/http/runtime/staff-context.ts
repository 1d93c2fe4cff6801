import type { User } from '../../core/identity/user'
import type { RequestContext } from './action'
import type { StaffContext } from '../../web/staff-layout'
import { placeLabel } from '../../core/areas/place-label'
import { loadAreaIndex } from '../../data/area-source'
import { csrfTokenOf } from '../../shared/auth/csrf'

export const staffContext = (request: RequestContext & { user: User }): StaffContext => ({
  user: request.user,
  csrf: csrfTokenOf(request.event),
})

/** Area names for tables; the code itself when unknown. */
export const areaName = (code: string): string => loadAreaIndex().get(code)?.name ?? code

/** An area as pages and mail name it: `Leuwiliang, Kec. Leuwiliang`, `Kab. Bogor` (`placeLabel`). */
export const placeName = (code: string): string => placeLabel(loadAreaIndex(), code)
