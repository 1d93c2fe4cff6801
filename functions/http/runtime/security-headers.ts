/**
 * Headers every response carries (DESIGN §5): no sniffing, no framing, no referrer leaks
 * of link secrets; and on AWS, HSTS (DESIGN v3 §5, ADR 0011).
 *
 * `form-action` also names the Cognito hosted UI's origin when staff sign in through it:
 * logout is a POST answered by a 303 to Cognito's `/logout`, and Chromium applies
 * `form-action` to every redirect of a form submission, so with `'self'` alone the
 * browser stopped there and Cognito's session lived on (the next person at a shared PC
 * was signed straight back in).
 *
 * HSTS only on AWS: the local platform is plain http, where browsers ignore the header,
 * and pinning `localhost` to https would break every other local project on that name.
 *
 * `connect-src` also names the verval upload bucket (ADR 0018): the upload form's script
 * PUTs the file there with a presigned URL (virtual-hosted on AWS; the platform's
 * `/__aws/s3` origin locally).
 */
import { env } from '../../shared/env'

/** Two years, subdomains included (the edge's certificate covers them). */
const HSTS = 'max-age=63072000; includeSubDomains'

const cognitoOrigin = (): string | undefined => {
  if (env.authMode() !== 'cognito') return undefined
  try {
    const domain = env.cognitoDomain()
    return new URL(/^https?:\/\//.test(domain) ? domain : `https://${domain}`).origin
  } catch {
    return undefined
  }
}

const uploadOrigin = (): string | undefined => {
  const local = env.awsLocalEndpoint()
  if (local) return new URL(local).origin
  const bucket = process.env.VERVAL_UPLOAD_BUCKET
  return bucket ? `https://${bucket}.s3.${env.region()}.amazonaws.com` : undefined
}

export const securityHeaders = (): Record<string, string> => {
  const formAction = ["'self'", cognitoOrigin()].filter(Boolean).join(' ')
  const connect = ["'self'", uploadOrigin()].filter(Boolean).join(' ')
  return {
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'x-frame-options': 'DENY',
    'content-security-policy': `default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src ${connect}; form-action ${formAction}; frame-ancestors 'none'; base-uri 'none'`,
    ...(env.stage() === 'local' ? {} : { 'strict-transport-security': HSTS }),
  }
}
