/**
 * Routing and re-referral of a case read the directory only (DESIGN §4): the kabupaten's
 * providers, ranked by core/providers/provider-routing.ts. No provider is made up in code.
 */
import { kabupatenOf, kecamatanOf } from '../../core/areas/area-code'
import type { CaseRecord } from '../../core/case/case-record'
import type { ProviderRecord } from '../../core/providers/provider-record'
import {
  choosableProviders,
  rankProviders,
  routeAdminduk,
  routeProvider,
} from '../../core/providers/provider-routing'
import { psksAsProvider, type ReferrablePsks, referrableFor } from '../../core/psks/psks-provider'
import { providersOf } from '../../data/provider-repository'
import { psksOfArea } from '../../data/psks-repository'
import { findProvider } from './find-provider'

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

/**
 * The PSKS of the case's kecamatan that accept referrals and cover its desa (ADR 0031),
 * as providers; they list no services, so only a person's choice sends a case to them.
 */
const referrablePsks = async (record: RoutedCase): Promise<ProviderRecord[]> => {
  const village = record.applicant.villageCode
  const kecamatan = kecamatanOf(village)
  const kabupaten = kabupatenOf(village)
  if (!kecamatan || !kabupaten) return []
  return (await psksOfArea(kabupaten, kecamatan))
    .filter((psks): psks is ReferrablePsks => referrableFor(psks, village))
    .map(psksAsProvider)
}

/**
 * Who Dinsos may choose when routing found nobody: any active provider of the
 * kabupaten/kota, and the PSKS of the case's area flagged "dapat menerima rujukan".
 */
export const choiceOptions = async (record: RoutedCase): Promise<ProviderRecord[]> => {
  const [directory, psks] = await Promise.all([kabupatenProviders(record), referrablePsks(record)])
  return choosableProviders([...directory, ...psks], record.service, record.declinedProviders)
}

/** A provider a case may be sent to by a Dinsos decision, re-read at the moment of the decision. */
export const providerIfOffered = async (
  providerId: string,
  offered: (record: RoutedCase) => Promise<ProviderRecord[]>,
  record: RoutedCase,
): Promise<ProviderRecord | undefined> => {
  const provider = await findProvider(providerId)
  if (!provider) return undefined
  return (await offered(record)).some((p) => p.providerId === providerId) ? provider : undefined
}
