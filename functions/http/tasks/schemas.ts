import * as z from 'zod'

export const taskListQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1, 'Minimal 1.').max(100, 'Maksimal 100.').default(20),
  cursor: z.string().max(2000).optional(),
})

export const taskIdSchema = z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'ID tugas tidak valid.')
