import { html } from "hono/html";

/** A piece of HTML from the `html` tag: every value put into it is escaped unless it is itself `Html`. */
export type Html = ReturnType<typeof html>;

/** What a route renders inside the layout. */
export interface View {
  /** The page's `<title>`, before the site's name. */
  title: string;
  body: Html;
  /** The path of the page's one script, on the demo's own origin; none by default. */
  script?: string;
}

export { html };
