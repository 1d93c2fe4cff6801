import { createHash } from 'node:crypto'
import { statSync } from 'node:fs'
import { join } from 'node:path'
import { areaDataDir, loadAreaIndex } from '../../../functions/data/area-source'
import { getProvider } from '../../../functions/data/provider-repository'
import { readSeedVersion, writeSeedVersion } from '../../../functions/data/seed-marker-repository'
import { seedStaffMember } from '../../../functions/data/user-repository'
import { createProvider } from '../../../functions/flows/providers/create-provider'
import { now } from '../../../functions/shared/clock'
import { type SeedProvider, seedProviders, seedVillageProviders, VILLAGE_SKTM_KECAMATAN } from './providers'
import { seedStaff } from './seed-data'

const SEED_ACTOR = { id: 'seed', role: 'system' as const }

/** Bump when the seeding itself changes (not its data, which the version hashes). */
const SEED_FORMAT = 1

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
const seedDirectory = async (villages: readonly SeedProvider[]): Promise<void> => {
  for (const provider of seedProviders) await seedProvider(provider)
  await Promise.all(villages.map(seedProvider))
}

/**
 * Idempotent: a second `npm start` changes nothing. The tables remember the seed they
 * hold (a hash of its data), so a warm start reads one item instead of ~40 (issue 20);
 * a changed seed is applied on the next start. `storedVersion`: the stamp's read, when the
 * caller started it earlier (a warm `npm start` reads it beside its table checks).
 */
export const seed = async (storedVersion?: Promise<string | undefined>): Promise<'seeded' | 'current'> => {
  // The village list by its source file, not its rows: parsing ~80,000 villages was most
  // of a warm seed's CPU.
  const villageFile = statSync(join(areaDataDir(), 'villages.csv'))
  const version = createHash('sha256')
    .update(
      JSON.stringify({
        SEED_FORMAT,
        seedStaff,
        seedProviders,
        VILLAGE_SKTM_KECAMATAN,
        villages: [villageFile.size, villageFile.mtimeMs],
      }),
    )
    .digest('hex')
  if ((await (storedVersion ?? readSeedVersion())) === version) return 'current'
  await Promise.all(seedStaff.map((member) => seedStaffMember(member)))
  await seedDirectory(seedVillageProviders(loadAreaIndex()))
  await writeSeedVersion(version, now().toISOString())
  return 'seeded'
}

/**
 * The seed stamp's read, started beside a warm start's table checks rather than after them:
 * one round trip less before healthy (ADR 0041, addendum 3). A table that is not there yet
 * (a first start) has no stamp; any other failure fails the start as the later read did.
 * The returned promise is marked handled, so a start that fails first (its table checks)
 * does not also report this read's rejection.
 */
export const readSeedStampEarly = (): Promise<string | undefined> => {
  const read = readSeedVersion().catch((error: unknown) => {
    if ((error as { name?: unknown } | undefined)?.name === 'ResourceNotFoundException') return undefined
    throw error
  })
  read.catch(() => undefined)
  return read
}
