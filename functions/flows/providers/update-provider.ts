/**
 * Changes a provider (DESIGN §4 `PATCH /api/admin/providers/{providerId}`), activation
 * included. A provider outside the actor's scope is "not found", so an admin learns
 * nothing about another kabupaten's directory; its areas stay in its own kabupaten.
 */
import { checkProviderAreas } from '../../core/providers/provider-areas'
import type { ProviderRecord } from '../../core/providers/provider-record'
import { providerPatchSchema } from '../../core/providers/provider-schema'
import { loadAreaIndex } from '../../data/area-source'
import { getProvider, updateProviderRecord } from '../../data/provider-repository'
import { NotFoundError } from '../../shared/errors'
import { parseWith } from '../../shared/validation'
import type { DirectoryActor } from './create-provider'
import { areaErrors, refusalsAsConflicts } from './directory-errors'

/** The provider if the actor may manage it; 404 otherwise, whether it exists or not. */
export const visibleProvider = async (
  providerId: string,
  mayManage: (kabupaten: string) => boolean,
): Promise<ProviderRecord> => {
  const record = await getProvider(providerId)
  if (!record || !mayManage(record.kabupaten)) throw new NotFoundError('Penyedia tidak ditemukan.')
  return record
}

export const updateProvider = async (
  providerId: string,
  input: unknown,
  by: DirectoryActor,
): Promise<ProviderRecord> => {
  const previous = await visibleProvider(providerId, by.mayManage)
  const { phone, ...patch } = parseWith(providerPatchSchema, input)
  if (patch.areas) {
    const { problems } = checkProviderAreas(patch.areas, loadAreaIndex(), previous.kabupaten)
    if (problems.length > 0) throw areaErrors(problems)
  }
  const { phone: previousPhone, ...rest } = previous
  const nextPhone = phone === null ? undefined : (phone ?? previousPhone)
  const next: ProviderRecord = {
    ...rest,
    ...patch,
    ...(nextPhone ? { phone: nextPhone } : {}),
    updatedAt: by.now.toISOString(),
    version: previous.version + 1,
  }
  await refusalsAsConflicts(next.email, () =>
    updateProviderRecord(previous, next, { actor: by.actor, correlationId: by.correlationId, at: by.now }),
  )
  return next
}
