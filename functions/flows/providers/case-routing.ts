/**
 * Routing and re-referral of a case read the directory only (DESIGN §4): the kabupaten's
 * providers, ranked by core/providers/provider-routing.ts. No provider is made up in code.
 */
import { kabupatenOf } from '../../core/areas/area-code'
import type { CaseRecord } from '../../core/case/case-record'
import type { ProviderRecord } from '../../core/providers/provider-record'
import {
  choosableProviders,
  rankProviders,
  routeAdminduk,
  routeProvider,
} from '../../core/providers/provider-routing'
import { getProvider, providersOf } from '../../data/provider-repository'

type RoutedCase = Pick<CaseRecord, 'service' | 'applicant' | 'declinedProviders'>

const kabupatenProviders = (record: RoutedCase) =>
  providersOf(kabupatenOf(record.applicant.villageCode) ?? record.applicant.villageCode)

/** The provider that serves the case now, or none: then Dinsos chooses ("Pilih penyedia"). */
export const providerForCase = async (record: RoutedCase): Promise<ProviderRecord | undefined> =>
  routeProvider(
    await kabupatenProviders(record),
    record.service,
    record.applicant.villageCode,
    record.declinedProviders,
  )

/** The desa or Disdukcapil that obtains a NIK for the person, or none (then Dinsos coordinates it). */
export const admindukProviderFor = async (record: RoutedCase): Promise<ProviderRecord | undefined> =>
  routeAdminduk(await kabupatenProviders(record), record.applicant.villageCode)

/** Who Dinsos may re-refer a declined case to: the other providers routing would pick, best first. */
export const rereferralOptions = async (record: RoutedCase): Promise<ProviderRecord[]> =>
  rankProviders(await kabupatenProviders(record), record.service, record.applicant.villageCode).filter(
    (p) => !record.declinedProviders?.includes(p.providerId),
  )

/** Who Dinsos may choose when routing found nobody: any active provider of the kabupaten/kota. */
export const choiceOptions = async (record: RoutedCase): Promise<ProviderRecord[]> =>
  choosableProviders(await kabupatenProviders(record), record.service, record.declinedProviders)

/** A provider a case may be sent to by a Dinsos decision, re-read at the moment of the decision. */
export const providerIfOffered = async (
  providerId: string,
  offered: (record: RoutedCase) => Promise<ProviderRecord[]>,
  record: RoutedCase,
): Promise<ProviderRecord | undefined> => {
  const provider = await getProvider(providerId)
  if (!provider) return undefined
  return (await offered(record)).some((p) => p.providerId === providerId) ? provider : undefined
}
