/** The API operations a waiting task's worker calls with its task token: SendTaskSuccess, SendTaskFailure, SendTaskHeartbeat. */
import { type Operations, optionalString, parseJson, requiredString } from './api-fields'
import type { TaskTokens } from './task-tokens'

export const taskTokenOperations = (tokens: TaskTokens): Operations => ({
  async SendTaskSuccess(body) {
    const token = requiredString(body, 'taskToken')
    tokens.succeed(token, parseJson(requiredString(body, 'output'), 'InvalidOutput'))
    return {}
  },
  async SendTaskFailure(body) {
    tokens.fail(
      requiredString(body, 'taskToken'),
      optionalString(body, 'error') ?? '',
      optionalString(body, 'cause') ?? '',
    )
    return {}
  },
  async SendTaskHeartbeat(body) {
    tokens.heartbeat(requiredString(body, 'taskToken'))
    return {}
  },
})
