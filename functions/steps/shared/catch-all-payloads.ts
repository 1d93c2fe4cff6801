/**
 * The payloads of the catch-all's two steps (workflows/catch-all-asl.ts), the same in
 * every workflow's step Lambda but for the workflow's own state.
 */
import * as z from 'zod'

export const catchAllPayloads = <Shape extends z.core.$ZodShape>(
  state: z.ZodObject<Shape, z.core.$loose>,
) => {
  const caught = z.object({
    failedState: z.string().min(1),
    input: state.extend({
      error: z.object({ Error: z.string().optional(), Cause: z.string().optional() }).optional(),
    }),
  })
  const redriveCount = z.number().int().min(0)
  return [
    z.object({
      step: z.literal('markAttention'),
      input: caught,
      executionArn: z.string().min(1),
      redriveCount,
    }),
    z.object({ step: z.literal('awaitRetry'), input: caught, redriveCount }),
  ] as const
}
