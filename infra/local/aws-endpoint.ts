/**
 * `/__aws` on the app's own port: the Step Functions JSON 1.0 protocol, SES v2
 * `SendEmail` and End User Messaging SMS `SendTextMessage` (ADR 0028), so handlers use `@aws-sdk/client-sfn` and `@aws-sdk/client-sesv2`
 * unchanged with `endpoint = <base>/__aws`.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { LocalSes } from './mail/ses-endpoint'
import { type LocalSms, SMS_TARGET_PREFIX } from './mail/sms-endpoint'
import { type createLocalS3, S3_PATH } from './s3/s3-endpoint'
import { sfnHttpHandler } from './stepfunctions/http'
import type { LocalStepFunctions } from './stepfunctions/service'

export const AWS_PREFIX = '/__aws'

const sendJson = (response: ServerResponse, status: number, body: unknown): void => {
  response.writeHead(status, { 'content-type': 'application/json' })
  response.end(JSON.stringify(body))
}

export const createAwsEndpoint = (
  stepFunctions: LocalStepFunctions,
  ses: LocalSes,
  s3: ReturnType<typeof createLocalS3>,
  sms: LocalSms,
) => {
  const sfn = sfnHttpHandler(stepFunctions)
  return async (request: IncomingMessage, response: ServerResponse, body: Buffer): Promise<void> => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname.slice(AWS_PREFIX.length) || '/'
    const target = request.headers['x-amz-target']
    if (request.method === 'POST' && typeof target === 'string' && target.startsWith('AWSStepFunctions.')) {
      await sfn(request, response, body.toString('utf8'))
      return
    }
    if (request.method === 'POST' && target === `${SMS_TARGET_PREFIX}SendTextMessage`) {
      let parsed: unknown
      try {
        parsed = JSON.parse(body.toString('utf8'))
      } catch {
        sendJson(response, 400, { __type: 'ValidationException', message: 'body is not JSON' })
        return
      }
      const result = await sms.sendTextMessage(parsed)
      sendJson(response, result.status, result.body)
      return
    }
    if (path.startsWith(`${S3_PATH}/`)) {
      await s3(request, response, path, body)
      return
    }
    if (request.method === 'POST' && path === '/v2/email/outbound-emails') {
      let parsed: unknown
      try {
        parsed = JSON.parse(body.toString('utf8'))
      } catch {
        sendJson(response, 400, { __type: 'BadRequestException', message: 'body is not JSON' })
        return
      }
      const result = await ses.sendEmail(parsed)
      sendJson(response, result.status, result.body)
      return
    }
    sendJson(response, 404, {
      __type: 'UnknownOperationException',
      message: `no local AWS operation at ${path}`,
    })
  }
}
