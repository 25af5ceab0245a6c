// Types of scripts/vsix.mjs for the TypeScript tests and the bench.
export declare const ROOT: string;
export declare const VSIX_GOAL_BYTES: number;
export declare function packageVsix(): { vsix: string; bytes: number; files: string[]; stage: string };
