import { EtelecomApiError } from "@etelecom-zalo/client";
import { expect } from "vitest";

/** eTelecom's error, as the client raises it, for a call that must fail. */
export async function apiError(call: Promise<unknown>): Promise<EtelecomApiError> {
  const error = await call.then(
    () => expect.fail("the call should have failed"),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(EtelecomApiError);
  return error as EtelecomApiError;
}
