/**
 * Who serves a case (DESIGN §4): the active provider of the service whose area is the
 * most specific match of the applicant's desa — a listed desa beats a listed kecamatan,
 * which beats the whole kabupaten/kota. Among equally specific ones the longest-standing
 * entry serves (then the id), so a new entry never silently takes over a route.
 */
import { isWithin } from '../areas/area-code'
import type { ServiceCode } from '../catalog/services'
import type { ProviderRecord } from './provider-record'

/** 3 = the desa itself, 2 = its kecamatan, 1 = its kabupaten, 0 = not served. */
export const matchSpecificity = (areas: readonly string[], villageCode: string): number =>
  Math.max(
    0,
    ...areas.filter((area) => isWithin(villageCode, area)).map((area) => area.split('.').length - 1),
  )

const byRoute = (village: string) => (a: ProviderRecord, b: ProviderRecord) =>
  matchSpecificity(b.areas, village) - matchSpecificity(a.areas, village) ||
  a.createdAt.localeCompare(b.createdAt) ||
  a.providerId.localeCompare(b.providerId)

/** The active providers of `service` that cover the desa, the one that serves first. */
export const rankProviders = (
  providers: readonly ProviderRecord[],
  service: ServiceCode,
  villageCode: string,
): ProviderRecord[] =>
  providers
    .filter((p) => p.active && p.services.includes(service) && matchSpecificity(p.areas, villageCode) > 0)
    .sort(byRoute(villageCode))

/** The provider a case is referred to, skipping those that already declined it. */
export const routeProvider = (
  providers: readonly ProviderRecord[],
  service: ServiceCode,
  villageCode: string,
  declined: readonly string[] = [],
): ProviderRecord | undefined =>
  rankProviders(providers, service, villageCode).find((p) => !declined.includes(p.providerId))

/** Who obtains a NIK for a person without one (issue 15, ADR 0027): the desa or Disdukcapil, most specific first. */
export const ADMINDUK_PROVIDER_KINDS: readonly ProviderRecord['kind'][] = ['PEMERINTAH_DESA', 'DISDUKCAPIL']

export const routeAdminduk = (
  providers: readonly ProviderRecord[],
  villageCode: string,
): ProviderRecord | undefined =>
  providers
    .filter(
      (p) =>
        p.active && ADMINDUK_PROVIDER_KINDS.includes(p.kind) && matchSpecificity(p.areas, villageCode) > 0,
    )
    .sort(byRoute(villageCode))[0]

/**
 * What Dinsos may pick on "Pilih penyedia" when routing found nobody: any active provider
 * of the kabupaten/kota, those serving the service somewhere first, then by name.
 */
export const choosableProviders = (
  providers: readonly ProviderRecord[],
  service: ServiceCode,
  declined: readonly string[] = [],
): ProviderRecord[] =>
  providers
    .filter((p) => p.active && !declined.includes(p.providerId))
    .sort(
      (a, b) =>
        Number(b.services.includes(service)) - Number(a.services.includes(service)) ||
        a.name.localeCompare(b.name, 'id'),
    )
