/**
 * Walking a collection page by page (docs/PLATFORM.md#pages): each page is `{href, items, links}`,
 * the next one is the `links` entry with rel "next", followed verbatim, and the header
 * X-Total-Matching-Query gives the size of the whole collection.
 */
import type { Page } from './types';

/** An async iterable over every item of a collection; `total` is known once the first page came. */
export interface PagedIterable<T> extends AsyncIterable<T> {
  readonly total?: number;
}

/** Fetches the first page (no argument) or the page a next link points at. */
export type PageFetcher<T> = (nextHref?: string) => Promise<Page<T>>;

export function nextPageHref(page: Page<unknown>): string | undefined {
  return page.links?.find((link) => link.rel === 'next')?.href;
}

/**
 * Yields the items of every page, each id once: when items are added while we page
 * (offset paging over a changing set), an item can move onto the next page and come
 * twice; it is yielded only the first time.
 */
export function paginate<T>(fetchPage: PageFetcher<T>): PagedIterable<T> {
  const iterable = {
    total: undefined as number | undefined,
    async *[Symbol.asyncIterator](): AsyncGenerator<T> {
      const seen = new Set<string>();
      let page = await fetchPage();
      for (;;) {
        iterable.total = page.total;
        for (const item of page.items) {
          const id = (item as { id?: unknown })?.id;
          if (typeof id === 'string') {
            if (seen.has(id)) continue;
            seen.add(id);
          }
          yield item;
        }
        const next = nextPageHref(page);
        // An empty page or a link back to the same page would loop forever.
        if (next === undefined || page.items.length === 0 || next === page.href) return;
        page = await fetchPage(next);
      }
    },
  };
  return iterable;
}
