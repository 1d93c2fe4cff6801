/**
 * From an empty deployment to the first admin (issue 13): `cdk deploy -c adminEmail=…
 * -c kabupaten=…` invokes the admin function once with this request, which invites
 * `admin.<kabupaten digits>` unless the kabupaten has an active admin already (a
 * redeploy, or someone set one up by hand). Audited as STAFF_CREATED by `deploy`.
 */
import { compactCode } from '../../core/areas/area-code'
import type { AuditActor } from '../../core/audit/audit-entry'
import { staffCreateSchema } from '../../core/staff/staff-schemas'
import { staffInArea } from '../../data/user-repository'
import type { User } from '../../core/identity/user'
import { createStaff } from './create-staff'

export interface FirstAdminRequest {
  firstAdmin: { email: string; kabupaten: string }
}

export const DEPLOY_ACTOR: AuditActor = { id: 'deploy', role: 'system' }

/** Who the deployment acts as: a national admin in scope, recorded as the system. */
const deployment: User = { id: 'deploy', username: 'deploy', role: 'admin', area: '*', email: '' }

export const isFirstAdminRequest = (event: unknown): event is FirstAdminRequest =>
  typeof event === 'object' && event !== null && 'firstAdmin' in event

export const inviteFirstAdmin = async ({ email, kabupaten }: FirstAdminRequest['firstAdmin']) => {
  if ((await staffInArea(kabupaten, 'admin')).length > 0) return { invited: false }
  // The stack checked both values at synth; a bad one here fails the deploy, loudly.
  const input = staffCreateSchema.parse({
    username: `admin.${compactCode(kabupaten)}`,
    name: `Administrator ${kabupaten}`,
    email,
    role: 'admin',
    area: kabupaten,
  })
  const record = await createStaff(deployment, input, `deploy:first-admin:${kabupaten}`, DEPLOY_ACTOR)
  return { invited: true, staffId: record.staffId }
}
