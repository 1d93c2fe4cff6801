import { readFileSync } from 'node:fs'
const t0 = Date.now()
const { App } = await import('aws-cdk-lib')
const { createTkskApp } = await import('../../infra/stacks/tksk-app')
const { demoWorkflow } = await import('./fixtures/workflows')
console.log('imports', Date.now() - t0)
const cdkContext = JSON.parse(readFileSync('cdk.json', 'utf8')).context
const app = new App({ context: { ...cdkContext, 'aws:cdk:bundling-stacks': [] }, outdir: '/tmp/cdkout-try' })
const t = createTkskApp(app, { workflows: [demoWorkflow], access: { reference: { main: 'read', assets: ['idn-area-data'] }, 'demo-steps': { main: 'readWrite', audit: 'append', sendEmail: true, anchors: 'write' }, kpmx: {} } })
console.log('construct', Date.now() - t0)
try { app.synth() } catch (e) { console.log('SYNTH THREW', (e as Error).message.slice(0, 3000)) }
console.log('synth', Date.now() - t0)
const r = t.nag.validateScope(app)
console.log('nag', Date.now() - t0, r.violations.length)
for (const v of r.violations) console.log(v.severity, v.ruleName, v.violatingResources.map(x => x.constructPath).join(', '))
