/** CDK entry (`npx cdk synth`, `npx cdk deploy`): see infra/stacks/tksk-app.ts. */
import { App } from 'aws-cdk-lib'
import { createTkskApp } from './stacks/tksk-app'

const app = new App()
createTkskApp(app)
app.synth()
