import { describe, expect, it } from 'vitest'
import { ACTIONS, type Action, can } from '../../../../functions/core/authorization/can'
import type { User } from '../../../../functions/core/identity/user'

const user = (role: User['role'], area: string): User => ({
  id: `u-${role}`,
  username: role,
  role,
  area,
  email: '',
})

const USERS = {
  'tksk of Leuwiliang': user('tksk', '32.01.14'),
  'dinsos of Bogor': user('dinsos', '32.01'),
  'head of Dinsos Bogor': user('dinsos_head', '32.01'),
  'auditor of Bogor': user('auditor', '32.01'),
  'national auditor': user('auditor', '*'),
  admin: user('admin', '*'),
  'admin of Bogor': user('admin', '32.01'),
  'dinsos of Jawa Barat province': user('dinsos_provinsi', '32'),
}

const RESOURCES = {
  'a village of Leuwiliang': { area: '32.01.14.2001' },
  'Kabupaten Bogor itself': { area: '32.01' },
  'Provinsi Jawa Barat itself': { area: '32' },
  'a kecamatan of Bandar Lampung': { area: '18.71.04' },
  'a national subject': { area: '*' },
}

type Who = keyof typeof USERS
type Where = keyof typeof RESOURCES

const LEUWILIANG: Where[] = ['a village of Leuwiliang']
const BOGOR: Where[] = ['a village of Leuwiliang', 'Kabupaten Bogor itself']
/** What the province's office holds: Jawa Barat and everything in it (Bogor), not Lampung. */
const JAWA_BARAT: Where[] = [
  'a village of Leuwiliang',
  'Kabupaten Bogor itself',
  'Provinsi Jawa Barat itself',
]
const EVERYWHERE: Where[] = [
  'a village of Leuwiliang',
  'Kabupaten Bogor itself',
  'Provinsi Jawa Barat itself',
  'a kecamatan of Bandar Lampung',
  'a national subject',
]

type Grants = Partial<Record<Who, Where[]>>

/** The groups the policy grants alike (spelled once here, so each action's row reads as its rule). */
const ADMINS: Grants = { admin: EVERYWHERE, 'admin of Bogor': BOGOR }
const AUDITORS_AND_ADMINS: Grants = { 'auditor of Bogor': BOGOR, 'national auditor': EVERYWHERE, ...ADMINS }
/** Who works the cases of their area: the TKSK, Dinsos and its head. */
const CASE_WORKERS: Grants = {
  'tksk of Leuwiliang': LEUWILIANG,
  'dinsos of Bogor': BOGOR,
  'head of Dinsos Bogor': BOGOR,
}
/** Everyone who reads what a case's staff read: the case workers, auditors and admins in scope. */
const READ_LIKE_CASES: Grants = { ...CASE_WORKERS, ...AUDITORS_AND_ADMINS }

