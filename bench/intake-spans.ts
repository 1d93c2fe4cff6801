/**
 * `npx tsx bench/intake-spans.ts`: where one intake's time goes (issue 20 point 3). The
 * platform runs in this process with a middleware on every SDK client that records each
 * call's function, command and span; each intake is then cut into spans: before the
 * handler (gateway: route match, event, IAM scope), the handler's own time outside store
 * calls (middleware, zod, hashing), each store call, and the answer's way back (the
 * workflow's start is the case starter's since ADR 0050, off the answer path). Intakes run two ways: `settled` (the previous intake's workflow has finished) and
 * `back to back` (as the bench's one client does), so the cost of the previous workflow
 * competing for the event loop and DynamoDB Local shows as the difference.
 * `INTAKE_SPANS_COUNT` intakes per way (default 30).
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { FinalizeRequestMiddleware, MetadataBearer } from '@smithy/types'
import type { AwsClient } from '../functions/shared/clients'
import { currentFunction, observeInvocations } from '../infra/local/iam/function-context'
import { percentile } from './measure'

interface Call {
  fn: string
  command: string
  start: number
  end: number
}

const calls: Call[] = []
const invocations: { fn: string; end: number; durationMs: number }[] = []

interface StackHost {
  middlewareStack: {
    add(
      middleware: FinalizeRequestMiddleware<object, MetadataBearer>,
      options: { step: 'finalizeRequest'; name: string },
    ): void
  }
}

/** Times the wire part of every call (after serialisation and signing), tagged with the calling function. */
const decorate = (client: AwsClient) => {
  const span: FinalizeRequestMiddleware<object, MetadataBearer> = (next, context) => async (args) => {
    const start = performance.now()
    try {
      return await next(args)
    } finally {
      calls.push({
        fn: currentFunction() ?? '-',
        command: `${client.constructor.name.replace(/Client$/, '')}.${(context.commandName ?? '').replace(/Command$/, '')}`,
        start,
        end: performance.now(),
      })
    }
  }
  ;(client as unknown as StackHost).middlewareStack.add(span, {
    step: 'finalizeRequest',
    name: 'intakeSpans',
  })
}

const body = (serial: number) => ({
  applicant: {
    nik: `320114450780${String(serial).padStart(4, '0')}`,
    kk: '3201140101100001',
    name: 'Warga Uji Beban',
    birthDate: '1980-07-05',
    address: 'Kp. Cibeber RT 02/03',
    villageCode: '32.01.14.2001',
  },
  category: 'FAKIR_MISKIN',
  service: 'SKTM',
  consent: true,
})

const fixed = (n: number) => n.toFixed(1).padStart(7)

const main = async () => {
  const count = Number(process.env.INTAKE_SPANS_COUNT ?? 30)
  process.env.LOG_LEVEL ??= 'WARN'
  process.env.RATE_LIMIT_PER_MINUTE = '0'
  observeInvocations((fn, durationMs) => invocations.push({ fn, end: performance.now(), durationMs }))
  const { startLocalPlatform } = await import('../infra/local/server')
  const dataDir = mkdtempSync(join(tmpdir(), 'tksk-spans-'))
  const platform = await startLocalPlatform({ port: 0, dataDir, decorateClients: decorate })
  let serial = 0
  const intake = async () => {
    serial += 1
    const t0 = performance.now()
    const response = await fetch(`${platform.url}/api/cases`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body(serial)),
    })
    await response.arrayBuffer()
    if (response.status !== 201) throw new Error(`intake answered ${response.status}`)
    return { t0, t1: performance.now() }
  }
  // Settled: every filed case's workflow started from its stream record (ADR 0050) and at rest.
  const settle = async () => {
    await platform.caseStarter.drain()
    await platform.stepFunctions.idle()
  }
  try {
    for (let i = 0; i < 5; i += 1) await intake()
    await settle()
    for (const way of ['settled', 'back to back'] as const) {
      const rows: Record<string, number[]> = {}
      const add = (name: string, ms: number) => (rows[name] ??= []).push(ms)
      for (let i = 0; i < count; i += 1) {
        if (way === 'settled') await settle()
        const from = calls.length
        const { t0, t1 } = await intake()
        const during = calls.slice(from).filter((c) => c.start >= t0 && c.end <= t1)
        const own = during.filter((c) => c.fn === 'cases').sort((a, b) => a.start - b.start)
        const others = during.filter((c) => !own.includes(c))
        add('total (client)', t1 - t0)
        const firstStart = own[0]?.start ?? t1
        const lastEnd = own.at(-1)?.end ?? t0
        add('before the first store call (gateway, middleware, zod)', firstStart - t0)
        for (const c of own) add(`  ${c.command}`, c.end - c.start)
        let gaps = 0
        for (let k = 1; k < own.length; k += 1)
          gaps += Math.max(0, (own[k]?.start ?? 0) - (own[k - 1]?.end ?? 0))
        add('between store calls (handler code, event loop waits)', gaps)
        add('after the last store call (answer back)', t1 - lastEnd)
        add('other functions’ store calls during this intake (count)', others.length)
      }
      console.log(`\n${way}, ${count} intakes: p50 / p95 ms`)
      for (const [name, values] of Object.entries(rows)) {
        values.sort((a, b) => a - b)
        console.log(
          `${name.padEnd(58)} ${fixed(percentile(values, 50))} ${fixed(percentile(values, 95))}  (n=${values.length})`,
        )
      }
    }
    const byFn: Record<string, { n: number; ms: number }> = {}
    for (const inv of invocations) {
      const f = (byFn[inv.fn] ??= { n: 0, ms: 0 })
      f.n += 1
      f.ms += inv.durationMs
    }
    const byCommand: Record<string, number> = {}
    for (const c of calls) byCommand[`${c.fn} ${c.command}`] = (byCommand[`${c.fn} ${c.command}`] ?? 0) + 1
    console.log('\nstore calls over the run, per function and command:')
    for (const [k, n] of Object.entries(byCommand).sort((a, b) => b[1] - a[1]))
      console.log(`${String(n).padStart(6)} ${k}`)
    console.log('\ninvocations:', JSON.stringify(byFn))
  } finally {
    await platform.stop()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
