import { createHash } from "node:crypto";
import { charactersFrom, integerBelow, type Random } from "./random.js";

const DIGITS = "0123456789";
const ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
/** RFC 7636's unreserved characters, those a PKCE verifier is made of. */
const VERIFIER_CHARACTERS = `${ALPHANUMERIC}-._~`;

/** A 19-digit int64 ID as eTelecom sends it: a string, below int64's maximum (it starts with 1 to 8). */
export function int64Id(random: Random): string {
  return `${1 + integerBelow(random, 8)}${charactersFrom(random, DIGITS, 18)}`;
}

/** A consent link's `state`: a 16-digit integer, exact in every JSON parser (below 2^53) and unlikely to collide. */
export function consentState(random: Random): number {
  return 1e15 + integerBelow(random, 8e6) * 1e9 + integerBelow(random, 1e9);
}

/** A single-use authorization code, shaped like the spec's example. */
export function authorizationCode(random: Random): string {
  return charactersFrom(random, ALPHANUMERIC, 32);
}

/** A PKCE `code_challenge`: base64url(SHA-256(verifier)) of a fresh 43-character verifier (RFC 7636). */
export function codeChallenge(random: Random): string {
  return createHash("sha256")
    .update(charactersFrom(random, VERIFIER_CHARACTERS, 43))
    .digest("base64url");
}

/** The shop a key belongs to: an int64 ID derived from the key alone, the same on every run. */
export function shopIdOf(key: string): string {
  return (createHash("sha256").update(key).digest().readBigUInt64BE() >> 1n).toString();
}

/** A short, stable tag for a key in logs, which never show the key itself. */
export function keyTag(key: string): string {
  return `key#${createHash("sha256").update(key).digest("hex").slice(0, 6)}`;
}
