/** The Seven Bridges platform client: everything the extension, the language server and the CLI use. */
export * from './client';
export * from './clock';
export * from './credentials';
export * from './environments';
export * from './errors';
export * from './http';
export * from './pagination';
export * from './proxy';
export * from './rateLimit';
export * from './serverClock';
export * from './types';
export * from './urlSafety';
export * from './backoff';
