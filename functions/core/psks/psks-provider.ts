/**
 * A PSKS as the provider directory sees it (ADR 0031): an active PSKS flagged "dapat
 * menerima rujukan" is offered on "Pilih penyedia" for the cases of its desa (or of any
 * desa of its kecamatan). It lists no services, so automatic routing never picks it:
 * Dinsos chooses it for one case, as with any provider offered there.
 */
import { isWithin } from '../areas/area-code'
import type { ProviderRecord } from '../providers/provider-record'
import { providerKindOf } from './psks-kinds'
import type { PsksRecord } from './psks-record'

/** A PSKS that may receive a referral: active, flagged, and with the email its link goes to. */
export type ReferrablePsks = PsksRecord & { contact: { email: string } }

export const offersReferrals = (record: PsksRecord): record is ReferrablePsks =>
  record.active && record.acceptsReferrals && Boolean(record.contact.email)

/** Whether the PSKS is offered for a case of this desa. */
export const referrableFor = (record: PsksRecord, villageCode: string): record is ReferrablePsks =>
  offersReferrals(record) && isWithin(villageCode, record.area)

export const psksAsProvider = (record: ReferrablePsks): ProviderRecord => ({
  providerId: record.psksId,
  name: record.name,
  kind: providerKindOf(record.kind),
  email: record.contact.email,
  ...(record.contact.phone ? { phone: record.contact.phone } : {}),
  services: [],
  areas: [record.area],
  active: true,
  kabupaten: record.kabupaten,
  createdAt: record.createdAt,
  updatedAt: record.updatedAt,
  version: record.version,
})
