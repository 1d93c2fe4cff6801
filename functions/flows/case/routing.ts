/**
 * Who gets a case's tasks (DESIGN §1 roles): the TKSK of the kecamatan, else the Dinsos
 * of the kabupaten, else `admin`; approvals go to the Dinsos, escalations to the head.
 */
import { kabupatenOf } from '../../core/areas/area-code'
import type { Person } from '../../core/case/case-record'
import { type StaffMember, staffInArea } from '../../data/user-repository'

export const personOf = (member: StaffMember): Person => ({
  id: member.id,
  role: member.role,
  name: member.displayName,
  email: member.email,
})

const firstOf = async (...candidates: (() => Promise<StaffMember[]>)[]): Promise<Person> => {
  for (const candidate of candidates) {
    const [member] = await candidate()
    if (member) return personOf(member)
  }
  throw new Error('no staff member to route the task to, not even admin')
}

const kabupaten = (area: string): string => kabupatenOf(area) ?? area
const admin = () => staffInArea('*', 'admin')

export const tkskFor = (kecamatan: string): Promise<Person> =>
  firstOf(
    () => staffInArea(kecamatan, 'tksk'),
    () => staffInArea(kabupaten(kecamatan), 'dinsos'),
    admin,
  )

export const approverFor = (area: string): Promise<Person> =>
  firstOf(() => staffInArea(kabupaten(area), 'dinsos'), admin)

export const headFor = (area: string): Promise<Person> =>
  firstOf(() => staffInArea(kabupaten(area), 'dinsos_head'), admin)

export const auditorsFor = async (area: string): Promise<Person[]> =>
  (await staffInArea(kabupaten(area), 'auditor')).map(personOf)

export const providerPerson = (provider: { providerId: string; name: string; email: string }): Person => ({
  id: `provider:${provider.providerId}`,
  role: 'provider',
  name: provider.name,
  email: provider.email,
})
