// Tests drive Chromium with the project's own tooling.
export { launchChromium } from '../../src/tooling/chromium.ts';
