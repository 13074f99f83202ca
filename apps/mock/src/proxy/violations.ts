/** One disagreement between the traffic and the spec, found by the proxy: never a key, a secret or a value. */
export interface Violation {
  /** When it was found, as an ISO 8601 time. */
  at: string;
  operationId: string;
  /** Whether the caller's request or eTelecom's answer broke the spec. */
  direction: "request" | "response";
  /** eTelecom's status (for a request too: what eTelecom made of it); absent when eTelecom did not answer. */
  status?: number;
  /** The field at fault, as the mock's 400s name one (`accounts.0.oa_id`); absent for the answer as a whole. */
  field?: string;
  /** What is wrong, in the words of the mock's own 400s (`must be a string`). */
  rule: string;
}

/** What `GET /__violations` answers: the latest violations, oldest first, and how many older ones were dropped. */
export interface ViolationReport {
  violations: Violation[];
  dropped: number;
}

/** How many violations a mock keeps: a long run against eTelecom must not grow without bound. */
export const VIOLATIONS_KEPT = 1000;

/** One violation as a log line: `violation: <operationId> 200 response: accounts.0.oa_id: must be a string`. */
export function violationLine({ operationId, status, direction, field, rule }: Violation): string {
  return `violation: ${operationId}${status === undefined ? "" : ` ${status}`} ${direction}: ${field === undefined ? "" : `${field}: `}${rule}`;
}

/**
 * The violations of one mock, whoever's call found them: they are facts about the spec and eTelecom, the same for
 * every key, and a list per key would have to be read with the key, which a spec check should not need. Keeps the
 * last `kept`, counting the ones it dropped, and sends each one to `report` as it comes.
 */
export function createViolations(report: ((line: string) => void) | undefined, kept = VIOLATIONS_KEPT) {
  const violations: Violation[] = [];
  let dropped = 0;
  return {
    add(violation: Violation): void {
      violations.push(violation);
      if (violations.length > kept) {
        violations.shift();
        dropped++;
      }
      report?.(violationLine(violation));
    },
    report: (): ViolationReport => ({ violations: [...violations], dropped }),
  };
}

export type Violations = ReturnType<typeof createViolations>;
