import { CATEGORIES } from '../../core/catalog/categories'
import { SERVICES } from '../../core/catalog/services'
import { publicAction } from '../runtime/action'
import { json } from '../runtime/responses'

const body = { categories: CATEGORIES, services: SERVICES }

export const categories = publicAction(async () =>
  json(200, body, { 'cache-control': 'public, max-age=3600' }),
)
