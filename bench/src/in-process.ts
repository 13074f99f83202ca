// Run in a new process by the startup suite: what a test suite pays for the mock in-process, first and again, and
// for the MSW handlers.
const started = performance.now();
const { startMock } = await import("@etelecom-zalo/mock");
const mocks = [await startMock({ port: 0 })];
const second = performance.now();
mocks.push(await startMock({ port: 0 }));
const importing = performance.now();
const { zaloCloudHandlers } = await import("@etelecom-zalo/mock/msw");
const creating = performance.now();
await zaloCloudHandlers();
const times = { firstMs: second - started, secondMs: importing - second, importMs: creating - importing };
console.log(JSON.stringify({ ...times, handlersMs: performance.now() - creating }));
await Promise.all(mocks.map((mock) => mock.close()));
