import { readFileSync } from 'node:fs'
import { App } from 'aws-cdk-lib'
import { createTkskApp } from '../../infra/stacks/tksk-app'
import { demoWorkflow } from './fixtures/workflows'
const cdkContext = JSON.parse(readFileSync('/work/main/cdk.json', 'utf8')).context
const app = new App({ context: { ...cdkContext, 'aws:cdk:bundling-stacks': [] }, outdir: '/tmp/cdkout-try' })
const t = createTkskApp(app, { workflows: [demoWorkflow], access: { reference: { main: 'read', assets: ['idn-area-data'] }, 'demo-steps': { main: 'readWrite', audit: 'append', sendEmail: true }, kpmx: {} } })
try { app.synth() } catch (e) { console.log('SYNTH THREW', (e as Error).message.slice(0, 3000)) }
const r = t.nag.validateScope(app)
for (const v of r.violations) console.log(v.severity, v.ruleName, v.violatingResources.map(x => x.constructPath).join(', '))
