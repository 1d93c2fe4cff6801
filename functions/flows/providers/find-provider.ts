/**
 * A provider by id, wherever it is kept (ADR 0031): the directory, or the PSKS register
 * for a PSKS that accepts referrals (a PSKS that stopped accepting them, or went
 * inactive, is no provider any more). What a case's referral and its audit names read.
 */
import { offersReferrals, psksAsProvider } from '../../core/psks/psks-provider'
import type { ProviderRecord } from '../../core/providers/provider-record'
import { getProvider } from '../../data/provider-repository'
import { getPsks } from '../../data/psks-repository'

export const findProvider = async (providerId: string): Promise<ProviderRecord | undefined> => {
  const provider = await getProvider(providerId)
  if (provider) return provider
  const psks = await getPsks(providerId)
  return psks && offersReferrals(psks) ? psksAsProvider(psks) : undefined
}
