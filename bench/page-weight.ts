/**
 * `npm run bench -- --only page-weight` (ADR 0059): what a TKSK on a slow phone pays in
 * bytes. For the main pages of each role, a few JSON answers and every asset: the bytes
 * as sent with `Accept-Encoding: identity` (what every client got before the runtime
 * compressed), the bytes on the wire when a browser asks for `gzip, deflate, br, zstd`
 * from our own pages (`Sec-Fetch-Site: same-origin`), and offline the gzip and Brotli
 * sizes and CPU per compression at each quality considered, so the runtime's choice
 * stands on figures. Sizes are deterministic; CPU is the mean of repeated compressions
 * in this process (noisy on a shared machine: read the ratios).
 */
import { request } from 'node:http'
import { brotliAt, gzipDefault } from '../functions/http/runtime/compress-response'
import type { Figure } from './figures'

interface Stop {
  name: string
  path: string
  as?: string
}

interface Wire {
  status: number
  bytes: Buffer
  encoding: string
}

/** One GET as raw bytes (fetch would decompress): the body exactly as it crossed the wire. */
const rawGet = (url: string, headers: Record<string, string>): Promise<Wire> =>
  new Promise((resolve, reject) => {
    // A fresh connection each time: the CPU figures keep this process busy past the server's keep-alive.
    const call = request(url, { headers, agent: false }, (response) => {
      const chunks: Buffer[] = []
      response.on('data', (chunk: Buffer) => chunks.push(chunk))
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          bytes: Buffer.concat(chunks),
          encoding: String(response.headers['content-encoding'] ?? 'identity'),
        }),
      )
      response.on('error', reject)
    })
    call.on('error', reject)
    call.end()
  })

const BROWSER = { 'accept-encoding': 'gzip, deflate, br, zstd', 'sec-fetch-site': 'same-origin' }
const IDENTITY = { 'accept-encoding': 'identity' }

/** The compressions weighed: gzip at zlib's default level, Brotli at the runtime's quality and its neighbours. */
const CODECS: Record<string, (body: Buffer) => Buffer> = {
  'gzip 6': gzipDefault,
  'br 4': brotliAt(4),
  'br 5': brotliAt(5),
  'br 6': brotliAt(6),
  'br 11': brotliAt(11),
}

/** Mean CPU microseconds of one compression (user + system of this process). */
const cpuMicros = (compress: (body: Buffer) => Buffer, body: Buffer): number => {
  const reps = Math.max(3, Math.min(200, Math.round(2_000_000 / Math.max(body.byteLength, 1))))
  compress(body)
  const before = process.cpuUsage()
  for (let i = 0; i < reps; i += 1) compress(body)
  const used = process.cpuUsage(before)
  return (used.user + used.system) / reps
}

export interface WeighedAnswer {
  name: string
  identity: number
  wire: number
  wireEncoding: string
  sizes: Record<string, number>
  cpuMicros: Record<string, number>
}

const weigh = async (baseUrl: string, stop: Stop, cookie: string | undefined): Promise<WeighedAnswer> => {
  const auth: Record<string, string> = cookie ? { cookie } : {}
  const plain = await rawGet(`${baseUrl}${stop.path}`, { ...IDENTITY, ...auth })
  if (plain.status !== 200) throw new Error(`${stop.name} (${stop.path}) answered ${plain.status}`)
  const wire = await rawGet(`${baseUrl}${stop.path}`, { ...BROWSER, ...auth })
  const sizes: Record<string, number> = {}
  const cpu: Record<string, number> = {}
  for (const [codec, compress] of Object.entries(CODECS)) {
    sizes[codec] = compress(plain.bytes).byteLength
    cpu[codec] = cpuMicros(compress, plain.bytes)
  }
  return {
    name: stop.name,
    identity: plain.bytes.byteLength,
    wire: wire.bytes.byteLength,
    wireEncoding: wire.encoding,
    sizes,
    cpuMicros: cpu,
  }
}

const postJson = async (url: string, body: unknown, headers: Record<string, string> = {}) => {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  })
  if (!response.ok) throw new Error(`${url} answered ${response.status}: ${await response.text()}`)
  return response.json() as Promise<Record<string, unknown>>
}

