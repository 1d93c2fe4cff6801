/**
 * The sample staff the local sign-in form offers. The local platform provides them from its
 * seed when it loads the pages function (infra/local/gateway/resource-handlers.ts), so the
 * deployed bundle never carries the seed; on AWS the form is not served (Cognito signs in).
 */
import type { LoginChoice } from '../../web/login-page'

let provided: readonly LoginChoice[] = []

export const provideLocalLoginUsers = (users: readonly LoginChoice[]): void => {
  provided = users.map(({ username, displayName, role, area }) => ({ username, displayName, role, area }))
}

export const localLoginUsers = (): readonly LoginChoice[] => provided
