/**
 * The names of the actors of some audit entries, looked up once per page: staff in the
 * directory, providers in theirs (one GetItem per distinct actor; a timeline names a
 * handful). Gives the label function the timeline pages print (`actorLabel`).
 */
import type { AuditActor } from '../../core/audit/audit-entry'
import { actorLabel, type KnownActor } from '../../core/audit/actor-label'
import { placeLabel } from '../../core/areas/place-label'
import { isRole } from '../../core/identity/user'
import { loadAreaIndex } from '../../data/area-source'
import { findProvider } from '../providers/find-provider'
import { getStaffMember } from '../../data/user-repository'

export type ActorNamer = (actor: Pick<AuditActor, 'id' | 'role'>) => string

const lookUp = async (actor: Pick<AuditActor, 'id' | 'role'>): Promise<KnownActor | undefined> => {
  if (actor.role === 'provider') {
    const provider = await findProvider(actor.id)
    if (provider) return { name: provider.name }
  }
  // Staff act on the pages or through a mailed link, with their role either way.
  if (isRole(actor.role)) {
    const member = await getStaffMember(actor.id)
    if (member) return { name: member.displayName, area: member.area }
  }
  return undefined
}

export const actorNamer = async (actors: readonly Pick<AuditActor, 'id' | 'role'>[]): Promise<ActorNamer> => {
  const keyOf = (actor: Pick<AuditActor, 'id' | 'role'>) => `${actor.role}#${actor.id}`
  const distinct = new Map(actors.map((actor) => [keyOf(actor), actor]))
  const known = new Map(
    await Promise.all([...distinct].map(async ([key, actor]) => [key, await lookUp(actor)] as const)),
  )
  const index = loadAreaIndex()
  return (actor) => actorLabel(actor, known.get(keyOf(actor)), (code) => placeLabel(index, code))
}
