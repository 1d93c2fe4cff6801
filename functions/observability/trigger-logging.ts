/**
 * The log context of a Cognito trigger (issue 17, ADR 0024): the Lambda context (cold
 * start, request id, function) through Powertools' middy middleware, as the HTTP handlers
 * and the steps have, plus the trigger source and user pool. A failing pre-token trigger
 * blocks every sign-in, so its failure is logged with those keys before Cognito sees it.
 * Never the user's attributes: the user name and email stay out of the log keys.
 */
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware'
import middy from '@middy/core'
import type { Context } from 'aws-lambda'
import { logger } from '../shared/logger'

interface TriggerEvent {
  triggerSource: string
  userPoolId: string
}

/** Wraps a Cognito trigger: its log lines carry the Lambda context, the trigger source and the pool. */
export const withTriggerLogging = <Event extends TriggerEvent>(handler: (event: Event) => Promise<Event>) => {
  const wrapped = middy<Event, Event, Error, Context>(handler)
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use({
      before: (request) => {
        logger.appendKeys({ trigger: request.event.triggerSource, userPoolId: request.event.userPoolId })
      },
      onError: (request) => {
        // The error only (name, message, stack): the event carries the user's attributes.
        logger.error('trigger failed', { error: request.error ?? undefined })
      },
    })
  // Called directly (a unit test) there is no Lambda context; middy's own default is `{}` too.
  return (event: Event, context: Context = {} as Context): Promise<Event> => wrapped(event, context)
}
