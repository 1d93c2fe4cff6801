/** The real Step Functions SDK client pointed at a local platform's AWS endpoint. */
import { SFNClient } from '@aws-sdk/client-sfn'

export const localSfnClient = (baseUrl: string): SFNClient =>
  new SFNClient({
    region: 'ap-southeast-3',
    endpoint: `${baseUrl}/__aws`,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  })
