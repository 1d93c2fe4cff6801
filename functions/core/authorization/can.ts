/**
 * Who may do what, in one pure function driven by one table (DESIGN §5). Handlers ask
 * `can(user, action, resource)` after authenticating and before any use case; the
 * table below is the whole policy, and test/unit/core/authorization checks every role
 * against every action, in and out of scope.
 *
 * To add an action (case, task, verval…): add its name to `ACTIONS` and its rule to
 * `POLICY`; the compiler then refuses a policy that forgets one.
 */

import type { Role, User } from '../identity/user'
import { ALL_AREAS, isWithin } from '../areas/area-code'

export const ACTIONS = [
  'audit:read',
  'audit:export',
  'case:create',
  'case:list',
  'case:read',
  'case:reveal',
  'case:accessCode',
  'case:withdraw',
  'case:followUp',
  'case:sms-opt-out',
  'task:list',
  'task:complete',
  'verval:upload',
  'verval:read',
  'verval:decide',
  'verval:request-desa',
  'kpm:read',
  'mail:read',
  'mail:resend',
  'provider:read',
  'provider:write',
  'report:approvals',
  'report:dashboard',
  'report:monthly',
  'staff:read',
  'staff:manage',
  'calendar:read',
  'calendar:manage',
  'workflow:attention',
  'workflow:retry',
  'psks:read',
  'psks:write',
  'psks:vetReferrals',
  'activity:read',
  'activity:write',
  'verval:export',
  'verval:reveal',
  'ppks:read',
  'ppks:write',
  'report:submit',
  'report:review',
  'report:province',
  'pengesahan:manage',
] as const
export type Action = (typeof ACTIONS)[number]

/** What an action is about, as far as authorization cares: where it is. */
export interface ScopedResource {
  /** Kemendagri code of the resource's area, or `*` for national subjects (e.g. a national auditor's own exports). */
  area: string
}

export interface Rule {
  roles: readonly Role[]
  /**
   * `area`: the resource must lie inside the user's area claim. `national-data`: the
   * subject is one list for the whole country (the calendar of days off, ADR 0015), so
   * the role alone decides.
   */
  scope: 'area' | 'national-data'
}

