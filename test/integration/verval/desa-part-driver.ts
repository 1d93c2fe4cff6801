/**
 * What a desa does with its musdes link (ADR 0033), for the tests that need a desa part:
 * find the link in its mail, post the link page's form as its browser does.
 */
import { nowMs } from '../../../functions/shared/clock'
import { pollFor } from '../../support/poll'
import { csvOf, family, type createVervalDriver, type SheetRow } from './verval-driver'

/** Today in WIB, the seeded kabupaten's zone. */
export const todayWib = (): string => new Date(nowMs() + 7 * 3600_000).toISOString().slice(0, 10)

/** The seeded Pemerintah Desa contact of a desa. */
export const mailOf = (desaCode: string): string => `desa.${desaCode.replaceAll('.', '')}@desa.bogorkab.local`

/** `count` families of one desa of Leuwiliang, numbered from `from`. */
export const desaRows = (from: number, count: number, kodeDesa: string): SheetRow[] =>
  Array.from({ length: count }, (_, index) => family(from + index, '320114', { kode_desa: kodeDesa }))

/** The musdes link mailed to a desa, waiting for the mailer to send it. */
export const linkOf = async (
  driver: ReturnType<typeof createVervalDriver>,
  desaCode: string,
): Promise<URL> => {
  const link = await pollFor(
    async () =>
      (await driver.outbox(mailOf(desaCode)))
        .find((m) => m.subject.includes('musdes'))
        ?.links.find((l) => l.includes('/t/')),
    15_000,
    () => `no musdes link mailed to ${desaCode}`,
  )
  return new URL(link)
}

/** Posts the link page's form with a file, as the desa's browser does. */
export const postFile = (link: URL, file: Blob, name: string, musdesDate = todayWib()) => {
  const form = new FormData()
  form.set('k', link.searchParams.get('k') ?? '')
  form.set('musdesDate', musdesDate)
  form.set('file', file, name)
  return fetch(`${link.origin}${link.pathname}/musdes`, { method: 'POST', body: form })
}

/** Posts the desa's rows as a CSV through its link. */
export const uploadByLink = (link: URL, rows: readonly SheetRow[], musdesDate = todayWib()) =>
  postFile(link, new Blob([csvOf(rows)]), 'musdes.csv', musdesDate)
