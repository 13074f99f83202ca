import type { Hook, Sample } from "../hooks/hook.js";
import { int64Id } from "../store/ids.js";
import { integerBelow } from "../store/random.js";
import { isoTime } from "../store/time.js";
import { registeredTemplate, ZALO_TEMPLATES, zaloTemplatesOf } from "./world.js";

/**
 * `zns-template`, the template resource's sample: a consent-page OA starts with its usual templates registered,
 * as if the shop had registered them before; a fixture entry is completed from the Zalo template of its ID.
 */
export const templateSample: Sample = {
  extraFields: {},
  fill(given, { store, data }) {
    const oaId = String(given.oa_id);
    const zalo = zaloTemplatesOf(oaId).find((template) => template.template_id === given.template_id);
    const at = isoTime(store.now());
    return { ...(zalo && registeredTemplate(zalo, { oaId, shopId: data.shopId, at })), ...given };
  },
  generate(given, random, now) {
    const [zalo] = ZALO_TEMPLATES.slice(integerBelow(random, ZALO_TEMPLATES.length));
    const at = isoTime(now);
    const base = zalo && registeredTemplate(zalo, { oaId: int64Id(random), shopId: int64Id(random), at });
    return { ...base, ...given };
  },
  seed(owner, { store, data }) {
    const oaId = String(owner.oa_id);
    const at = isoTime(store.now());
    return zaloTemplatesOf(oaId)
      .filter((template) => template.registered)
      .map((template) => registeredTemplate(template, { oaId, shopId: data.shopId, at }));
  },
};

/**
 * `zns-template-register`: registers for the shop a template the OA already has on Zalo (the spec's decision: the
 * call takes an ID, not content). Registering one again answers it as it is.
 */
export const registerTemplate: Hook = {
  answer({ body, data, store, records }) {
    const oaId = body.oa_id as string;
    const id = body.template_id as number;
    const registered = records.get("template", String(id));
    if (registered !== undefined) return { value: registered, why: `template ${id} was registered already` };
    const zalo = zaloTemplatesOf(oaId).find((template) => template.template_id === id);
    if (zalo === undefined) return { example: "template_not_on_zalo", why: `OA ${oaId} has no template ${id}` };
    const template = {
      ...registeredTemplate(zalo, { oaId, shopId: data.shopId, at: isoTime(store.now()) }),
      ...(body.type !== undefined && { type: body.type }),
    };
    const refused = records.put("template", String(id), template);
    if (refused !== undefined) return { invalid: refused, why: "refused by the store's caps" };
    return { value: template, why: `template ${id} registered` };
  },
};
