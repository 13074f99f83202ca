export { CATALOGUE as CONSENT_PAGE_OAS } from "./consent/catalogue.js";
export { type ConsentOptions, consent } from "./consent/consent.js";
export { createMockEngine, type MockEngine, type MockEngineOptions } from "./engine/create-mock-engine.js";
// The mock's own reading of a request's route and of its Prefer header, exported for the contract tests' audit, which
// checks every exchange the mock answered against the spec with the same reading.
export { matchRoute, type RouteMatch } from "./router/match-route.js";
export { type Preference, parsePrefer, readPreference } from "./scenario/read-preference.js";
export { type RunningMock, type StartMockOptions, startMock } from "./start-mock.js";
export type { Fixtures } from "./store/fixtures.js";
export { LIMITS } from "./store/store.js";
