import type { ZaloCloudClient } from "@etelecom-zalo/client";
import type { Context, Hono } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { explainRefusal, type SendAction } from "./explain-error.js";
import type { RefusedForm } from "./pages/back-office.js";
import type { OAPageOptions } from "./pages/oa-page.js";
import { readForm } from "./read-form.js";

/** OASendText's limit on a text, in characters (Zalo's OA API's). */
const MAX_TEXT = 2000;

/** Renders the OA page with some of its forms' state, at a status. */
export type ShowOA = (
  c: Context,
  oa_id: string,
  options: Omit<OAPageOptions, "now">,
  status?: ContentfulStatusCode,
) => Promise<Response>;

/** A template ID as eTelecom takes it (a positive safe integer), from a form's text; undefined if it is not one. */
function templateIdOf(value: string | undefined): number | undefined {
  const id = /^\d{1,16}$/.test(value ?? "") ? Number(value) : Number.NaN;
  return Number.isSafeInteger(id) && id >= 1 ? id : undefined;
}

/**
 * The shop's back office on one OA: a text to a follower, a template registered, a ZNS sent. Each form posts here;
 * a send redirects back to the OA page with a notice, and a refusal shows the page again with the form as it was
 * sent and the reason beside it, in a status that says what kind of refusal it is.
 */
export function backOfficeRoutes(app: Hono, zalo: ZaloCloudClient, showOA: ShowOA): void {
  const back = (oa_id: string, notice: string, section: string, more = "") =>
    `/oa/${encodeURIComponent(oa_id)}?notice=${notice}${more}#${section}`;

  // Sends, or shows why not: eTelecom's refusals that a shop owner can act on are explained beside the form.
  const attempt = async <T>(
    c: Context,
    action: SendAction,
    refused: (values: Record<string, string>, error: RefusedForm["error"]) => Omit<OAPageOptions, "now">,
    values: Record<string, string>,
    send: () => Promise<T>,
  ): Promise<{ sent: T } | { page: Response }> => {
    try {
      return { sent: await send() };
    } catch (error) {
      const refusal = explainRefusal(error, action);
      if (refusal === undefined) throw error;
      const { status, ...why } = refusal;
      return { page: await showOA(c, c.req.param("oa_id") as string, refused(values, why), status) };
    }
  };

  // A text to a follower (a consultation message), within Zalo's 48-hour window.
  app.post("/oa/:oa_id/text", async (c) => {
    const oa_id = c.req.param("oa_id");
    // First the OA: one that is not the shop's is the 404 page, whatever the form holds.
    await zalo.getShopOA({ oa_id });
    const values = await readForm(c);
    const user_id = values.user_id ?? "";
    const text = values.text ?? "";
    const refuse = (error: RefusedForm["error"]) => showOA(c, oa_id, { text: { values, error } }, 400);
    if (!/^\d{1,32}$/.test(user_id)) {
      return refuse({ text: "Choose a follower from the list.", field: "recipient.user_id" });
    }
    if (text.trim() === "") return refuse({ text: "Write the text to send." });
    const length = [...text].length;
    if (length > MAX_TEXT) {
      return refuse({
        text: `A text is at most ${MAX_TEXT.toLocaleString("en-US")} characters; this one has ${length}.`,
      });
    }
    const result = await attempt(
      c,
      "text",
      (kept, error) => ({ text: { values: kept, error } }),
      values,
      () => zalo.oaSendText({ oa_id, recipient: { user_id }, message: { text } }),
    );
    if ("page" in result) return result.page;
    const remain = result.sent.quota?.remain;
    return c.redirect(back(oa_id, "text-sent", "followers", remain === undefined ? "" : `&remain=${remain}`), 303);
  });

  // Registers, for the shop, a template the OA already has on Zalo.
  app.post("/oa/:oa_id/templates", async (c) => {
    const oa_id = c.req.param("oa_id");
    await zalo.getShopOA({ oa_id });
    const values = await readForm(c);
    const template_id = templateIdOf(values.template_id?.trim());
    if (template_id === undefined) {
      const error = { text: "A template ID is a whole number, such as 230107: Zalo shows it beside the template." };
      return showOA(c, oa_id, { register: { values, error } }, 400);
    }
    const result = await attempt(
      c,
      "template",
      (kept, error) => ({ register: { values: kept, error } }),
      values,
      () => zalo.createTemplate({ oa_id, template_id }),
    );
    if ("page" in result) return result.page;
    return c.redirect(back(oa_id, "template-registered", "templates"), 303);
  });

  // A ZNS with a registered template: its parameters come from the template, their values from the form.
  app.post("/oa/:oa_id/zns", async (c) => {
    const oa_id = c.req.param("oa_id");
    await zalo.getShopOA({ oa_id });
    const values = await readForm(c);
    const template_id = templateIdOf(values.template_id);
    const kept = (error: RefusedForm["error"]): Omit<OAPageOptions, "now"> => ({ zns: { values, error } });
    if (template_id === undefined) return showOA(c, oa_id, kept({ text: "Choose a template from the list." }), 400);
    const result = await attempt(
      c,
      "zns",
      (_, error) => kept(error),
      values,
      async () => {
        const template = await zalo.getTemplate({ oa_id, template_id });
        // Only the template's own parameters, and only those given: eTelecom names any required one left out.
        const template_data = Object.fromEntries(
          (template.template_params ?? []).flatMap(({ name }) => {
            const value = values[`template_data.${name}`]?.trim() ?? "";
            return value === "" ? [] : [[name, value]];
          }),
        );
        const tracking_id = values.tracking_id?.trim() ?? "";
        return zalo.sendZNS({
          oa_id,
          phone: values.phone?.trim() ?? "",
          template_id,
          template_data,
          ...(tracking_id !== "" && { tracking_id }),
        });
      },
    );
    if ("page" in result) return result.page;
    return c.redirect(back(oa_id, "zns-sent", "zns-messages"), 303);
  });
}
