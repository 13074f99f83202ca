import type { Operation } from "./types.js";

/** A spec path compiled to a matcher, with the operation it serves. */
export interface Route {
  method: string;
  pattern: RegExp;
  operation: Operation;
}

/** What a request path and method resolve to. */
export type RouteMatch = { operation: Operation } | { error: string };

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Compiles each operation's path once: a path parameter with an enum (like `scope`) matches only its values. */
export function compileRoutes(operations: Operation[]): Route[] {
  return operations.map((operation) => {
    const source = operation.path
      .split(/(\{[^}]+\})/)
      .map((part) => {
        if (!part.startsWith("{")) return escapeRegExp(part);
        const parameter = operation.request?.path?.find((p) => `{${p.name}}` === part);
        const values = parameter?.schema?.enum;
        return values ? `(?:${values.map((v) => escapeRegExp(String(v))).join("|")})` : "[^/]+";
      })
      .join("");
    return { method: operation.method.toUpperCase(), pattern: new RegExp(`^${source}$`), operation };
  });
}

/** Finds the operation for a path and method, or says why there is none (Twirp's `bad_route` messages). */
export function matchRoute(routes: Route[], method: string, path: string): RouteMatch {
  const onPath = routes.filter((route) => route.pattern.test(path));
  const route = onPath.find((candidate) => candidate.method === method);
  if (route) return { operation: route.operation };
  if (onPath.length === 0) return { error: `no handler for path ${path}` };
  const allowed = onPath.map((candidate) => candidate.method).join(", ");
  return { error: `unsupported method ${method} for path ${path} (only ${allowed} is allowed)` };
}
