// Type-checks the TypeScript of the README and of every guide under docs/: each ```ts block, against the built
// packages as an app resolves them (their exports maps and dist). Each block is its own module; the free variables
// the prose gives them (an Express 5 `app` and `express`, a `shop` client) are declared once below, so that a block without an
// import is checked too. A block marked `<!-- verbatim: <file> -->` must also be that file of the repository,
// whole: a test that runs, quoted where the reader sees it.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/** A fenced block's opening line, indented as it is inside a list item: its indent, and the language if ts. */
const FENCE = /^( *)```(\S*)/;
const TYPESCRIPT = ["ts", "typescript"];
const VERBATIM = /^ *<!-- verbatim: (\S+) -->$/;

/** What the snippets take from their surroundings, as an app would have it. */
const AMBIENT = `import type { ZaloCloudClient } from "@etelecom-zalo/client";

/** A parsed query string as Express 5 types it (qs's ParsedQs): any name may be absent, repeated or nested. */
interface ParsedQs {
  [name: string]: undefined | string | ParsedQs | (string | ParsedQs)[];
}

/** What the routes use of an Express 5 request. */
interface Incoming {
  url: string;
  query: ParsedQs;
  /** What a body parser left there, e.g. express.raw()'s Buffer (Express types it \`any\`). */
  body: unknown;
  /** Node's IncomingHttpHeaders: lower-case names, a list for a repeated Set-Cookie. */
  headers: Record<string, string | string[] | undefined>;
}

/** What the routes use of an Express 5 response. */
interface Reply {
  redirect(status: number, url: string): void;
  status(code: number): this;
  send(body: string): this;
  sendStatus(code: number): this;
}

/** An Express 5 handler or middleware: it may return anything, which Express ignores. */
type Handler = (req: Incoming, res: Reply, next: (error?: unknown) => void) => unknown;

declare global {
  /** An Express 5 app. */
  const app: { get(path: string, ...handlers: Handler[]): void; post(path: string, ...handlers: Handler[]): void };
  /** Express 5's module, for the body parser the routes use (express and @types/express are not installed here). */
  const express: { raw(options: { type: string }): Handler };
  /** A client made as "Create a client for a shop or a partner" shows. */
  const shop: ZaloCloudClient;
  /** The client of "Connect an OA". */
  const zalo: ZaloCloudClient;
  const shop42Key: string;
  const app_secret: string;
  const redirect_uri: string;
  /** The OA's secret key, from the app's configuration. */
  const oaSecretKey: string;
  /** The app's own storage. */
  function saveOA(oaId: string, expiresAt: string | undefined): Promise<void>;
}
`;

interface Snippet {
  /** Where its first line of code stands, e.g. `docs/client.md:42`. */
  at: string;
  /** The Markdown file, from the repository's root. */
  file: string;
  /** The file's line of the snippet's first line of code. */
  line: number;
  code: string;
  /** The file of the repository this block must be, whole, when it is marked as its verbatim copy. */
  verbatim?: string;
}

const root = fileURLToPath(new URL("../../../", import.meta.url));

/** README.md, then every Markdown file under docs/, at any depth. */
const MARKDOWN = [
  "README.md",
  ...readdirSync(join(root, "docs"), { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".md"))
    .map((file) => `docs/${file.split("\\").join("/")}`)
    .sort(),
];

/** The ```ts blocks of one Markdown file, with where they stand. */
function readSnippets(file: string, markdown: string): Snippet[] {
  const lines = markdown.split("\n");
  const snippets: Snippet[] = [];
  for (let index = 0; index < lines.length; index++) {
    const fence = FENCE.exec(lines[index] ?? "");
    if (fence === null) continue;
    const [, indent = "", language = ""] = fence;
    const end = lines.indexOf(`${indent}\`\`\``, index + 1);
    if (end < 0) throw new Error(`${file}:${index + 1}: a fenced block is never closed`);
    if (TYPESCRIPT.includes(language)) {
      const code = lines
        .slice(index + 1, end)
        .map((line) => (line.startsWith(indent) ? line.slice(indent.length) : line))
        .join("\n");
      const verbatim = VERBATIM.exec(lines[index - 1] ?? "")?.[1];
      const at = `${file}:${index + 2}`;
      snippets.push({ at, file, line: index + 2, code, ...(verbatim !== undefined && { verbatim }) });
    }
    index = end;
  }
  return snippets;
}

