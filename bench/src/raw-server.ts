import { createServer } from "node:http";

// The ceiling: the least work that still answers AuthorizeOA honestly (route, auth, JSON body) with fixed JSON.
const ok = JSON.stringify({
  url: "https://oauth.zaloapp.com/v4/oa/permission?app_id=1234567890123456789&redirect_uri=https%3A%2F%2Fshop.example.com%2Fzalo%2Fcallback&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&state=8f14e45fceea167a",
});
const unauthenticated = JSON.stringify({ code: "unauthenticated", msg: "missing Authorization" });
const invalid = JSON.stringify({ code: "invalid_argument", msg: "invalid body" });
const badRoute = JSON.stringify({ code: "bad_route", msg: "no such route" });
const route = /^\/v1\/(shop|partner)\.Zalo\/AuthorizeOA$/;

const server = createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on("data", (chunk: Buffer) => chunks.push(chunk));
  request.on("end", () => {
    const reply = (status: number, body: string) => {
      response.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(body) });
      response.end(body);
    };
    if (request.method !== "POST" || !route.test(request.url ?? "")) {
      return reply(404, badRoute);
    }
    if (!request.headers.authorization?.startsWith("Bearer ")) {
      return reply(401, unauthenticated);
    }
    let body: unknown;
    try {
      body = JSON.parse(Buffer.concat(chunks).toString("utf8"));
    } catch {
      return reply(400, invalid);
    }
    const fields = (body ?? {}) as Record<string, unknown>;
    const valid =
      typeof body === "object" &&
      body !== null &&
      typeof fields.app_id === "string" &&
      typeof fields.app_secret === "string" &&
      typeof fields.redirect_uri === "string";
    return valid ? reply(200, ok) : reply(400, invalid);
  });
});

server.listen(Number(process.env.PORT ?? 0), process.env.HOST ?? "127.0.0.1");
process.once("SIGTERM", () => server.close(() => process.exit(0)));
