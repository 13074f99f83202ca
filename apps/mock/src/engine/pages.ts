import { decideConsent, showConsent } from "../consent/consent-routes.js";
import { CONSENT_PATH } from "../consent/consent-url.js";
import type { MockState } from "../state/mock-state.js";
import { type Answer, json } from "./answer.js";
import type { MockRequest } from "./mock-request.js";

/** What a page reads: the request, its URL and the state. */
export interface PageContext {
  request: MockRequest;
  url: URL;
  state: MockState;
}

/** A route outside the API: not in the spec, no key, any Content-Type. */
export interface Page {
  method: "GET" | "POST";
  path: string;
  answer(context: PageContext): Answer | Promise<Answer>;
}

/** Every route outside the API; any other method on these paths falls through to the API's `bad_route`. */
export const PAGES: readonly Page[] = [
  { method: "GET", path: "/__health", answer: () => json(200, { status: "ok" }, "health") },
  {
    method: "POST",
    path: "/__reset",
    answer: ({ state }) => {
      state.reset();
      return json(200, { status: "reset" }, "state reset");
    },
  },
  { method: "GET", path: CONSENT_PATH, answer: showConsent },
  { method: "POST", path: CONSENT_PATH, answer: decideConsent },
];
