/**
 * Throws when MSW `mswVersion` cannot run on Node `nodeVersion`. MSW 3 asks for Node 22.12 in its `engines`, which a
 * package manager only warns about; on an older Node it loads, then fails every request with
 * `Promise.withResolvers is not a function`, which reaches the app as the cause of a client error.
 */
export function assertMswRunsOn(mswVersion: string, nodeVersion: string): void {
  const [node = 0, minor = 0] = nodeVersion.split(".").map(Number);
  if (majorOf(mswVersion) >= 3 && (node < 22 || (node === 22 && minor < 12))) {
    throw new Error(
      `MSW ${mswVersion} needs Node 22.12 or later (this is Node ${nodeVersion}); use msw@2 on this Node`,
    );
  }
}

/** The module of MSW's `http`: MSW 3 exports it as `msw/http`, MSW 2 as `msw/core/http`. */
export const httpModuleOf = (mswVersion: string) => (majorOf(mswVersion) >= 3 ? "msw/http" : "msw/core/http");

const majorOf = (version: string) => Number(version.split(".")[0]);
