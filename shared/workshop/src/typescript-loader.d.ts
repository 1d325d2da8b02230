/** Types of typescript-loader.js (plain JavaScript: it runs before any TypeScript can load). */
export declare const repoRoot: string;
export declare function nativeTypeScript(): boolean;
export declare function runtimeSpecifiers(text: string): string[];
export declare function baselineChain(entries: readonly string[]): string[] | undefined;
export declare function needsTsx(entries: readonly string[]): boolean;
export declare function quietTypeStrippingWarning(): void;
export declare function loadTypeScript(entries?: readonly string[]): Promise<'tsx' | 'native'>;