/** A case in Leuwiliang and the TKSK's assessment task of it: the pages a TKSK works on. */
const seedWork = async (baseUrl: string, token: (username: string) => Promise<string>) => {
  const filed = await postJson(`${baseUrl}/api/cases`, {
    applicant: {
      // A new person each run, so dedup never closes the case on a kept DATA_DIR.
      nik: `320114450780${String(Date.now() % 10_000).padStart(4, '0')}`,
      kk: '3201140101100001',
      name: 'Warga Uji Halaman',
      birthDate: '1980-07-05',
      address: 'Kp. Cibeber RT 02/03',
      villageCode: '32.01.14.2001',
    },
    category: 'FAKIR_MISKIN',
    service: 'SKTM',
    description: 'Butuh surat keterangan tidak mampu untuk berobat.',
    consent: true,
  })
  const headers = { authorization: `Bearer ${await token('tksk.leuwiliang')}` }
  const deadline = Date.now() + 30_000
  while (Date.now() < deadline) {
    const list = (await (await fetch(`${baseUrl}/api/tasks`, { headers })).json()) as {
      items: { taskId: string; reference: string }[]
    }
    const task = list.items.find((item) => item.reference === filed.reference)
    if (task) return { caseId: String(filed.caseId), reference: String(filed.reference), taskId: task.taskId }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error('the assessment task never appeared')
}

const pagesOf = (work: { caseId: string; reference: string; taskId: string }): Stop[] => [
  { name: 'request form /', path: '/' },
  { name: 'request form, desa chosen', path: '/?area=32.01.14.2001' },
  { name: 'status /status', path: `/status?reference=${work.reference}` },
  { name: 'login /login', path: '/login' },
  { name: 'TKSK task list', path: '/staff/tasks', as: 'tksk.leuwiliang' },
  { name: 'TKSK task page', path: `/staff/tasks/${work.taskId}`, as: 'tksk.leuwiliang' },
  { name: 'TKSK case list', path: '/staff/cases', as: 'tksk.leuwiliang' },
  { name: 'TKSK case page', path: `/staff/cases/${work.caseId}`, as: 'tksk.leuwiliang' },
  { name: 'TKSK field intake', path: '/staff/kasus-baru', as: 'tksk.leuwiliang' },
  { name: 'TKSK verval', path: '/staff/verval', as: 'tksk.leuwiliang' },
  { name: 'TKSK laporan', path: '/staff/laporan', as: 'tksk.leuwiliang' },
  { name: 'TKSK register PPKS', path: '/staff/ppks', as: 'tksk.leuwiliang' },
  { name: 'Dinsos dashboard', path: '/staff/dashboard', as: 'dinsos.bogor' },
  { name: 'Dinsos approvals', path: '/staff/persetujuan', as: 'dinsos.bogor' },
  { name: 'Dinsos verval', path: '/staff/verval', as: 'dinsos.bogor' },
  { name: 'Dinsos laporan', path: '/staff/laporan', as: 'dinsos.bogor' },
  { name: 'Auditor audit list', path: `/staff/audit?entityId=case:${work.caseId}`, as: 'auditor.bogor' },
  { name: 'JSON /api/tasks', path: '/api/tasks', as: 'tksk.leuwiliang' },
  { name: 'JSON /api/cases', path: '/api/cases', as: 'tksk.leuwiliang' },
  { name: 'JSON /api/cases/{id}', path: `/api/cases/${work.caseId}`, as: 'tksk.leuwiliang' },
  { name: 'JSON /api/reference/categories', path: '/api/reference/categories' },
]

/** The TKSK's first visit: sign in, the task list, a task; with every asset those pages load. */
const FIRST_VISIT = ['login /login', 'TKSK task list', 'TKSK task page']

const assetPathsIn = (html: string): string[] =>
  [...html.matchAll(/(?:href|src)="(\/assets\/[^"]+)"/g)].map((match) =>
    (match[1] ?? '').replaceAll('&amp;', '&'),
  )

const kB = (bytes: number) => (bytes / 1000).toFixed(1)

