/** The environment the handlers read (functions/shared/env), pointed at this platform's pieces. */
import { AWS_PREFIX } from './aws-endpoint'
import { localTableNames } from './platform-tables'

export interface PlatformEnv {
  dataDir: string
  tablePrefix: string
  dynamodbEndpoint: string
  port: number
  url: string
  publicBaseUrl?: string
  nikPepper: string
  vervalChunkRows?: number
}

export const setPlatformEnv = (env: PlatformEnv): void => {
  const tables = localTableNames(env.tablePrefix)
  Object.assign(process.env, {
    STAGE: 'local',
    AWS_REGION: 'ap-southeast-3',
    DATA_DIR: env.dataDir,
    MAIN_TABLE_NAME: tables.main,
    AUDIT_TABLE_NAME: tables.audit,
    DYNAMODB_ENDPOINT: env.dynamodbEndpoint,
    AWS_LOCAL_ENDPOINT: `http://127.0.0.1:${env.port}${AWS_PREFIX}`,
    VERVAL_UPLOAD_BUCKET: 'tksk-verval-uploads',
    PUBLIC_BASE_URL: env.publicBaseUrl ?? env.url,
    AUTH_MODE: 'local',
    NIK_PEPPER: env.nikPepper,
    // Empty (unset) unless this platform's test asks: a worker's next platform starts from the default.
    VERVAL_CHUNK_ROWS: env.vervalChunkRows === undefined ? '' : String(env.vervalChunkRows),
  })
}
