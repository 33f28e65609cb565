/**
 * The browser's stand-in for lib/plot/document.ts: the page bundle (lib/live/bundle.ts) resolves every
 * import of lib/plot/document.ts to this module, so charts are drawn on the page's real document and
 * linkedom is not bundled.
 */
export const document: Document = globalThis.document;
