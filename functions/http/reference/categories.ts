import { CATEGORIES } from '../../core/catalog/categories'
import { SERVICES } from '../../core/catalog/services'
import { publicAction } from '../../shared/http/action'
import { json } from '../../shared/http/responses'

const body = { categories: CATEGORIES, services: SERVICES }

export const categories = publicAction(async () =>
  json(200, body, { 'cache-control': 'public, max-age=3600' }),
)
