import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";

/** A posted form's text fields; a file field, which none of the demo's forms has, is left out. */
export async function readForm(c: Context): Promise<Record<string, string>> {
  const form = await c.req.parseBody().catch(() => {
    // A malformed body, e.g. multipart without its closing boundary: the sender's mistake, not the demo's.
    throw new HTTPException(400, { message: "the form could not be parsed" });
  });
  return Object.fromEntries(
    Object.entries(form).filter((entry): entry is [string, string] => typeof entry[1] === "string"),
  );
}
