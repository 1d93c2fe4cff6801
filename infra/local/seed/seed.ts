import { loadAreaIndex } from '../../../functions/data/area-source'
import { getProvider } from '../../../functions/data/provider-repository'
import { seedStaffMember } from '../../../functions/data/user-repository'
import { createProvider } from '../../../functions/flows/providers/create-provider'
import { now } from '../../../functions/shared/clock'
import { type SeedProvider, seedProviders, seedVillageProviders } from './providers'
import { seedStaff } from './seed-data'

const SEED_ACTOR = { id: 'seed', role: 'system' as const }

const seedProvider = async ({ providerId, input }: SeedProvider): Promise<void> => {
  if (await getProvider(providerId)) return
  await createProvider(input, providerId, {
    actor: SEED_ACTOR,
    mayManage: () => true,
    correlationId: 'local-seed',
    now: now(),
  })
}

/**
 * Providers go through the admin's use case (validated, audited as PROVIDER_CREATED).
 * The kabupaten-wide ones one after the other, so that their creation order, which
 * breaks routing ties, is the listed one; the desa ones, which never tie with each
 * other, together. A provider already there is left as it is (an admin may have changed it).
 */
const seedDirectory = async (): Promise<void> => {
  for (const provider of seedProviders) await seedProvider(provider)
  await Promise.all(seedVillageProviders(loadAreaIndex()).map(seedProvider))
}

/** Idempotent: a second `npm start` changes nothing. */
export const seed = async (): Promise<void> => {
  await Promise.all(seedStaff.map((member) => seedStaffMember(member)))
  await seedDirectory()
}