export const POLICY: Readonly<Record<Action, Rule>> = {
  'audit:read': { roles: ['auditor', 'admin'], scope: 'area' },
  'audit:export': { roles: ['auditor', 'admin'], scope: 'area' },
  // Filing a case found in the field (issue 15): the TKSK of the kecamatan, nobody wider.
  'case:create': { roles: ['tksk'], scope: 'area' },
  'case:list': { roles: ['tksk', 'dinsos', 'dinsos_head', 'auditor', 'admin'], scope: 'area' },
  'case:read': { roles: ['tksk', 'dinsos', 'dinsos_head', 'auditor', 'admin'], scope: 'area' },
  // Unmasked NIK/KK (DESIGN §4): only the roles that serve the person, never the reviewers
  // (auditor, admin), who read what was done, not whom it was done to.
  'case:reveal': { roles: ['tksk', 'dinsos', 'dinsos_head'], scope: 'area' },
  // The resident's status access code (DESIGN v3 §4), told by staff to a resident who lost
  // it: the roles that help the person. A reviewer has no resident to tell, and the code
  // with the reference opens the resident's status.
  'case:accessCode': { roles: ['tksk', 'dinsos', 'dinsos_head'], scope: 'area' },
  'case:withdraw': { roles: ['tksk', 'dinsos'], scope: 'area' },
  // Pendampingan after a referral's result (issue 15, ADR 0032): the TKSK of the kecamatan does the visits.
  'case:followUp': { roles: ['tksk'], scope: 'area' },
  // At the resident's request, like a withdrawal (ADR 0028): those who talk to them record it.
  'case:sms-opt-out': { roles: ['tksk', 'dinsos'], scope: 'area' },
  // Task actions are also bound to the task's assignees (checked by the use case).
  'task:list': { roles: ['tksk', 'dinsos', 'dinsos_head', 'admin'], scope: 'area' },
  'task:complete': { roles: ['tksk', 'dinsos', 'dinsos_head', 'admin'], scope: 'area' },
  // Verval (DESIGN §4): the TKSK uploads for the kecamatan; Dinsos (or its head, on escalation) decides.
  'verval:upload': { roles: ['tksk'], scope: 'area' },
  'verval:read': { roles: ['tksk', 'dinsos', 'dinsos_head', 'auditor', 'admin'], scope: 'area' },
  'verval:decide': { roles: ['dinsos', 'dinsos_head'], scope: 'area' },
  // The desa's musdes links (issue 21, ADR 0033): the TKSK of the kecamatan, or Dinsos for it.
  'verval:request-desa': { roles: ['tksk', 'dinsos'], scope: 'area' },
  'kpm:read': { roles: ['tksk', 'dinsos', 'dinsos_head', 'auditor', 'admin'], scope: 'area' },
  // Mail that SES refused or that bounced (ADR 0018): the office that acts on it resends it.
  'mail:read': { roles: ['dinsos', 'dinsos_head', 'admin'], scope: 'area' },
  'mail:resend': { roles: ['dinsos', 'dinsos_head', 'admin'], scope: 'area' },
  // The provider directory (issue 13): the admin of the kabupaten/kota (or national) keeps it.
  'provider:read': { roles: ['admin'], scope: 'area' },
  'provider:write': { roles: ['admin'], scope: 'area' },
  // Reports (issue #8, ADR 0007): the approval queue is for those who decide; the
  // dashboard for the office and its reviewers; the laporan also for the TKSK's own kecamatan.
  'report:approvals': { roles: ['dinsos', 'dinsos_head', 'admin'], scope: 'area' },
  'report:dashboard': { roles: ['dinsos', 'dinsos_head', 'auditor', 'admin'], scope: 'area' },
  // The province (DESIGN v3 `dinsos_provinsi`, ADR 0039) reads the laporan of its kabupaten.
  'report:monthly': {
    roles: ['tksk', 'dinsos', 'dinsos_head', 'auditor', 'admin', 'dinsos_provinsi'],
    scope: 'area',
  },
  // Staff administration (issue 13, ADR 0015): admins of the staff's area; a kabupaten
  // admin can never reach national scope (`*` is inside no kabupaten).
  'staff:read': { roles: ['admin'], scope: 'area' },
  'staff:manage': { roles: ['admin'], scope: 'area' },
  // Cuti bersama and SKB corrections are national law: the office that reads due dates
  // may see them; any admin may correct them, every change audited with before/after.
  'calendar:read': { roles: ['dinsos', 'dinsos_head', 'auditor', 'admin'], scope: 'national-data' },
  'calendar:manage': { roles: ['admin'], scope: 'national-data' },
  // Workflows halted on a failed step (issue 17, ADR 0025): the office that runs the cases
  // and batches sees them and retries them ("Coba lagi"); auditors read the audit entries.
  'workflow:attention': { roles: ['dinsos', 'dinsos_head', 'admin'], scope: 'area' },
  'workflow:retry': { roles: ['dinsos', 'dinsos_head', 'admin'], scope: 'area' },
  // The PSKS register (issue 16, ADR 0031): the TKSK keeps its kecamatan's, Dinsos and
  // the admin their kabupaten's; the head and auditors read it.
  'psks:read': { roles: ['tksk', 'dinsos', 'dinsos_head', 'auditor', 'admin'], scope: 'area' },
  'psks:write': { roles: ['tksk', 'dinsos', 'admin'], scope: 'area' },
  // A PSKS flagged for referrals receives a case's link at its email: the office that vets
  // providers (Dinsos, the admin who keeps the directory) sets the flag and that email.
  'psks:vetReferrals': { roles: ['dinsos', 'admin'], scope: 'area' },
  // The activity log is the TKSK's own record of work; the office and auditors read it.
  'activity:read': { roles: ['tksk', 'dinsos', 'dinsos_head', 'auditor', 'admin'], scope: 'area' },
  'activity:write': { roles: ['tksk'], scope: 'area' },
  // The national export (issue 21 item 4, ADR 0034) carries NIK, KK, bank accounts and
  // mothers' names in full for SIKS-NG: the Dinsos operator who uploads there, nobody
  // else (the head approves, auditors read the NATIONAL_EXPORT entry).
  'verval:export': { roles: ['dinsos'], scope: 'area' },
  // One verval row unmasked (NIK, KK, KKS, bank account, mother's name; ADR 0034): the
  // roles of the case reveal, who serve the family; never the reviewers.
  'verval:reveal': { roles: ['tksk', 'dinsos', 'dinsos_head'], scope: 'area' },
  // The PPKS register and social map (issue 16, ADR 0038): whoever reads cases reads the
  // people found in need (a sensitive entry's detail audited as a sensitive case's); the
  // TKSK records them in its kecamatan and Dinsos may correct them in its kabupaten.
  'ppks:read': { roles: ['tksk', 'dinsos', 'dinsos_head', 'auditor', 'admin'], scope: 'area' },
  'ppks:write': { roles: ['tksk', 'dinsos'], scope: 'area' },
  // The laporan bulanan that travels (issue 16 item 5, ADR 0039): the TKSK opens, writes and
  // submits its kecamatan's; Dinsos (or its head) acknowledges or returns it.
  'report:submit': { roles: ['tksk'], scope: 'area' },
  'report:review': { roles: ['dinsos', 'dinsos_head'], scope: 'area' },
  // The roll-up of a province's kabupaten: the province's office and the national reviewers.
  'report:province': { roles: ['dinsos_provinsi', 'auditor', 'admin'], scope: 'area' },
  // The monthly pengesahan day (issue 21.5, ADR 0035) is the kabupaten's own calendar: its admin sets it.
  'pengesahan:manage': { roles: ['admin'], scope: 'area' },
}

/**
 * National users (`*`) hold every well-formed area and the national pseudo-area;
 * everyone else holds the codes under their area. Anything malformed is out of scope:
 * authorization fails closed.
 */
export const inScope = (resourceArea: string, userArea: string): boolean =>
  userArea === ALL_AREAS
    ? resourceArea === ALL_AREAS || isWithin(resourceArea, ALL_AREAS)
    : isWithin(resourceArea, userArea)

export const can = (user: Pick<User, 'role' | 'area'>, action: Action, resource: ScopedResource): boolean => {
  const rule = POLICY[action]
  if (!rule?.roles.includes(user.role)) return false
  return rule.scope === 'national-data' || inScope(resource.area, user.area)
}

/** Whether the role may do the action anywhere at all (to answer 403 before reading data). */
export const roleMay = (role: Role, action: Action): boolean => POLICY[action]?.roles.includes(role) ?? false
