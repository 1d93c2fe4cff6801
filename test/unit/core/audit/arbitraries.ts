import fc from 'fast-check'
import type { AuditEntry, AuditInput } from '../../../../functions/core/audit/audit-entry'
import { nextEntry } from '../../../../functions/core/audit/next-entry'

export const T0 = new Date('2026-03-02T01:00:00.000Z')

export const input = (overrides: Partial<AuditInput> = {}): AuditInput => ({
  entityId: 'case:01JCASE',
  area: '32.01.14',
  actor: { id: 'u-tksk-leuwiliang', role: 'tksk' },
  action: 'CASE_CREATED',
  before: null,
  after: { status: 'IDENTIFICATION' },
  correlationId: 'corr-00000001',
  ...overrides,
})

/** A well-formed chain of `inputs`, one minute apart. */
export const chainOf = (inputs: readonly AuditInput[], start = T0): AuditEntry[] => {
  const entries: AuditEntry[] = []
  for (const [index, item] of inputs.entries())
    entries.push(nextEntry(entries.at(-1), item, new Date(start.getTime() + index * 60_000)))
  return entries
}

const actionArb = fc.constantFrom(
  'CASE_CREATED',
  'TASK_CREATED',
  'ASSESSMENT_SUBMITTED',
  'CASE_CLOSED',
  'PII_READ',
)
const roleArb = fc.constantFrom(
  'tksk',
  'dinsos',
  'dinsos_head',
  'auditor',
  'admin',
  'system',
  'resident',
  'provider',
) as fc.Arbitrary<AuditInput['actor']['role']>

export const inputArb = (entityId: string): fc.Arbitrary<AuditInput> =>
  fc.record({
    entityId: fc.constant(entityId),
    area: fc.constantFrom('32.01.14', '32.01.14.2001', '32.01', '18.71.04'),
    actor: fc.record({ id: fc.string({ minLength: 1, maxLength: 12 }), role: roleArb }),
    action: actionArb,
    before: fc.jsonValue({ maxDepth: 2 }),
    after: fc.jsonValue({ maxDepth: 2 }),
    correlationId: fc.string({ minLength: 8, maxLength: 20 }),
  })

export const chainArb = (minLength = 1, maxLength = 8): fc.Arbitrary<AuditEntry[]> =>
  fc.array(inputArb('case:01JPROP'), { minLength, maxLength }).map((inputs) => chainOf(inputs))
