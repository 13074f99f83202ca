import { describe, expect, it } from "vitest";
import { consent } from "../../src/index.js";
import { useMock, validBody } from "../use-mock.js";

const mock = useMock();

const newLink = async () => (await mock.call("AuthorizeOA", validBody)).body.url as string;

/** A fetch that records what it is asked, then fetches for real. */
function recordingFetch() {
  const requests: string[] = [];
  const recorded: typeof fetch = async (input, init) => {
    requests.push(`${init?.method ?? "GET"} ${String(input)} redirect=${init?.redirect}`);
    return fetch(input, init);
  };
  return { requests, fetch: recorded };
}

describe("consent()", () => {
  it("makes a browser's two requests, never following the redirect, and resolves to the callback", async () => {
    const url = await newLink();
    const recorder = recordingFetch();
    const callback = await consent(url, { fetch: recorder.fetch });
    expect(recorder.requests).toEqual([`GET ${url} redirect=manual`, `POST ${url} redirect=manual`]);
    const query = new URL(callback).searchParams;
    expect(callback.startsWith(`${validBody.redirect_uri}?oa_id=4321098765432109876&code=`)).toBe(true);
    expect(query.get("state")).toBe(new URL(url).searchParams.get("state"));
  });

  it("picks the OA it is given", async () => {
    const callback = await consent(await newLink(), { oa_id: "5772156649015328606" });
    expect(new URL(callback).searchParams.get("oa_id")).toBe("5772156649015328606");
  });

  it("denies when asked to", async () => {
    const url = await newLink();
    expect(await consent(url, { decision: "deny" })).toBe(
      `${validBody.redirect_uri}?error=access_denied&state=${new URL(url).searchParams.get("state")}`,
    );
  });

  it("rejects with the page's reason when the link cannot be used", async () => {
    const url = await newLink();
    await consent(url);
    await expect(consent(url)).rejects.toThrow("consent page answered 400: state: this consent link was already used");
  });

  it("rejects an OA the page does not offer, without submitting the form", async () => {
    const url = await newLink();
    await expect(consent(url, { oa_id: "42" })).rejects.toThrow(
      "oa_id 42 is not offered on the consent page (it offers 4321098765432109876, 3141592653589793238,",
    );
    expect(typeof (await consent(url))).toBe("string");
  });
});
