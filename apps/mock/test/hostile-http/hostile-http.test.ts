import { connect, type Socket } from "node:net";
import { describe, expect, it } from "vitest";
import { useMock } from "../use-mock.js";

const mock = useMock({ requestTimeout: 1_000 });

/** Sends raw bytes, then resolves with everything the mock answers until it closes the connection. */
function rawExchange(bytes: string): Promise<string> {
  const { hostname, port } = new URL(mock.url);
  return new Promise((resolve, reject) => {
    let received = "";
    connect(Number(port), hostname, function (this: Socket) {
      this.write(bytes);
    })
      .on("data", (data) => {
        received += data.toString("latin1");
      })
      .on("end", () => resolve(received))
      .on("error", reject);
  });
}

/** Splits a stream of HTTP/1.1 answers (each with Content-Length) into status and parsed JSON body. */
function answers(stream: string): { status: number; type: string | undefined; body: unknown }[] {
  const parsed = [];
  let rest = stream;
  while (rest.length > 0) {
    const headEnd = rest.indexOf("\r\n\r\n");
    const head = rest.slice(0, headEnd);
    const length = Number(/\r\ncontent-length: (\d+)/i.exec(head)?.[1] ?? 0);
    const text = rest.slice(headEnd + 4, headEnd + 4 + length);
    parsed.push({
      status: Number(head.slice(9, 12)),
      type: /\r\ncontent-type: ([^\r]+)/i.exec(head)?.[1],
      body: text ? JSON.parse(text) : undefined,
    });
    rest = rest.slice(headEnd + 4 + length);
  }
  return parsed;
}

const authorize = (extra = "") => {
  const body = '{"app_id":"1","app_secret":"s","redirect_uri":"https://example.com/cb"}';
  return (
    `POST /v1/shop.Zalo/AuthorizeOA HTTP/1.1\r\nHost: mock\r\nContent-Type: application/json\r\n` +
    `Authorization: Bearer k\r\nContent-Length: ${body.length}\r\n${extra}\r\n${body}`
  );
};

const close = "Connection: close\r\n";

describe("HTTP that Node would answer with an empty body, or not at all", () => {
  it.each<[what: string, bytes: string, status: number, code: string, msg: string | RegExp]>([
    ["bytes that are not HTTP", "HELLO\r\n\r\n", 400, "invalid_argument", /^request: is not valid HTTP\/1\.1 \(HPE_/],
    [
      "an Expect it cannot meet",
      authorize(`Expect: foo\r\n${close}`),
      417,
      "invalid_argument",
      'Expect: "foo" is not supported (only 100-continue is)',
    ],
    [
      "an HTTP/1.1 request without Host",
      `GET /__health HTTP/1.1\r\n${close}\r\n`,
      400,
      "invalid_argument",
      "Host: is required in HTTP/1.1",
    ],
    [
      "a Host that no URL can hold",
      `GET /__health HTTP/1.1\r\nHost: a b\r\n${close}\r\n`,
      400,
      "invalid_argument",
      'Host: "a b" is not a valid host',
    ],
    [
      "TRACE, which a fetch Request cannot carry",
      `TRACE /x HTTP/1.1\r\nHost: mock\r\n${close}\r\n`,
      404,
      "bad_route",
      "unsupported method TRACE for path /x",
    ],
    [
      "CONNECT",
      "CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n",
      404,
      "bad_route",
      "unsupported method CONNECT for path example.com:443",
    ],
    [
      "a request that stops arriving, after the request timeout",
      "POST /v1/shop.Zalo/AuthorizeOA HTTP/1.1\r\nHost: mock\r\n",
      408,
      "invalid_argument",
      "request: not received within 1000 ms",
    ],
    [
      "a 100 kB URL",
      `GET /${"a".repeat(100_000)} HTTP/1.1\r\nHost: mock\r\n\r\n`,
      431,
      "invalid_argument",
      "request: headers and URL must be at most 16 KiB",
    ],
  ])("answers %s with a JSON error", async (_what, bytes, status, code, msg) => {
    expect(answers(await rawExchange(bytes))).toEqual([
      {
        status,
        type: "application/json",
        body: { code, msg: typeof msg === "string" ? msg : expect.stringMatching(msg) },
      },
    ]);
  });

  it("answers a request whose chunked body turns into garbage, then closes the connection", async () => {
    const head =
      "POST /v1/shop.Zalo/AuthorizeOA HTTP/1.1\r\nHost: mock\r\nContent-Type: application/json\r\n" +
      "Authorization: Bearer k\r\nTransfer-Encoding: chunked\r\n\r\n";
    expect(answers(await rawExchange(`${head}2\r\n{"\r\nZZ\r\n`))).toEqual([
      {
        status: 400,
        type: "application/json",
        body: {
          code: "invalid_argument",
          msg: "body: could not be read (the rest of the request is not valid HTTP/1.1)",
        },
      },
    ]);
  });

  it("answers pipelined requests in order before refusing the garbage after them", async () => {
    const received = answers(await rawExchange(`${authorize()}${authorize()}GARBAGE\r\n\r\n`));
    expect(received.map((answer) => answer.status)).toEqual([200, 200, 400]);
    expect(received[2]?.body).toMatchObject({ code: "invalid_argument" });
  });
});

describe("a request naming another host", () => {
  const body = '{"app_id":"1","app_secret":"s","redirect_uri":"https://example.com/cb"}';
  const call = (target: string, host: string) =>
    `POST ${target} HTTP/1.1\r\nHost: ${host}\r\nContent-Type: application/json\r\nAuthorization: Bearer k\r\n` +
    `Content-Length: ${body.length}\r\n${close}\r\n${body}`;

  // A consent link on the attacker's origin would send the OA owner there to consent.
  it.each([
    ["an absolute-form target", call("http://attacker.example/v1/shop.Zalo/AuthorizeOA", "attacker.example")],
    ["a foreign Host", call("/v1/shop.Zalo/AuthorizeOA", "attacker.example:4010")],
  ])("gets consent links on the origin the mock listens on, for %s", async (_what, bytes) => {
    const [answer] = answers(await rawExchange(bytes));
    expect(answer?.status).toBe(200);
    const url = (answer?.body as { url?: string } | undefined)?.url;
    expect(url?.startsWith(`${mock.url}/v4/oa/permission?app_id=1&`)).toBe(true);
  });
});
