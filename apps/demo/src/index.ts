export { createDemoApp } from "./app.js";
export { CALLBACK_PATH, type DemoConfig, redirectUriOf } from "./demo-config.js";
export { exampleApp } from "./example-app.js";
export { type DemoEnv, readEnv } from "./read-env.js";
export { type RunningDemo, type StartDemoConfig, startDemo } from "./start-demo.js";
