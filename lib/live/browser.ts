/**
 * The report page's script: the entry of the bundle the report runner inlines into a page that holds a
 * `.qtlab-live` element (lib/live/export.ts). It hydrates every live view of the page once, with the
 * page's address carrying the assumptions (lib/live/page.ts).
 */
import { startReportPage } from "./page.ts";

startReportPage();
