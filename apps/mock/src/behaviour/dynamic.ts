import { filterOf, type MockDeclarations, type OperationDeclaration } from "@etelecom-zalo/openapi";
import type { Hook, Hooks } from "../hooks/hook.js";
import { int64Id } from "../store/ids.js";
import { DEFAULT_LIMIT } from "../store/paging.js";
import { integerBelow, type Random } from "../store/random.js";
import type { KeyData } from "../store/store.js";
import { applyValues, valueAt } from "../store/values.js";

/** How many records a generated list page holds at most: enough to show a list, few enough to read. */
const GENERATED_PAGE = 5;

/**
 * Dynamic mode's success for a declared operation, made by the same code as the state's answers with no state
 * touched: a hook's own generator, or records from the resource's sample with what the request fixes (the key it
 * names, the values it sets, the filter's `equals` fields). Undefined where nothing declared can make one: Prism
 * then generates the body from its schema.
 */
export function generate(
  declaration: OperationDeclaration,
  declarations: MockDeclarations,
  { hooks, samples }: Hooks,
  body: Record<string, unknown>,
  random: Random,
  now: number,
): unknown {
  if ("stateless" in declaration) return undefined;
  if (declaration.action === "hook") return (hooks[declaration.hook] as Hook).generate?.(body, random, now);
  if (declaration.action === "delete") return undefined;
  const resource = declarations.resources[declaration.resource];
  const sample = resource?.sample === undefined ? undefined : samples[resource.sample];
  if (resource === undefined || sample === undefined) return undefined;
  // A stand-in for a key's data: `$int64` and `$shop_id` draw from the unseeded generator, as everything here does.
  const data: KeyData = { key: "", random, shopId: int64Id(random), extras: new Map() };
  const context = { body, data, now };
  switch (declaration.action) {
    case "read":
      return sample.generate({ [resource.key]: valueAt(body, declaration.key ?? resource.key) }, random, now);
    case "update": {
      const given = { [resource.key]: valueAt(body, declaration.key ?? resource.key) };
      return applyValues(sample.generate(given, random, now), declaration.set ?? {}, context);
    }
    case "create":
      return sample.generate(applyValues({}, declaration.fill, context), random, now);
    case "list": {
      const limit = (valueAt(body, "paging.limit") as number | undefined) ?? DEFAULT_LIMIT;
      const fixed: Record<string, unknown> = {};
      for (const [name, declared] of Object.entries(declaration.filter ?? {})) {
        const { field, match } = filterOf(name, declared);
        const wanted = valueAt(body, `filter.${name}`);
        if (match === "equals" && wanted !== undefined) fixed[field] = wanted;
      }
      const count = integerBelow(random, Math.min(limit, GENERATED_PAGE) + 1);
      const items = Array.from({ length: count }, () => sample.generate(fixed, random, now));
      return declaration.paged === false
        ? { [declaration.items]: items }
        : { [declaration.items]: items, paging: { limit } };
    }
  }
}
