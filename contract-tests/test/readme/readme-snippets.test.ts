// Type-checks the README's TypeScript: every ```ts block of "Calling the client" and "Connect an OA", and any
// other block that imports the client or the mock's MSW handlers, against the built packages as an app resolves
// them (their exports maps and dist). Each block is its own module; the free variables the prose gives them (an
// Express-style `app`, a `shop` client) are declared once below. A block marked `<!-- verbatim: <file> -->` must
// also be that file of the repository, whole: a test that runs, quoted where the reader sees it.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const SECTIONS = ["Calling the client", "Connect an OA"];
const CHECKED_IMPORTS = ['from "@etelecom-zalo/client"', 'from "@etelecom-zalo/mock/msw"'];
const VERBATIM = /^<!-- verbatim: (\S+) -->$/;

/** What the snippets take from their surroundings, as an app would have it. */
const AMBIENT = `import type { ZaloCloudClient } from "@etelecom-zalo/client";

/** What the routes use of an Express response. */
interface Reply {
  redirect(status: number, url: string): void;
  status(code: number): { send(body: string): void };
}

declare global {
  /** An Express-style app. */
  const app: {
    get(path: string, handler: (req: { url: string; query: Record<string, string> }, res: Reply) => unknown): void;
  };
  /** A client made as "Create a client for a shop or a partner" shows. */
  const shop: ZaloCloudClient;
  /** The client of "Connect an OA". */
  const zalo: ZaloCloudClient;
  const shop42Key: string;
  const app_secret: string;
  const redirect_uri: string;
  /** The app's own storage. */
  function saveOA(oaId: string, expiresAt: string | undefined): Promise<void>;
}
`;

interface Snippet {
  /** The README line of the snippet's first line of code. */
  line: number;
  section: string;
  code: string;
  /** The file of the repository this block must be, whole, when it is marked as its verbatim copy. */
  verbatim?: string;
}

/** The ```ts blocks to check, with where they stand. */
function readSnippets(markdown: string): Snippet[] {
  const lines = markdown.split("\n");
  const snippets: Snippet[] = [];
  let section = "introduction";
  for (let index = 0; index < lines.length; index++) {
    section = /^## (.+)$/.exec(lines[index] ?? "")?.[1] ?? section;
    if (lines[index] !== "```ts") continue;
    const end = lines.indexOf("```", index + 1);
    if (end < 0) throw new Error(`README.md:${index + 1}: a \`\`\`ts block is never closed`);
    const code = lines.slice(index + 1, end).join("\n");
    const verbatim = VERBATIM.exec(lines[index - 1] ?? "")?.[1];
    if (SECTIONS.includes(section) || CHECKED_IMPORTS.some((checked) => code.includes(checked))) {
      snippets.push({ line: index + 2, section, code, ...(verbatim !== undefined && { verbatim }) });
    }
    index = end;
  }
  return snippets;
}

const root = fileURLToPath(new URL("../../../", import.meta.url));
const readme = readFileSync(join(root, "README.md"), "utf8");
const snippets = readSnippets(readme);
const fileOf = (snippet: Snippet) => `snippet-line-${snippet.line}.mts`;

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

describe("the README's TypeScript", () => {
  it("has snippets in each section this test covers", () => {
    for (const section of SECTIONS) expect(snippets.some((snippet) => snippet.section === section)).toBe(true);
  });

  it("declares its surroundings in a way that compiles", () => {
    expect(diagnostics.get("ambient.d.ts") ?? []).toEqual([]);
    expect([...diagnostics.keys()].filter((file) => file !== "ambient.d.ts" && !file.startsWith("snippet-"))).toEqual(
      [],
    );
  });

  it.each(snippets.map((snippet) => [`README.md:${snippet.line} (${snippet.section})`, snippet] as const))(
    "%s type-checks against the built client",
    (_, snippet) => {
      // Lines of a diagnostic count from the snippet's first line of code, which is README line `snippet.line`.
      const errors = (diagnostics.get(fileOf(snippet)) ?? []).map((error) =>
        error.replace(/^line (\d+)/, (_, line: string) => `README.md:${snippet.line + Number(line) - 1}`),
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
      snippet.verbatim === undefined ? [] : [[`README.md:${snippet.line}`, snippet.verbatim, snippet.code] as const],
    ),
  )("%s is %s, verbatim", (_, file, code) => {
    expect(`${code}\n`).toBe(readFileSync(join(root, file), "utf8"));
  });
});
