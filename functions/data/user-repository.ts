/** The staff directory: who serves which area in which role (DESIGN §1 roles). */
import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb'
import type { User } from '../core/identity/user'
import { dynamo } from '../shared/clients'
import { env } from '../shared/env'
import { staffByAreaEntry, staffByAreaQuery, userKey } from './keys'

export interface StaffMember extends User {
  displayName: string
  /** Absent on entries written before staff could be deactivated: active. */
  active?: boolean
}

export const getStaffMember = async (userId: string): Promise<StaffMember | undefined> => {
  const { Item } = await dynamo().send(
    new GetCommand({ TableName: env.mainTableName(), Key: userKey(userId) }),
  )
  if (!Item) return undefined
  const { id, username, role, area, email, displayName, active } = Item as StaffMember
  return { id, username, role, area, email, displayName, ...(active === false ? { active } : {}) }
}

/** Creates or refreshes a directory entry (seeding locally, the Cognito sync on AWS). */
export const putStaffMember = async (member: StaffMember): Promise<void> => {
  await dynamo().send(
    new PutCommand({
      TableName: env.mainTableName(),
      Item: { ...userKey(member.id), ...staffByAreaEntry(member.area, member.role, member.id), ...member },
    }),
  )
}

/** The staff of one role serving exactly `area` (task routing: the TKSK of a kecamatan, the Dinsos of a kabupaten). */
export const staffInArea = async (area: string, role: StaffMember['role']): Promise<StaffMember[]> => {
  const { gsi1pk, gsi1skPrefix } = staffByAreaQuery(area, role)
  const { Items } = await dynamo().send(
    new QueryCommand({
      TableName: env.mainTableName(),
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk AND begins_with(gsi1sk, :prefix)',
      ExpressionAttributeValues: { ':pk': gsi1pk, ':prefix': gsi1skPrefix },
    }),
  )
  return (Items ?? []).map(({ id, username, role: r, area: a, email, displayName }) => ({
    id,
    username,
    role: r,
    area: a,
    email,
    displayName,
  })) as StaffMember[]
}
