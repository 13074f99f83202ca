import { listOperations, loadSpec, responseExamples } from "./spec.js";

/** A valid AuthorizeOA body, the spec's `shop_app` example. */
export const shopApp = {
  app_id: "1234567890123456789",
  app_secret: "aB3dE5fG7hI9jK1lM2nO",
  redirect_uri: "https://shop.example.com/zalo/callback",
};

const spec = loadSpec();
const authorizeOA = listOperations(spec).find((operation) => operation.operationId === "AuthorizeOA");

/** The value of a named example of an AuthorizeOA response, read from the spec. */
export function documentedExample(status: number, name: string): unknown {
  if (authorizeOA === undefined) throw new Error("the spec has no AuthorizeOA operation");
  return responseExamples(spec, authorizeOA, String(status)).get(name);
}
