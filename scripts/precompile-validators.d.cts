/** The source of a CommonJS module whose `exports.precompiled[name]` is the validator of each declared schema. */
export declare function precompiledValidators(root?: string, options?: { cache?: string }): Promise<string>;
