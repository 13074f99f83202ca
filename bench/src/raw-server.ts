import { createServer } from "node:http";
import { findOperation } from "@etelecom-zalo/openapi";

// The ceiling: the least work that still answers AuthorizeOA honestly (route, auth, JSON body) with fixed JSON.
const ok = JSON.stringify(findOperation("AuthorizeOA").responses[0]?.examples.values().next().value);
const route = /^\/v1\/(shop|partner)\.Zalo\/AuthorizeOA$/;

function valid(text: string): boolean {
  try {
    const body = JSON.parse(text) as Record<string, unknown>;
    return ["app_id", "app_secret", "redirect_uri"].every((field) => typeof body[field] === "string");
  } catch {
    return false;
  }
}

createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on("data", (chunk: Buffer) => chunks.push(chunk));
  request.on("end", () => {
    const reply = (status: number, body: string) =>
      response
        .writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(body) })
        .end(body);
    if (request.method !== "POST" || !route.test(request.url ?? "")) return reply(404, '{"code":"bad_route"}');
    if (!request.headers.authorization?.startsWith("Bearer ")) return reply(401, '{"code":"unauthenticated"}');
    return valid(Buffer.concat(chunks).toString("utf8")) ? reply(200, ok) : reply(400, '{"code":"invalid_argument"}');
  });
}).listen(Number(process.argv[2]), "127.0.0.1");
