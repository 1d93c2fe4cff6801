/**
 * The staff's hosted-UI client of the user pool. It lives in the stateless stack, not
 * with the user pool: its callback is the API's URL, and the data stack must not depend
 * on that one. A client holds no data.
 */
import { Duration } from 'aws-cdk-lib'
import {
  ClientAttributes,
  type IUserPool,
  OAuthScope,
  UserPoolClient,
  UserPoolClientIdentityProvider,
} from 'aws-cdk-lib/aws-cognito'
import type { Construct } from 'constructs'
import { LOGIN_CALLBACK_PATH, LOGOUT_RETURN_PATH } from '../../functions/shared/auth/hosted-ui'

export const staffHostedUiClient = (
  scope: Construct,
  id: string,
  { userPool, publicBaseUrl }: { userPool: IUserPool; publicBaseUrl: string },
): UserPoolClient => {
  const sessionLength = Duration.hours(8) // DESIGN §5: tokens last 8 h
  return new UserPoolClient(scope, id, {
    userPool,
    // Authorization code with PKCE; no secret to keep in a function's environment.
    generateSecret: false,
    // Hosted UI code flow and refresh only (ALLOW_REFRESH_TOKEN_AUTH is always on): no
    // password, SRP or custom flow against this client, so it cannot be used to try
    // passwords or to skip the hosted UI's MFA and threat protection.
    authFlows: {
      user: false,
      userPassword: false,
      userSrp: false,
      custom: false,
      adminUserPassword: false,
    },
    oAuth: {
      flows: { authorizationCodeGrant: true },
      scopes: [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE],
      callbackUrls: [`${publicBaseUrl}${LOGIN_CALLBACK_PATH}`],
      logoutUrls: [`${publicBaseUrl}${LOGOUT_RETURN_PATH}`],
    },
    supportedIdentityProviders: [UserPoolClientIdentityProvider.COGNITO],
    idTokenValidity: sessionLength,
    accessTokenValidity: sessionLength,
    refreshTokenValidity: sessionLength,
    // Users write nothing about themselves: email, role and area are the admin's. Cognito
    // ignores an empty write list (every standard attribute becomes writable), so the list
    // names `locale` alone, which nothing reads; and the tokens this client issues lack
    // the aws.cognito.signin.user.admin scope UpdateUserAttributes needs.
    writeAttributes: new ClientAttributes().withStandardAttributes({ locale: true }),
    readAttributes: new ClientAttributes()
      .withStandardAttributes({ email: true, emailVerified: true, preferredUsername: true })
      .withCustomAttributes('role', 'area'),
    enableTokenRevocation: true,
    preventUserExistenceErrors: true,
  })
}
