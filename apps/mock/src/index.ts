export { type ConsentOptions, consent } from "./consent/consent.js";
export { createMockEngine, type MockEngine, type MockEngineOptions } from "./engine/create-mock-engine.js";
export { type RunningMock, type StartMockOptions, startMock } from "./start-mock.js";
export type { FixtureOA, Fixtures } from "./state/fixtures.js";
export { LIMITS } from "./state/mock-state.js";
