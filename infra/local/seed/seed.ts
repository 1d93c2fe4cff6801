import { putProvider } from '../../../functions/data/provider-repository'
import { seedStaffMember } from '../../../functions/data/user-repository'
import { seedProviders } from './providers'
import { seedStaff } from './seed-data'

/** Idempotent: every start re-puts the same items, so a second `npm start` changes nothing. */
export const seed = async (): Promise<void> => {
  await Promise.all([
    ...seedStaff.map((member) => seedStaffMember(member)),
    ...seedProviders.map(putProvider),
  ])
}
