/**
 * Who acted, as people read it on a timeline (issue 19): "Pemohon", "Sistem", a staff
 * member by display name with the office they act for ("Rina (Dinsos Kab. Bogor)"), a
 * provider by its name. The id stays where the name is unknown (a deleted entry, an old
 * actor): an auditor can still follow it. Pure: the caller looks the people up.
 */
import type { AuditActor, AuditActorRole } from './audit-entry'

const ROLE_NAMES: Readonly<Record<AuditActorRole, string>> = {
  tksk: 'TKSK',
  dinsos: 'Dinsos',
  dinsos_head: 'Kepala Dinsos',
  auditor: 'Auditor',
  admin: 'Admin',
  dinsos_provinsi: 'Dinsos Provinsi',
  resident: 'Pemohon',
  provider: 'Lembaga layanan',
  system: 'Sistem',
}

/** What the directory knows of an actor: the display name and, for staff, the area they serve. */
export interface KnownActor {
  name: string
  area?: string
}

/** A role as people read it ("Dinsos", "Pemohon"). */
export const roleName = (role: AuditActorRole): string => ROLE_NAMES[role] ?? role

export const actorLabel = (
  actor: Pick<AuditActor, 'id' | 'role'>,
  known: KnownActor | undefined,
  placeName: (code: string) => string,
): string => {
  const role = roleName(actor.role)
  if (actor.role === 'resident' || actor.role === 'system') return role
  if (!known) return `${role} (${actor.id})`
  const office = known.area && known.area !== '*' ? `${role} ${placeName(known.area)}` : role
  return `${known.name} (${office})`
}
