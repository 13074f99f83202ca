import { findOperation } from "@etelecom-zalo/openapi";

/** The Zalo app of the spec's AuthorizeOA example, for runs on the mock, which checks nothing of it with Zalo. */
export function exampleApp(): { app_id: string; app_secret: string } {
  const { app_id, app_secret } = (findOperation("AuthorizeOA").requestExample ?? {}) as Record<string, unknown>;
  if (typeof app_id !== "string" || typeof app_secret !== "string") {
    throw new Error("the spec's AuthorizeOA example has no app_id and app_secret to run the demo with");
  }
  return { app_id, app_secret };
}
