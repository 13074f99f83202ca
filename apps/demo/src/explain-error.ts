import {
  isEtelecomApiError,
  isEtelecomInputError,
  isEtelecomInvalidResponseError,
  isEtelecomNetworkError,
  isEtelecomTimeoutError,
} from "@etelecom-zalo/client";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";

/** What a page tells the user when a request could not be done. */
export interface Problem {
  status: ContentfulStatusCode;
  title: string;
  text: string;
  /** eTelecom's own words, when they help (the client has already redacted any secret from them). */
  detail?: string;
  /** What the page offers next: the OA list, or starting the connection again. */
  next: "home" | "connect";
}

/** The problem page of a route that does not exist, and of an OA that is not this shop's. */
export const NOT_FOUND: Problem = {
  status: 404,
  title: "Page not found",
  text: "There is nothing at this address. The list of the shop's Zalo OAs is one click away.",
  next: "home",
};

/** What an expired, reused or forged authorization code tells the OA owner. */
export const UNUSABLE_CODE: Omit<Problem, "detail"> = {
  status: 400,
  title: "This authorization can no longer be used",
  text:
    "Zalo's authorization is good once and for about 10 minutes: it has expired, or it was already used " +
    "(by reloading this page, say). Connect the OA again to get a new one.",
  next: "connect",
};

/** What a callback tells the browser that did not ask for its consent: it may be an attacker's link. */
export const FOREIGN_CALLBACK: Problem = {
  status: 400,
  title: "This link from Zalo was not opened in the browser that asked for it",
  text:
    "Zalo's answer connects an OA only in the browser that clicked Connect, so that nobody can connect their own " +
    "OA to the shop by sending a link. If you did start connecting an OA, connect it again from this browser.",
  next: "connect",
};

/** What a request that names a host other than the demo's is told, and where the demo is. */
export function foreignHost(host: string, publicOrigin: string): Problem {
  return {
    status: 421,
    title: "This is not the demo's address",
    text:
      `The request was sent to "${host}", a name the demo does not answer to: that keeps other sites from reaching ` +
      `it under their own names. Open ${publicOrigin} instead.`,
    next: "home",
  };
}

/** A problem in one line: what most branches below differ by. */
const problem = (status: ContentfulStatusCode, title: string, text: string, more: Partial<Problem> = {}): Problem => ({
  status,
  title,
  text,
  next: "home",
  ...more,
});

/** Explains an error thrown while serving a request: a status, a title and a sentence, never a stack or a secret. */
export function explainError(error: unknown): Problem {
  if (isEtelecomInputError(error) && error.field === "oa_id") return { ...NOT_FOUND, title: "No such Zalo OA" };
  if (isEtelecomApiError(error)) {
    const detail = `eTelecom answered ${error.status} ${error.code}: ${error.msg}`;
    if (error.code === "not_found") {
      const text = "It may have been connected with another eTelecom key. Connect it here to manage it.";
      return problem(404, "This Zalo OA is not connected to the shop", text, { detail, next: "connect" });
    }
    if (error.code === "unauthenticated") {
      const text =
        "Check ETELECOM_API_KEY, ETELECOM_SCOPE and ETELECOM_ENVIRONMENT: a sandbox key works only with the sandbox.";
      return problem(502, "eTelecom refused the shop's API key", text, { detail });
    }
    if (error.status === 400) {
      return problem(400, "eTelecom refused the request", "Check what was sent and try again.", { detail });
    }
    if (error.status === 429) {
      return problem(503, "eTelecom is busy", "Too many requests: try again in a minute.", { detail });
    }
    const title = error.status >= 500 ? "eTelecom is having trouble" : "eTelecom refused the request";
    return problem(502, title, "Nothing was changed. Try again in a moment.", { detail });
  }
  if (isEtelecomTimeoutError(error)) {
    return problem(504, "eTelecom is too slow", "It did not answer in time. Try again in a moment.");
  }
  if (isEtelecomNetworkError(error)) {
    const code = (error.cause as { code?: unknown } | undefined)?.code;
    const text = "Check the network, or ETELECOM_BASE_URL when the demo runs against the mock. Then try again.";
    return problem(502, "eTelecom cannot be reached", text, {
      ...(typeof code === "string" && { detail: `The connection failed: ${code}` }),
    });
  }
  if (isEtelecomInvalidResponseError(error)) {
    const text = "The answer did not match eTelecom's documented API. Try again in a moment.";
    return problem(502, "eTelecom answered something unexpected", text, { detail: error.message });
  }
  if (error instanceof HTTPException) {
    // Hono's CSRF check: a form posted from another origin.
    if (error.status === 403) {
      const text = "For the shop's safety, its settings change only from the demo's own pages.";
      return problem(403, "This form was sent from another site", text);
    }
    return problem(error.status, "The request could not be read", "Go back and try again.");
  }
  return problem(500, "Something went wrong", "The demo failed to answer. Try again in a moment.");
}

/** What the OA page shows beside a form whose send eTelecom refused, for one of Zalo's rules or a wrong value. */
export interface Refusal {
  status: ContentfulStatusCode;
  /** The rule, in plain words. */
  text: string;
  /** eTelecom's own words. */
  detail: string;
  /** The form field eTelecom's `msg` names (`phone`, `template_data.total`), when it names one. */
  field?: string;
}

/** What each form sends, as the refusals below tell them apart. */
export type SendAction = "text" | "zns" | "template";

/** The rules eTelecom applies to each send, in the shop owner's words, by status. */
const RULES: Record<SendAction, Partial<Record<number, string>>> = {
  text: {
    412:
      "Zalo lets an OA write to a follower only in the 48 hours after that follower's last message to it, and " +
      "only while they follow the OA. Send a ZNS instead, or wait until they write again.",
    429: "The 8 replies Zalo allows in this follower's 48-hour window are used up: wait until they write again.",
  },
  zns: {
    404: "This template is not registered for the OA: register it under Templates first.",
    412:
      "Zalo sends a ZNS only with a template it has approved (status ENABLE). This one is still under review, " +
      "rejected or disabled on Zalo.",
    429: "The OA's ZNS quota for today is used up: Zalo accepts more tomorrow.",
  },
  template: {
    404:
      "This is not one of the OA's templates on Zalo. Templates are made and reviewed on Zalo's own site; " +
      "register one here by its ID once it exists there.",
  },
};

/**
 * Explains eTelecom's refusal of a send: a Zalo rule (412), a used-up quota (429), a missing template (404) or a
 * wrong value (400, naming its field). Undefined for every other error, which the problem page explains: among
 * them a 429 that is the key's rate limit, not a quota.
 */
export function explainRefusal(error: unknown, action: SendAction): Refusal | undefined {
  if (!isEtelecomApiError(error)) return undefined;
  // The rate limit's `msg` names no field; the quotas' and every 400's name the one they are about.
  const field = /^([\w.]+): /.exec(error.msg)?.[1];
  const detail = `eTelecom answered ${error.status} ${error.code}: ${error.msg}`;
  if (error.status === 400 && error.code === "invalid_argument") {
    return { status: 400, text: "eTelecom refused a value: check it and send again.", detail, ...(field && { field }) };
  }
  const rule = RULES[action][error.status];
  if (rule === undefined || (error.status === 429 && field === undefined)) return undefined;
  return { status: error.status as ContentfulStatusCode, text: rule, detail };
}
