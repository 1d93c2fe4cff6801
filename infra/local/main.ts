/**
 * `npm start`: the local platform on PORT (default 3000) with DATA_DIR (default .data).
 * SIGINT/SIGTERM stop everything it started, DynamoDB Local included.
 */
import { startLocalPlatform } from './server'

const main = async () => {
  const started = Date.now()
  const port = Number(process.env.PORT ?? '3000')
  const dataDir = process.env.DATA_DIR ?? '.data'
  const platform = await startLocalPlatform({
    port,
    dataDir,
    ...(process.env.PUBLIC_BASE_URL ? { publicBaseUrl: process.env.PUBLIC_BASE_URL } : {}),
    ...(process.env.SMTP_URL ? { smtpUrl: process.env.SMTP_URL } : {}),
  })
  console.log(
    `tksk-flow ready at ${platform.url} in ${Date.now() - started} ms ` +
      `(data: ${dataDir}, DynamoDB Local: ${platform.dynamodbEndpoint})`,
  )
  let stopping = false
  const shutdown = (signal: string) => {
    if (stopping) return
    stopping = true
    console.log(`${signal}: stopping tksk-flow…`)
    platform.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error)
        process.exit(1)
      },
    )
  }
  process.on('SIGINT', () => shutdown('SIGINT'))
  process.on('SIGTERM', () => shutdown('SIGTERM'))
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
