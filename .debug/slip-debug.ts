import { writeFileSync } from 'node:fs'
import { chromium } from 'playwright-core'
import { confirmationPage } from '../functions/web/request-form-page'
import { statusPageUrl } from '../functions/web/slip'
import { APP_CSS } from '../functions/web/assets/app-css'
const main = async () => {
  const r = await confirmationPage({
    reference: '320114-2026-000042',
    accessCode: 'K7M2PQ',
    statusUrl: statusPageUrl('http://localhost:3000', '320114-2026-000042'),
  })
  const body = (r.body ?? '').replace(/<link rel="stylesheet"[^>]*>/, `<style>${APP_CSS}</style>`)
  writeFileSync('/tmp/slip.html', body)
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--headless=new'],
  })
  const page = await browser.newPage()
  await page.goto('file:///tmp/slip.html')
  await page.emulateMedia({ media: 'print' })
  for (const format of ['A4', 'A6'] as const) {
    const pdf = await page.pdf({ format, path: `/tmp/slip-${format}.pdf` })
    console.log(format, pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g)?.length)
  }
  await page.setViewportSize({ width: 397, height: 560 })
  await page.screenshot({ path: '/tmp/slip.png', fullPage: true })
  console.log(await page.evaluate('document.querySelector(".slip").getBoundingClientRect().height'))
  await browser.close()
}
main()
