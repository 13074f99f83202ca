import type { SpecOperation } from "@etelecom-zalo/openapi";

/** What a request's method and path resolve to: an operation and its path parameters, or why there is none. */
export type RouteMatch = { operation: SpecOperation; params: Record<string, string> } | { error: string };

/** A compiled path template. */
interface Route {
  operation: SpecOperation;
  method: string;
  pattern: RegExp;
  names: string[];
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

const compiled = new WeakMap<SpecOperation[], Route[]>();

/**
 * Compiles each path template once. A path parameter with an enum (like `scope`) matches only its values, so
 * `/v1/admin.Zalo/<Method>` is no route at all; any other parameter matches one segment up to a `/` or `.`.
 */
function compile(operations: SpecOperation[]): Route[] {
  let routes = compiled.get(operations);
  if (routes === undefined) {
    routes = operations.map((operation) => {
      const names: string[] = [];
      const source = operation.pathTemplate
        .split(/\{([^}]+)\}/)
        .map((part, index) => {
          if (index % 2 === 0) return escapeRegExp(part);
          names.push(part);
          const values = operation.parameters.find((p) => p.in === "path" && p.name === part)?.schema?.enum;
          return values ? `(${values.map((value) => escapeRegExp(String(value))).join("|")})` : "([^/.]+)";
        })
        .join("");
      return { operation, method: operation.method.toUpperCase(), pattern: new RegExp(`^${source}$`), names };
    });
    compiled.set(operations, routes);
  }
  return routes;
}

/** Finds the operation for a method and a path (no query), or says why there is none, in Twirp's words. */
export function matchRoute(operations: SpecOperation[], method: string, pathname: string): RouteMatch {
  const upper = method.toUpperCase();
  let allowed: string[] = [];
  for (const route of compile(operations)) {
    const match = route.pattern.exec(pathname);
    if (match === null) continue;
    if (route.method !== upper) {
      allowed.push(route.method);
      continue;
    }
    return {
      operation: route.operation,
      params: Object.fromEntries(route.names.map((n, i) => [n, match[i + 1] ?? ""])),
    };
  }
  if (allowed.length === 0) return { error: `no handler for path ${pathname}` };
  allowed = [...new Set(allowed)];
  return { error: `unsupported method ${upper} for path ${pathname} (only ${allowed.join(", ")} is allowed)` };
}
