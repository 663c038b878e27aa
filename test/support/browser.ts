// Tests drive Chromium with the project's own tooling; they never reach other origins
// (routeOtherOrigins without `fetch`: images are stood in for, anything else fails).
export { launchChromium, routeOtherOrigins } from '../../scripts/tooling/chromium.ts';
