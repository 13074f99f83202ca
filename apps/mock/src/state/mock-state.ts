import type { StoredOA } from "./connect.js";
import { authorizationCode, codeChallenge, consentState, shopIdOf } from "./ids.js";
import { type Random, seededRandom } from "./random.js";
import type { Profile } from "./schemas.js";
import { CONSENT_TTL_MS } from "./time.js";

/**
 * How much the state holds at most, so that a load test with a new key per request keeps memory flat. Past a cap
 * the oldest entry goes: the least recently used key (with its OAs, codes and links), the oldest link or code.
 */
export const LIMITS = {
  /** Keys with state. */
  keys: 10_000,
  /** OAs connected to one key. */
  oasPerKey: 1_000,
  /** Codes issued to one key and not used yet. */
  codesPerKey: 100,
  /** Consent links not used yet, all keys together. */
  links: 10_000,
} as const;

/** A consent link, as AuthorizeOA or RefreshToken issued it: what its page and its form are checked against. */
export interface ConsentLink {
  state: number;
  /** The key whose call made it: the consent's code belongs to that key. */
  key: string;
  app_id: string;
  redirect_uri: string;
  code_challenge: string;
  expiresAt: number;
  used: boolean;
  /** The OAs the owner may pick: the catalogue, or the one OA a RefreshToken link is for. */
  offered: readonly Profile[];
}

/** An authorization code the consent page issued on Allow. */
export interface IssuedCode {
  link: ConsentLink;
  profile: Profile;
  expiresAt: number;
}

/** What one key (one shop) has. */
export interface KeyState {
  readonly key: string;
  readonly random: Random;
  readonly shopId: string;
  /** Connected OAs by `oa_id`. */
  readonly oas: Map<string, StoredOA>;
  /** Unused codes, oldest first. */
  readonly codes: Map<string, IssuedCode>;
  /** The `state` of each link the key's calls made. */
  readonly links: Set<number>;
}

/** The mock's memory: per-key state, and the consent links every browser may open. */
export interface MockState {
  readonly now: () => number;
  /** The key's state, created on first use; marks the key as the most recently used. */
  forKey(key: string): KeyState;
  /** A new consent link for the key, valid {@link CONSENT_TTL_MS}. */
  issueLink(keyState: KeyState, app_id: string, redirect_uri: string, offered: readonly Profile[]): ConsentLink;
  /** The link with this state, used or expired ones included, until a cap pushes it out. */
  findLink(state: number): ConsentLink | undefined;
  /** Marks the link used and, for an Allow, issues the key a code for `profile`. */
  useLink(link: ConsentLink, profile?: Profile): string | undefined;
  /** Forgets everything, then runs `restore` (the fixtures) on the empty state. */
  reset(): void;
}

/** Drops the oldest entries of an insertion-ordered map until it holds at most `cap`. */
function trim<K, V>(map: Map<K, V>, cap: number, dropped?: (key: K, value: V) => void): void {
  for (const [key, value] of map) {
    if (map.size <= cap) return;
    map.delete(key);
    dropped?.(key, value);
  }
}

/** Creates the state; `restore` fills a fresh state (fixtures), at creation and at every reset. */
export function createMockState(seed: number, now: () => number, restore: (state: MockState) => void): MockState {
  const keys = new Map<string, KeyState>();
  const links = new Map<number, ConsentLink>();

  const forget = (_key: string, keyState: KeyState) => {
    for (const state of keyState.links) links.delete(state);
  };

  const state: MockState = {
    now,
    forKey(key) {
      let keyState = keys.get(key);
      if (keyState === undefined) {
        keyState = {
          key,
          random: seededRandom(seed, key),
          shopId: shopIdOf(key),
          oas: new Map(),
          codes: new Map(),
          links: new Set(),
        };
      } else {
        keys.delete(key);
      }
      keys.set(key, keyState);
      trim(keys, LIMITS.keys, forget);
      return keyState;
    },
    issueLink(keyState, app_id, redirect_uri, offered) {
      let linkState = consentState(keyState.random);
      // Another key's sequence may have drawn the same state: one chance in ~10^12 per pair of links.
      while (links.has(linkState)) linkState = consentState(keyState.random);
      const link: ConsentLink = {
        state: linkState,
        key: keyState.key,
        app_id,
        redirect_uri,
        code_challenge: codeChallenge(keyState.random),
        expiresAt: now() + CONSENT_TTL_MS,
        used: false,
        offered,
      };
      links.set(link.state, link);
      keyState.links.add(link.state);
      trim(links, LIMITS.links, (dropped, { key }) => keys.get(key)?.links.delete(dropped));
      return link;
    },
    findLink: (linkState) => links.get(linkState),
    useLink(link, profile) {
      link.used = true;
      if (profile === undefined) return undefined;
      const keyState = state.forKey(link.key);
      const code = authorizationCode(keyState.random);
      keyState.codes.set(code, { link, profile, expiresAt: now() + CONSENT_TTL_MS });
      trim(keyState.codes, LIMITS.codesPerKey);
      return code;
    },
    reset() {
      keys.clear();
      links.clear();
      restore(state);
    },
  };
  restore(state);
  return state;
}
