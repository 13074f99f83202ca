// Run in a new process by the startup suite: what a test suite pays for the mock in-process, first and again.
const started = performance.now();
const { startMock } = await import("@etelecom-zalo/mock");
const mocks = [await startMock({ port: 0 })];
const second = performance.now();
mocks.push(await startMock({ port: 0 }));
const times: Record<string, number | string> = { firstMs: second - started, secondMs: performance.now() - second };
try {
  // Not a literal, so that the bench builds before the handlers exist: their absence is reported, not fatal.
  const specifier = "@etelecom-zalo/mock/msw";
  const importing = performance.now();
  const { zaloCloudHandlers } = (await import(specifier)) as { zaloCloudHandlers: () => unknown };
  const creating = performance.now();
  times.importMs = creating - importing;
  await zaloCloudHandlers();
  times.handlersMs = performance.now() - creating;
} catch (error) {
  times.missing = (error as NodeJS.ErrnoException).code ?? String(error);
}
await Promise.all(mocks.map((mock) => mock.close()));
console.log(JSON.stringify(times));
