/**
 * A staff sign-in as an audit entry (`LOGIN` on the user's own chain, DESIGN §5): who
 * signed in, how, and on AWS from which client. Locally the sign-in forms write it; on
 * AWS the Cognito post-authentication trigger does, which covers the hosted UI.
 */
import type { User } from '../core/identity/user'
import { appendAudit } from './audit-repository'
import { auditEntityId } from './keys'

export type LoginMethod = 'local-form' | 'dev-api' | 'cognito'

export interface LoginDetails {
  method: LoginMethod
  /** Where the sign-in came from, when known (on AWS: the Cognito trigger source and app client). */
  source?: Record<string, string>
  correlationId: string
}

export const recordLogin = async (user: User, details: LoginDetails): Promise<void> => {
  await appendAudit({
    entityId: auditEntityId.user(user.id),
    area: user.area,
    actor: { id: user.id, role: user.role },
    action: 'LOGIN',
    before: null,
    after: { method: details.method, ...(details.source ? { source: details.source } : {}) },
    correlationId: details.correlationId,
  })
}
