/** The base class of every error this client throws. */
export class EtelecomError extends Error {
  override name = "EtelecomError";
}
