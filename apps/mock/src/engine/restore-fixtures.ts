import type { MockDeclarations } from "@etelecom-zalo/openapi";
import type { Hooks } from "../hooks/hook.js";
import type { Fixtures } from "../store/fixtures.js";
import type { KeyData, Store } from "../store/store.js";

/**
 * Puts a key's fixture records into its fresh data: each entry completed by its resource's sample (what the entry
 * leaves out), under its owner for a resource owned by another. Called on a key's first use, so a mock with
 * fixtures for ten thousand keys starts as fast as one without.
 */
export function restoreFixtures(
  fixtures: Fixtures,
  declarations: MockDeclarations,
  { samples }: Hooks,
  store: Store,
  data: KeyData,
): void {
  const byResource = fixtures[data.key];
  if (byResource === undefined) return;
  for (const [name, entries] of Object.entries(byResource)) {
    const resource = declarations.resources[name];
    if (resource === undefined) continue;
    const sample = resource.sample === undefined ? undefined : samples[resource.sample];
    entries.forEach((entry, index) => {
      const record = sample === undefined ? entry : sample.fill(entry, { store, data, index });
      const owner = resource.owner === undefined ? undefined : String(record[resource.owner.field]);
      const place = { resource: name, ...(owner !== undefined && { owner }) };
      // Each entry was checked against the caps at startup; only what the sample adds could still push one over.
      const refused = store.put(data, place, String(record[resource.key]), record, resource.caps);
      if (refused !== undefined) throw new Error(`fixtures[${JSON.stringify(data.key)}].${name}[${index}]: ${refused}`);
    });
  }
}
