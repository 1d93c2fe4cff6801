/** The staff identity port on AWS: the Cognito user pool's admin API (only the admin function is granted it). */
import {
  AdminCreateUserCommand,
  AdminDeleteUserCommand,
  AdminDisableUserCommand,
  AdminEnableUserCommand,
  AdminUpdateUserAttributesCommand,
  AdminUserGlobalSignOutCommand,
  CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider'
import {
  IdentityTakenError,
  type StaffIdentityAttributes,
  type StaffIdentityPort,
} from '../core/staff/staff-identity-port'
import { env } from '../shared/env'

let client: CognitoIdentityProviderClient | undefined
const cognito = () => (client ??= new CognitoIdentityProviderClient({ region: env.region() }))

const attributesOf = (attributes: Omit<StaffIdentityAttributes, 'username'>) => [
  { Name: 'name', Value: attributes.name },
  { Name: 'email', Value: attributes.email },
  // The admin typed the address; the invitation proves it reaches the person.
  { Name: 'email_verified', Value: 'true' },
  { Name: 'custom:role', Value: attributes.role },
  { Name: 'custom:area', Value: attributes.area },
]

export const cognitoStaffIdentity = (): StaffIdentityPort => {
  const UserPoolId = env.cognitoUserPoolId()
  return {
    invite: async ({ username, ...attributes }) => {
      try {
        const { User } = await cognito().send(
          new AdminCreateUserCommand({
            UserPoolId,
            Username: username,
            UserAttributes: attributesOf(attributes),
            DesiredDeliveryMediums: ['EMAIL'],
          }),
        )
        const sub = User?.Attributes?.find((attribute) => attribute.Name === 'sub')?.Value
        if (!sub) throw new Error(`Cognito created ${username} without a sub`)
        return sub
      } catch (error) {
        if (error instanceof Error && error.name === 'UsernameExistsException')
          throw new IdentityTakenError(username)
        throw error
      }
    },
    remove: async (username) => {
      await cognito().send(new AdminDeleteUserCommand({ UserPoolId, Username: username }))
    },
    update: async (username, attributes) => {
      await cognito().send(
        new AdminUpdateUserAttributesCommand({
          UserPoolId,
          Username: username,
          UserAttributes: attributesOf(attributes),
        }),
      )
    },
    disable: async (username) => {
      await cognito().send(new AdminDisableUserCommand({ UserPoolId, Username: username }))
    },
    enable: async (username) => {
      await cognito().send(new AdminEnableUserCommand({ UserPoolId, Username: username }))
    },
    signOut: async (username) => {
      await cognito().send(new AdminUserGlobalSignOutCommand({ UserPoolId, Username: username }))
    },
  }
}
