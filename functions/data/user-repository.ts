/** The staff directory: who serves which area in which role (DESIGN §1 roles). */
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb'
import type { User } from '../shared/auth/user'
import { dynamo } from '../shared/clients'
import { env } from '../shared/env'
import { staffByAreaEntry, userKey } from './keys'

export interface StaffMember extends User {
  displayName: string
}

export const getStaffMember = async (userId: string): Promise<StaffMember | undefined> => {
  const { Item } = await dynamo().send(
    new GetCommand({ TableName: env.mainTableName(), Key: userKey(userId) }),
  )
  if (!Item) return undefined
  const { id, username, role, area, email, displayName } = Item as StaffMember
  return { id, username, role, area, email, displayName }
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
