import { createResourceHandler } from '../runtime/resource-handler'
import { areas } from './areas'
import { categories } from './categories'
import { health } from './health'
import { openapi } from './openapi'

export const handler = createResourceHandler('reference', { health, openapi, areas, categories })
