/**
 * Adds a provider to the directory (DESIGN §4 `POST /api/admin/providers`): the admin
 * pages, the API and the local seed all come through here, so a seeded provider is the
 * same data, with the same checks and audit entry, as one an admin typed in.
 */
import type { AuditActor } from '../../core/audit/audit-entry'
import { checkProviderAreas } from '../../core/providers/provider-areas'
import type { ProviderRecord } from '../../core/providers/provider-record'
import { providerInputSchema } from '../../core/providers/provider-schema'
import { loadAreaIndex } from '../../data/area-source'
import { createProviderRecord } from '../../data/provider-repository'
import { ForbiddenError } from '../../shared/errors'
import { parseWith } from '../../shared/validation'
import { areaErrors, refusalsAsConflicts } from './directory-errors'

export interface DirectoryActor {
  actor: AuditActor
  /** Whether the actor may manage the providers of a kabupaten/kota (`can` for staff; the seed may anywhere). */
  mayManage: (kabupaten: string) => boolean
  correlationId: string
  now: Date
}

export const createProvider = async (
  input: unknown,
  providerId: string,
  by: DirectoryActor,
): Promise<ProviderRecord> => {
  const parsed = parseWith(providerInputSchema, input)
  const { problems, kabupaten } = checkProviderAreas(parsed.areas, loadAreaIndex())
  if (!kabupaten) throw areaErrors(problems)
  if (!by.mayManage(kabupaten))
    throw new ForbiddenError('Anda hanya dapat mengelola penyedia di kabupaten/kota Anda.')
  const at = by.now.toISOString()
  const record: ProviderRecord = {
    providerId,
    ...parsed,
    kabupaten,
    createdAt: at,
    updatedAt: at,
    version: 1,
  }
  await refusalsAsConflicts(record.email, () =>
    createProviderRecord(record, { actor: by.actor, correlationId: by.correlationId, at: by.now }),
  )
  return record
}
