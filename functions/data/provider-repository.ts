/**
 * Providers a case is referred to (DESIGN §6), by kabupaten/kota. The village government
 * of the applicant serves SKTM everywhere in Kabupaten Bogor; it is not stored but
 * derived from the village code, because there are hundreds of villages and each one's
 * address follows the same rule.
 */
import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb'
import { compactCode } from '../core/areas/area-code'
import type { ServiceCode } from '../core/catalog/services'
import { dynamo } from '../shared/clients'
import { env } from '../shared/env'
import { providerKey, providersByAreaEntry, providersByAreaPartition } from './keys'

export interface Provider {
  providerId: string
  name: string
  /** Kabupaten/kota served. */
  area: string
  services: ServiceCode[]
  email: string
}

const VILLAGE_PREFIX = 'desa-'
/** Kabupaten whose villages take SKTM referrals directly. */
const VILLAGE_SKTM_AREAS = ['32.01']

export const villageProvider = (villageCode: string): Provider => ({
  providerId: `${VILLAGE_PREFIX}${compactCode(villageCode)}`,
  name: `Pemerintah Desa ${villageCode}`,
  area: villageCode.slice(0, 5),
  services: ['SKTM'],
  email: `desa.${compactCode(villageCode)}@desa.bogorkab.local`,
})

export const putProvider = async (provider: Provider): Promise<void> => {
  await dynamo().send(
    new PutCommand({
      TableName: env.mainTableName(),
      Item: {
        ...providerKey(provider.providerId),
        ...providersByAreaEntry(provider.area, provider.providerId),
        ...provider,
      },
    }),
  )
}

const providerOf = (item: Record<string, unknown>): Provider => {
  const { providerId, name, area, services, email } = item as unknown as Provider
  return { providerId, name, area, services, email }
}

/** Every provider that serves `service` for an applicant of `villageCode`, stored ones first. */
export const providersFor = async (service: ServiceCode, villageCode: string): Promise<Provider[]> => {
  const kabupaten = villageCode.slice(0, 5)
  const { Items } = await dynamo().send(
    new QueryCommand({
      TableName: env.mainTableName(),
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': providersByAreaPartition(kabupaten) },
    }),
  )
  const stored = (Items ?? []).map(providerOf).filter((p) => p.services.includes(service))
  const village =
    service === 'SKTM' && VILLAGE_SKTM_AREAS.includes(kabupaten) ? [villageProvider(villageCode)] : []
  return [...stored, ...village]
}

export const getProvider = async (providerId: string, villageCode: string): Promise<Provider | undefined> => {
  if (providerId.startsWith(VILLAGE_PREFIX)) {
    const village = villageProvider(villageCode)
    return village.providerId === providerId ? village : undefined
  }
  const { Item } = await dynamo().send(
    new GetCommand({ TableName: env.mainTableName(), Key: providerKey(providerId) }),
  )
  return Item ? providerOf(Item) : undefined
}
