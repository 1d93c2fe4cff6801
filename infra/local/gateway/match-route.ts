/**
 * Route matching as API Gateway HTTP APIs do it: exact paths beat parameterised ones,
 * `{name}` matches one segment, `{name+}` the rest; no match is `$default`.
 */
import { type Route, routeKey } from '../../../functions/http/routes'

export interface RouteMatch {
  route: Route
  routeKey: string
  pathParameters: Record<string, string>
}

interface CompiledRoute {
  route: Route
  pattern: RegExp
  names: string[]
  /** Fewer parameters = more specific = tried first. */
  specificity: number
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

const compile = (route: Route): CompiledRoute => {
  const names: string[] = []
  const source = route.path
    .split('/')
    .map((segment) => {
      const parameter = /^\{([A-Za-z0-9_]+)(\+?)\}$/.exec(segment)
      if (!parameter?.[1]) return escapeRegExp(segment)
      names.push(parameter[1])
      return parameter[2] ? '(.+)' : '([^/]+)'
    })
    .join('/')
  return { route, pattern: new RegExp(`^${source}$`), names, specificity: names.length }
}

const decodeParameters = (names: string[], match: RegExpExecArray): Record<string, string> | undefined => {
  const parameters: Record<string, string> = {}
  try {
    names.forEach((name, index) => {
      parameters[name] = decodeURIComponent(match[index + 1] ?? '')
    })
  } catch {
    return undefined
  }
  return parameters
}

export const createRouteMatcher = (routes: readonly Route[]) => {
  const compiled = routes.map(compile).sort((a, b) => a.specificity - b.specificity)
  return (method: string, path: string): RouteMatch | undefined => {
    for (const candidate of compiled) {
      if (candidate.route.method !== method) continue
      const match = candidate.pattern.exec(path)
      if (!match) continue
      const pathParameters = decodeParameters(candidate.names, match)
      // A mangled percent-encoding (a link broken by a mail client) matches nothing: `$default` 404.
      if (!pathParameters) return undefined
      return { route: candidate.route, routeKey: routeKey(candidate.route), pathParameters }
    }
    return undefined
  }
}
