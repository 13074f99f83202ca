/** Whether an `Accept-Encoding` header allows gzip: `gzip` (or `x-gzip`), else `*`, with no `q=0` (RFC 9110 12.5.3). */
export function acceptsGzip(header: string | null): boolean {
  let wildcard = false;
  for (const coding of header?.split(",") ?? []) {
    const [name, ...parameters] = coding.split(";").map((part) => part.trim().toLowerCase());
    const q = parameters.find((parameter) => parameter.startsWith("q="));
    const allowed = q === undefined || Number(q.slice(2)) > 0;
    if (name === "gzip" || name === "x-gzip") return allowed;
    if (name === "*") wildcard = allowed;
  }
  return wildcard;
}
