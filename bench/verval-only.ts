/**
 * `npm run bench -- --verval-only [--memory]`: the verval figures alone (issue 20 point 1),
 * a few minutes instead of the whole bench, for work on validation, apply and the
 * server's memory. With `--memory` the server writes `process.memoryUsage()` every 200 ms
 * (`memory-probe.mjs`) and the bench prints the peak of each phase; `--heap-at MiB` takes a
 * heap snapshot; `--no-baselines` skips raw BatchWriteItem (no apply ratio).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { LOCAL_ARN_SCOPE, stateMachineArn } from '../infra/local/stepfunctions/arns'
import { createStoreBaselines } from './baselines'
import { machine } from './figures'
import { sampleRss } from './measure'
import { startServerProcess } from './server-process'
import { benchVerval, type VervalBench } from './verval'

const MiB = 2 ** 20

interface Sample {
  at: number
  rss: number
  heapTotal: number
  heapUsed: number
  external: number
  arrayBuffers: number
  /** Milliseconds spent in garbage collection since the server started. */
  gcMs: number
  heapSizeLimit: number
}

const phasePeaks = (samples: readonly Sample[], at: VervalBench['at']): string[] => {
  const phases: [string, number, number][] = [
    ['idle before upload', 0, at.start],
    ['upload (parse, pack, store)', at.start, at.uploaded],
    ['validation Map', at.uploaded, at.validated],
    ['approval and apply Map', at.validated, at.applied],
  ]
  return phases.map(([name, from, to]) => {
    const within = samples.filter((sample) => sample.at >= from && sample.at <= to)
    const gcMs = (within.at(-1)?.gcMs ?? 0) - (within[0]?.gcMs ?? 0)
    const peak = (key: keyof Sample) => (Math.max(0, ...within.map((sample) => sample[key])) / MiB).toFixed(0)
    return `| ${name} | ${peak('rss')} | ${peak('heapTotal')} | ${peak('heapUsed')} | ${peak('external')} | ${peak('arrayBuffers')} | ${gcMs.toFixed(0)} |`
  })
}

/**
 * `heapAtMiB`: the first time the server's RSS passes it, the server writes a heap
 * snapshot (`--heapsnapshot-signal`) into `heapDir`, kept after the run.
 */
export const benchVervalOnly = async (options: {
  memory: boolean
  heapAtMiB?: number
  baselines: boolean
}) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'tksk-bench-'))
  const heapDir = mkdtempSync(join(tmpdir(), 'tksk-bench-heap-'))
  const memoryFile = join(dataDir, 'memory.jsonl')
  const probe = new URL('./memory-probe.mjs', import.meta.url).pathname
  const nodeOptions = [
    process.env.NODE_OPTIONS ?? '',
    ...(options.memory ? [`--import ${probe}`] : []),
    ...(options.heapAtMiB ? [`--heapsnapshot-signal=SIGUSR2 --diagnostic-dir=${heapDir}`] : []),
  ]
  const platform = await startServerProcess(dataDir, {
    ...(options.memory ? { BENCH_MEMORY_FILE: memoryFile } : {}),
    NODE_OPTIONS: nodeOptions.join(' ').trim(),
  })
  const rss = sampleRss(platform.rssBytes)
  const heapAt = options.heapAtMiB
  if (heapAt) {
    const watch = setInterval(() => {
      if (platform.rssBytes() < heapAt * MiB) return
      clearInterval(watch)
      platform.signal('SIGUSR2')
      console.error(`bench: heap snapshot at ${heapAt} MiB into ${heapDir}`)
    }, 100)
    watch.unref()
  }
  Object.assign(process.env, {
    AWS_LOCAL_ENDPOINT: `${platform.url}/__aws`,
    VERVAL_STATE_MACHINE_ARN: stateMachineArn(LOCAL_ARN_SCOPE, 'tksk-verval'),
  })
  const store = await createStoreBaselines(platform.dynamodbEndpoint)
  try {
    const rows = Number(process.env.VERVAL_BENCH_ROWS ?? 20_000)
    // Without baselines (`--no-baselines`, memory work on a loaded machine) the apply ratio is NaN.
    const rawWriteOf = () => (options.baselines ? store.batchWrite(rows) : Promise.resolve(Number.NaN))
    const writeBefore = await rawWriteOf()
    console.error(`bench: verval, ${rows} rows…`)
    const verval = await benchVerval(platform.url)
    const writeAfter = await rawWriteOf()
    const peakRssMiB = rss.stop() / MiB
    const rawWrite = (writeBefore + writeAfter) / 2
    const about = machine()
    console.log(`\n${about.cpus}, load ${about.loadAverage.join(' ')}, node ${about.node}, ${about.at}`)
    console.log(
      `verval ${rows} rows: upload ${verval.seconds.upload.toFixed(1)} s, ` +
        `validation ${verval.seconds.validation.toFixed(1)} s, apply ${verval.seconds.apply.toFixed(1)} s ` +
        `(${(verval.appliedItems / verval.seconds.apply / rawWrite).toFixed(2)} × raw BatchWriteItem, ` +
        `${writeBefore.toFixed(0)}/${writeAfter.toFixed(0)} items/s before/after); ` +
        `server peak RSS ${peakRssMiB.toFixed(0)} MiB; longest step ${verval.longest.name} ${verval.longest.seconds.toFixed(1)} s`,
    )
    if (options.memory) {
      const samples = readFileSync(memoryFile, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as Sample)
      const limit = (samples[0]?.heapSizeLimit ?? 0) / MiB
      console.log(`\nV8 heap size limit ${limit.toFixed(0)} MiB`)
      console.log('| phase (peak MiB) | rss | heapTotal | heapUsed | external | arrayBuffers | GC ms |')
      console.log('|---|---|---|---|---|---|---|')
      for (const line of phasePeaks(samples, verval.at)) console.log(line)
    }
  } finally {
    await store.dispose()
    await platform.stop()
    rmSync(dataDir, { recursive: true, force: true })
  }
}
