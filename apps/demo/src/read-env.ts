import type { Environment, Scope } from "@etelecom-zalo/client";
import type { DemoConfig } from "./demo-config.js";

/** What the demo's command line runs: the app's config and where to listen. */
export interface DemoEnv {
  config: Omit<DemoConfig, "publicUrl" | "listening"> & { publicUrl?: string };
  port: number;
  host: string;
}

/** Reads a TCP port from a variable; throws a one-line Error naming it. */
export function readPort(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === "") return fallback;
  if (!/^\d+$/.test(value) || Number(value) > 65535)
    throw new Error(`${name} must be a port from 0 to 65535, got "${value}"`);
  return Number(value);
}

/** Reads one of a few allowed values; throws a one-line Error naming the variable. */
function oneOf<T extends string>(name: string, value: string | undefined, allowed: readonly T[]): T {
  const chosen = value || allowed[0];
  if (!allowed.includes(chosen as T)) {
    throw new Error(`${name} must be ${allowed.join(" or ")}, got "${value}"`);
  }
  return chosen as T;
}

/** How `/zalo/webhook` verifies events, from ZALO_OA_SECRET_KEY and ZALO_WEBHOOK_TOLERANCE_MS; none without a key. */
function readWebhook(env: NodeJS.ProcessEnv): DemoConfig["zaloWebhook"] {
  const { ZALO_OA_SECRET_KEY: oaSecretKey, ZALO_WEBHOOK_TOLERANCE_MS: tolerance } = env;
  if (!oaSecretKey) {
    if (tolerance) {
      throw new Error("ZALO_WEBHOOK_TOLERANCE_MS needs ZALO_OA_SECRET_KEY, the key that verifies Zalo's events");
    }
    return undefined;
  }
  if (!tolerance) return { oaSecretKey };
  if (!/^\d{1,10}$/.test(tolerance)) {
    throw new Error(`ZALO_WEBHOOK_TOLERANCE_MS must be a number of milliseconds, got "${tolerance}"`);
  }
  return { oaSecretKey, toleranceMs: Number(tolerance) };
}

/**
 * Reads the demo's configuration from environment variables (see apps/demo/README.md). Every problem is a one-line
 * Error: all the missing variables at once, or the first malformed one.
 */
export function readEnv(env: NodeJS.ProcessEnv): DemoEnv {
  const { ETELECOM_API_KEY = "", ZALO_APP_ID = "", ZALO_APP_SECRET = "", ETELECOM_BASE_URL, DEMO_PUBLIC_URL } = env;
  const required = { ETELECOM_API_KEY, ZALO_APP_ID, ZALO_APP_SECRET };
  const missing = Object.keys(required).filter((name) => required[name as keyof typeof required] === "");
  if (missing.length > 0) {
    throw new Error(`missing ${missing.join(", ")}: set ${missing.length > 1 ? "them" : "it"} in the environment`);
  }
  // Checked here so that a typo stops the demo at startup, not when an OA owner clicks "Connect".
  if (!/^\d{1,19}$/.test(ZALO_APP_ID)) {
    throw new Error(`ZALO_APP_ID must be the Zalo app's numeric ID, got "${ZALO_APP_ID}"`);
  }
  const etelecom: DemoConfig["etelecom"] = {
    apiKey: ETELECOM_API_KEY,
    scope: oneOf<Scope>("ETELECOM_SCOPE", env.ETELECOM_SCOPE, ["shop", "partner"]),
    environment: oneOf<Environment>("ETELECOM_ENVIRONMENT", env.ETELECOM_ENVIRONMENT, ["production", "sandbox"]),
    ...(ETELECOM_BASE_URL && { baseUrl: ETELECOM_BASE_URL }),
  };
  const zaloWebhook = readWebhook(env);
  return {
    config: {
      etelecom,
      zaloApp: { app_id: ZALO_APP_ID, app_secret: ZALO_APP_SECRET },
      ...(DEMO_PUBLIC_URL && { publicUrl: DEMO_PUBLIC_URL }),
      ...(zaloWebhook && { zaloWebhook }),
    },
    port: readPort("PORT", env.PORT, 3000),
    host: env.HOST || "127.0.0.1",
  };
}
