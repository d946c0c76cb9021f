// Kept in step with package.json by the build (scripts/build.mjs defines it).
declare const __COWORK_VERSION__: string | undefined;
export const VERSION: string = typeof __COWORK_VERSION__ === 'string' ? __COWORK_VERSION__ : '0.0.0-dev';
