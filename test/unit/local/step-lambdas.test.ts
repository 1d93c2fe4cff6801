import { describe, expect, it } from 'vitest'
import { stepsModules } from '../../../infra/local/step-lambdas'
import { workflows } from '../../../workflows/workflows'

describe('local step lambdas', () => {
  it("import every workflow's steps module by a literal path, so npm start's bundle holds it", () => {
    for (const workflow of workflows) expect(Object.keys(stepsModules)).toContain(workflow.stepsEntry)
  })
})
