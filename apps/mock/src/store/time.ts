/** How long a consent link and an authorization code stay valid: public integrations say about 10 minutes. */
export const CONSENT_TTL_MS = 10 * 60 * 1000;

/** An RFC 3339 time in UTC, to the second, as in the spec's examples. */
export function isoTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** When a refresh token issued at `ms` expires: three calendar months later. */
export function threeMonthsAfter(ms: number): string {
  const date = new Date(ms);
  date.setUTCMonth(date.getUTCMonth() + 3);
  return isoTime(date.getTime());
}
