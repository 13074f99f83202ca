import { authorizationCode, codeChallenge, consentState } from "../store/ids.js";
import { type KeyData, LIMITS, type Store } from "../store/store.js";
import { CONSENT_TTL_MS } from "../store/time.js";
import type { Profile } from "./schemas.js";

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

/** What the consent flow keeps of one key, beside its OAs: forgotten with the key. */
export interface ConsentOfKey {
  /** Unused codes, oldest first. */
  codes: Map<string, IssuedCode>;
  /** The `state` of each link the key's calls made. */
  links: Set<number>;
  /** Where each connected OA's consent came back to, which a RefreshToken link sends the owner back to. */
  redirectUris: Map<string, string>;
}

/** The consent links every browser may open, and each key's codes. */
export interface ConsentLinks {
  of(data: KeyData): ConsentOfKey;
  /** A new consent link for the key, valid {@link CONSENT_TTL_MS}. */
  issue(data: KeyData, app_id: string, redirect_uri: string, offered: readonly Profile[]): ConsentLink;
  /** The link with this state, used or expired ones included, until a cap pushes it out. */
  find(state: number): ConsentLink | undefined;
  /** Marks the link used and, for an Allow, issues its key a code for `profile`. */
  use(link: ConsentLink, profile?: Profile): string | undefined;
}

const EXTRA = "consent";

/** Drops the oldest entries of an insertion-ordered map until it holds at most `cap`. */
function trim<K, V>(map: Map<K, V>, cap: number, dropped?: (key: K, value: V) => void): void {
  for (const [key, value] of map) {
    if (map.size <= cap) return;
    map.delete(key);
    dropped?.(key, value);
  }
}

/** The consent flow's state over a store: a key's links go when the store forgets the key. */
export function createConsentLinks(store: Store): ConsentLinks {
  const links = new Map<number, ConsentLink>();
  store.onForget((data) => {
    if (data === undefined) links.clear();
    else for (const state of consentOf(data).links) links.delete(state);
  });

  function consentOf(data: KeyData): ConsentOfKey {
    let consent = data.extras.get(EXTRA) as ConsentOfKey | undefined;
    if (consent === undefined) {
      consent = { codes: new Map(), links: new Set(), redirectUris: new Map() };
      data.extras.set(EXTRA, consent);
    }
    return consent;
  }

  return {
    of: consentOf,
    issue(data, app_id, redirect_uri, offered) {
      let state = consentState(data.random);
      // Another key's sequence may have drawn the same state: one chance in ~10^12 per pair of links.
      while (links.has(state)) state = consentState(data.random);
      const link: ConsentLink = {
        state,
        key: data.key,
        app_id,
        redirect_uri,
        code_challenge: codeChallenge(data.random),
        expiresAt: store.now() + CONSENT_TTL_MS,
        used: false,
        offered,
      };
      links.set(state, link);
      consentOf(data).links.add(state);
      trim(links, LIMITS.links, (dropped, { key }) => {
        const owner = store.peek(key);
        if (owner !== undefined) consentOf(owner).links.delete(dropped);
      });
      return link;
    },
    find: (state) => links.get(state),
    use(link, profile) {
      link.used = true;
      if (profile === undefined) return undefined;
      const data = store.forKey(link.key);
      const code = authorizationCode(data.random);
      const { codes } = consentOf(data);
      codes.set(code, { link, profile, expiresAt: store.now() + CONSENT_TTL_MS });
      trim(codes, LIMITS.codesPerKey);
      return code;
    },
  };
}
