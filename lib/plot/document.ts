/**
 * The server-side DOM every qtlab chart is built on. Deno and Node have no `document`; linkedom gives a
 * light, standards-shaped one that Observable Plot can render into. Charts pass it as Plot's `document`
 * option, and the display bridge serialises what they build (`outerHTML`).
 */
import { parseHTML } from "linkedom";

const { document: sharedDocument } = parseHTML("<!DOCTYPE html><html><head></head><body></body></html>");

/** The one shared server-side document. Elements built on it serialise with `outerHTML`. */
export const document: Document = sharedDocument as unknown as Document;
