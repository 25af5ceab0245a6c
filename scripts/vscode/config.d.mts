export const ROOT: string;
export const CACHE: string;
export const CODE_SERVER_VERSION: string;
export const NODE_VERSION: string;
export const ARTIFACTS: string;
export const RUNS: string;
export const EXTENSION_ID: string;
