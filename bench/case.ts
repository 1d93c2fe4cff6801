/**
 * Case workflow figures for `npm run bench` (issue 4): intake latency through the local
 * gateway against `GET /api/health` measured in the same run, and how many workflows
 * complete per second when staff decide through the API.
 */
import { measure, type Measurement } from './measure'

/** Leuwiliang takes the latency run; Ciampea the workflow run, so its TKSK sees only those tasks. */
const KECAMATAN = {
  leuwiliang: { nikPrefix: '320114450780', village: '32.01.14.2001', tksk: 'tksk.leuwiliang' },
  ciampea: { nikPrefix: '320115450780', village: '32.01.15.2001', tksk: 'tksk.ciampea' },
} as const
type Kecamatan = (typeof KECAMATAN)[keyof typeof KECAMATAN]

/** A distinct applicant (a woman born 1980-07-05) per serial, so dedup never closes a bench case as DUPLICATE. */
const intakeBody = (serial: number, kecamatan: Kecamatan) => ({
  applicant: {
    nik: `${kecamatan.nikPrefix}${String(serial).padStart(4, '0')}`,
    kk: '3201140101100001',
    name: 'Warga Uji Beban',
    birthDate: '1980-07-05',
    address: 'Kp. Cibeber RT 02/03',
    villageCode: kecamatan.village,
  },
  category: 'FAKIR_MISKIN',
  service: 'SKTM',
  consent: true,
})

const postJson = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  })

export interface CaseBench {
  /** One client. */
  health: Measurement
  /** Intake with 1, 8 and 32 in flight. */
  intake: { inFlight: number; measurement: Measurement }[]
  workflowsPerSecond: number
  completed: number
}

export const benchCases = async (
  baseUrl: string,
  {
    intakes = Number(process.env.INTAKE_BENCH_COUNT ?? 200),
    workflows = Number(process.env.CASE_BENCH_WORKFLOWS ?? 60),
  } = {},
): Promise<CaseBench> => {
  const health = await measure(
    'GET /api/health',
    async () => {
      await (await fetch(`${baseUrl}/api/health`)).arrayBuffer()
    },
    { concurrency: 1 },
  )
  let serial = 0
  const intake: CaseBench['intake'] = []
  for (const inFlight of [1, 8, 32])
    intake.push({
      inFlight,
      measurement: await measure(
        `POST /api/cases, ${inFlight} in flight`,
        async () => {
          serial += 1
          const response = await postJson(`${baseUrl}/api/cases`, intakeBody(serial, KECAMATAN.leuwiliang))
          if (response.status !== 201)
            throw new Error(`intake answered ${response.status}: ${await response.text()}`)
        },
        { count: intakes, concurrency: inFlight, warmup: 5 },
      ),
    })

  // Completed workflows: intake → Identify → assessment task → "not eligible" → Close.
  const login = await postJson(`${baseUrl}/api/dev/login`, { username: KECAMATAN.ciampea.tksk })
  const { token } = (await login.json()) as { token: string }
  const auth = { authorization: `Bearer ${token}` }
  const references = new Set<string>()
  const started = performance.now()
  for (let i = 0; i < workflows; i += 1) {
    const response = await postJson(`${baseUrl}/api/cases`, intakeBody(i + 1, KECAMATAN.ciampea))
    references.add(((await response.json()) as { reference: string }).reference)
  }
  let completed = 0
  while (completed < workflows && performance.now() - started < 300_000) {
    const list = await fetch(`${baseUrl}/api/tasks?limit=100`, { headers: auth })
    const { items } = (await list.json()) as { items: { taskId: string; reference: string }[] }
    const ours = items.filter((task) => references.has(task.reference))
    await Promise.all(
      ours.map(async (task) => {
        const done = await postJson(
          `${baseUrl}/api/tasks/${task.taskId}/complete`,
          { visitDate: '2026-01-10', findings: 'Mampu', eligible: false, service: 'SKTM' },
          auth,
        )
        if (done.status === 200) {
          references.delete(task.reference)
          completed += 1
        }
      }),
    )
    if (ours.length === 0) await new Promise((r) => setTimeout(r, 50))
  }
  const seconds = (performance.now() - started) / 1000
  return { health, intake, workflowsPerSecond: completed / seconds, completed }
}
