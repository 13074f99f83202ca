/** Absolute path of the OpenAPI document that every package derives from. */
export declare const specPath: string;
