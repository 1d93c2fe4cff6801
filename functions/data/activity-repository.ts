/**
 * The TKSK's activity log (issue 16, ADR 0031): one item per kegiatan under the id the
 * form chose, indexed in gsi1 by kabupaten/kota and month. Logging is one transaction
 * with its ACTIVITY_LOGGED audit entry, on the precondition that the id is new: a form
 * that sends the same kegiatan twice (offline, then again) finds it already there.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb'
import type { AuditActor } from '../core/audit/audit-entry'
import { type ActivityRecord, activityAuditView } from '../core/activities/activity-record'
import { dynamo } from '../shared/clients'
import { env } from '../shared/env'
import { appendAudit } from './audit-repository'
import { itemCodec } from './item-codec'
import { activitiesByMonthQuery, activityByMonthEntry, activityKey, auditEntityId } from './keys'
import { queryGsi1 } from './paginate'
import { failedConditionAt } from './transaction-errors'

const table = () => env.mainTableName()

const activityOf = itemCodec<ActivityRecord>()

export class ActivityIdTaken extends Error {
  constructor(readonly activityId: string) {
    super(`activity ${activityId} exists`)
    this.name = 'ActivityIdTaken'
  }
}

export const logActivityRecord = async (
  record: ActivityRecord,
  change: { actor: AuditActor; correlationId: string; at: Date },
): Promise<void> => {
  try {
    await appendAudit(
      {
        entityId: auditEntityId.activity(record.activityId),
        area: record.desa,
        actor: change.actor,
        action: 'ACTIVITY_LOGGED',
        before: null,
        after: activityAuditView(record),
        correlationId: change.correlationId,
      },
      {
        at: change.at,
        alongWith: [
          {
            Put: {
              TableName: table(),
              Item: {
                ...activityKey(record.activityId),
                ...activityByMonthEntry(record.kecamatan, record.date, record.activityId),
                ...record,
              },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
        ],
      },
    )
  } catch (error) {
    if (failedConditionAt(error, 0)) throw new ActivityIdTaken(record.activityId)
    throw error
  }
}

export const getActivity = async (activityId: string): Promise<ActivityRecord | undefined> => {
  const { Item } = await dynamo().send(new GetCommand({ TableName: table(), Key: activityKey(activityId) }))
  return Item ? activityOf(Item) : undefined
}

/** The kegiatan of a month in a kabupaten/kota, or in one of its kecamatan, by kecamatan and date. */
export const activitiesOfMonth = async (
  kabupaten: string,
  month: string,
  kecamatan?: string,
): Promise<ActivityRecord[]> => {
  const items = await queryGsi1(table(), activitiesByMonthQuery(kabupaten, month, kecamatan))
  return items.map(activityOf)
}
