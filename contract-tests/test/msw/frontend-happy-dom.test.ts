// @vitest-environment happy-dom
import { createZaloCloudClient, type ZaloCloudClient } from "@etelecom-zalo/client";
import { zaloCloudHandlers } from "@etelecom-zalo/mock/msw";
import { setupServer } from "msw/node";
import { afterAll, beforeAll, expect, it } from "vitest";

/** The component under test: lists the shop's OAs. */
async function renderOAList(list: HTMLUListElement, zalo: ZaloCloudClient): Promise<void> {
  const { accounts } = await zalo.listOA({});
  list.replaceChildren(...accounts.map((oa) => Object.assign(document.createElement("li"), { textContent: oa.name })));
}

const fixtures = { "shop-key": { oa: [{ oa_id: "4321098765432109876", name: "Hoa Mai Florist", status: "P" }] } };
const server = setupServer(...(await zaloCloudHandlers({ fixtures })));

beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterAll(() => server.close());

it("renders the shop's OAs", async () => {
  const list = document.createElement("ul");
  await renderOAList(list, createZaloCloudClient({ apiKey: "shop-key", scope: "shop" }));
  expect([...list.children].map((item) => item.textContent)).toEqual(["Hoa Mai Florist"]);
});
