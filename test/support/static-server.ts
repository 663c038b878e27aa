// Tests serve builds with the project's own tooling.
export { serveStatic } from '../../scripts/tooling/static-server.ts';
