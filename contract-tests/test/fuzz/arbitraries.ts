import fc from "fast-check";

/** The fields of an AuthorizeOA request body. */
export const FIELDS = ["app_id", "app_secret", "redirect_uri"] as const;

/** Fixed so that every run tries the same cases; change it to explore others. */
export const FUZZ = { seed: 20261129, numRuns: 40 } as const;

const INT64_MAX = 2n ** 63n - 1n;

/** int64 IDs, biased to where a JS number breaks: around 2^53 and up to int64's maximum. */
export const appId = fc.oneof(
  fc.bigInt({ min: 2n ** 53n - 64n, max: 2n ** 53n + 64n }),
  fc.bigInt({ min: INT64_MAX - 64n, max: INT64_MAX }),
  fc.bigInt({ min: 0n, max: INT64_MAX }),
);

/** Non-empty secrets: any Unicode, and long ones. */
export const appSecret = fc.oneof(
  fc.string({ unit: "grapheme", minLength: 1, maxLength: 64 }),
  fc.string({ unit: "binary", minLength: 1, maxLength: 64 }),
  fc.string({ unit: "grapheme-ascii", minLength: 1000, maxLength: 4000 }),
);

/** Callback URLs, with query strings. */
export const redirectUri = fc.oneof(
  fc.webUrl({ withQueryParameters: true }),
  fc
    .tuple(fc.webUrl(), fc.string({ unit: "grapheme", minLength: 1, maxLength: 20 }))
    .map(([url, value]) => `${url}?state=${encodeURIComponent(value)}&lang=vi`),
);

/** Request bodies the spec accepts, with app_id as a decimal string. */
export const validBody = fc.record({ app_id: appId.map(String), app_secret: appSecret, redirect_uri: redirectUri });

/** JSON values of every type but string, for "wrong type" breaks. */
export const notAString = fc.oneof(
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.integer(), { maxKeys: 3 }),
);

/** A body with one field broken, and the field the mock must name. */
export interface BrokenBody {
  body: unknown;
  field: string;
  how: string;
}

const brokenField = fc.constantFrom(...FIELDS).chain((field) =>
  fc.oneof(
    fc.constant({ field, how: "missing", value: undefined as unknown }),
    fc.constant({ field, how: "empty string", value: "" as unknown }),
    notAString.map((value) => ({ field, how: "wrong JSON type", value })),
    ...(field === "app_id"
      ? [
          fc
            .string({ minLength: 1, maxLength: 20 })
            .filter((value) => !/^[0-9]+$/.test(value))
            .map((value) => ({ field, how: "not digits", value })),
          fc.stringMatching(/^[0-9]{20,25}$/).map((value) => ({ field, how: "too many digits", value })),
          fc
            .bigInt({ min: INT64_MAX + 1n, max: 10n ** 19n - 1n })
            .map((value) => ({ field, how: "above int64's maximum", value: String(value) })),
        ]
      : []),
    ...(field === "redirect_uri"
      ? [
          fc
            .constantFrom("not a url", "/zalo/callback", "shop.example.com/cb", "https://exa mple.com/")
            .map((value) => ({ field, how: "not a URI", value })),
        ]
      : []),
  ),
);

/** Valid bodies with exactly one thing wrong: each field broken in turn, or an extra field. */
export const brokenBody: fc.Arbitrary<BrokenBody> = fc.oneof(
  fc.tuple(validBody, brokenField).map(([body, { field, how, value }]) => {
    const { [field]: _, ...rest } = body;
    return { body: how === "missing" ? rest : { ...body, [field]: value }, field, how };
  }),
  fc
    .tuple(validBody, fc.stringMatching(/^[a-z][a-z0-9_]{0,15}$/), fc.jsonValue())
    .filter(([, name]) => !(FIELDS as readonly string[]).includes(name))
    .map(([body, field, value]) => ({ body: { ...body, [field]: value }, field, how: "extra field" })),
);

/** JSON bodies that are not an object. */
export const nonObjectBody = fc.oneof(
  fc.array(fc.jsonValue(), { maxLength: 3 }),
  fc.string(),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
);
