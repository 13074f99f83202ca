export {
  type DocumentedExample,
  type DocumentedResponse,
  documentedExamples,
  findOperation,
  jsonMedia,
  listOperations,
  namedExamples,
  type SpecOperation,
} from "./list-operations.js";
export {
  type ContentContainer,
  deref,
  isReference,
  loadSpec,
  type MediaTypeObject,
  type OpenApiDocument,
  type OperationObject,
  type ParameterObject,
  pointerSegment,
  type Reference,
  specPath,
} from "./load-spec.js";
export {
  checkMockDeclarations,
  type DeclaredFilter,
  type DeclaredValue,
  type FilterDeclaration,
  filterOf,
  type Match,
  type MockDeclarations,
  mockDeclarationsSchemaPath,
  type OperationDeclaration,
  type ResourceDeclaration,
  readMockDeclarations,
} from "./mock-declarations.js";
export { type Environment, ORIGINS, resolveOrigin } from "./origins.js";
export type { components, operations, paths, webhooks } from "./types.js";