/** The policy written out by hand: who may, where. Anything not listed is denied. */
const ALLOWED: Record<Action, Grants> = {
  'audit:read': AUDITORS_AND_ADMINS,
  'audit:export': AUDITORS_AND_ADMINS,
  'case:create': { 'tksk of Leuwiliang': LEUWILIANG },
  'case:list': READ_LIKE_CASES,
  'case:read': READ_LIKE_CASES,
  'case:reveal': CASE_WORKERS,
  'case:accessCode': CASE_WORKERS,
  'case:withdraw': { 'tksk of Leuwiliang': LEUWILIANG, 'dinsos of Bogor': BOGOR },
  'case:followUp': { 'tksk of Leuwiliang': LEUWILIANG },
  'case:sms-opt-out': { 'tksk of Leuwiliang': LEUWILIANG, 'dinsos of Bogor': BOGOR },
  'task:list': {
    ...CASE_WORKERS,
    ...ADMINS,
  },
  'task:complete': {
    ...CASE_WORKERS,
    ...ADMINS,
  },
  'verval:upload': { 'tksk of Leuwiliang': LEUWILIANG },
  'verval:read': READ_LIKE_CASES,
  'verval:decide': { 'dinsos of Bogor': BOGOR, 'head of Dinsos Bogor': BOGOR },
  // Full identity numbers, accounts and mothers' names for SIKS-NG (ADR 0034): the Dinsos operator only.
  'verval:export': { 'dinsos of Bogor': BOGOR },
  'verval:reveal': CASE_WORKERS,
  'verval:request-desa': { 'tksk of Leuwiliang': LEUWILIANG, 'dinsos of Bogor': BOGOR },
  'kpm:read': READ_LIKE_CASES,
  // The provider directory: admins only, each in its kabupaten/kota (issue 13).
  'provider:read': ADMINS,
  'provider:write': ADMINS,
  'report:approvals': {
    'dinsos of Bogor': BOGOR,
    'head of Dinsos Bogor': BOGOR,
    ...ADMINS,
  },
  'mail:read': {
    'dinsos of Bogor': BOGOR,
    'head of Dinsos Bogor': BOGOR,
    ...ADMINS,
  },
  'mail:resend': {
    'dinsos of Bogor': BOGOR,
    'head of Dinsos Bogor': BOGOR,
    ...ADMINS,
  },
  'report:dashboard': {
    'dinsos of Bogor': BOGOR,
    'head of Dinsos Bogor': BOGOR,
    ...AUDITORS_AND_ADMINS,
  },
  'report:monthly': {
    ...READ_LIKE_CASES,
    'dinsos of Jawa Barat province': JAWA_BARAT,
  },
  // Staff administration (issue 13): admins within their scope; `*` is inside no kabupaten,
  // so an admin of Bogor can neither see national staff nor make anyone national.
  'staff:read': ADMINS,
  'staff:manage': ADMINS,
  // The calendar of days off is one national list (ADR 0015): the role alone decides.
  'calendar:read': {
    'dinsos of Bogor': EVERYWHERE,
    'head of Dinsos Bogor': EVERYWHERE,
    'auditor of Bogor': EVERYWHERE,
    'national auditor': EVERYWHERE,
    admin: EVERYWHERE,
    'admin of Bogor': EVERYWHERE,
  },
  'calendar:manage': { admin: EVERYWHERE, 'admin of Bogor': EVERYWHERE },
  // A halted workflow (issue 17): the office that runs the cases and batches sees and retries it; a TKSK and an auditor do not.
  'workflow:attention': {
    'dinsos of Bogor': BOGOR,
    'head of Dinsos Bogor': BOGOR,
    ...ADMINS,
  },
  'workflow:retry': {
    'dinsos of Bogor': BOGOR,
    'head of Dinsos Bogor': BOGOR,
    ...ADMINS,
  },
  // The PSKS register (issue 16): the TKSK keeps its kecamatan's, Dinsos and the admin
  // their kabupaten's; the head and auditors only read.
  'psks:read': READ_LIKE_CASES,
  'psks:write': {
    'tksk of Leuwiliang': LEUWILIANG,
    'dinsos of Bogor': BOGOR,
    ...ADMINS,
  },
  // Only the office that vets providers flags a PSKS for referrals and sets its email.
  'psks:vetReferrals': {
    'dinsos of Bogor': BOGOR,
    ...ADMINS,
  },
  // The activity log is the TKSK's; the office and auditors read it.
  'activity:read': READ_LIKE_CASES,
  'activity:write': { 'tksk of Leuwiliang': LEUWILIANG },
  // The PPKS register and map (issue 16): read as cases are; the TKSK records, Dinsos corrects.
  'ppks:read': READ_LIKE_CASES,
  'ppks:write': { 'tksk of Leuwiliang': LEUWILIANG, 'dinsos of Bogor': BOGOR },
  // The laporan bulanan (issue 16 item 5, ADR 0039): the TKSK sends its kecamatan's, Dinsos
  // of the kabupaten (or its head) takes or returns it; nobody else moves it.
  'report:submit': { 'tksk of Leuwiliang': LEUWILIANG },
  'report:review': { 'dinsos of Bogor': BOGOR, 'head of Dinsos Bogor': BOGOR },
  // The province's roll-up: its own office within the province, reviewers within their
  // scope. The roll-up is asked at a province code, which a kabupaten's reviewer never holds.
  'report:province': {
    'dinsos of Jawa Barat province': JAWA_BARAT,
    ...AUDITORS_AND_ADMINS,
  },
  // The pengesahan day (issue 21.5): the admin of the kabupaten, nobody else.
  'pengesahan:manage': ADMINS,
}

const cases = ACTIONS.flatMap((action) =>
  (Object.keys(USERS) as Who[]).flatMap((who) =>
    (Object.keys(RESOURCES) as Where[]).map((where) => ({
      action,
      who,
      where,
      allowed: ALLOWED[action][who]?.includes(where) ?? false,
    })),
  ),
)

describe('authorization', () => {
  it.each(cases)('$who may $action on $where: $allowed', ({ action, who, where, allowed }) => {
    expect(can(USERS[who], action, RESOURCES[where])).toBe(allowed)
  })

  it('the province roll-up of Jawa Barat is read by its province office and national reviewers, not a kabupaten’s', () => {
    const jawaBarat = RESOURCES['Provinsi Jawa Barat itself']
    expect(can(USERS['dinsos of Jawa Barat province'], 'report:province', jawaBarat)).toBe(true)
    expect(can(USERS['national auditor'], 'report:province', jawaBarat)).toBe(true)
    expect(can(USERS['auditor of Bogor'], 'report:province', jawaBarat)).toBe(false)
    expect(can(USERS['dinsos of Bogor'], 'report:province', jawaBarat)).toBe(false)
    expect(can(user('dinsos_provinsi', '18'), 'report:province', jawaBarat)).toBe(false)
  })

  it('a province office neither sends, takes nor returns a laporan', () => {
    const province = USERS['dinsos of Jawa Barat province']
    for (const action of ['report:submit', 'report:review', 'case:read', 'verval:decide'] as const)
      expect(can(province, action, RESOURCES['a village of Leuwiliang'])).toBe(false)
  })

  it('a malformed area is in nobody’s scope', () => {
    for (const area of ['', '3201', '32.011', '32.01.', 'x']) {
      expect(can(USERS['national auditor'], 'audit:read', { area })).toBe(false)
      expect(can(USERS['auditor of Bogor'], 'audit:read', { area })).toBe(false)
    }
  })

  it('a scope prefix counts only on a dot boundary', () => {
    expect(can(user('auditor', '32.01'), 'audit:read', { area: '32.011' })).toBe(false)
    expect(can(user('auditor', '32.01'), 'audit:read', { area: '32.10.01' })).toBe(false)
  })

  it('a role the policy does not know is denied', () => {
    expect(can({ role: 'provider' as User['role'], area: '*' }, 'audit:read', { area: '32.01' })).toBe(false)
  })
})
