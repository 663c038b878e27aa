// Tests drive Chromium with the project's own tooling.
export { launchChromium } from '../../scripts/tooling/chromium.ts';
