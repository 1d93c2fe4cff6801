import { createResourceHandler } from '../runtime/resource-handler'
import { advanceClock } from './advance-clock'
import { login } from './login'
import { outbox } from './outbox'

export const handler = createResourceHandler('dev', { login, outbox, advanceClock })
