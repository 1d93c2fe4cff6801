/**
 * The desa/kelurahan of a kecamatan with the address their musdes link goes to (ADR
 * 0033): the admin keeps it in the provider directory, as the active Pemerintah
 * Desa/Kelurahan entry whose areas name the desa (the same entry SKTM cases are referred
 * to). A desa without one has no email: the TKSK enters its rows as before.
 */
import { kabupatenOf } from '../../core/areas/area-code'
import { type DesaContact, villageTitle } from '../../core/verval/desa-part'
import { loadAreaIndex } from '../../data/area-source'
import { providersOf } from '../../data/provider-repository'

export interface DesaEntry {
  desaCode: string
  desaName: string
  contact?: DesaContact
}

export const desaOfKecamatan = async (kecamatan: string): Promise<DesaEntry[]> => {
  const villages = loadAreaIndex().children(kecamatan)
  const providers = (await providersOf(kabupatenOf(kecamatan) ?? kecamatan)).filter(
    (provider) => provider.active && provider.kind === 'PEMERINTAH_DESA',
  )
  return villages.map((village) => {
    const provider = providers.find((candidate) => candidate.areas.includes(village.code))
    return {
      desaCode: village.code,
      desaName: villageTitle(village.code, village.name),
      ...(provider
        ? { contact: { providerId: provider.providerId, name: provider.name, email: provider.email } }
        : {}),
    }
  })
}
