/**
 * The browser the end-to-end tests and the benchmark drive: Debian's Chromium
 * (CHROMIUM_PATH names another binary), headless, with the flags that keep it
 * from talking to anything but the app (no sync, no component updates, no
 * background requests). Nothing is downloaded.
 *
 * Owns: the binary's path and its flags. Must not touch: servers, pages or
 * what a test asserts (playwright.config.ts and bench/ read these two values).
 */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
