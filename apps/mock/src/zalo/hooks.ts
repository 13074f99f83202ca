import type { Hooks } from "../hooks/hook.js";
import { consentCheck, consentReply, consentRequest } from "./call-consent.js";
import { consultation } from "./consultation.js";
import { followerSample } from "./followers.js";
import { registerTemplate, templateSample } from "./templates.js";
import { DELIVERY, type DeliveryTimes, journeyToken, sendZns, znsDelivery } from "./zns.js";

/**
 * Zalo's rules that are not CRUD, under the names the spec's `x-mock` gives them: the 48-hour reply window
 * (`zalo-consultation`), template registration (`zns-template-register`), ZNS sending (`zns-send`), journeys
 * (`zns-journey`), call consent (`call-consent-request`, `call-consent-check`); the samples that start a
 * consent-page OA with its followers and templates; the views that move messages and replies on with the clock.
 */
export function zaloHooks(delivery: DeliveryTimes = DELIVERY): Hooks {
  return {
    hooks: {
      "zalo-consultation": consultation,
      "zns-template-register": registerTemplate,
      "zns-send": sendZns,
      "zns-journey": journeyToken,
      "call-consent-request": consentRequest,
      "call-consent-check": consentCheck,
    },
    samples: { "zalo-follower": followerSample, "zns-template": templateSample },
    views: { "zns-delivery": znsDelivery(delivery), "call-consent-reply": consentReply },
  };
}
