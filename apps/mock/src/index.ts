export { type ConsentOptions, consent } from "./consent/consent.js";
export { createMockEngine, type MockEngine, type MockEngineOptions } from "./engine/create-mock-engine.js";
export { type RunningMock, type StartMockOptions, startMock } from "./start-mock.js";
export type { Fixtures } from "./store/fixtures.js";
export { LIMITS } from "./store/store.js";
