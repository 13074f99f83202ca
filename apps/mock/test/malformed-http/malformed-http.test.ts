import { connect } from "node:net";
import { describe, expect, it } from "vitest";
import { useMock } from "../use-mock.js";

const mock = useMock();

/** Sends raw bytes and resolves with everything the mock answers before it closes the connection. */
function rawExchange(bytes: string): Promise<string> {
  const { hostname, port } = new URL(mock.url);
  return new Promise((resolve, reject) => {
    let received = "";
    connect(Number(port), hostname, function (this: import("node:net").Socket) {
      this.write(bytes);
    })
      .on("data", (data) => {
        received += data.toString("latin1");
      })
      .on("end", () => resolve(received))
      .on("error", reject);
  });
}

describe("bytes that are not HTTP", () => {
  it("answers them with a JSON 400 invalid_argument, not Node's empty one", async () => {
    const answer = await rawExchange("HELLO\r\n\r\n");
    expect(answer).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
    expect(answer).toMatch(/\r\ncontent-type: application\/json\r\n/);
    const body = JSON.parse(answer.slice(answer.indexOf("\r\n\r\n") + 4));
    expect(body).toEqual({
      code: "invalid_argument",
      msg: expect.stringMatching(/^request: is not valid HTTP\/1\.1 \(HPE_/),
    });
  });
});