const markdown = new Map(MARKDOWN.map((file) => [file, readFileSync(join(root, file), "utf8")]));
const snippets = MARKDOWN.flatMap((file) => readSnippets(file, markdown.get(file) ?? ""));
const fileOf = (snippet: Snippet) => `snippet-${snippets.indexOf(snippet)}.mts`;

// Inside contract-tests/node_modules, so that "@etelecom-zalo/client" and @types/node resolve as they do for an
// app of the workspace, and git never sees the files.
const cache = fileURLToPath(new URL("../../node_modules/.cache/", import.meta.url));
let folder: string;
let diagnostics: Map<string, string[]>;

beforeAll(() => {
  mkdirSync(cache, { recursive: true });
  folder = mkdtempSync(join(cache, "readme-snippets-"));
  writeFileSync(join(folder, "ambient.d.ts"), AMBIENT);
  // `export {}` makes a block without imports a module too, so that two blocks may declare the same name.
  for (const snippet of snippets) writeFileSync(join(folder, fileOf(snippet)), `${snippet.code}\nexport {};\n`);
  const program = ts.createProgram({
    rootNames: ["ambient.d.ts", ...snippets.map(fileOf)].map((file) => join(folder, file)),
    options: {
      target: ts.ScriptTarget.ES2022,
      // The DOM, for the frontend example (the client runs in browsers too).
      lib: ["lib.es2022.d.ts", "lib.dom.d.ts", "lib.dom.iterable.d.ts"],
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      types: ["node"],
      strict: true,
      skipLibCheck: true,
      noEmit: true,
    },
  });
  diagnostics = new Map();
  for (const diagnostic of ts.getPreEmitDiagnostics(program)) {
    const file = diagnostic.file?.fileName.slice(folder.length + 1) ?? "(no file)";
    const { line } = diagnostic.file?.getLineAndCharacterOfPosition(diagnostic.start ?? 0) ?? { line: 0 };
    const text = `line ${line + 1}: TS${diagnostic.code} ${ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n")}`;
    diagnostics.set(file, [...(diagnostics.get(file) ?? []), text]);
  }
}, 120_000);

afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
});

describe("the TypeScript of the README and docs/", () => {
  it("reads the guides under docs/ beside the README", () => {
    expect(MARKDOWN).toEqual(
      expect.arrayContaining(["README.md", "docs/client.md", "docs/mock.md", "docs/testing.md"]),
    );
  });

  it("checks every ts block of each file, indented or not", () => {
    for (const [file, text] of markdown) {
      const opened = text.split("\n").filter((line) => /^ *```(ts|typescript)\b/.test(line)).length;
      expect(snippets.filter((snippet) => snippet.file === file).length, file).toBe(opened);
    }
  });

  it("declares its surroundings in a way that compiles", () => {
    expect(diagnostics.get("ambient.d.ts") ?? []).toEqual([]);
    expect([...diagnostics.keys()].filter((file) => file !== "ambient.d.ts" && !file.startsWith("snippet-"))).toEqual(
      [],
    );
  });

  it.each(snippets.map((snippet) => [snippet.at, snippet] as const))(
    "%s type-checks against the built packages",
    (_, snippet) => {
      // Lines of a diagnostic count from the snippet's first line of code, which is line `snippet.line` of its file.
      const errors = (diagnostics.get(fileOf(snippet)) ?? []).map((error) =>
        error.replace(/^line (\d+)/, (_, line: string) => `${snippet.file}:${snippet.line + Number(line) - 1}`),
      );
      expect(errors).toEqual([]);
    },
  );

  it("quotes the in-process examples from the tests that run them", () => {
    expect(snippets.flatMap((snippet) => snippet.verbatim ?? [])).toEqual([
      "contract-tests/test/msw/connect-flow-in-process.test.ts",
      "contract-tests/test/msw/frontend-happy-dom.test.ts",
    ]);
  });

  it.each(
    snippets.flatMap((snippet) =>
      snippet.verbatim === undefined ? [] : [[snippet.at, snippet.verbatim, snippet.code] as const],
    ),
  )("%s is %s, verbatim", (_, file, code) => {
    expect(`${code}\n`).toBe(readFileSync(join(root, file), "utf8"));
  });
});
