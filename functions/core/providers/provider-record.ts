/**
 * A provider or partner of the directory (DESIGN §4 `/api/admin/providers`): who a case
 * is referred to. Every provider belongs to one kabupaten/kota (its admin's scope) and
 * serves listed desa/kelurahan, kecamatan, or the whole kabupaten.
 */
import type { ProviderKind, ServiceCode } from '../catalog/services'

export interface ProviderRecord {
  providerId: string
  name: string
  kind: ProviderKind
  email: string
  phone?: string
  services: ServiceCode[]
  /** Kemendagri codes: the kabupaten itself, kecamatan or desa/kelurahan inside it. */
  areas: string[]
  active: boolean
  /** The kabupaten/kota the provider belongs to (derived from `areas`, fixed at creation). */
  kabupaten: string
  createdAt: string
  updatedAt: string
  /** Bumped on every change: the precondition of the next one. */
  version: number
}

/** The contract's shape of a provider (DESIGN §4): what the API answers and the audit records. */
export type ProviderView = Pick<
  ProviderRecord,
  'providerId' | 'name' | 'kind' | 'email' | 'phone' | 'services' | 'areas' | 'active'
>

export const providerView = (record: ProviderRecord): ProviderView => ({
  providerId: record.providerId,
  name: record.name,
  kind: record.kind,
  email: record.email,
  ...(record.phone ? { phone: record.phone } : {}),
  services: record.services,
  areas: record.areas,
  active: record.active,
})
