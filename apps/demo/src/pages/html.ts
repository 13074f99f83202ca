import { html } from "hono/html";

/** A piece of HTML from the `html` tag: every value put into it is escaped unless it is itself `Html`. */
export type Html = ReturnType<typeof html>;

/** What a route renders inside the layout. */
export interface View {
  /** The page's `<title>`, before the site's name. */
  title: string;
  body: Html;
}

export { html };
