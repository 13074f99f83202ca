import type { MockDeclarations, OperationDeclaration } from "@etelecom-zalo/openapi";
import type { Hooks, Outcome } from "../hooks/hook.js";
import type { Scenario } from "../scenario/read-scenario.js";
import { unseededRandom } from "../store/random.js";
import type { KeyData } from "../store/store.js";
import { type DeclaredContext, runDeclared } from "./declared.js";
import { generate } from "./dynamic.js";

/** What answers a call: the state's outcome, a documented example, or a generated success. */
export type Verdict =
  | { outcome: Outcome; status: number }
  | { documented: number; example?: string; why: string }
  | { generated: number; value: unknown; why: string };

/** What stage 6 reads beyond the declared behaviour's context. */
export interface BehaveContext extends Omit<DeclaredContext, "data"> {
  /** The caller's data, made only when the state decides: a forced or stateless answer leaves no trace. */
  data: () => KeyData;
  declaration: OperationDeclaration;
  declarations: MockDeclarations;
  hooks: Hooks;
  scenario: Scenario;
  /** The status of the operation's documented success. */
  success: number;
  /** The mock keeps no state (`--stateless`). */
  stateless: boolean;
  /** Successes are generated where no state decides (`--dynamic`). */
  dynamic: boolean;
}

/**
 * Stage 6, behaviour: what decides the answer. A forced response (`Prefer`) wins; a generated success when dynamic
 * mode is asked for and no state decides; the documented example when the mock keeps no state; otherwise the
 * operation's declared behaviour, run on the store. `generated.value` undefined leaves the body to Prism's schema.
 */
export function behave(context: BehaveContext): Verdict {
  const { scenario, declaration, success } = context;
  const wantsDynamic = scenario.dynamic ?? context.dynamic;
  const made = (status: number, why: string): Verdict => ({
    generated: status,
    value: generate(
      declaration,
      context.declarations,
      context.hooks,
      context.body,
      unseededRandom,
      context.store.now(),
    ),
    why,
  });
  if (scenario.status !== undefined) {
    const why = `forced (${scenario.asked})`;
    if (wantsDynamic && scenario.status < 400) return made(scenario.status, why);
    return { documented: scenario.status, ...(scenario.example && { example: scenario.example }), why };
  }
  if (scenario.dynamic) return made(success, `generated (${scenario.asked})`);
  if (context.stateless || "stateless" in declaration) {
    return wantsDynamic ? made(success, "generated (--dynamic)") : { documented: success, why: "documented" };
  }
  return { outcome: runDeclared(declaration, { ...context, data: context.data() }), status: success };
}