const tableOfAnswers = (answers: readonly WeighedAnswer[]): string =>
  [
    '| Answer | as sent before (kB) | on the wire now (kB) | gzip 6 | br 4 | br 5 | br 11 | ratio now | CPU µs gzip 6 / br 4 / br 5 / br 11 |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
    ...answers.map(
      (answer) =>
        `| ${answer.name} | ${kB(answer.identity)} | ${kB(answer.wire)} ${answer.wireEncoding} | ${kB(answer.sizes['gzip 6'] ?? 0)} | ` +
        `${kB(answer.sizes['br 4'] ?? 0)} | ${kB(answer.sizes['br 5'] ?? 0)} | ${kB(answer.sizes['br 11'] ?? 0)} | ` +
        `${(answer.wire / answer.identity).toFixed(2)} | ` +
        `${['gzip 6', 'br 4', 'br 5', 'br 11'].map((codec) => (answer.cpuMicros[codec] ?? 0).toFixed(0)).join(' / ')} |`,
    ),
  ].join('\n')

export interface PageWeightBench {
  answers: WeighedAnswer[]
  table: string
  figures: Figure[]
}

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0)

export const benchPageWeight = async (
  baseUrl: string,
  token: (username: string) => Promise<string>,
): Promise<PageWeightBench> => {
  const work = await seedWork(baseUrl, token)
  const stops = pagesOf(work)
  const answers: WeighedAnswer[] = []
  const assets = new Set<string>()
  const firstVisitAssets = new Set<string>()
  for (const stop of stops) {
    const cookie = stop.as ? `session=${await token(stop.as)}` : undefined
    answers.push(await weigh(baseUrl, stop, cookie))
    if (stop.path.startsWith('/api/')) continue
    const page = await rawGet(`${baseUrl}${stop.path}`, { ...IDENTITY, ...(cookie ? { cookie } : {}) })
    for (const path of assetPathsIn(page.bytes.toString('utf8'))) {
      assets.add(path)
      if (FIRST_VISIT.includes(stop.name)) firstVisitAssets.add(path)
    }
  }
  const assetAnswers: WeighedAnswer[] = []
  for (const path of [...assets].sort())
    assetAnswers.push(await weigh(baseUrl, { name: `asset ${path.replace(/\?.*$/, '')}`, path }, undefined))
  const all = [...answers, ...assetAnswers]
  const firstVisit = [
    ...answers.filter((answer) => FIRST_VISIT.includes(answer.name)),
    ...assetAnswers.filter((answer) =>
      [...firstVisitAssets].some((path) => answer.name === `asset ${path.replace(/\?.*$/, '')}`),
    ),
  ]
  const pages = all.filter((answer) => !answer.name.startsWith('asset ') && !answer.name.startsWith('JSON '))
  const cpuOf = (codec: string) => sum(pages.map((answer) => answer.cpuMicros[codec] ?? 0)) / pages.length
  const figures: Figure[] = [
    {
      name: `TKSK first visit (${FIRST_VISIT.length} pages + ${firstVisitAssets.size} assets), bytes on the wire`,
      value: sum(firstVisit.map((answer) => answer.wire)) / 1000,
      unit: 'kB',
      baseline: { name: 'as sent before', value: sum(firstVisit.map((answer) => answer.identity)) / 1000 },
    },
    {
      name: `all ${pages.length} pages, bytes on the wire`,
      value: sum(pages.map((answer) => answer.wire)) / 1000,
      unit: 'kB',
      baseline: { name: 'as sent before', value: sum(pages.map((answer) => answer.identity)) / 1000 },
    },
    {
      name: `all ${assetAnswers.length} assets, bytes on the wire`,
      value: sum(assetAnswers.map((answer) => answer.wire)) / 1000,
      unit: 'kB',
      baseline: { name: 'as sent before', value: sum(assetAnswers.map((answer) => answer.identity)) / 1000 },
    },
    ...['br 4', 'br 5', 'br 6', 'br 11'].map((codec): Figure => ({
      name: `${codec}: CPU per page (mean of ${pages.length})`,
      value: cpuOf(codec),
      unit: 'µs',
      baseline: { name: 'gzip 6', value: cpuOf('gzip 6') },
    })),
    ...['br 4', 'br 5', 'br 6', 'br 11'].map((codec): Figure => ({
      name: `${codec}: bytes of all pages`,
      value: sum(pages.map((answer) => answer.sizes[codec] ?? 0)) / 1000,
      unit: 'kB',
      baseline: { name: 'gzip 6', value: sum(pages.map((answer) => answer.sizes['gzip 6'] ?? 0)) / 1000 },
    })),
  ]
  return { answers: all, table: tableOfAnswers(all), figures }
}
