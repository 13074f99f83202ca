// `@etelecom-zalo/client/operations`: each operation's descriptor (its path, the fields the client converts and
// redacts, its 200 check), by method name, for `createZaloCloudClientFor`. Its own entry point, so that an app that
// names two operations bundles two, not every operation of the spec.
export * from "./generated/operations.js";
