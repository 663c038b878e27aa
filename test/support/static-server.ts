// Tests serve builds with the project's own tooling.
export { serveStatic } from '../../src/tooling/static-server.ts';
