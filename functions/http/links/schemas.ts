import * as z from 'zod'

export const linkQuerySchema = z.looseObject({ k: z.string().max(200).optional() })
